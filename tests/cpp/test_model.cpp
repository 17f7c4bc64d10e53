// C++ test of the runtime-neutral interface neml2::Model: one base-class pointer, loaded once by
// the compiled runtime's loader (the neml2-compile stub) and once by the eager one (the original
// input file); the same calls agree.  Run by tests/cpp/test_cpp.py as
//   test_model STUB INPUT MODEL REFS
#include "neml2/csrc/aoti/model.h"
#include "neml2/csrc/eager/load_model.h"

#include <memory>

#include "common.h"

namespace
{
void
interface(const std::string & stub, const std::string & input, const std::string & name, const std::string & refs_path)
{
  const auto refs = check::load(refs_path);
  const auto ins = check::group(refs, "in");
  const auto tans = check::group(refs, "tan");
  std::map<std::string, TensorMap> fwd, jv;
  std::map<std::string, std::map<std::string, TensorMap>> jac;
  std::map<std::string, std::vector<std::string>> names;
  for (const std::string runtime : {"aoti", "eager"})
  {
    std::unique_ptr<neml2::Model> m; // the host holds the base: only the load call differs
    check::run(runtime + ": load through the base",
               [&]
               {
                 m = runtime == "aoti" ? neml2::aoti::load_model_ptr(stub, name)
                                       : neml2::eager::load_model_ptr(input, name);
                 check::require(m != nullptr, "a model");
               });
    if (!m)
      continue;
    check::run(runtime + ": the derived class",
               [&]
               {
                 const bool aoti = dynamic_cast<neml2::aoti::Model *>(m.get()) != nullptr;
                 const bool eager = dynamic_cast<neml2::eager::Model *>(m.get()) != nullptr;
                 check::require(aoti == (runtime == "aoti") && eager == (runtime == "eager"), "runtime type");
               });
    parity_checks(*m, refs);
    input_error_checks(*m, refs);
    check::run(runtime + ": the same calls through neml2::Model &",
               [&]
               {
                 neml2::Model & base = *m;
                 fwd[runtime] = base.forward(ins);
                 jv[runtime] = base.jvp(ins, tans).second;
                 jac[runtime] = base.jacobian(ins).second;
                 names[runtime] = base.input_names();
                 names[runtime].insert(names[runtime].end(), base.output_names().begin(), base.output_names().end());
               });
  }
  check::run("aoti and eager agree",
             [&]
             {
               check::require(fwd.size() == 2 && jv.size() == 2 && jac.size() == 2, "both runtimes ran");
               check::require(names.at("aoti") == names.at("eager"), "same input and output names");
               for (const auto & kv : fwd.at("aoti"))
               {
                 check::close(kv.second, fwd.at("eager").at(kv.first), "forward " + kv.first);
                 check::close(jv.at("aoti").at(kv.first), jv.at("eager").at(kv.first), "jvp " + kv.first);
               }
               int64_t blocks = 0;
               for (const auto & row : jac.at("aoti")) // the pairs the artifact was compiled with
                 for (const auto & b : row.second)
                 {
                   check::close(b.second, jac.at("eager").at(row.first).at(b.first), "J " + row.first + "/" + b.first);
                   ++blocks;
                 }
               check::require(blocks > 0, "a compiled Jacobian block");
             });
  check::run("aoti::load_model by value is the artifact's Model",
             [&]
             {
               neml2::aoti::Model a = neml2::aoti::load_model(stub, name, "cpu");
               check::close(a.forward(ins).begin()->second, fwd.at("aoti").begin()->second, "same forward", 1e-14);
             });
  check::run("aoti::load_model errors",
             [&]
             {
               check::throws<FatalError>([&] { neml2::aoti::load_model(stub + ".missing", name); }, "missing file",
                                         "no input file");
               check::throws<FatalError>([&] { neml2::aoti::load_model(stub, "no_such_model"); }, "unknown model",
                                         "no model 'no_such_model'");
               check::throws<FatalError>([&] { neml2::aoti::load_model(input, name); }, "not a stub",
                                         "not an AOTIModel");
               check::throws<FatalError>([&] { neml2::aoti::load_model(stub, name, "cuda"); }, "not compiled for",
                                         "not compiled for device 'cuda'");
             });
}
} // namespace

int
main(int argc, char ** argv)
{
  const std::vector<std::string> args(argv + 1, argv + argc);
  try
  {
    if (args.size() == 4)
      interface(args[0], args[1], args[2], args[3]);
    else
    {
      std::cerr << "usage: test_model STUB INPUT MODEL REFS\n";
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
