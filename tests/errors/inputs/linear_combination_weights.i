# three weights for two variables in a linear combination
# get: model elastic_strain
# block: Models/elastic_strain
# option: weights
# expect: 3 weights for 2 variables in 'from'
[Models]
  [elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain'
    to = 'elastic_strain'
    weights = '1 -1 1'
  []
[]
