"""Cell-centered finite volumes in 1D (modules/finite_volume.md): edge interpolation, gradients and flux
divergences, upwinded advective fluxes, boundary values, and the source / coordinate helpers."""
