"""Chemical reactions (docs/modules/chemical_reactions.md): reaction mechanisms mapping the
conversion degree alpha to the reaction rate alpha_dot (contracting geometry, Avrami-Erofeev
nucleation, diffusion-limited), and the geometry / volume bridges (cylindrical shrinking-core
radii, effective composite volume). Time integration, Arrhenius coefficients and the implicit
solve come from the shared primitives."""
