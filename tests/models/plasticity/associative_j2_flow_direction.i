# AssociativeJ2FlowDirection: N = 3/2 dev M / vm(M), M = (100, -50, 30, 20, -10, 40):
# dev M = (220/3, -230/3, 10/3, 20, -10, 40), vm = sqrt(23200) = 152.31546211727814
# N = (0.7221853807284742, -0.7550119889434048, 0.03282660821493063, 0.19695964928958387, -0.09847982464479194,
#      0.39391929857916774)
[Models]
  [model]
    type = AssociativeJ2FlowDirection
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
    batch_shape = '(3,)'
    input_SR2_names = 'mandel_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    output_SR2_names = 'flow_direction'
    output_SR2_values = '0.7221853807284742 -0.7550119889434048 0.03282660821493063 0.19695964928958387 -0.09847982464479194 0.39391929857916774'
    check_second_derivatives = true
  []
[]
