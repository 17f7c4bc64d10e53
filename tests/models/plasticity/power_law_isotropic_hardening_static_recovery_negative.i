# PowerLawIsotropicHardeningStaticRecovery recovers towards zero from either side:
# k_dot = -(|k|/tau)^(n-1) k/tau = -(50/100)^2 * (-50)/100 = 0.125
[Models]
  [model]
    type = PowerLawIsotropicHardeningStaticRecovery
    tau = 100
    n = 3
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(2,)'
    input_Scalar_names = 'isotropic_hardening'
    input_Scalar_values = '-50'
    output_Scalar_names = 'isotropic_hardening_rate'
    output_Scalar_values = '0.125'
  []
[]
