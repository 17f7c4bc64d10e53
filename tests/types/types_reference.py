"""Independent numpy references for the typed-tensor tests (full 3x3 / 3x3x3x3 algebra)."""

from __future__ import annotations

import numpy as np

S2 = np.sqrt(2.0)
PAIRS = ((0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1))
W = np.array([1.0, 1.0, 1.0, S2, S2, S2])

rng = np.random.default_rng(1234)


def rand_sym(*batch: int) -> np.ndarray:
    a = rng.standard_normal((*batch, 3, 3))
    return 0.5 * (a + np.swapaxes(a, -1, -2))


def rand_minor_sym4(*batch: int) -> np.ndarray:
    """Random 3x3x3x3 with minor symmetries (not major)."""
    c = rng.standard_normal((*batch, 3, 3, 3, 3))
    c = 0.5 * (c + np.swapaxes(c, -4, -3))
    return 0.5 * (c + np.swapaxes(c, -2, -1))


def mandel(a: np.ndarray) -> np.ndarray:
    """Full symmetric (..., 3, 3) -> Mandel (..., 6), written out component by component."""
    return np.stack([a[..., i, j] * W[m] for m, (i, j) in enumerate(PAIRS)], -1)


def unmandel(v: np.ndarray) -> np.ndarray:
    out = np.zeros(v.shape[:-1] + (3, 3))
    for m, (i, j) in enumerate(PAIRS):
        out[..., i, j] = out[..., j, i] = v[..., m] / W[m]
    return out


def mandel4(c: np.ndarray) -> np.ndarray:
    out = np.zeros(c.shape[:-4] + (6, 6))
    for m, (i, j) in enumerate(PAIRS):
        for n, (k, l) in enumerate(PAIRS):
            out[..., m, n] = c[..., i, j, k, l] * W[m] * W[n]
    return out


def skew(w: np.ndarray) -> np.ndarray:
    """Matrix of ``v -> w x v``."""
    z = np.zeros_like(w[..., 0])
    return np.stack(
        [
            np.stack([z, -w[..., 2], w[..., 1]], -1),
            np.stack([w[..., 2], z, -w[..., 0]], -1),
            np.stack([-w[..., 1], w[..., 0], z], -1),
        ],
        -2,
    )


def rodrigues(n: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Active rotation by ``theta`` about unit ``n``: ``I + sin K + (1 - cos) K^2``."""
    K = skew(n)
    s, c = np.sin(theta)[..., None, None], np.cos(theta)[..., None, None]
    return np.eye(3) + s * K + (1 - c) * (K @ K)


def quat_matrix(q: np.ndarray) -> np.ndarray:
    """Rotation matrix of a unit quaternion (w, x, y, z), textbook formula."""
    w, x, y, z = (q[..., i] for i in range(4))
    return np.stack(
        [
            np.stack([1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)], -1),
            np.stack([2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)], -1),
            np.stack([2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)], -1),
        ],
        -2,
    )


def rand_axis_angle(*batch: int) -> tuple[np.ndarray, np.ndarray]:
    n = rng.standard_normal((*batch, 3))
    n /= np.linalg.norm(n, axis=-1, keepdims=True)
    return n, rng.uniform(0.1, 3.0, batch)
