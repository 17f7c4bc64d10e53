# two weights for three variables in a p-norm
# get: model norm
# block: Models/norm
# option: weights
# expect: 2 weights for 3 variables in 'from'
[Models]
  [norm]
    type = ScalarPNorm
    from = 'a b c'
    to = 'n'
    exponent = 2
    weights = '1 2'
  []
[]
