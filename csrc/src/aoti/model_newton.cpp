// neml2::aoti::Model: the per-point Newton solve of the implicit stages (line search, the newton
// log channel), adaptive substepping and its sensitivities; solve_points.
#include "neml2/csrc/aoti/model.h"

#include <atomic>
#include <cmath>

#include <ATen/Parallel.h>
#include <c10/core/GradMode.h>

#include "model_internal.h"
#include "newton_trace.h"

namespace neml2::aoti
{
using namespace detail;

namespace
{
/// x = J^{-1} b per point, Gaussian elimination with partial pivoting on each row-major (n, n)
/// system.  Returns false when a pivot is exactly zero (a singular Jacobian).
template <typename T>
bool
solve_each(const T * J, const T * b, T * x, int64_t N, int64_t n)
{
  std::atomic<bool> ok{true};
  at::parallel_for(0,
                   N,
                   std::max<int64_t>(1, 32768 / (n * n)),
                   [&](int64_t begin, int64_t end)
                   {
                     std::vector<T> A(n * (n + 1));
                     for (int64_t p = begin; p < end; ++p)
                     {
                       const T * Jp = J + p * n * n;
                       for (int64_t i = 0; i < n; ++i)
                       {
                         std::copy(Jp + i * n, Jp + (i + 1) * n, A.data() + i * (n + 1));
                         A[i * (n + 1) + n] = b[p * n + i];
                       }
                       for (int64_t k = 0; k < n; ++k)
                       {
                         int64_t piv = k;
                         for (int64_t i = k + 1; i < n; ++i)
                           if (std::abs(A[i * (n + 1) + k]) > std::abs(A[piv * (n + 1) + k]))
                             piv = i;
                         if (A[piv * (n + 1) + k] == T(0))
                         {
                           ok = false;
                           return;
                         }
                         if (piv != k)
                           std::swap_ranges(
                               A.begin() + k * (n + 1), A.begin() + (k + 1) * (n + 1), A.begin() + piv * (n + 1));
                         const T * Ak = A.data() + k * (n + 1);
                         for (int64_t i = k + 1; i < n; ++i)
                         {
                           T * Ai = A.data() + i * (n + 1);
                           const T f = Ai[k] / Ak[k];
                           for (int64_t j = k + 1; j <= n; ++j)
                             Ai[j] -= f * Ak[j];
                         }
                       }
                       T * xp = x + p * n;
                       for (int64_t i = n - 1; i >= 0; --i)
                       {
                         const T * Ai = A.data() + i * (n + 1);
                         T v = Ai[n];
                         for (int64_t j = i + 1; j < n; ++j)
                           v -= Ai[j] * xp[j];
                         xp[i] = v / Ai[i];
                       }
                     }
                   });
  return ok;
}

/// The Newton step -J^{-1} r of every point (solve_points for a dense J; at::linalg_solve off the CPU).
at::Tensor
newton_step(const Stage & st, const std::vector<at::Tensor> & J, const at::Tensor & r)
{
  const auto b = -r;
  if (st.blocks.on)
    return jacobian_solve(st, J, b.unsqueeze(-1)).squeeze(-1);
  return solve_points_supported(J[0], b) ? solve_points(J[0], b) : at::linalg_solve(J[0], b);
}

/// A^{-1} b per point and site (LAPACK through at::linalg_solve_ex, as the Python runtime does).
at::Tensor
site_solve(const at::Tensor & A, const at::Tensor & b, const char * what)
{
  auto [x, info] = at::linalg_solve_ex(A, b);
  if (info.ne(0).any().item<bool>())
    throw c10::Error({__func__, __FILE__, static_cast<uint32_t>(__LINE__)}, std::string(what) + " is singular");
  return x;
}

std::vector<at::Tensor>
select_points(const std::vector<at::Tensor> & J, const at::Tensor & idx)
{
  std::vector<at::Tensor> out;
  for (const auto & t : J)
    out.push_back(t.index_select(0, idx));
  return out;
}
} // namespace

at::Tensor
detail::jacobian_solve(const Stage & st, const std::vector<at::Tensor> & J, const at::Tensor & b)
{
  const auto & L = st.blocks;
  if (!L.on)
    return site_solve(J.at(0), b, "the Jacobian");
  const int64_t N = b.size(0), p = b.size(2);
  auto bA = b.index_select(1, L.rows_A).reshape({N, L.G, L.k, p});
  auto x = at::empty_like(b);
  if (L.m == 0)
  {
    x.index_copy_(1, L.cols_A, site_solve(J.at(0), bA, "a per-site Jacobian block").reshape({N, L.G * L.k, p}));
    return x;
  }
  // x_D = S^{-1} (b_D - C A^{-1} b_A), S = D - C A^{-1} B, x_A = A^{-1} (b_A - B x_D)
  const auto &B = J.at(1), &C = J.at(2), &D = J.at(3);
  auto sol = site_solve(J.at(0), at::cat({bA, B}, -1), "a per-site Jacobian block");
  auto z = sol.narrow(-1, 0, p), Y = sol.narrow(-1, p, L.m);
  auto S = D - at::einsum("nigk,ngkj->nij", {C, Y});
  auto rhs = b.index_select(1, L.rows_D) - at::einsum("nigk,ngkp->nip", {C, z});
  auto xD = site_solve(S, rhs, "the Schur complement");
  auto xA = z - at::einsum("ngkj,njp->ngkp", {Y, xD});
  x.index_copy_(1, L.cols_A, xA.reshape({N, L.G * L.k, p}));
  x.index_copy_(1, L.cols_D, xD);
  return x;
}

at::Tensor
detail::jacobian_apply(const Stage & st, const std::vector<at::Tensor> & J, const at::Tensor & v)
{
  const auto & L = st.blocks;
  if (!L.on)
    return at::matmul(J.at(0), v);
  const int64_t N = v.size(0), p = v.size(2);
  auto vA = v.index_select(1, L.cols_A).reshape({N, L.G, L.k, p});
  auto yA = at::matmul(J.at(0), vA);
  auto y = at::empty_like(v);
  if (L.m > 0)
  {
    auto vD = v.index_select(1, L.cols_D);
    yA = yA + at::einsum("ngkj,njp->ngkp", {J.at(1), vD});
    y.index_copy_(1, L.rows_D, at::einsum("nigk,ngkp->nip", {J.at(2), vA}) + at::matmul(J.at(3), vD));
  }
  y.index_copy_(1, L.rows_A, yA.reshape({N, L.G * L.k, p}));
  return y;
}

bool
solve_points_supported(const at::Tensor & J, const at::Tensor & b)
{
  const auto t = b.scalar_type();
  return J.is_cpu() && b.is_cpu() && (t == at::kDouble || t == at::kFloat) && J.scalar_type() == t &&
         J.dim() == 3 && b.dim() == 2 && J.size(0) == b.size(0) && J.size(1) == b.size(1) &&
         J.size(2) == b.size(1);
}

at::Tensor
solve_points(const at::Tensor & J, const at::Tensor & b)
{
  if (!solve_points_supported(J, b))
    throw FatalError("solve_points: J (N, n, n) and b (N, n) on the CPU, float32 or float64, of one dtype");
  auto Jc = J.contiguous();
  auto bc = b.contiguous();
  auto x = at::empty_like(bc);
  const int64_t N = bc.size(0), n = bc.size(1);
  const bool ok = bc.scalar_type() == at::kDouble
                      ? solve_each(Jc.data_ptr<double>(), bc.data_ptr<double>(), x.data_ptr<double>(), N, n)
                      : solve_each(Jc.data_ptr<float>(), bc.data_ptr<float>(), x.data_ptr<float>(), N, n);
  if (!ok)
    throw c10::Error({__func__, __FILE__, static_cast<uint32_t>(__LINE__)}, "the Jacobian is singular");
  return x;
}

at::Tensor
Model::newton(detail::Stage & st, const std::vector<at::Tensor> & given, at::Tensor x, at::Tensor * failed_out)
{
  const int64_t N = x.size(0);
  c10::AutoGradMode no_grad(false);
  const auto ps = params();
  const auto & residual = st.graphs.at("residual");
  const auto & cfg = _solver;
  // r, J at the points idx (x: the unknowns of those points)
  auto fn = [&](const at::Tensor & xa, const at::Tensor & idx) -> std::pair<at::Tensor, std::vector<at::Tensor>>
  {
    std::vector<at::Tensor> args;
    const bool all = idx.numel() == N;
    for (const auto & g : given)
      args.push_back(all ? g : g.index_select(0, idx));
    args.push_back(xa.contiguous());
    args.insert(args.end(), ps.begin(), ps.end());
    auto out = residual.points(args, given.size() + 1);
    const std::size_t want = st.blocks.on && st.blocks.m ? 5 : 2; // r, J or r, A, B, C, D
    if (out.size() != want)
      throw FatalError("segment " + residual.file + " returned " + std::to_string(out.size()) +
                       " tensors, expected " + std::to_string(want));
    return {out[0], std::vector<at::Tensor>(out.begin() + 1, out.end())};
  };
  auto check_finite = [failed_out](const at::Tensor & nr, const at::Tensor & idx, int64_t its)
  {
    auto bad = at::logical_not(at::isfinite(nr));
    if (bad.any().item<bool>())
    {
      auto failed = idx.index({bad});
      if (failed_out)
        *failed_out = failed;
      throw ConvergenceError("non-finite residual at " + std::to_string(failed.numel()) + " point(s) (first: " +
                             fmt_points(failed) + ") in Newton iteration " + std::to_string(its));
    }
  };
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  x = x.contiguous().clone();
  auto idx = at::arange(N, opts.dtype(at::kLong));
  auto [r, J] = fn(x, idx);
  auto nr0 = rnorm(r);
  std::optional<detail::NewtonTrace> trace; // NEML2_LOGS newton=info / debug (log.h)
  if (log::enabled(log::Channel::Newton, log::Level::Info))
    trace.emplace(nr0, cfg.atol, cfg.rtol);
  check_finite(nr0, idx, 0);
  auto active = at::logical_not((nr0 <= cfg.atol) | (nr0 <= cfg.rtol * nr0));
  auto sel = active.nonzero().squeeze(-1);
  idx = idx.index_select(0, sel);
  r = r.index_select(0, sel);
  J = select_points(J, sel);
  nr0 = nr0.index_select(0, sel);
  int64_t its = 0;
  while (idx.numel())
  {
    if (trace && its >= cfg.miters)
      trace->failed(its, "max iterations");
    if (its >= cfg.miters && failed_out)
      *failed_out = idx;
    if (its >= cfg.miters)
      throw ConvergenceError("Newton did not converge in " + std::to_string(cfg.miters) + " iterations at " +
                             std::to_string(idx.numel()) + " point(s) (first: " + fmt_points(idx) +
                             "); residual norms " + fmt_norms(rnorm(r)));
    ++its;
    at::Tensor dx;
    try
    {
      dx = newton_step(st, J, r);
    }
    catch (const c10::Error & e)
    {
      if (trace)
        trace->failed(its, "singular Jacobian");
      if (failed_out)
        *failed_out = idx;
      throw ConvergenceError("Newton iteration " + std::to_string(its) +
                             ": singular Jacobian: " + e.what_without_backtrace());
    }
    auto xa = x.index_select(0, idx);
    at::Tensor xt, rt;
    std::vector<at::Tensor> Jt;
    if (cfg.ls_type == "NONE")
    {
      xt = xa + dx;
      std::tie(rt, Jt) = fn(xt, idx);
    }
    else
    {
      // per-point backtracking: accept a when |r(x + a dx)|^2 <= (1 - c a) |r(x)|^2 and, for
      // STRONG_WOLFE, |r(x + a dx) . J(x + a dx) dx| <= 0.9 |r(x)|^2 (the curvature condition)
      auto r0sq = (r * r).sum(-1);
      auto alpha = at::ones_like(r0sq);
      const bool wolfe = cfg.ls_type == "STRONG_WOLFE";
      xt = xa + dx;
      std::tie(rt, Jt) = fn(xt, idx);
      for (int64_t k = 0; k < cfg.ls_max_iters; ++k)
      {
        auto ok = (rt * rt).sum(-1) <= (1 - cfg.ls_c * alpha) * r0sq; // NaN counts as bad
        if (wolfe)
        {
          auto slope = (rt * jacobian_apply(st, Jt, dx.unsqueeze(-1)).squeeze(-1)).sum(-1);
          ok = at::logical_and(ok, slope.abs() <= 0.9 * r0sq);
        }
        auto bad = at::logical_not(ok);
        if (!bad.any().item<bool>())
          break;
        alpha = at::where(bad, alpha / cfg.ls_cutback, alpha);
        auto s = bad.nonzero().squeeze(-1);
        auto xs = xa.index_select(0, s) + alpha.index_select(0, s).unsqueeze(-1) * dx.index_select(0, s);
        auto [rs, Js] = fn(xs, idx.index_select(0, s));
        xt.index_copy_(0, s, xs);
        rt.index_copy_(0, s, rs);
        for (std::size_t j = 0; j < Jt.size(); ++j)
          Jt[j].index_copy_(0, s, Js[j]);
        if (trace)
          trace->line_search(k + 1, alpha, rt);
      }
    }
    x.index_copy_(0, idx, xt);
    r = rt;
    J = Jt;
    auto nr = rnorm(r);
    if (trace)
      trace->iteration(its, nr, nr0);
    check_finite(nr, idx, its);
    auto keep = (nr > cfg.atol) & (nr > cfg.rtol * nr0);
    if (!keep.all().item<bool>())
    {
      auto k = keep.nonzero().squeeze(-1);
      idx = idx.index_select(0, k);
      r = r.index_select(0, k);
      J = select_points(J, k);
      nr0 = nr0.index_select(0, k);
    }
  }
  if (trace)
    trace->converged(its);
  return x;
}
at::Tensor
Model::solve(detail::Stage & st,
             const std::vector<at::Tensor> & given,
             const std::vector<at::Tensor> & old,
             const std::vector<at::Tensor> & guess,
             int64_t N,
             std::vector<detail::Step> & steps)
{
  c10::AutoGradMode no_grad(false);
  const auto ps = params();
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  at::Tensor x;
  auto pred = st.graphs.find("predictor");
  if (pred == st.graphs.end())
    x = at::zeros({N, st.n}, opts);
  else
  {
    auto args = guess;
    args.insert(args.end(), ps.begin(), ps.end());
    auto out = pred->second(args);
    if (out.size() != 1 || out[0].sizes() != at::IntArrayRef({N, st.n}))
      throw FatalError("segment " + pred->second.file + " did not return the guess (N, " + std::to_string(st.n) +
                       ")");
    x = out[0].contiguous();
  }
  if (st.sub.max_level == 0)
  {
    x = newton(st, given, x, nullptr);
    steps.push_back({at::Tensor(), 0.0, 1.0, x});
    return x;
  }
  // adaptive substepping: the points that fail are bisected (as ImplicitUpdate / PyModel do)
  std::vector<at::Tensor> ext = given;
  ext.insert(ext.end(), old.begin(), old.end());
  const auto lopts = opts.dtype(at::kLong);
  const auto & sub = st.sub;
  // Newton at the points of g, a failed point leaving the batch and the rest solved again
  auto partial = [&](const std::vector<at::Tensor> & g, const at::Tensor & x0, std::string & first) -> std::pair<at::Tensor, at::Tensor>
  {
    const int64_t n = x0.size(0);
    auto failed = at::zeros({n}, opts.dtype(at::kBool));
    auto xs = x0.clone();
    auto pts = at::arange(n, lopts);
    while (pts.numel())
    {
      const bool all = pts.numel() == n;
      std::vector<at::Tensor> gp;
      for (const auto & t : g)
        gp.push_back(all ? t : t.index_select(0, pts));
      at::Tensor f;
      try
      {
        xs.index_copy_(0, pts, newton(st, gp, x0.index_select(0, pts), &f));
        break;
      }
      catch (const ConvergenceError & e)
      {
        auto bad = f.defined() && f.numel() ? pts.index_select(0, f) : pts;
        failed.index_fill_(0, bad, true);
        if (first.empty())
          first = e.what();
        pts = pts.index_select(0, at::logical_not(failed.index_select(0, pts)).nonzero().squeeze(-1));
      }
    }
    return {xs, failed};
  };
  std::function<at::Tensor(const at::Tensor &, double, double, const at::Tensor &, const at::Tensor &, int64_t)>
      advance = [&](const at::Tensor & P, double a, double b, const at::Tensor & xprev, const at::Tensor & g0, int64_t depth)
  {
    auto g = substep_given(st, ext, P, a, b, xprev.defined() ? history(st, xprev, true) : std::vector<at::Tensor>());
    std::string first;
    auto [xs, failed] = partial(g, g0, first);
    if (!failed.any().item<bool>())
    {
      steps.push_back({P, a, b, xs});
      return xs;
    }
    auto ok = at::logical_not(failed).nonzero().squeeze(-1);
    auto bad = failed.nonzero().squeeze(-1);
    if (ok.numel())
      steps.push_back({P.index_select(0, ok), a, b, xs.index_select(0, ok)});
    auto Pb = P.index_select(0, bad);
    const double frac = (b - a) / 2;
    if (depth >= sub.max_level || frac < sub.min_fraction)
    {
      std::ostringstream os;
      os << "model '" << _name << "': no convergence at " << Pb.numel() << " point(s) (first: " << fmt_points(Pb)
         << ") on the substep [" << a << ", " << b << "] of the step after " << depth << " bisection(s) (";
      if (depth >= sub.max_level)
        os << "max_substepping_level = " << sub.max_level;
      else
        os << "the next substep, " << frac << " of the step, is below substep_del_tol = " << sub.min_fraction;
      os << "); Newton: " << first;
      throw ConvergenceError(os.str());
    }
    const double m = (a + b) / 2;
    auto xm = advance(Pb, a, m, xprev.defined() ? xprev.index_select(0, bad) : at::Tensor(), g0.index_select(0, bad), depth + 1);
    auto xb = advance(Pb, m, b, xm, xm, depth + 1);
    auto out = xs.clone();
    out.index_copy_(0, bad, xb);
    return out;
  };
  return advance(at::arange(N, lopts), 0.0, 1.0, at::Tensor(), x, 0);
}

std::vector<at::Tensor>
Model::history(const detail::Stage & st, const at::Tensor & x, bool values) const
{
  std::vector<at::Tensor> out;
  for (const auto & h : st.sub.history)
  {
    auto part = x.narrow(1, h[0], h[1]);
    out.push_back(values ? part.reshape(concat({x.size(0)}, _base.at(st.inputs[h[2]]))).contiguous()
                         : part.contiguous());
  }
  return out;
}

std::vector<at::Tensor>
Model::substep_given(const detail::Stage & st,
                     const std::vector<at::Tensor> & ext,
                     const at::Tensor & P,
                     double a,
                     double b,
                     const std::vector<at::Tensor> & hist) const
{
  const std::size_t ng = st.inputs.size();
  std::vector<at::Tensor> g;
  for (const auto & t : ext)
    g.push_back(t.index_select(0, P));
  std::vector<at::Tensor> out(g.begin(), g.begin() + ng);
  if (a == 0.0 && b == 1.0)
    return out;
  for (const auto & r : st.sub.ramped)
  {
    const auto & nw = g[r[0]];
    const auto & od = g[r[1]];
    out[r[0]] = (1 - b) * od + b * nw;
    if (std::size_t(r[1]) < ng)
      out[r[1]] = (1 - a) * od + a * nw;
  }
  for (auto i : st.sub.incremental)
    out[i] = g[i] * (b - a);
  for (std::size_t k = 0; k < hist.size(); ++k)
    out[st.sub.history[k][2]] = hist[k];
  for (auto & t : out)
    t = t.contiguous();
  return out;
}

at::Tensor
Model::substep_sensitivity(detail::Stage & st,
                           const std::vector<at::Tensor> & given,
                           const std::vector<at::Tensor> & old,
                           const std::vector<detail::Step> & steps,
                           const TensorMap & D,
                           int64_t N)
{
  const auto ps = params();
  const int64_t M = D.begin()->second.size(-1);
  std::vector<at::Tensor> ext = given, extD;
  ext.insert(ext.end(), old.begin(), old.end());
  for (const auto & n : st.inputs)
    extD.push_back(D.at(n));
  for (const auto & n : st.sub.old_inputs)
    extD.push_back(D.at(n));
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  auto cur = at::zeros({N, st.n}, opts);
  auto dcur = at::zeros({N, st.n, M}, opts);
  for (const auto & step : steps)
  {
    const auto & P = step.P;
    const bool first = step.a == 0.0;
    auto g = substep_given(st, ext, P, step.a, step.b,
                           first ? std::vector<at::Tensor>() : history(st, cur.index_select(0, P), true));
    auto gD = substep_given(st, extD, P, step.a, step.b,
                            first ? std::vector<at::Tensor>() : history(st, dcur.index_select(0, P), false));
    auto args = g;
    args.push_back(step.x.contiguous());
    args.insert(args.end(), ps.begin(), ps.end());
    auto rJ = st.graphs.at("residual").points(args, g.size() + 1);
    const std::vector<at::Tensor> Jx(rJ.begin() + 1, rJ.end());
    auto Jg = st.graphs.at("sensitivity")(args).at(0);
    const int64_t n = P.numel();
    auto rhs = at::zeros({n, Jg.size(1), M}, opts);
    int64_t off = 0;
    for (std::size_t k = 0; k < gD.size(); ++k)
    {
      const int64_t s = st.in_sizes[k];
      rhs.baddbmm_(Jg.narrow(2, off, s), gD[k].reshape({n, s, M}));
      off += s;
    }
    dcur.index_copy_(0, P, -jacobian_solve(st, Jx, rhs));
    cur.index_copy_(0, P, step.x);
  }
  return dcur;
}
} // namespace neml2::aoti
