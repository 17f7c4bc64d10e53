// C++ tests of neml2::aoti::Model (libneml2, no Python): run by tests/cpp/test_cpp.py as
//   test_aoti parity ARTIFACT REFS | parameters ARTIFACT REFS | solver ARTIFACT REFS |
//             convergence ARTIFACT | artifacts ARTIFACT BAD_ROOT | sites ARTIFACT REFS
#include "neml2/csrc/aoti/model.h"

#include "common.h"

using neml2::aoti::Model;

namespace
{
TensorMap
j2_point(double eps, double dt, const TensorMap & state = {})
{
  const auto o = at::TensorOptions().dtype(at::kDouble);
  auto d = at::tensor({1.0, -0.5, -0.5, 0.0, 0.0, 0.0}, o);
  TensorMap in{{"strain", (eps * d).unsqueeze(0)},
               {"t", at::full({1}, dt, o)},
               {"t~1", at::zeros({1}, o)},
               {"equivalent_plastic_strain~1", at::zeros({1}, o)},
               {"plastic_strain~1", at::zeros({1, 6}, o)}};
  for (const auto & kv : state)
    in[kv.first] = kv.second;
  return in;
}

void
parity(const std::string & path, const std::string & refs_path)
{
  Model m(path);
  const auto refs = check::load(refs_path);
  parity_checks(m, refs);
  input_error_checks(m, refs);
  check::run("device and dtype errors",
             [&]
             {
               auto ins = check::group(refs, "in");
               const auto & first = m.input_names()[0];
               ins[first] = ins[first].to(at::kLong);
               check::throws<FatalError>([&] { m.forward(ins); }, "int64 input", "torch.int64");
             });
  check::run("an empty batch gives empty outputs",
             [&]
             {
               TensorMap in;
               for (const auto & kv : check::group(refs, "in"))
                 in[kv.first] = kv.second.narrow(0, 0, 0);
               auto out = m.forward(in);
               for (std::size_t i = 0; i < m.output_names().size(); ++i)
                 check::require(out.at(m.output_names()[i]).size(0) == 0, "empty " + m.output_names()[i]);
               auto [o, J] = m.jacobian(in);
               check::require(J.at(m.output_names()[0]).at(m.input_names()[0]).size(0) == 0, "empty J");
             });
}

void
parameters(const std::string & path, const std::string & refs_path)
{
  Model m(path);
  const auto refs = check::load(refs_path);
  const auto ins = check::group(refs, "in");
  const auto ref = refs.at("out:stress");
  check::run("named_parameters holds the compiled values",
             [&]
             {
               const auto & p = m.named_parameters();
               check::require(m.parameter_names() == std::vector<std::string>{"E", "elasticity.nu"}, "order");
               check::require(p.at("E").item<double>() == refs.at("param:E").item<double>(), "E value");
               check::require(p.at("elasticity.nu").dim() == 0, "0-d slot");
             });
  check::run("in-place fill_ of a slot is seen by the next call",
             [&]
             {
               const double E = m.named_parameters().at("E").item<double>();
               m.named_parameters().at("E").fill_(2 * E); // linear elasticity: stress doubles
               check::close(m.forward(ins).at("stress"), 2 * ref, "stress at 2E");
               auto [o, J] = m.jacobian(ins);
               check::close(J.at("stress").at("strain"), 2 * refs.at("J:stress:strain"), "dstress/dstrain at 2E");
               m.named_parameters().at("E").fill_(E);
               check::close(m.forward(ins).at("stress"), ref, "stress back at E");
             });
  check::run("set_parameter replaces the slot (no copy)",
             [&]
             {
               const double E = m.named_parameters().at("E").item<double>();
               auto slot = at::full({}, 3 * E, at::kDouble);
               m.set_parameter("E", slot);
               check::close(m.forward(ins).at("stress"), 3 * ref, "stress at 3E");
               slot.fill_(E); // the new slot is the caller's tensor
               check::close(m.forward(ins).at("stress"), ref, "stress after mutating the set tensor");
               check::require(m.named_parameters().at("E").data_ptr() == slot.data_ptr(), "same storage");
             });
  check::run("set_parameter errors",
             [&]
             {
               check::throws<FatalError>([&] { m.set_parameter("G", at::ones({}, at::kDouble)); }, "unknown", "'G'");
               check::throws<FatalError>([&] { m.set_parameter("E", at::ones({2}, at::kDouble)); }, "shape", "shape");
               check::throws<FatalError>([&] { m.set_parameter("E", at::ones({}, at::kFloat)); }, "dtype", "dtype");
             });
}

void
solver(const std::string & path, const std::string & refs_path)
{
  Model m(path);
  const auto refs = check::load(refs_path);
  const auto ins = check::group(refs, "in");
  check::run("solver config from the metadata",
             [&]
             {
               const auto & c = m.solver_config();
               check::require(c.atol == 1e-10 && c.rtol == 1e-8 && c.miters == 25 && c.ls_type == "NONE",
                              "compiled Newton settings");
             });
  check::run("backtracking line search converges to the same solution",
             [&]
             {
               m.set_solver_config(1e-10, 1e-8, 25, "backtracking", 10, 2.0, 1e-3);
               check::require(m.solver_config().ls_type == "BACKTRACKING", "ls_type upper-cased");
               auto out = m.forward(ins);
               for (const auto & n : m.output_names())
                 check::close(out.at(n), refs.at("out:" + n), "line search " + n, 1e-8);
               m.set_solver_config(1e-10, 1e-8, 25, "STRONG_WOLFE", 10, 2.0, 1e-3);
               check::close(m.forward(ins).at("stress"), refs.at("out:stress"), "strong wolfe", 1e-8);
             });
  check::run("invalid solver configurations",
             [&]
             {
               check::throws<FatalError>([&] { m.set_solver_config(1e-10, 1e-8, 25, "FOO", 10, 2.0, 1e-3); },
                                         "ls_type", "ls_type");
               check::throws<FatalError>([&] { m.set_solver_config(1e-10, 1e-8, -1, "NONE", 10, 2.0, 1e-3); },
                                         "miters", "miters");
               check::throws<FatalError>(
                   [&] { m.set_solver_config(1e-10, 1e-8, 25, "BACKTRACKING", 10, 0.5, 1e-3); }, "cutback",
                   "ls_cutback");
             });
  check::run("miters = 0 fails on plastic points, a loose atol converges at once",
             [&]
             {
               m.set_solver_config(1e-10, 1e-8, 0, "NONE", 10, 2.0, 1e-3);
               check::throws<ConvergenceError>([&] { m.forward(ins); }, "miters 0", "Newton did not converge");
               m.set_solver_config(1e30, 1e-8, 0, "NONE", 10, 2.0, 1e-3); // x = 0 accepted
               auto out = m.forward(ins);
               check::require(out.at("plastic_strain").abs().max().item<double>() == 0.0, "x0 = 0 returned");
               m.set_solver_config(1e-10, 1e-8, 25, "NONE", 10, 2.0, 1e-3);
             });
}

void
convergence(const std::string & path)
{
  Model m(path);
  check::run("a recoverable ConvergenceError, then the cut step succeeds",
             [&]
             {
               m.set_solver_config(1e-10, 1e-8, 4, "NONE", 10, 2.0, 1e-3);
               bool caught = false;
               try
               {
                 m.forward(j2_point(1e-2, 0.02));
               }
               catch (const Exception & e)
               {
                 check::require(e.recoverable(), "ConvergenceError is recoverable");
                 check::require(dynamic_cast<const ConvergenceError *>(&e) != nullptr, "it is a ConvergenceError");
                 caught = true;
               }
               check::require(caught, "the big step failed");
               // cut steps: halve the step on each failure, each step from the previous state
               TensorMap state, out;
               double t = 0, dt = 0.02 / 2;
               int cuts = 1;
               while (t < 0.02 - 1e-15)
               {
                 const double t1 = std::min(t + dt, 0.02);
                 auto in = j2_point(1e-2 * t1 / 0.02, t1, state);
                 in["t~1"] = at::full({1}, t, at::kDouble);
                 try
                 {
                   out = m.forward(in);
                 }
                 catch (const ConvergenceError &)
                 {
                   dt /= 2;
                   check::require(++cuts < 40, "too many cuts");
                   continue;
                 }
                 state = {{"plastic_strain~1", out.at("plastic_strain")},
                          {"equivalent_plastic_strain~1", out.at("equivalent_plastic_strain")}};
                 t = t1;
               }
               check::require(cuts >= 2, "at least one more cut");
               check::require(out.at("equivalent_plastic_strain").item<double>() > 1e-4, "plastic flow");
               check::require(at::isfinite(out.at("stress")).all().item<bool>(), "finite stress");
             });
  check::run("a non-finite residual is a ConvergenceError",
             [&]
             {
               m.set_solver_config(1e-10, 1e-8, 25, "NONE", 10, 2.0, 1e-3);
               auto in = j2_point(1e-3, 0.02);
               in["strain"] = at::full({1, 6}, std::nan(""), at::kDouble);
               check::throws<ConvergenceError>([&] { m.forward(in); }, "NaN strain", "non-finite");
             });
}

void
artifacts(const std::string & path, const std::string & bad)
{
  check::run("metadata.json or its folder",
             [&]
             {
               Model a(path);
               Model b(path + "/metadata.json");
               Model c(path, "cpu");
               check::require(a.input_names() == b.input_names() && c.device().is_cpu(), "same model");
             });
  check::run("a missing artifact",
             [&] { check::throws<FatalError>([&] { Model m(bad + "/nowhere"); }, "missing", "no compiled model"); });
  check::run("a device that was not compiled",
             [&] { check::throws<FatalError>([&] { Model m(path, "cuda"); }, "cuda", "not compiled for device 'cuda'"); });
  check::run("an old schema_version",
             [&] { check::throws<FatalError>([&] { Model m(bad + "/schema3"); }, "schema", "schema_version 3"); });
  check::run("a missing segment",
             [&] { check::throws<FatalError>([&] { Model m(bad + "/nosegment"); }, "segment", "missing segment"); });
  check::run("invalid JSON",
             [&] { check::throws<FatalError>([&] { Model m(bad + "/badjson"); }, "json", "not valid JSON"); });
  check::run("move keeps the loaded graphs",
             [&]
             {
               Model a(path);
               Model b(std::move(a));
               check::require(!b.forward(j2_point(1e-3, 0.02)).empty(), "moved model runs");
             });
}
} // namespace

int
main(int argc, char ** argv)
{
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string mode = args.empty() ? "" : args[0];
  try
  {
    if (mode == "sites" && args.size() == 3)
    {
      Model m(args[1]);
      sites_checks(m, check::load(args[2]), false);
    }
    else if (mode == "parity" && args.size() == 3)
      parity(args[1], args[2]);
    else if (mode == "parameters" && args.size() == 3)
      parameters(args[1], args[2]);
    else if (mode == "solver" && args.size() == 3)
      solver(args[1], args[2]);
    else if (mode == "convergence" && args.size() == 2)
      convergence(args[1]);
    else if (mode == "artifacts" && args.size() == 3)
      artifacts(args[1], args[2]);
    else
    {
      std::cerr << "usage: test_aoti parity|parameters|solver ARTIFACT REFS | convergence ARTIFACT | "
                   "artifacts ARTIFACT BAD_ROOT | sites ARTIFACT REFS\n";
      return 2;
    }
  }
  catch (const std::exception & e)
  {
    std::cout << "FAIL setup: " << e.what() << std::endl;
    ++check::failed;
  }
  return check::finish();
}
