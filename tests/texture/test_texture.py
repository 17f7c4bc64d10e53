"""neml2.texture: symmetry, projections against hand-computed points, uniform random orientations,
the de la Vallee Poussin kernel / KDE ODF normalizations, and the figure functions (Agg backend).

Hand values (orientation Q maps crystal -> sample, v_sample = Q c):
* identity, crystal [001] -> sample z -> disk centre (0, 0);
* 90 deg about x: Q z = (0, -sin 90, cos 90) = -y -> rim point (0, -1) (both projections);
* 45 deg about x: Q z = (0, -1/sqrt2, 1/sqrt2), polar angle 45 deg -> stereographic radius tan(22.5 deg)
  = sqrt2 - 1 = 0.41421, equal-area radius sqrt2 sin(22.5 deg) = 0.54120, both at azimuth -90 deg;
* 30 deg about z: Q x = (cos 30, sin 30, 0) -> rim point (0.86603, 0.5);
* 180 deg about x: Q z = -z, lower hemisphere -> its antipode z -> (0, 0).
"""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import neml2.texture as texture  # noqa: E402
from neml2.types import MRP, Vec  # noqa: E402

D = torch.float64


def t(*v):
    return torch.tensor(v, dtype=D)


def s(x):
    return torch.tensor(x, dtype=D)


def rot(axis, deg):
    return MRP.axis_angle(Vec(t(*axis)), s(math.radians(deg)))


# ---------------------------------------------------------------- symmetry


def test_cubic_group_is_the_24_proper_rotations():
    S = texture.symmetry_operators("432", dtype=D).data
    assert S.shape == (24, 3, 3)
    eye = torch.eye(3, dtype=D)
    torch.testing.assert_close(S @ S.transpose(-1, -2), eye.expand(24, 3, 3))
    torch.testing.assert_close(torch.linalg.det(S), torch.ones(24, dtype=D))
    # distinct, closed under products, signed permutation matrices
    flat = S.reshape(24, 9)
    assert torch.cdist(flat, flat).add(torch.eye(24, dtype=D)).min() > 0.5
    prod = (S[:, None] @ S[None]).reshape(-1, 9)
    assert torch.cdist(prod, flat).min(-1).values.max() < 1e-12
    assert set(S.abs().sum(-1).flatten().tolist()) == {1.0}
    # rotation angles: 1 identity, 3x2 (90, 270) + 3 (180) about <100>, 8 x 120 deg, 6 x 180 about <110>
    ang = torch.rad2deg(torch.arccos(((S.diagonal(dim1=-2, dim2=-1).sum(-1) - 1) / 2).clamp(-1, 1)))
    counts = {a: int((ang.round() == a).sum()) for a in (0.0, 90.0, 120.0, 180.0)}
    assert counts == {0.0: 1, 90.0: 6, 120.0: 8, 180.0: 9}


@pytest.mark.parametrize("name,order", [("1", 1), ("222", 4), ("422", 8), ("23", 12), ("432", 24)])
def test_group_orders(name, order):
    assert texture.symmetry_operators(name, dtype=D).data.shape[0] == order


@pytest.mark.parametrize("pole,nax,ndir", [((1, 0, 0), 3, 6), ((1, 1, 0), 6, 12), ((1, 1, 1), 4, 8)])
def test_symmetry_expansion_counts(pole, nax, ndir):
    assert texture.symmetry_equivalent_directions(t(*pole), "432").shape == (ndir, 3)
    ax = texture.symmetry_equivalent_directions(t(*pole), "432", antipodal=True)
    assert ax.shape == (nax, 3)
    torch.testing.assert_close(ax.norm(dim=-1), torch.ones(nax, dtype=D))
    # the {111} axes are the four body diagonals: |components| all 1/sqrt3
    if pole == (1, 1, 1):
        torch.testing.assert_close(ax.abs(), torch.full((4, 3), 1 / math.sqrt(3), dtype=D))


def test_unknown_symmetry():
    with pytest.raises(ValueError, match="unknown crystal symmetry"):
        texture.symmetry_operators("m-3m")


# ---------------------------------------------------------------- projections


def test_identity_001_pole_at_centre_and_cube_texture():
    pts = texture.pole_figure_points(MRP.identity(dtype=D), t(0, 0, 1), crystal_symmetry="1")
    torch.testing.assert_close(pts, t(0, 0)[None])
    # cube texture, {100} with cubic symmetry: 3 axes -> centre + two rim points on the x / y axes
    pts = texture.pole_figure_points(MRP.identity(dtype=D), t(1, 0, 0), crystal_symmetry="432")
    assert pts.shape == (3, 2)
    assert sorted(pts.norm(dim=-1).round(decimals=12).tolist()) == [0.0, 1.0, 1.0]
    assert sorted(pts.abs().sum(0).round(decimals=12).tolist()) == [1.0, 1.0]


@pytest.mark.parametrize("projection", ["stereographic", "equal_area"])
def test_90_about_x_moves_001_to_rim(projection):
    pts = texture.pole_figure_points(rot((1, 0, 0), 90), t(0, 0, 1), "1", projection)
    torch.testing.assert_close(pts, t(0, -1)[None], atol=1e-12, rtol=0)


@pytest.mark.parametrize("projection,radius", [("stereographic", math.sqrt(2) - 1), ("equal_area", 0.5411961)])
def test_45_about_x(projection, radius):
    pts = texture.pole_figure_points(rot((1, 0, 0), 45), t(0, 0, 1), "1", projection)
    torch.testing.assert_close(pts, t(0, -radius)[None], atol=1e-7, rtol=0)


def test_rim_and_lower_hemisphere_points():
    pts = texture.pole_figure_points(rot((0, 0, 1), 30), t(1, 0, 0), "1")
    torch.testing.assert_close(pts, t(math.sqrt(3) / 2, 0.5)[None])
    pts = texture.pole_figure_points(rot((1, 0, 0), 180), t(0, 0, 1), "1")
    torch.testing.assert_close(pts, t(0, 0)[None], atol=1e-12, rtol=0)


@pytest.mark.parametrize("projection", ["stereographic", "equal_area"])
def test_unproject_inverts_project(projection):
    v = torch.nn.functional.normalize(torch.randn(50, 3, dtype=D, generator=torch.Generator().manual_seed(1)), dim=-1)
    v = texture.upper_hemisphere(v)
    torch.testing.assert_close(texture.unproject(texture.project(v, projection), projection), v)


def test_convention_crystal_to_sample():
    r = MRP.rand(7, dtype=D, generator=torch.Generator().manual_seed(2))
    c = t(1, 2, 3) / math.sqrt(14)
    got = texture.pole_directions(r, c, "1")[:, 0]
    torch.testing.assert_close(got, r.to_R2().data @ c)  # v_sample = Q c
    # inverse: 90 deg about x takes crystal z to sample -y, so sample -y is crystal [001]
    ipf = texture.inverse_pole_directions(rot((1, 0, 0), 90), t(0, -1, 0), "1")
    torch.testing.assert_close(ipf, t(0, 0, 1)[None], atol=1e-12, rtol=0)


def test_inverse_pole_figure_sector():
    r = MRP.rand(200, dtype=D, generator=torch.Generator().manual_seed(3))
    c = texture.inverse_pole_directions(r, t(0, 1, 0), "432")
    x, y, z = c.unbind(-1)
    assert bool((z >= x).all() and (x >= y).all() and (y >= 0).all())
    # equivalent under every symmetry operator (and the antipode) of the crystal
    S = texture.symmetry_operators("432", dtype=D).data
    v = torch.nn.functional.normalize(torch.randn(20, 3, dtype=D), dim=-1)
    ref = texture.reduce_to_cubic_sector(v)
    for Si in S:
        torch.testing.assert_close(texture.reduce_to_cubic_sector(v @ Si.T), ref)
        torch.testing.assert_close(texture.reduce_to_cubic_sector(-(v @ Si.T)), ref)
    # identity: sample y is crystal [010] ~ [001] (centre); sample [111] is the [111] corner
    torch.testing.assert_close(
        texture.inverse_pole_figure_points(MRP.identity(dtype=D), t(0, 1, 0)), t(0, 0)[None], atol=1e-12, rtol=0
    )
    s3 = 1 / (1 + math.sqrt(3))
    torch.testing.assert_close(texture.inverse_pole_figure_points(MRP.identity(dtype=D), t(1, 1, 1)), t(s3, s3)[None])


# ---------------------------------------------------------------- uniform random orientations


def test_mrp_rand_uniform_on_so3():
    n = 20000
    R = MRP.rand(n, dtype=D, generator=torch.Generator().manual_seed(0)).to_R2().data
    # E[R] = 0 for the Haar measure (each entry has variance 1/3)
    assert R.mean(0).abs().max() < 4 * math.sqrt(1 / 3 / n)
    # rotation angle omega: CDF (omega - sin omega) / pi; Kolmogorov-Smirnov distance
    om = torch.arccos(((R.diagonal(dim1=-2, dim2=-1).sum(-1) - 1) / 2).clamp(-1, 1)).sort().values
    cdf = (om - torch.sin(om)) / math.pi
    emp = torch.arange(1, n + 1, dtype=D) / n
    assert (cdf - emp).abs().max() < 1.36 / math.sqrt(n)  # 5% critical value
    # the poles of a random texture are uniform on the sphere: P(polar angle < a) = 1 - cos a
    v = texture.upper_hemisphere(R[:, :, 2])
    for a in (0.3, 0.8, 1.2):
        frac = float((v[:, 2] > math.cos(a)).double().mean())
        assert frac == pytest.approx(1 - math.cos(a), abs=4 * math.sqrt(0.25 / n))


# ---------------------------------------------------------------- kernel and ODF


def test_kernel_half_width_and_normalizations():
    k = texture.DeLaValleePoussinKernel(s(0.3))
    torch.testing.assert_close(k(s(0.3)) / k(s(0.0)), s(0.5))
    # (1/pi) int_0^pi K(w) (1 - cos w) dw = 1 (Haar measure of the rotation angle)
    w = torch.linspace(0, math.pi, 200001, dtype=D)
    assert float(torch.trapezoid(k(w) * (1 - torch.cos(w)), w) / math.pi) == pytest.approx(1.0, rel=1e-8)
    # pole figure normalization: (1/2) int_-1^1 P(t) dt = 1
    c = torch.linspace(-1, 1, 200001, dtype=D)
    assert float(torch.trapezoid(k.radon(c), c) / 2) == pytest.approx(1.0, rel=1e-8)


def test_kernel_radon_is_the_fiber_average():
    # P(c, y) = (1/2pi) int K(omega(g0 R_c(phi))) dphi over the rotations taking c = z to y
    k = texture.DeLaValleePoussinKernel(s(0.4))
    phi = torch.linspace(0, 2 * math.pi, 4001, dtype=D)[:-1]
    for theta in (0.0, 0.2, 0.5, 1.0, 2.5):
        g0 = rot((1, 0, 0), math.degrees(theta))
        fib = g0.compose(MRP.axis_angle(Vec(t(0, 0, 1)), phi))
        cos_half = fib.to_quaternion().data[:, 0]
        avg = torch.exp(k.log_value(cos_half)).mean()
        torch.testing.assert_close(avg, k.radon(s(math.cos(theta))), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("sym", [None, "432"])
def test_kde_odf_normalized_and_symmetric(sym):
    g = torch.Generator().manual_seed(4)
    ori = MRP.rand(40, dtype=D, generator=g)
    odf = texture.KDEODF(ori, texture.DeLaValleePoussinKernel(s(0.5)), crystal_symmetry=sym)
    mc = odf(MRP.rand(10000, dtype=D, generator=g))
    assert float(mc.mean()) == pytest.approx(1.0, abs=5 * float(mc.std()) / 100)
    if sym == "432":
        S = MRP.from_matrix(texture.symmetry_operators("432", dtype=D))
        probe = MRP.rand(3, dtype=D, generator=g)
        ref = odf(probe)
        for i in range(24):
            torch.testing.assert_close(odf(probe.compose(MRP(S.data[i]))), ref)
    # the pole figure integrates to 1 over the sphere
    y = torch.nn.functional.normalize(torch.randn(10000, 3, dtype=D, generator=g), dim=-1)
    P = odf.pole_figure(t(1, 1, 1), y, "432")
    assert float(P.mean()) == pytest.approx(1.0, abs=5 * float(P.std()) / 100)


def test_optimize_kernel_cross_validation():
    g = torch.Generator().manual_seed(5)
    spread = MRP.axis_angle(Vec(torch.randn(300, 3, dtype=D, generator=g)), 0.2 * torch.rand(300, dtype=D, generator=g))
    odf = texture.KDEODF(rot((1, 2, 3), 40).compose(spread), texture.DeLaValleePoussinKernel(s(0.1)))
    h = odf.optimize_kernel()
    assert h is odf.kernel.h and 0.02 < float(h) < 1.5
    best = odf.log_likelihood()
    for f in (0.9, 1.1):
        assert float(odf.log_likelihood(float(h) * f)) < float(best)


# ---------------------------------------------------------------- figures


def _check(fig):
    assert isinstance(fig, Figure) and fig.axes
    ax = fig.axes[0]
    assert ax.collections or ax.lines
    assert plt.gca() is ax  # plt.title after the call labels the plot
    plt.title("t")
    fig.canvas.draw()
    plt.close(fig)


def test_figures():
    ori = MRP.rand(60, dtype=D, generator=torch.Generator().manual_seed(6))
    _check(texture.pretty_plot_pole_figure_points(ori, t(1, 1, 1), crystal_symmetry="432"))
    _check(texture.pretty_plot_pole_figure_points(ori, t(1, 0, 0), projection="equal_area"))
    _check(texture.pretty_plot_inverse_pole_figure(ori, t(0, 1, 0), crystal_symmetry="432"))
    odf = texture.KDEODF(ori, texture.DeLaValleePoussinKernel(s(0.2)))
    fig = texture.pretty_plot_pole_figure_odf(odf, t(1, 1, 1), crystal_symmetry="432", limits=(0.0, 3.0), ncontour=12)
    assert len(fig.axes) == 2  # the pole figure and its MRD colour bar
    _check(fig)
    fig, ax = plt.subplots()  # drawing into a given axes
    assert texture.pretty_plot_pole_figure_points(ori, t(1, 1, 0), ax=ax) is fig and ax.collections
    plt.close(fig)
