"""Forward-mode tangents of a leaf from its value expression: a dual-number tensor.

``DualTensor(p, t, k)`` is a tensor-like object (not a ``torch.Tensor`` subclass) holding a
primal ``p`` and, per seed leaf ``name``, a tangent ``t[name]`` with ``k[name]`` leading seed
(K) axes.  It is used as the ``.data`` of the typed wrappers: every wrapper method ends in torch
ops on ``.data``, which reach :meth:`DualTensor.__torch_function__` (or the operator / method
overloads below) and are evaluated as plain torch ops on the primal and on each tangent.  So
``torch.export`` sees ordinary tensor ops, and a leaf's ``forward`` written once with the typed
operations yields its values and their pushforward of K seeds.

Layout invariant: ``t[name].ndim == k[name] + p.ndim``; the non-K axes of a tangent broadcast
against ``p`` (size 1 where the tangent does not vary, e.g. batch-free seeds).  The primal and
the tangents may themselves be ``DualTensor``s: nesting gives second order
(:func:`dual_call` with ``v2`` / ``vh``).  An op without a rule raises ``NotImplementedError``
naming it, never a silent zero derivative.
"""

from neml2.models.dual import rules  # noqa: F401  (registers the op rules)
from neml2.models.dual.call import dual_call
from neml2.models.dual.tensor import DualTensor

__all__ = ["DualTensor", "dual_call"]
