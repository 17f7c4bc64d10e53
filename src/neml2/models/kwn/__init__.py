"""KWN precipitation kinetics (modules/kwn/index.md): volume fractions, matrix concentrations,
growth rates and the classical-nucleation chain of a Kampmann-Wagner numerical model.

The size distribution of a precipitate lives on a sub-batch axis of radius bins; a constant
radius parameter (a [Tensors] table of bin centers) carries the bins on its last batch axis.
"""
