"""Porous flow (docs/modules/porous_flow): the effective saturation S_e of a fluid fraction, the
Brooks-Corey and van Genuchten capillary pressures P_c(S_e) (optionally log-linearly extended
below a transition saturation), the power-law, exponential and Kozeny-Carman porosity-permeability
laws K(phi), and the advective stress coupling porous flow to a finite-deformation solid."""
