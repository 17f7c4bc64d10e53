// libneml2_eager: neml2::eager::Model over neml2.aoti.eager.EagerModel in an embedded (or the
// host's) CPython.  Python C-API symbols stay undefined here and resolve from the host.
#include <Python.h>

#include <torch/csrc/Dtype.h>
#include <torch/csrc/autograd/python_variable.h>
#include <torch/csrc/utils/pybind.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <mutex>
#include <sys/stat.h>

#include "neml2/csrc/eager/load_model.h"

#ifndef NEML2_PYTHON_EXECUTABLE
#define NEML2_PYTHON_EXECUTABLE ""
#endif

namespace py = pybind11;
using neml2::aoti::ConvergenceError;
using neml2::aoti::FatalError;

namespace neml2::eager
{
namespace
{
bool
exists(const std::string & p)
{
  struct stat st;
  return !p.empty() && ::stat(p.c_str(), &st) == 0;
}

/// Start CPython when the process has none (never finalized: torch cannot be re-imported after
/// Py_Finalize), as the Python that built this library (so its venv's site-packages, editable
/// installs included, are on sys.path) unless NEML2_PYTHON names another executable.
void
ensure_python()
{
  static std::once_flag once;
  std::call_once(once,
                 []
                 {
                   if (Py_IsInitialized())
                     return;
                   PyConfig config;
                   PyConfig_InitPythonConfig(&config);
                   config.install_signal_handlers = 0; // leave the host's signal handlers alone
                   config.parse_argv = 0;
                   std::string exe;
                   if (const char * env = std::getenv("NEML2_PYTHON"))
                     exe = env;
                   else if (exists(NEML2_PYTHON_EXECUTABLE))
                     exe = NEML2_PYTHON_EXECUTABLE;
                   PyStatus status = PyStatus_Ok();
                   if (!exe.empty())
                     status = PyConfig_SetBytesString(&config, &config.program_name, exe.c_str());
                   if (!PyStatus_Exception(status))
                     status = Py_InitializeFromConfig(&config);
                   PyConfig_Clear(&config);
                   if (PyStatus_Exception(status))
                     throw FatalError(std::string("cannot start the Python interpreter: ") +
                                      (status.err_msg ? status.err_msg : "unknown error"));
                   PyEval_SaveThread(); // release the GIL: every call takes it with PyGILState
                 });
}

/// Run f with the GIL held; Python errors -> FatalError, except a ConvergenceError.
template <typename F>
auto
with_python(F && f) -> decltype(f())
{
  ensure_python();
  py::gil_scoped_acquire gil;
  try
  {
    return f();
  }
  catch (py::error_already_set & e)
  {
    bool convergence = false;
    try
    {
      convergence = e.matches(py::module_::import("neml2.errors").attr("ConvergenceError"));
    }
    catch (py::error_already_set &)
    {
    }
    std::string type = py::str(e.type().attr("__name__"));
    std::string msg = py::str(e.value());
    if (convergence)
      throw ConvergenceError(msg);
    throw FatalError(type == "FatalError" ? msg : type + ": " + msg);
  }
  catch (const py::cast_error & e)
  {
    throw FatalError(std::string("eager runtime: ") + e.what());
  }
}

py::dict
to_dict(const TensorMap & m)
{
  py::dict d;
  for (const auto & kv : m)
  {
    if (!kv.second.defined())
      throw FatalError("input '" + kv.first + "' is an undefined tensor");
    d[py::str(kv.first)] = py::cast(kv.second);
  }
  return d;
}

TensorMap
to_map(const py::handle & obj)
{
  TensorMap out;
  for (auto kv : obj.cast<py::dict>())
  {
    if (!THPVariable_Check(kv.second.ptr()))
      throw FatalError("eager runtime: a result is not a tensor");
    out.emplace(kv.first.cast<std::string>(), THPVariable_Unpack(kv.second.ptr()));
  }
  return out;
}

py::object &
impl_of(void * p)
{
  return *static_cast<py::object *>(p);
}
} // namespace

Model::Model(void * impl)
  : _impl(impl)
{
  with_python(
      [&]
      {
        auto & m = impl_of(_impl);
        _input_names = m.attr("input_names").cast<std::vector<std::string>>();
        _output_names = m.attr("output_names").cast<std::vector<std::string>>();
        _input_base = m.attr("input_base_shapes").cast<std::vector<std::vector<int64_t>>>();
        _output_base = m.attr("output_base_shapes").cast<std::vector<std::vector<int64_t>>>();
        _device = c10::Device(m.attr("device").cast<std::string>());
        py::object dt = m.attr("dtype");
        if (!THPDtype_Check(dt.ptr()))
          throw FatalError("eager runtime: the model's dtype is not a torch.dtype");
        _dtype = reinterpret_cast<THPDtype *>(dt.ptr())->scalar_type;
        return 0;
      });
}

Model::~Model()
{
  if (_impl && Py_IsInitialized())
  {
    py::gil_scoped_acquire gil;
    delete static_cast<py::object *>(_impl);
  }
}

Model::Model(Model && other) noexcept
  : _impl(other._impl),
    _input_names(std::move(other._input_names)),
    _output_names(std::move(other._output_names)),
    _input_base(std::move(other._input_base)),
    _output_base(std::move(other._output_base)),
    _device(other._device),
    _dtype(other._dtype)
{
  other._impl = nullptr;
}

Model &
Model::operator=(Model && other) noexcept
{
  if (this != &other)
  {
    std::swap(_impl, other._impl);
    _input_names = std::move(other._input_names);
    _output_names = std::move(other._output_names);
    _input_base = std::move(other._input_base);
    _output_base = std::move(other._output_base);
    _device = other._device;
    _dtype = other._dtype;
  }
  return *this;
}

TensorMap
Model::forward(const TensorMap & inputs)
{
  return with_python([&] { return to_map(impl_of(_impl).attr("forward")(to_dict(inputs))); });
}

std::pair<TensorMap, TensorMap>
Model::jvp(const TensorMap & inputs, const TensorMap & tangents)
{
  return with_python(
      [&]
      {
        py::tuple res = impl_of(_impl).attr("jvp")(to_dict(inputs), to_dict(tangents));
        return std::make_pair(to_map(res[0]), to_map(res[1]));
      });
}

std::pair<TensorMap, std::map<std::string, TensorMap>>
Model::jacobian(const TensorMap & inputs)
{
  return with_python(
      [&]
      {
        py::tuple res = impl_of(_impl).attr("jacobian")(to_dict(inputs));
        std::map<std::string, TensorMap> J;
        for (auto kv : res[1].cast<py::dict>())
          J.emplace(kv.first.cast<std::string>(), to_map(kv.second));
        return std::make_pair(to_map(res[0]), J);
      });
}

Model
load_model(const std::string & input_file, const std::string & model_name)
{
  void * impl = with_python(
      [&]() -> void *
      {
        py::module_::import("torch"); // the tensor casters need torch's Python state
        auto cls = py::module_::import("neml2.aoti.eager").attr("EagerModel");
        return new py::object(cls(input_file, model_name));
      });
  return Model(impl);
}

std::unique_ptr<neml2::Model>
load_model_ptr(const std::string & input_file, const std::string & model_name)
{
  return std::make_unique<Model>(load_model(input_file, model_name));
}
} // namespace neml2::eager
