// neml2::eager: evaluate a NEML2 model straight from its input file by embedding CPython
// (libneml2_eager).  Implements neml2::Model like neml2::aoti::Model, so test code switches
// runtimes by changing the header and the load call.  Slow (every call goes through Python):
// for tests, not production.
//
// The host must link libpython itself (CMake: find_package(Python3 COMPONENTS Development.Embed),
// target Python3::Python); a host that already runs Python supplies it.  The interpreter is
// started on first use when the process has none (and never finalized), else reused.  It must be
// able to import neml2: by default it starts as the Python that built libneml2_eager (its venv
// included); the environment variable NEML2_PYTHON (a python executable) overrides that.
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

namespace neml2::eager
{
using TensorMap = neml2::TensorMap;

/// A model evaluated in Python; implements neml2::Model.
class Model : public neml2::Model
{
public:
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

  const std::vector<std::string> & input_names() const override { return _input_names; }
  const std::vector<std::string> & output_names() const override { return _output_names; }
  const std::vector<std::vector<int64_t>> & input_base_shapes() const override { return _input_base; }
  const std::vector<std::vector<int64_t>> & output_base_shapes() const override { return _output_base; }
  c10::Device device() const override { return _device; }
  c10::ScalarType dtype() const override { return _dtype; }

private:
  friend Model load_model(const std::string & input_file, const std::string & model_name);
  explicit Model(void * impl);

  void * _impl = nullptr; // the Python neml2.aoti.eager.EagerModel (a PyObject *)
  std::vector<std::string> _input_names, _output_names;
  std::vector<std::vector<int64_t>> _input_base, _output_base;
  c10::Device _device = c10::Device(c10::kCPU);
  c10::ScalarType _dtype = c10::kDouble;
};

/// Mirrors Python's neml2.load_model(path, name).  Errors: neml2::aoti::FatalError (parse error,
/// unknown model, sub-batch model, ...); a failed Newton solve during a call throws the
/// recoverable neml2::aoti::ConvergenceError.
Model load_model(const std::string & input_file, const std::string & model_name);
/// load_model, held as the runtime-neutral interface (the same call as neml2::aoti::load_model_ptr).
std::unique_ptr<neml2::Model> load_model_ptr(const std::string & input_file, const std::string & model_name);
} // namespace neml2::eager
