# KocksMeckingIntercept from literal parameters (the output has no batch axes):
# g0 = (C - B) / A = (-5.41 + 0.744) / -8.679 = 0.537619541422
[Models]
  [model]
    type = KocksMeckingIntercept
    A = -8.679
    B = -0.744
    C = -5.41
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '()'
    output_Scalar_names = 'intercept'
    output_Scalar_values = '0.5376195414218228'
  []
[]
