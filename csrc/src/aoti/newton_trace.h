// The newton channel's lines of one Newton solve of the C++ runtime: the same lines as Python's
// neml2.solvers.newton_trace (begin/end separators and the converged summary at info, iterations
// with the largest residual norm of the points still iterating at debug, line-search cuts indented).
// Construct it only when log::enabled(Newton, Info): a quiet solve pays one atomic load.
#pragma once

#include <optional>
#include <string>

#include <ATen/ATen.h>

#include "neml2/csrc/aoti/log.h"

namespace neml2::aoti::detail
{
class NewtonTrace
{
public:
  /// nr0: the initial residual norms of every point.
  NewtonTrace(const at::Tensor & nr0, double atol, double rtol)
    : _atol(atol),
      _rtol(rtol),
      _debug(log::enabled(log::Channel::Newton, log::Level::Debug)),
      _r0(max(nr0))
  {
    log::emit(log::Channel::Newton, log::Level::Info, "---- begin newton solve ----");
    if (_debug)
      log::emitf(log::Channel::Newton, log::Level::Debug, "ITERATION %3d, |R| = %.2e, |R0| = %.2e", 0, _r0, _r0);
    if (!at::isfinite(nr0).all().item<bool>())
      failed(0, "non-finite residual");
  }

  /// After iteration `its`: nr / nr0 the current / initial norms of the points still iterating.
  void iteration(int64_t its, const at::Tensor & nr, const at::Tensor & nr0)
  {
    if (_debug)
      log::emitf(log::Channel::Newton,
                 log::Level::Debug,
                 "ITERATION %3d, |R| = %.2e, |R0| = %.2e",
                 static_cast<int>(its),
                 max(nr),
                 _r0);
    if (!at::isfinite(nr).all().item<bool>())
    {
      failed(its, "non-finite residual");
      return;
    }
    auto left = (nr <= _atol) | (nr <= _rtol * nr0);
    if ((left & (nr > _atol)).any().item<bool>())
      _rel = true;
  }

  /// Line-search cut `k` of the current step (alpha: the step fractions, r: the trial residuals).
  void line_search(int64_t k, const at::Tensor & alpha, const at::Tensor & r) const
  {
    if (_debug)
      log::emitf(log::Channel::Newton,
                 log::Level::Debug,
                 "  LS ITERATION %3d, min(alpha) = %.2e, |R| = %.2e",
                 static_cast<int>(k),
                 alpha.numel() ? alpha.min().item<double>() : 0.0,
                 max(at::linalg_vector_norm(r, 2, {-1})));
  }

  void converged(int64_t its)
  {
    if (_closed)
      return;
    log::emitf(log::Channel::Newton,
               log::Level::Info,
               "converged (iters=%d, reason=%s)",
               static_cast<int>(its),
               _rel ? "rel_tol" : "abs_tol");
    end();
  }

  void failed(int64_t its, const std::string & reason)
  {
    if (_closed)
      return;
    log::emitf(log::Channel::Newton,
               log::Level::Info,
               "not converged (iters=%d, reason=%s)",
               static_cast<int>(its),
               reason.c_str());
    end();
  }

private:
  static double max(const at::Tensor & t) { return t.numel() ? t.max().item<double>() : 0.0; }

  void end()
  {
    _closed = true;
    log::emit(log::Channel::Newton, log::Level::Info, "---- end newton solve ----");
  }

  double _atol, _rtol;
  bool _debug;
  double _r0;
  bool _rel = false;
  bool _closed = false;
};
} // namespace neml2::aoti::detail
