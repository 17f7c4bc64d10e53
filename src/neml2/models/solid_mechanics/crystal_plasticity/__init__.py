"""Crystal plasticity (docs/modules/solid_mechanics/crystal_plasticity): the crystal geometry
(:mod:`.cubic_crystal`), slip-system kinetics and hardening, and the rate-form kinematics.
Per-slip quantities are Scalars with the slip systems as one sub-batch axis."""
