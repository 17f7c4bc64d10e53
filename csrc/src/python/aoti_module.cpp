// neml2.aoti._aoti: pybind11 binding of neml2::aoti::Model.  Uses torch's bundled pybind11 and
// its at::Tensor caster (torch/csrc/utils/pybind.h; the symbols live in libtorch_python.so).
// C++ errors become the Python classes neml2.aoti.FatalError / neml2.aoti.ConvergenceError, so
// both runtimes (this one and the reference PyModel) raise the same exceptions.
#include <torch/csrc/DynamicTypes.h>
#include <torch/csrc/autograd/python_variable.h>
#include <torch/csrc/utils/pybind.h>
#include <pybind11/stl.h>

#include <iostream>

#include "neml2/csrc/aoti/log.h"
#include "neml2/csrc/aoti/model.h"

namespace py = pybind11;
using neml2::aoti::FatalError;
using neml2::aoti::Model;
using neml2::aoti::TensorMap;

namespace
{
// Leaked on purpose: never destroyed after the interpreter is gone.
py::object * fatal_cls = nullptr;
py::object * convergence_cls = nullptr;

std::string
type_name(const py::handle & o)
{
  return py::str(py::type::handle_of(o).attr("__name__"));
}

/// A Mapping[str, Tensor] -> TensorMap, with the runtime's FatalError on misuse.
TensorMap
to_map(const py::handle & obj, const std::string & what)
{
  // leaked: a static py::object would be destroyed after the interpreter
  static py::object * mapping = new py::object(py::module_::import("collections.abc").attr("Mapping"));
  if (!py::isinstance(obj, *mapping))
    throw FatalError(what + " must be a dict of tensors, got " + type_name(obj));
  TensorMap out;
  for (auto item : obj.attr("items")())
  {
    auto kv = item.cast<py::tuple>();
    if (!py::isinstance<py::str>(kv[0]))
      throw FatalError(what + " keys must be str, got " + type_name(kv[0]));
    auto key = kv[0].cast<std::string>();
    if (!THPVariable_Check(kv[1].ptr()))
    {
      const std::string which = what == "inputs" ? "input" : "tangent";
      throw FatalError(which + " '" + key + "' must be a torch.Tensor, got " + type_name(kv[1]));
    }
    out.emplace(key, THPVariable_Unpack(kv[1].ptr()));
  }
  return out;
}

py::dict
shapes(const std::vector<std::string> & names, const std::vector<std::vector<int64_t>> & base)
{
  py::dict d;
  for (std::size_t i = 0; i < names.size(); ++i)
    d[py::str(names[i])] = py::cast(base[i]);
  return d;
}

py::dict
ordered(const TensorMap & m, const std::vector<std::string> & order)
{
  py::dict d;
  for (const auto & n : order)
    d[py::str(n)] = py::cast(m.at(n));
  return d;
}

std::string
device_string(const py::object & device)
{
  if (device.is_none())
    return "";
  if (py::hasattr(device, "type") && !py::isinstance<py::str>(device))
    return py::str(device.attr("type"));
  if (py::isinstance<py::str>(device))
    return device.cast<std::string>();
  throw FatalError("device must be a str or a torch.device, got " + type_name(device));
}
/// neml2::aoti::log surfaced to neml2.log (private names: neml2.log is the public API).  The C++
/// runtime's lines go to neml2.log's sink, and neml2.log's defaults are mirrored here.
void
add_log_bindings(py::module_ & m)
{
  namespace log = neml2::aoti::log;
  auto to_level = [](int level)
  {
    if (level < 0 || level > 3)
      throw FatalError("level " + std::to_string(level) + " is out of range (0-3)");
    return static_cast<log::Level>(level);
  };
  m.def(
      "_log_set_default_level",
      [to_level](const std::string & channel, int level)
      {
        if (channel == "all")
          log::set_default_level(to_level(level));
        else
          log::set_default_level(log::parse_channel(channel), to_level(level));
      },
      py::arg("channel"),
      py::arg("level"));
  m.def("_log_reload_env", &log::reload_env);
  m.def(
      "_log_level",
      [](const std::string & channel) { return static_cast<int>(log::level(log::parse_channel(channel))); },
      py::arg("channel"));
  m.def(
      "_log_emit",
      [to_level](const std::string & channel, int level, const std::string & message)
      { log::emit(log::parse_channel(channel), to_level(level), message); },
      py::arg("channel"),
      py::arg("level"),
      py::arg("message"));

  auto pylog = py::module_::import("neml2.log");
  static py::object * emit_line = new py::object(pylog.attr("emit_line")); // leaked, as above
  log::set_sink(
      [](log::Level level, const std::string & line)
      {
        if (!Py_IsInitialized())
        {
          (level == log::Level::Info ? std::cout : std::cerr) << line << std::endl;
          return;
        }
        py::gil_scoped_acquire gil;
        try
        {
          (*emit_line)(static_cast<int>(level), line);
        }
        catch (py::error_already_set & e)
        {
          e.discard_as_unraisable("neml2.log sink");
        }
      });
  pylog.attr("_attach_native")(m);
}
} // namespace

PYBIND11_MODULE(_aoti, m)
{
  m.def(
      "solve_points",
      [](const at::Tensor & J, const at::Tensor & b)
      {
        try // FatalError (arguments it does not take) passes through to Python
        {
          py::gil_scoped_release release;
          return neml2::aoti::solve_points(J, b);
        }
        catch (const c10::Error &)
        {
          throw neml2::aoti::ConvergenceError("singular Jacobian");
        }
      },
      py::arg("J"),
      py::arg("b"),
      "x = J^{-1} b per point (J (N, n, n), b (N, n), CPU): partial-pivoting elimination in a C++ loop "
      "over the points; ConvergenceError for a singular system.");

  // The tensor caster needs torch's Python state: returning a tensor before `import torch` segfaults.
  py::module_::import("torch");
  auto errors = py::module_::import("neml2.aoti.errors");
  fatal_cls = new py::object(errors.attr("FatalError"));
  convergence_cls = new py::object(errors.attr("ConvergenceError"));
  m.attr("FatalError") = *fatal_cls;
  m.attr("ConvergenceError") = *convergence_cls;
  py::register_exception_translator(
      [](std::exception_ptr p)
      {
        try
        {
          if (p)
            std::rethrow_exception(p);
        }
        catch (const neml2::aoti::ConvergenceError & e)
        {
          py::object exc = (*convergence_cls)(e.what());
          PyErr_SetObject(convergence_cls->ptr(), exc.ptr());
        }
        catch (const neml2::aoti::Exception & e)
        {
          PyErr_SetString(fatal_cls->ptr(), e.what());
        }
      });

  add_log_bindings(m);

  m.doc() = "Thin C++ runtime (libneml2) for neml2-compile artifacts";
  py::options options; // the documented signatures are written in the docstrings (Mapping inputs
  options.disable_function_signatures(); // are checked by hand, to raise FatalError)
  py::class_<Model>(m, "Model", R"doc(Thin C++ runtime for an AOTI-exported NEML2 model.

Construct from the path to the metadata JSON produced by neml2-compile (or its folder); the loader
resolves the per-segment .pt2 files relative to that path.  ``device`` (a str or torch.device; only
its type is used) picks the compiled ``<device>/`` subfolder, default: the first compiled device.
The artifact is device- and dtype-pinned at export time; there is no runtime ``to()``.

Parameters promoted with ``neml2-compile --parameter NAME`` are reachable through
``named_parameters()`` and may be mutated in place; everything else is baked into the graphs.)doc")
      .def(py::init(
               [](const py::object & path, const py::object & device)
               {
                 auto p = py::str(py::module_::import("os").attr("fspath")(path)).cast<std::string>();
                 auto d = device_string(device);
                 py::gil_scoped_release nogil;
                 return std::make_unique<Model>(p, d);
               }),
           py::arg("path"),
           py::arg("device") = py::none(),
           "__init__(self: neml2.aoti._aoti.Model, path: str | os.PathLike, device: str | torch.device | None = None) -> None")
      .def(
          "forward",
          [](Model & self, const py::object & inputs)
          {
            auto ins = to_map(inputs, "inputs");
            TensorMap out;
            {
              py::gil_scoped_release nogil;
              out = self.forward(ins);
            }
            return ordered(out, self.output_names());
          },
          py::arg("inputs"),
          "forward(self: neml2.aoti._aoti.Model, inputs: collections.abc.Mapping[str, torch.Tensor]) -> dict\n\n"
          "Evaluate the model: one tensor per name in output_names, each (*B, *base_shape).")
      .def(
          "jvp",
          [](Model & self, const py::object & inputs, const py::object & tangents)
          {
            auto ins = to_map(inputs, "inputs");
            auto tans = to_map(tangents, "tangents");
            std::pair<TensorMap, TensorMap> res;
            {
              py::gil_scoped_release nogil;
              res = self.jvp(ins, tans);
            }
            return py::make_tuple(ordered(res.first, self.output_names()),
                                  ordered(res.second, self.output_names()));
          },
          py::arg("inputs"),
          py::arg("tangents"),
          "jvp(self: neml2.aoti._aoti.Model, inputs: collections.abc.Mapping[str, torch.Tensor], tangents: collections.abc.Mapping[str, torch.Tensor]) -> "
          "tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]\n\n"
          "Evaluate + JVP: (outputs, jvp_outputs), both keyed by output_names; a missing tangent is zero.")
      .def(
          "jacobian",
          [](Model & self, const py::object & inputs)
          {
            auto ins = to_map(inputs, "inputs");
            std::pair<TensorMap, std::map<std::string, TensorMap>> res;
            {
              py::gil_scoped_release nogil;
              res = self.jacobian(ins);
            }
            py::dict J;
            for (const auto & o : self.output_names())
              J[py::str(o)] = ordered(res.second.at(o), self.input_names());
            return py::make_tuple(ordered(res.first, self.output_names()), J);
          },
          py::arg("inputs"),
          "jacobian(self: neml2.aoti._aoti.Model, inputs: collections.abc.Mapping[str, torch.Tensor]) -> "
          "tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]\n\n"
          "Evaluate + full Jacobian: (outputs, J) with J[out][in] of shape (*B, *out_base, *in_base).")
      .def(
          "named_parameters",
          [](Model & self) { return ordered(self.named_parameters(), self.parameter_names()); },
          "named_parameters(self: neml2.aoti._aoti.Model) -> dict[str, torch.Tensor]\n\n"
          "The promoted parameters: a new dict whose tensors share storage with the C++ slots.")
      .def("set_parameter",
           [](Model & self, const std::string & name, const py::object & value)
           {
             if (!THPVariable_Check(value.ptr()))
               throw FatalError("parameter '" + name + "' must be a torch.Tensor, got " + type_name(value));
             self.set_parameter(name, THPVariable_Unpack(value.ptr()));
           },
           py::arg("name"),
           py::arg("value"),
           "set_parameter(self: neml2.aoti._aoti.Model, name: str, value: torch.Tensor) -> None\n\n"
           "Replace a promoted parameter's tensor (same shape, dtype and device; the slot is updated).")
      .def("set_solver_config",
           &Model::set_solver_config,
           py::arg("atol"),
           py::arg("rtol"),
           py::arg("miters"),
           py::arg("ls_type"),
           py::arg("ls_max_iters"),
           py::arg("ls_cutback"),
           py::arg("ls_c"),
           "set_solver_config(self: neml2.aoti._aoti.Model, atol: SupportsFloat, rtol: SupportsFloat, miters: SupportsInt, "
           "ls_type: str, ls_max_iters: SupportsInt, ls_cutback: SupportsFloat, ls_c: SupportsFloat) -> None\n\n"
           "Configure the Newton solve of the implicit stages (ls_type NONE, BACKTRACKING or STRONG_WOLFE).")
      .def_property_readonly("device",
                             [](const Model & self)
                             { return py::module_::import("torch").attr("device")(self.device().str()); },
                             "Device the artifact was compiled for (immutable).")
      .def_property_readonly("dtype",
                             [](const Model & self)
                             { return py::reinterpret_borrow<py::object>(
                                   reinterpret_cast<PyObject *>(torch::getTHPDtype(self.dtype()))); },
                             "Floating-point dtype the artifact was compiled for (immutable).")
      .def_property_readonly(
          "solver_config",
          [](const Model & self)
          {
            const auto & c = self.solver_config();
            py::dict d;
            d["atol"] = c.atol;
            d["rtol"] = c.rtol;
            d["miters"] = c.miters;
            d["ls_type"] = c.ls_type;
            d["ls_max_iters"] = c.ls_max_iters;
            d["ls_cutback"] = c.ls_cutback;
            d["ls_c"] = c.ls_c;
            return d;
          },
          "The Newton settings of the implicit stages, keyed as the metadata's \"solver\" entry.")
      .def_property_readonly("has_derivatives",
                             &Model::has_derivatives,
                             "Whether jvp / jacobian are available (compiled with neml2-compile -d).")
      .def_property_readonly("input_names", &Model::input_names, "Master input names in graph-call order.")
      .def_property_readonly("output_names", &Model::output_names, "Master output names in graph-call order.")
      .def_property_readonly(
          "input_base_shapes",
          [](const Model & self) { return shapes(self.input_names(), self.input_base_shapes()); },
          "Per-input base shape (Scalar -> [], SR2 -> [6], R2 -> [3, 3]).")
      .def_property_readonly(
          "output_base_shapes",
          [](const Model & self) { return shapes(self.output_names(), self.output_base_shapes()); },
          "Per-output base shape (Scalar -> [], SR2 -> [6], R2 -> [3, 3]).")
      .def("__repr__",
           [](const Model & self)
           {
             std::string s = "Model('" + self.name() + "', device=" + self.device().str() +
                             ", dtype=" + std::string(self.dtype() == at::kDouble ? "float64" : "float32") + ", inputs=[";
             for (std::size_t i = 0; i < self.input_names().size(); ++i)
               s += (i ? ", '" : "'") + self.input_names()[i] + "'";
             s += "], outputs=[";
             for (std::size_t i = 0; i < self.output_names().size(); ++i)
               s += (i ? ", '" : "'") + self.output_names()[i] + "'";
             return s + "])";
           });
}
