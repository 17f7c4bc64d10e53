# [Tensors] Python: brace substitution, triple-quoted blocks (expression and result =), np, bare names
n = 3
[Tensors]
  [a]
    type = Python
    expr = 'Scalar(torch.ones(${n}))'
  []
  [b]
    type = Python
    expr = '''
      2 * a
    '''
  []
  [c]
    type = Python
    expr = """x = np.arange(${n})
              y = torch.tensor(x, dtype=torch.float64)
              for i in range(2):
                  y = y + 1
              result = Scalar(y) + b"""
  []
  [d]
    type = Python
    expr = """def f(t):
                  return t * 3 + b
              result = f(c)"""
  []
[]
