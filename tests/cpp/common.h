// Checks shared by the compiled (neml2::aoti::Model) and eager (neml2::eager::Model) runtimes:
// both have the same operations and accessors.
#pragma once

#include "check.h"
#include "neml2/csrc/aoti/errors.h"

using TensorMap = std::map<std::string, at::Tensor>;
using neml2::aoti::ConvergenceError;
using neml2::aoti::Exception;
using neml2::aoti::FatalError;

/// forward / jvp / jacobian against the Python model's results (refs in:, tan:, out:, jvp:, J:).
template <typename M>
void
parity_checks(M & m, const std::map<std::string, at::Tensor> & refs)
{
  const auto ins = check::group(refs, "in");
  const auto tans = check::group(refs, "tan");
  check::run("accessors",
             [&]
             {
               check::require(m.dtype() == at::kDouble, "dtype is float64");
               check::require(m.device().is_cpu(), "device is cpu");
               check::require(m.input_names().size() == ins.size(), "one input name per reference input");
               for (std::size_t i = 0; i < m.input_names().size(); ++i)
               {
                 const auto & x = ins.at(m.input_names()[i]);
                 const auto & base = m.input_base_shapes()[i];
                 check::require(std::vector<int64_t>(x.sizes().begin() + 1, x.sizes().end()) == base,
                                "base shape of " + m.input_names()[i]);
               }
               check::require(m.output_names().size() == check::group(refs, "out").size(), "outputs");
             });
  check::run("forward matches Python",
             [&]
             {
               auto out = m.forward(ins);
               for (const auto & n : m.output_names())
                 check::close(out.at(n), refs.at("out:" + n), "forward " + n);
             });
  check::run("jvp matches Python",
             [&]
             {
               auto [out, jv] = m.jvp(ins, tans);
               for (const auto & n : m.output_names())
               {
                 check::close(out.at(n), refs.at("out:" + n), "jvp value " + n);
                 check::close(jv.at(n), refs.at("jvp:" + n), "jvp " + n);
               }
             });
  check::run("jvp with a missing tangent is zero along it",
             [&]
             {
               TensorMap t1 = tans;
               t1.erase(m.input_names()[0]);
               TensorMap t2 = tans;
               t2[m.input_names()[0]] = at::zeros_like(tans.at(m.input_names()[0]));
               auto a = m.jvp(ins, t1).second;
               auto b = m.jvp(ins, t2).second;
               for (const auto & n : m.output_names())
                 check::close(a.at(n), b.at(n), "jvp without tangent " + n, 1e-14);
             });
  check::run("jacobian matches Python",
             [&]
             {
               auto [out, J] = m.jacobian(ins);
               for (const auto & o : m.output_names())
                 for (const auto & i : m.input_names())
                   check::close(J.at(o).at(i), refs.at("J:" + o + ":" + i), "J " + o + "/" + i);
             });
  check::run("batch shapes broadcast, then are restored",
             [&]
             {
               // every input as (2, N/2, *base), the first one as (1, N/2, *base) broadcast
               const int64_t N = ins.begin()->second.size(0);
               if (N % 2)
                 return;
               TensorMap in2;
               for (std::size_t i = 0; i < m.input_names().size(); ++i)
               {
                 const auto & n = m.input_names()[i];
                 std::vector<int64_t> shape{2, N / 2};
                 shape.insert(shape.end(), m.input_base_shapes()[i].begin(), m.input_base_shapes()[i].end());
                 in2[n] = ins.at(n).reshape(shape);
               }
               const auto & first = m.input_names()[0];
               TensorMap in1 = ins;
               if (m.input_names().size() > 1) // the first input broadcast along the leading axis
               {
                 in2[first] = in2[first].narrow(0, 0, 1);
                 in1[first] = at::cat({ins.at(first).narrow(0, 0, N / 2), ins.at(first).narrow(0, 0, N / 2)});
               }
               auto a = m.forward(in2);
               auto b = m.forward(in1);
               for (std::size_t i = 0; i < m.output_names().size(); ++i)
               {
                 const auto & n = m.output_names()[i];
                 std::vector<int64_t> shape{2, N / 2};
                 shape.insert(shape.end(), m.output_base_shapes()[i].begin(), m.output_base_shapes()[i].end());
                 check::close(a.at(n), b.at(n).reshape(shape), "broadcast " + n);
               }
               auto [o2, J2] = m.jacobian(in2);
               const auto & o0 = m.output_names()[0];
               check::require(J2.at(o0).at(first).size(0) == 2 && J2.at(o0).at(first).size(1) == N / 2,
                              "jacobian batch shape restored");
             });
}

/// Per-site (sub-batch) variables at the boundary: base shapes that include the sites, the
/// rolling history of REFS (``in<k>:`` inputs and ``out<k>:`` outputs of step k, the state fed back
/// from the model's own outputs ``<u>`` into ``<u>~1``), and with ``jvp`` the ``tan:`` / ``jvp:``
/// pair of the first step.
template <typename M>
void
sites_checks(M & m, const std::map<std::string, at::Tensor> & refs, bool jvp)
{
  check::run("base shapes include the sites",
             [&]
             {
               const auto ins = check::group(refs, "in1");
               for (std::size_t i = 0; i < m.input_names().size(); ++i)
               {
                 const auto & x = ins.at(m.input_names()[i]);
                 check::require(std::vector<int64_t>(x.sizes().begin() + 1, x.sizes().end()) ==
                                    m.input_base_shapes()[i],
                                "base shape of " + m.input_names()[i]);
               }
             });
  check::run("rolling history matches Python",
             [&]
             {
               TensorMap state;
               for (int k = 1;; ++k)
               {
                 auto ins = check::group(refs, "in" + std::to_string(k));
                 if (ins.empty())
                 {
                   check::require(k > 2, "at least two steps");
                   break;
                 }
                 for (const auto & kv : state)
                   ins[kv.first] = kv.second;
                 auto out = m.forward(ins);
                 state.clear();
                 for (const auto & n : m.output_names())
                 {
                   check::close(out.at(n), refs.at("out" + std::to_string(k) + ":" + n), "step " + std::to_string(k) + " " + n);
                   if (ins.count(n + "~1"))
                     state[n + "~1"] = out.at(n);
                 }
               }
             });
  if (jvp)
    check::run("jvp matches Python",
               [&]
               {
                 auto [out, jv] = m.jvp(check::group(refs, "in1"), check::group(refs, "tan"));
                 for (const auto & n : m.output_names())
                   check::close(jv.at(n), refs.at("jvp:" + n), "jvp " + n);
               });
}

/// The documented input errors: FatalError naming the input, not recoverable.
template <typename M>
void
input_error_checks(M & m, const std::map<std::string, at::Tensor> & refs)
{
  const auto ins = check::group(refs, "in");
  const auto & first = m.input_names()[0];
  check::run("missing input",
             [&]
             {
               TensorMap bad = ins;
               bad.erase(first);
               check::throws<FatalError>([&] { m.forward(bad); }, "missing input", "'" + first + "'");
             });
  check::run("unknown input",
             [&]
             {
               TensorMap bad = ins;
               bad["nope"] = ins.at(first);
               check::throws<FatalError>([&] { m.forward(bad); }, "unknown input", "'nope'");
             });
  check::run("wrong dtype",
             [&]
             {
               TensorMap bad = ins;
               bad[first] = ins.at(first).to(at::kFloat);
               auto msg = check::throws<FatalError>([&] { m.forward(bad); }, "float32 input", "'" + first + "'");
               check::require(msg.find("float32") != std::string::npos, "message names the dtype: " + msg);
             });
  check::run("SR2 given as (*B, 1) or without a batch dimension",
             [&]
             {
               for (std::size_t i = 0; i < m.input_names().size(); ++i)
               {
                 if (m.input_base_shapes()[i] != std::vector<int64_t>{6})
                   continue;
                 const auto & n = m.input_names()[i];
                 TensorMap bad = ins;
                 bad[n] = ins.at(n).narrow(-1, 0, 1);
                 check::throws<FatalError>([&] { m.forward(bad); }, "(B, 1) SR2", "'" + n + "'");
                 bad[n] = ins.at(n)[0];
                 check::throws<FatalError>([&] { m.forward(bad); }, "(6,) SR2", "'" + n + "'");
                 return;
               }
               throw check::Failure("the model has no SR2 input");
             });
  check::run("batch shapes that do not broadcast",
             [&]
             {
               if (m.input_names().size() < 2)
                 return;
               TensorMap bad = ins;
               const auto & x = ins.at(first);
               bad[first] = at::cat({x, x.narrow(0, 0, 1)});
               check::throws<FatalError>([&] { m.forward(bad); }, "batch mismatch", "broadcast");
             });
  check::run("unknown tangent, tangent enlarging the batch",
             [&]
             {
               TensorMap t{{"nope", ins.at(first)}};
               check::throws<FatalError>([&] { m.jvp(ins, t); }, "unknown tangent", "'nope'");
               TensorMap t2{{first, at::stack({ins.at(first), ins.at(first)})}};
               check::throws<FatalError>([&] { m.jvp(ins, t2); }, "big tangent", "'" + first + "'");
             });
  check::run("FatalError is a non-recoverable neml2::aoti::Exception",
             [&]
             {
               TensorMap bad = ins;
               bad.erase(first);
               try
               {
                 m.forward(bad);
               }
               catch (const Exception & e)
               {
                 check::require(!e.recoverable(), "FatalError is not recoverable");
                 check::require(dynamic_cast<const FatalError *>(&e) != nullptr, "it is a FatalError");
                 return;
               }
               throw check::Failure("no exception");
             });
}
