// Private to libneml2: the stage / segment records of neml2::aoti::Model and the small helpers
// shared by its sources (model_load.cpp: metadata and loading; model_call.cpp: input checks and the
// stage loop of forward / jvp / jacobian; model_newton.cpp: the per-point Newton solve, substepping
// and solve_points).
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <torch/csrc/inductor/aoti_package/model_package_loader.h>

#include "neml2/csrc/aoti/model.h"

namespace neml2::aoti
{
namespace detail
{
inline std::string
join(const std::vector<std::string> & v, const std::string & sep = ", ")
{
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i ? sep : "") + v[i];
  return out;
}

inline std::string
shape_str(c10::IntArrayRef s)
{
  std::string out = "(";
  for (std::size_t i = 0; i < s.size(); ++i)
    out += (i ? ", " : "") + std::to_string(s[i]);
  return out + (s.size() == 1 ? ",)" : ")");
}

inline std::string
dtype_name(c10::ScalarType t)
{
  switch (t)
  {
    case at::kDouble:
      return "torch.float64";
    case at::kFloat:
      return "torch.float32";
    case at::kHalf:
      return "torch.float16";
    case at::kBFloat16:
      return "torch.bfloat16";
    case at::kLong:
      return "torch.int64";
    case at::kInt:
      return "torch.int32";
    case at::kBool:
      return "torch.bool";
    default:
      return std::string("torch.") + c10::toString(t);
  }
}

inline std::string
device_type_name(c10::DeviceType t)
{
  return c10::DeviceTypeName(t, /*lower_case=*/true);
}

inline std::vector<int64_t>
concat(const std::vector<int64_t> & a, const std::vector<int64_t> & b)
{
  std::vector<int64_t> out(a);
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

inline std::vector<int64_t>
concat(const std::vector<int64_t> & a, const std::vector<int64_t> & b, const std::vector<int64_t> & c)
{
  return concat(concat(a, b), c);
}

inline int64_t
prod(const std::vector<int64_t> & s)
{
  return std::accumulate(s.begin(), s.end(), int64_t(1), std::multiplies<int64_t>());
}

inline at::Tensor
rnorm(const at::Tensor & r)
{
  return at::linalg_vector_norm(r, 2, {-1});
}

inline std::string
fmt_norms(const at::Tensor & nr)
{
  auto t = nr.detach().to(at::kCPU, at::kDouble).contiguous();
  std::ostringstream os;
  os.precision(3);
  os << std::scientific << "[";
  const int64_t n = std::min<int64_t>(t.numel(), 4);
  for (int64_t i = 0; i < n; ++i)
    os << (i ? ", " : "") << t.data_ptr<double>()[i];
  os << (t.numel() > 4 ? ", ...]" : "]");
  return os.str();
}

inline std::string
fmt_points(const at::Tensor & idx)
{
  auto t = idx.detach().to(at::kCPU, at::kLong).contiguous();
  std::string out = "[";
  const int64_t n = std::min<int64_t>(t.numel(), 8);
  for (int64_t i = 0; i < n; ++i)
    out += (i ? ", " : "") + std::to_string(t.data_ptr<int64_t>()[i]);
  return out + "]";
}

/// The points a graph runs on at once: a larger batch is split into chunks of this many (the
/// graphs are pointwise; a chunk's intermediates stay in cache, 2-4x faster at 10^5 points).
constexpr int64_t POINT_CHUNK = 4096;

/// One segment (a .pt2 package) of a stage.
struct Graph
{
  std::string file;
  std::unique_ptr<torch::inductor::AOTIModelPackageLoader> loader;

  std::vector<at::Tensor> operator()(const std::vector<at::Tensor> & args) const
  {
    try
    {
      return loader->run(args);
    }
    catch (const c10::Error & e)
    {
      throw FatalError("segment " + file + " failed: " + e.what_without_backtrace());
    }
  }

  /// The graph over POINT_CHUNK points at a time: the first `batched` arguments split along their
  /// batch axis, the others (the parameters) passed whole; the outputs concatenated.
  std::vector<at::Tensor> points(const std::vector<at::Tensor> & args, std::size_t batched) const
  {
    const int64_t N = batched ? args.at(0).size(0) : 0;
    if (N <= POINT_CHUNK)
      return (*this)(args);
    std::vector<std::vector<at::Tensor>> parts;
    for (int64_t i = 0; i < N; i += POINT_CHUNK)
    {
      auto a = args;
      for (std::size_t j = 0; j < batched; ++j)
        a[j] = args[j].narrow(0, i, std::min(POINT_CHUNK, N - i));
      auto out = (*this)(a);
      parts.resize(out.size());
      for (std::size_t k = 0; k < out.size(); ++k)
        parts[k].push_back(std::move(out[k]));
    }
    std::vector<at::Tensor> out;
    for (const auto & p : parts)
      out.push_back(at::cat(p, 0));
    return out;
  }
};

struct Stage
{
  std::string kind; // explicit / implicit
  std::vector<std::string> inputs, outputs;
  std::vector<std::string> predictor_inputs; // implicit: what the Newton guess graph reads
  std::vector<int64_t> in_sizes, out_sizes;
  int64_t n = 0; // total output size (implicit: number of unknowns)
  std::map<std::string, Graph> graphs;
  /// adaptive substepping of an implicit stage (metadata "substepping"; ImplicitUpdate.substep_metadata)
  struct Substep
  {
    int64_t max_level = 0;
    double min_fraction = 0;
    std::vector<std::string> old_inputs;          // ramp old values that are not given variables
    std::vector<std::vector<int64_t>> ramped;     // [i, j] in given + old_inputs: X, X~1
    std::vector<int64_t> incremental;             // positions in given
    std::vector<std::vector<int64_t>> history;    // [offset, size, i]: unknowns -> given[i] of the next substep
  } sub;
  /// the per-site Newton Jacobian of an implicit stage of 'block' groups (metadata "site_blocks";
  /// neml2/solvers/site_blocks.py): the residual graph returns r (N, n), then A (N, G, k, k) and,
  /// with m dense unknowns, B (N, G, k, m), C (N, m, G, k), D (N, m, m)
  struct SiteBlocks
  {
    bool on = false;
    int64_t G = 1, k = 0, m = 0;
    at::Tensor cols_A, rows_A, cols_D, rows_D; // kLong: the flat (G k) / (m) positions in x and r
  } blocks;
};

/// J^{-1} b (b (N, n, p)) for a stage's Newton Jacobian J: the residual graph's outputs after r;
/// per-site LU then the Schur complement of the dense unknowns, or one dense LU.  A singular
/// system throws a c10::Error.
at::Tensor jacobian_solve(const Stage & st, const std::vector<at::Tensor> & J, const at::Tensor & b);
/// J v (v (N, n, p)) for the same J.
at::Tensor jacobian_apply(const Stage & st, const std::vector<at::Tensor> & J, const at::Tensor & v);

/// A converged solve over the fraction [a, b] of the step at the points P.
struct Step
{
  at::Tensor P;
  double a = 0, b = 1;
  at::Tensor x;
};
} // namespace detail

struct Model::Prepared
{
  TensorMap state;
  std::vector<int64_t> B;
  int64_t N = 0;
};
} // namespace neml2::aoti
