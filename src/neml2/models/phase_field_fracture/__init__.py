"""Phase-field fracture (docs/modules/phase_field_fracture.md): the three ingredients of the
regularized free energy

    psi(d, E) = G_c / (c_0 l) alpha(d) + g(d) psi_active(E) + psi_inactive(E),

the crack geometric function alpha(d) (AT1 / AT2), the degradation function g(d) (power /
rational) and the strain energy density split psi_active / psi_inactive. The KKT residual, its
derivatives (Normality) and the implicit update come from the shared primitives."""
