"""Linear viscoelasticity (modules/solid_mechanics/viscoelasticity.md): spring-dashpot networks."""
