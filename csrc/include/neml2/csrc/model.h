// neml2::Model: the one abstract interface of the C++ runtimes.  neml2::aoti::Model (compiled
// artifacts, libneml2) and neml2::eager::Model (the .i in an embedded CPython, libneml2_eager)
// both derive from it, so a host holds a `std::unique_ptr<neml2::Model>` and switches runtimes by
// the load call only:
//
//   std::unique_ptr<neml2::Model> m = neml2::aoti::load_model_ptr("aoti/model_aoti.i", "model");
//   std::unique_ptr<neml2::Model> m = neml2::eager::load_model_ptr("model.i", "model");
//   auto out = m->forward(inputs);
//
// Runtime-specific calls (promoted parameters, Newton settings of the compiled Newton loop) stay
// on the derived classes.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ATen/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include "neml2/csrc/aoti/errors.h"

namespace neml2
{
using TensorMap = std::map<std::string, at::Tensor>;

class Model
{
public:
  virtual ~Model() = default;

  /// Outputs keyed by output_names(), each `(*B, *base)`.
  virtual TensorMap forward(const TensorMap & inputs) = 0;
  /// Outputs and their directional derivatives along `tangents` (a missing key is zero).
  virtual std::pair<TensorMap, TensorMap> jvp(const TensorMap & inputs, const TensorMap & tangents) = 0;
  /// Outputs and `J[out][in]` blocks of shape `(*B, *out_base, *in_base)`.
  virtual std::pair<TensorMap, std::map<std::string, TensorMap>> jacobian(const TensorMap & inputs) = 0;

  virtual const std::vector<std::string> & input_names() const = 0;
  virtual const std::vector<std::string> & output_names() const = 0;
  /// Base shapes, parallel to input_names() / output_names() (Scalar {}, SR2 {6}, R2 {3, 3}).
  virtual const std::vector<std::vector<int64_t>> & input_base_shapes() const = 0;
  virtual const std::vector<std::vector<int64_t>> & output_base_shapes() const = 0;
  virtual c10::Device device() const = 0;
  virtual c10::ScalarType dtype() const = 0;

protected:
  Model() = default;
  Model(const Model &) = default;
  Model(Model &&) noexcept = default;
  Model & operator=(const Model &) = default;
  Model & operator=(Model &&) noexcept = default;
};
} // namespace neml2
