// C++ tests of neml2::eager::Model (libneml2_eager; this program links libpython and the
// runtime starts the interpreter): run by tests/cpp/test_cpp.py as
//   test_eager parity INPUT MODEL REFS | errors INPUT MODEL REFS BROKEN_INPUT FEW_ITERATIONS_INPUT |
//              sites INPUT MODEL REFS
#include "neml2/csrc/eager/load_model.h"

#include <Python.h>

#include "common.h"

using neml2::eager::load_model;

namespace
{
void
parity(const std::string & input, const std::string & name, const std::string & refs_path)
{
  check::run("the interpreter is not started before the first load",
             [] { check::require(!Py_IsInitialized(), "Python already running"); });
  auto m = load_model(input, name);
  check::run("the interpreter is started by load_model", [] { check::require(Py_IsInitialized(), "no Python"); });
  const auto refs = check::load(refs_path);
  parity_checks(m, refs);
  input_error_checks(m, refs);
  check::run("a second model reuses the interpreter",
             [&]
             {
               auto m2 = load_model(input, name);
               check::require(m2.output_names() == m.output_names(), "same model");
               auto moved = std::move(m2);
               check::close(moved.forward(check::group(refs, "in")).at(m.output_names()[0]),
                            refs.at("out:" + m.output_names()[0]), "moved model");
             });
}

void
errors(const std::string & input,
       const std::string & name,
       const std::string & refs_path,
       const std::string & broken,
       const std::string & few_its)
{
  const auto refs = check::load(refs_path);
  check::run("unknown model name",
             [&] { check::throws<FatalError>([&] { load_model(input, "no_such_model"); }, "unknown model", "no_such_model"); });
  check::run("missing input file",
             [&] { check::throws<FatalError>([&] { load_model(input + ".missing", name); }, "missing file"); });
  check::run("a parse error",
             [&] { check::throws<FatalError>([&] { load_model(broken, name); }, "broken file"); });
  check::run("a failed Newton solve is a recoverable ConvergenceError",
             [&]
             {
               auto m = load_model(few_its, name);
               bool caught = false;
               try
               {
                 m.forward(check::group(refs, "in"));
               }
               catch (const Exception & e)
               {
                 check::require(e.recoverable(), "recoverable");
                 check::require(dynamic_cast<const ConvergenceError *>(&e) != nullptr, "a ConvergenceError");
                 check::require(std::string(e.what()).find("converge") != std::string::npos, e.what());
                 caught = true;
               }
               check::require(caught, "no ConvergenceError");
               // the elastic points alone converge at once: a cut step succeeds
               TensorMap small;
               for (const auto & kv : check::group(refs, "in"))
                 small[kv.first] = kv.first == "strain" ? kv.second * 1e-3 : kv.second;
               auto out = m.forward(small);
               check::require(out.at("equivalent_plastic_strain").abs().max().item<double>() == 0.0, "elastic");
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
    if (mode == "sites" && args.size() == 4)
    {
      auto m = load_model(args[1], args[2]);
      sites_checks(m, check::load(args[3]), true);
    }
    else if (mode == "parity" && args.size() == 4)
      parity(args[1], args[2], args[3]);
    else if (mode == "errors" && args.size() == 6)
      errors(args[1], args[2], args[3], args[4], args[5]);
    else
    {
      std::cerr << "usage: test_eager parity INPUT MODEL REFS | errors INPUT MODEL REFS BROKEN FEW_ITS | "
                   "sites INPUT MODEL REFS\n";
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
