// neml2::aoti::Model: the Python-free runtime of neml2-compile artifacts (docs/aoti_artifacts.md).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <ATen/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include "neml2/csrc/aoti/errors.h"
#include "neml2/csrc/model.h"

namespace neml2::aoti
{
using TensorMap = neml2::TensorMap;

/// x = J^{-1} b for every point: Gaussian elimination with partial pivoting (the first largest
/// |pivot|) on each row-major (n, n) system, in a plain loop over the points (at::parallel_for).
/// J is (N, n, n), b (N, n), on the CPU, float32 or float64; a zero pivot throws c10::Error.
/// For the tiny systems of per-point Newton this is several times faster than batched LAPACK.
at::Tensor solve_points(const at::Tensor & J, const at::Tensor & b);
/// Whether solve_points takes these arguments.
bool solve_points_supported(const at::Tensor & J, const at::Tensor & b);

/// Newton settings of the implicit stages (ls_type: NONE, BACKTRACKING or STRONG_WOLFE).
struct SolverConfig
{
  double atol = 1e-10;
  double rtol = 1e-8;
  int64_t miters = 25;
  std::string ls_type = "NONE";
  int64_t ls_max_iters = 10;
  double ls_cutback = 2.0;
  double ls_c = 1e-3;
};

namespace detail
{
struct Stage;
struct Step;
}

/// A compiled model: `Model(path_to_metadata.json_or_its_folder, device = "")`.
///
/// `device` ("cpu", "cuda", "cuda:0", ...; only the type is used) picks the `<device>/`
/// subfolder; empty means the first compiled device.  Inputs are `(*B, *base)` tensors with at
/// least one batch axis, on the compiled device and dtype; their batch shapes broadcast to a
/// common `B`, flattened for the graphs and restored on the results.  Implements neml2::Model.
class Model : public neml2::Model
{
public:
  explicit Model(const std::string & path, const std::string & device = "");
  ~Model() override;
  Model(Model &&) noexcept;
  Model & operator=(Model &&) noexcept;
  Model(const Model &) = delete;
  Model & operator=(const Model &) = delete;

  /// Outputs keyed by output_names(), each `(*B, *base)`.
  TensorMap forward(const TensorMap & inputs) override;
  /// Outputs and their directional derivatives along `tangents` (a missing key is zero).
  std::pair<TensorMap, TensorMap> jvp(const TensorMap & inputs, const TensorMap & tangents) override;
  /// Outputs and `J[out][in]` blocks of shape `(*B, *out_base, *in_base)`.
  std::pair<TensorMap, std::map<std::string, TensorMap>> jacobian(const TensorMap & inputs) override;

  /// The promoted parameters: the tensors ARE the slots passed to the graphs, so an in-place
  /// change (`fill_`, `copy_`) is seen by the next call.
  const TensorMap & named_parameters() const { return _params; }
  /// Replace a promoted parameter's slot (same shape, dtype and device; no copy).
  void set_parameter(const std::string & name, const at::Tensor & value);
  void set_solver_config(double atol,
                         double rtol,
                         int64_t miters,
                         const std::string & ls_type,
                         int64_t ls_max_iters,
                         double ls_cutback,
                         double ls_c);
  const SolverConfig & solver_config() const { return _solver; }

  const std::vector<std::string> & input_names() const override { return _input_names; }
  const std::vector<std::string> & output_names() const override { return _output_names; }
  /// Base shapes, parallel to input_names() / output_names() (Scalar {}, SR2 {6}, R2 {3, 3}).
  const std::vector<std::vector<int64_t>> & input_base_shapes() const override { return _input_base; }
  const std::vector<std::vector<int64_t>> & output_base_shapes() const override { return _output_base; }
  /// Promoted parameter names in graph-call (metadata) order.
  const std::vector<std::string> & parameter_names() const { return _param_names; }
  c10::Device device() const override { return _device; }
  c10::ScalarType dtype() const override { return _dtype; }
  /// The model name recorded in the metadata and the metadata file.
  const std::string & name() const { return _name; }
  const std::string & metadata_path() const { return _meta_path; }
  /// Whether the derivative segments were compiled (`neml2-compile -d`): needed by jvp / jacobian.
  bool has_derivatives() const { return _derivatives; }

private:
  struct Prepared;
  Prepared prepare(const TensorMap & inputs) const;
  at::Tensor canonical(const std::string & what,
                       const at::Tensor & x,
                       const std::string & name,
                       const std::vector<int64_t> & B,
                       int64_t N) const;
  std::vector<int64_t> batch_shape(const std::string & what, const at::Tensor & x, const std::string & name) const;
  void check_tensor(const std::string & what, const at::Tensor & x) const;
  void check_keys(const TensorMap & given, const std::string & what) const;
  void require_derivatives(const std::string & op) const;
  void run(TensorMap & state, int64_t N, TensorMap * D, const std::map<std::string, int64_t> * seeds = nullptr);
  /// The unknowns of an implicit stage; `steps` gets every converged (sub)step in time order per point
  /// (one step without substepping).  `old`: the stage's old_inputs (the ramp's old values).
  at::Tensor solve(detail::Stage & st,
                   const std::vector<at::Tensor> & given,
                   const std::vector<at::Tensor> & old,
                   const std::vector<at::Tensor> & guess,
                   int64_t N,
                   std::vector<detail::Step> & steps);
  /// Newton per point from `x`; on a ConvergenceError `*failed` (when given) holds the failed points.
  at::Tensor newton(detail::Stage & st, const std::vector<at::Tensor> & given, at::Tensor x, at::Tensor * failed);
  /// The stage's given tensors (values or derivatives) at the points P over the fraction [a, b] of the step.
  std::vector<at::Tensor> substep_given(const detail::Stage & st,
                                        const std::vector<at::Tensor> & ext,
                                        const at::Tensor & P,
                                        double a,
                                        double b,
                                        const std::vector<at::Tensor> & hist) const;
  /// The unknowns' old values of the next substep from unknowns (N, n) (values) or derivatives (N, n, M).
  std::vector<at::Tensor> history(const detail::Stage & st, const at::Tensor & x, bool values) const;
  /// dx/d(seeds) (N, n, M) through the substeps in time order.
  at::Tensor substep_sensitivity(detail::Stage & st,
                                 const std::vector<at::Tensor> & given,
                                 const std::vector<at::Tensor> & old,
                                 const std::vector<detail::Step> & steps,
                                 const TensorMap & D,
                                 int64_t N);
  std::vector<at::Tensor> params() const;
  TensorMap outputs(const TensorMap & state, const std::vector<int64_t> & B) const;

  std::string _name;
  std::string _meta_path;
  c10::Device _device = c10::Device(c10::kCPU);
  c10::ScalarType _dtype = c10::kDouble;
  std::vector<std::string> _input_names, _output_names, _param_names;
  std::vector<std::vector<int64_t>> _input_base, _output_base;
  std::map<std::string, std::vector<int64_t>> _base; // every variable
  std::map<std::string, int64_t> _size;              // flattened base size of every variable
  TensorMap _params;
  std::vector<std::unique_ptr<detail::Stage>> _stages;
  SolverConfig _solver;
  bool _derivatives = true;
};

/// Mirrors Python's neml2.load_model(path, name) for a compiled model: `input_file` is an input
/// file whose [Models] block `model_name` is an `AOTIModel` (the stub neml2-compile writes); its
/// `artifact_path` (relative to the file) is loaded for `device` ("" = the first compiled device).
/// The Newton settings come from the metadata (a [Solvers] block of the file is not read).
/// Errors: FatalError (missing file, no such block, not an AOTIModel, a bad artifact).
Model load_model(const std::string & input_file, const std::string & model_name, const std::string & device = "");
/// load_model, held as the runtime-neutral interface.
std::unique_ptr<neml2::Model>
load_model_ptr(const std::string & input_file, const std::string & model_name, const std::string & device = "");
} // namespace neml2::aoti
