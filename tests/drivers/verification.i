# Verification of the J2 example against CSV histories (the gold file's first point).
[Tensors]
  [ep_ref]
    type = CSVScalar
    csv_file = 'j2_reference.csv'
    variable = 'ep'
  []
  [stress_ref]
    type = CSVSR2
    csv_file = 'j2_reference.csv'
    variable = 'stress'
  []
[]
[Drivers]
  [verify]
    type = Verification
    driver = 'driver'
    time_steps = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50'
    Scalar_names = 'output.equivalent_plastic_strain'
    Scalar_values = 'ep_ref'
    SR2_names = 'output.stress'
    SR2_values = 'stress_ref'
    rtol = 1e-4
  []
[]
