// neml2::aoti::Model: input checks, forward / jvp / jacobian and the stage loop (explicit stages
// run their graph, implicit ones solve in model_newton.cpp; derivatives are chained through both).
#include "neml2/csrc/aoti/model.h"

#include <c10/core/GradMode.h>

#include "model_internal.h"

namespace neml2::aoti
{
using namespace detail;

// ---------------------------------------------------------------------------- validation
void
Model::check_tensor(const std::string & what, const at::Tensor & x) const
{
  if (!x.defined())
    throw FatalError(what + " is an undefined tensor");
  if (x.scalar_type() != _dtype)
    throw FatalError(what + " has dtype " + dtype_name(x.scalar_type()) + ", the model was compiled for " +
                     dtype_name(_dtype));
  if (x.device().type() != _device.type())
    throw FatalError(what + " is on " + x.device().str() + ", the model was compiled for " +
                     device_type_name(_device.type()));
}

void
Model::check_keys(const TensorMap & given, const std::string & what) const
{
  for (const auto & kv : given)
    if (std::find(_input_names.begin(), _input_names.end(), kv.first) == _input_names.end())
      throw FatalError("unknown " + what + " '" + kv.first + "'; inputs: " + join(_input_names));
}

std::vector<int64_t>
Model::batch_shape(const std::string & what, const at::Tensor & x, const std::string & name) const
{
  const auto & base = _base.at(name);
  const int64_t nb = int64_t(base.size());
  bool ok = x.dim() >= nb + 1;
  for (int64_t k = 0; ok && k < nb; ++k)
    ok = x.size(x.dim() - nb + k) == base[k];
  if (!ok)
  {
    std::string want = "(*B";
    for (auto s : base)
      want += ", " + std::to_string(s);
    throw FatalError(what + " has shape " + shape_str(x.sizes()) + "; expected " + want +
                     ") with at least one batch dimension");
  }
  return std::vector<int64_t>(x.sizes().begin(), x.sizes().end() - nb);
}

at::Tensor
Model::canonical(const std::string & what,
                 const at::Tensor & x,
                 const std::string & name,
                 const std::vector<int64_t> & B,
                 int64_t N) const
{
  check_tensor(what, x);
  const auto b = batch_shape(what, x, name);
  bool ok = true;
  try
  {
    ok = at::infer_size(b, B) == B;
  }
  catch (const c10::Error &)
  {
    ok = false;
  }
  if (!ok)
    throw FatalError(what + " has batch shape " + shape_str(b) + ", which does not broadcast to " + shape_str(B));
  const auto & base = _base.at(name);
  return x.expand(concat(B, base)).reshape(concat({N}, base)).contiguous();
}

Model::Prepared
Model::prepare(const TensorMap & inputs) const
{
  for (const auto & n : _input_names)
    if (!inputs.count(n))
      throw FatalError("missing input '" + n + "'; inputs: " + join(_input_names));
  check_keys(inputs, "input");
  std::vector<int64_t> B;
  bool first = true;
  std::string desc;
  bool ok = true;
  for (const auto & n : _input_names)
  {
    const auto & x = inputs.at(n);
    check_tensor("input '" + n + "'", x);
    auto b = batch_shape("input '" + n + "'", x, n);
    desc += (desc.empty() ? "" : ", ") + n + ": " + shape_str(b);
    if (first)
      B = b;
    else if (ok)
    {
      try
      {
        B = at::infer_size(B, b);
      }
      catch (const c10::Error &)
      {
        ok = false;
      }
    }
    first = false;
  }
  if (!ok)
    throw FatalError("input batch shapes do not broadcast (" + desc + ")");
  Prepared p;
  p.B = B;
  p.N = prod(B);
  for (const auto & n : _input_names)
    p.state[n] = canonical("input '" + n + "'", inputs.at(n), n, p.B, p.N);
  return p;
}

std::vector<at::Tensor>
Model::params() const
{
  std::vector<at::Tensor> out;
  for (const auto & n : _param_names)
    out.push_back(_params.at(n).contiguous());
  return out;
}

TensorMap
Model::outputs(const TensorMap & state, const std::vector<int64_t> & B) const
{
  TensorMap out;
  for (std::size_t i = 0; i < _output_names.size(); ++i)
  {
    auto it = state.find(_output_names[i]);
    if (it == state.end())
      throw FatalError("output '" + _output_names[i] + "' is computed by no stage of the artifact");
    out[_output_names[i]] = it->second.reshape(concat(B, _output_base[i]));
  }
  return out;
}

// ---------------------------------------------------------------------------- evaluation
TensorMap
Model::forward(const TensorMap & inputs)
{
  auto p = prepare(inputs);
  run(p.state, p.N, nullptr);
  return outputs(p.state, p.B);
}

void
Model::require_derivatives(const std::string & op) const
{
  if (!_derivatives)
    throw FatalError(_meta_path + ": compiled without derivatives, so " + op +
                     " is unavailable; recompile with neml2-compile -d OUT:IN (or -d : for all pairs)");
}

std::pair<TensorMap, TensorMap>
Model::jvp(const TensorMap & inputs, const TensorMap & tangents)
{
  require_derivatives("jvp");
  auto p = prepare(inputs);
  check_keys(tangents, "tangent");
  TensorMap D;
  for (const auto & n : _input_names)
  {
    auto it = tangents.find(n);
    if (it == tangents.end())
      D[n] = at::zeros({p.N, _size.at(n), 1}, p.state.at(n).options());
    else
      D[n] = canonical("tangent '" + n + "'", it->second, n, p.B, p.N).reshape({p.N, _size.at(n), 1});
  }
  run(p.state, p.N, &D);
  TensorMap dout;
  for (std::size_t i = 0; i < _output_names.size(); ++i)
    dout[_output_names[i]] = D.at(_output_names[i]).reshape(concat(p.B, _output_base[i]));
  return {outputs(p.state, p.B), dout};
}

std::pair<TensorMap, std::map<std::string, TensorMap>>
Model::jacobian(const TensorMap & inputs)
{
  require_derivatives("jacobian");
  auto p = prepare(inputs);
  int64_t M = 0;
  for (const auto & n : _input_names)
    M += _size.at(n);
  const auto eye = at::eye(M, at::TensorOptions().dtype(_dtype).device(_device));
  TensorMap D;
  std::map<std::string, int64_t> seeds; // the model inputs: D is the identity, from this column on
  int64_t off = 0;
  for (const auto & n : _input_names)
  {
    const int64_t s = _size.at(n);
    D[n] = eye.narrow(0, off, s).expand({p.N, s, M});
    seeds[n] = off;
    off += s;
  }
  run(p.state, p.N, &D, &seeds);
  std::map<std::string, TensorMap> J;
  for (std::size_t i = 0; i < _output_names.size(); ++i)
  {
    const auto & o = _output_names[i];
    off = 0;
    for (std::size_t j = 0; j < _input_names.size(); ++j)
    {
      const int64_t s = _size.at(_input_names[j]);
      J[o][_input_names[j]] =
          D.at(o).narrow(2, off, s).reshape(concat(p.B, _output_base[i], _input_base[j]));
      off += s;
    }
  }
  return {outputs(p.state, p.B), J};
}

void
Model::run(TensorMap & state, int64_t N, TensorMap * D, const std::map<std::string, int64_t> * seeds)
{
  const auto ps = params();
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  for (auto & stp : _stages)
  {
    auto & st = *stp;
    if (N == 0) // an empty batch: nothing to evaluate
    {
      const int64_t M = D && !D->empty() ? D->begin()->second.size(-1) : 0;
      for (const auto & n : st.outputs)
      {
        state[n] = at::zeros(concat({0}, _base.at(n)), opts);
        if (D)
          (*D)[n] = at::zeros({0, _size.at(n), M}, opts);
      }
      continue;
    }
    std::vector<at::Tensor> given;
    for (const auto & n : st.inputs)
      given.push_back(state.at(n));
    // G @ cat(D[stage inputs]) for a stage Jacobian G (N, rows, in_size); an identity D (a seeded
    // model input of jacobian()) places G's columns instead of multiplying by it
    auto chain = [&](const at::Tensor & G) -> at::Tensor
    {
      const int64_t M = D->begin()->second.size(-1);
      auto seeded = [&](const std::string & n) { return seeds && seeds->count(n); };
      if (st.inputs == _input_names && std::all_of(st.inputs.begin(), st.inputs.end(), seeded))
        return G; // the inputs in seed order: the identity
      auto out = at::zeros({N, G.size(1), M}, G.options());
      int64_t off = 0;
      for (const auto & n : st.inputs)
      {
        const int64_t s = _size.at(n);
        auto Gb = G.narrow(2, off, s);
        if (seeded(n))
          out.narrow(2, seeds->at(n), s).add_(Gb);
        else
          out.baddbmm_(Gb, D->at(n));
        off += s;
      }
      return out;
    };
    if (st.kind == "explicit")
    {
      auto args = given;
      args.insert(args.end(), ps.begin(), ps.end());
      std::vector<at::Tensor> outs;
      if (!D)
        outs = st.graphs.at("forward").points(args, given.size());
      else
      {
        outs = st.graphs.at("jacobian")(args);
        if (outs.size() != st.outputs.size() + 1)
          throw FatalError("segment " + st.graphs.at("jacobian").file + " returned " +
                           std::to_string(outs.size()) + " tensors, expected " +
                           std::to_string(st.outputs.size() + 1));
        auto J = outs.back();
        outs.pop_back();
        auto dy = chain(J);
        auto parts = at::split_with_sizes(dy, st.out_sizes, 1);
        for (std::size_t i = 0; i < st.outputs.size(); ++i)
          (*D)[st.outputs[i]] = parts[i];
      }
      if (outs.size() != st.outputs.size())
        throw FatalError("segment " + st.graphs.at("forward").file + " returned " + std::to_string(outs.size()) +
                         " tensors, expected " + std::to_string(st.outputs.size()));
      for (std::size_t i = 0; i < st.outputs.size(); ++i)
        state[st.outputs[i]] = outs[i];
      continue;
    }
    std::vector<at::Tensor> guess;
    for (const auto & n : st.predictor_inputs)
      guess.push_back(state.at(n));
    std::vector<at::Tensor> old;
    for (const auto & n : st.sub.old_inputs)
      old.push_back(state.at(n));
    std::vector<detail::Step> steps;
    auto x = solve(st, given, old, guess, N, steps);
    if (D && steps.size() > 1)
    {
      auto dx = substep_sensitivity(st, given, old, steps, *D, N);
      auto parts = at::split_with_sizes(dx, st.out_sizes, 1);
      for (std::size_t i = 0; i < st.outputs.size(); ++i)
        (*D)[st.outputs[i]] = parts[i];
    }
    else if (D)
    {
      auto args = given;
      args.push_back(x);
      args.insert(args.end(), ps.begin(), ps.end());
      auto rJ = st.graphs.at("residual").points(args, given.size() + 1);
      auto Jg = st.graphs.at("sensitivity")(args).at(0);
      auto dx = -detail::jacobian_solve(st, std::vector<at::Tensor>(rJ.begin() + 1, rJ.end()), chain(Jg));
      auto parts = at::split_with_sizes(dx, st.out_sizes, 1);
      for (std::size_t i = 0; i < st.outputs.size(); ++i)
        (*D)[st.outputs[i]] = parts[i];
    }
    auto xs = at::split_with_sizes(x, st.out_sizes, 1);
    for (std::size_t i = 0; i < st.outputs.size(); ++i)
      state[st.outputs[i]] = xs[i].reshape(concat({N}, _base.at(st.outputs[i]))).contiguous();
  }
}
} // namespace neml2::aoti
