#include "neml2/csrc/aoti/model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <mutex>
#include <numeric>
#include <sstream>
#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <ATen/ATen.h>
#include <ATen/ExpandUtils.h>
#include <ATen/Parallel.h>
#include <c10/core/GradMode.h>
#include <torch/csrc/inductor/aoti_package/model_package_loader.h>

#include "json.h"
#include "newton_trace.h"

namespace neml2::aoti
{
namespace
{
constexpr int SCHEMA_VERSION = 4;

/// x = J^{-1} b per point, Gaussian elimination with partial pivoting on each row-major (n, n)
/// system.  Returns false when a pivot is exactly zero (a singular Jacobian).
template <typename T>
bool
solve_each(const T * J, const T * b, T * x, int64_t N, int64_t n)
{
  std::atomic<bool> ok{true};
  at::parallel_for(0,
                   N,
                   std::max<int64_t>(1, 32768 / (n * n)),
                   [&](int64_t begin, int64_t end)
                   {
                     std::vector<T> A(n * (n + 1));
                     for (int64_t p = begin; p < end; ++p)
                     {
                       const T * Jp = J + p * n * n;
                       for (int64_t i = 0; i < n; ++i)
                       {
                         std::copy(Jp + i * n, Jp + (i + 1) * n, A.data() + i * (n + 1));
                         A[i * (n + 1) + n] = b[p * n + i];
                       }
                       for (int64_t k = 0; k < n; ++k)
                       {
                         int64_t piv = k;
                         for (int64_t i = k + 1; i < n; ++i)
                           if (std::abs(A[i * (n + 1) + k]) > std::abs(A[piv * (n + 1) + k]))
                             piv = i;
                         if (A[piv * (n + 1) + k] == T(0))
                         {
                           ok = false;
                           return;
                         }
                         if (piv != k)
                           std::swap_ranges(
                               A.begin() + k * (n + 1), A.begin() + (k + 1) * (n + 1), A.begin() + piv * (n + 1));
                         const T * Ak = A.data() + k * (n + 1);
                         for (int64_t i = k + 1; i < n; ++i)
                         {
                           T * Ai = A.data() + i * (n + 1);
                           const T f = Ai[k] / Ak[k];
                           for (int64_t j = k + 1; j <= n; ++j)
                             Ai[j] -= f * Ak[j];
                         }
                       }
                       T * xp = x + p * n;
                       for (int64_t i = n - 1; i >= 0; --i)
                       {
                         const T * Ai = A.data() + i * (n + 1);
                         T v = Ai[n];
                         for (int64_t j = i + 1; j < n; ++j)
                           v -= Ai[j] * xp[j];
                         xp[i] = v / Ai[i];
                       }
                     }
                   });
  return ok;
}

/// The Newton step -J^{-1} r of every point (solve_points; at::linalg_solve off the CPU).
at::Tensor
newton_step(const at::Tensor & J, const at::Tensor & r)
{
  const auto b = -r;
  return solve_points_supported(J, b) ? solve_points(J, b) : at::linalg_solve(J, b);
}
} // namespace

bool
solve_points_supported(const at::Tensor & J, const at::Tensor & b)
{
  const auto t = b.scalar_type();
  return J.is_cpu() && b.is_cpu() && (t == at::kDouble || t == at::kFloat) && J.scalar_type() == t &&
         J.dim() == 3 && b.dim() == 2 && J.size(0) == b.size(0) && J.size(1) == b.size(1) &&
         J.size(2) == b.size(1);
}

at::Tensor
solve_points(const at::Tensor & J, const at::Tensor & b)
{
  if (!solve_points_supported(J, b))
    throw FatalError("solve_points: J (N, n, n) and b (N, n) on the CPU, float32 or float64, of one dtype");
  auto Jc = J.contiguous();
  auto bc = b.contiguous();
  auto x = at::empty_like(bc);
  const int64_t N = bc.size(0), n = bc.size(1);
  const bool ok = bc.scalar_type() == at::kDouble
                      ? solve_each(Jc.data_ptr<double>(), bc.data_ptr<double>(), x.data_ptr<double>(), N, n)
                      : solve_each(Jc.data_ptr<float>(), bc.data_ptr<float>(), x.data_ptr<float>(), N, n);
  if (!ok)
    throw c10::Error({__func__, __FILE__, static_cast<uint32_t>(__LINE__)}, "the Jacobian is singular");
  return x;
}

namespace
{
/// Keep large tensor blocks on the glibc heap so they are reused instead of page-faulted anew
/// (the same tuning as the Python package's neml2._malloc; NEML2_MALLOPT=0 leaves malloc alone).
void
tune_malloc_once()
{
  static std::once_flag once;
  std::call_once(once,
                 []
                 {
#if defined(__GLIBC__)
                   const char * env = std::getenv("NEML2_MALLOPT");
                   if (env && std::strcmp(env, "0") == 0)
                     return;
                   mallopt(M_MMAP_THRESHOLD, 1 << 30);
                   mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
#endif
                 });
}

bool
is_dir(const std::string & p)
{
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool
is_file(const std::string & p)
{
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string
parent(const std::string & p)
{
  auto k = p.find_last_of('/');
  return k == std::string::npos ? std::string(".") : (k == 0 ? std::string("/") : p.substr(0, k));
}

std::string
join(const std::vector<std::string> & v, const std::string & sep = ", ")
{
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i ? sep : "") + v[i];
  return out;
}

std::string
shape_str(c10::IntArrayRef s)
{
  std::string out = "(";
  for (std::size_t i = 0; i < s.size(); ++i)
    out += (i ? ", " : "") + std::to_string(s[i]);
  return out + (s.size() == 1 ? ",)" : ")");
}

std::string
dtype_name(c10::ScalarType t)
{
  switch (t)
  {
    case at::kDouble:
      return "torch.float64";
    case at::kFloat:
      return "torch.float32";
    case at::kHalf:
      return "torch.float16";
    case at::kBFloat16:
      return "torch.bfloat16";
    case at::kLong:
      return "torch.int64";
    case at::kInt:
      return "torch.int32";
    case at::kBool:
      return "torch.bool";
    default:
      return std::string("torch.") + c10::toString(t);
  }
}

std::string
device_type_name(c10::DeviceType t)
{
  return c10::DeviceTypeName(t, /*lower_case=*/true);
}

std::vector<int64_t>
concat(const std::vector<int64_t> & a, const std::vector<int64_t> & b)
{
  std::vector<int64_t> out(a);
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

std::vector<int64_t>
concat(const std::vector<int64_t> & a, const std::vector<int64_t> & b, const std::vector<int64_t> & c)
{
  return concat(concat(a, b), c);
}

int64_t
prod(const std::vector<int64_t> & s)
{
  return std::accumulate(s.begin(), s.end(), int64_t(1), std::multiplies<int64_t>());
}

at::Tensor
rnorm(const at::Tensor & r)
{
  return at::linalg_vector_norm(r, 2, {-1});
}

std::string
fmt_norms(const at::Tensor & nr)
{
  auto t = nr.detach().to(at::kCPU, at::kDouble).contiguous();
  std::ostringstream os;
  os.precision(3);
  os << std::scientific << "[";
  const int64_t n = std::min<int64_t>(t.numel(), 4);
  for (int64_t i = 0; i < n; ++i)
    os << (i ? ", " : "") << t.data_ptr<double>()[i];
  os << (t.numel() > 4 ? ", ...]" : "]");
  return os.str();
}

std::string
fmt_points(const at::Tensor & idx)
{
  auto t = idx.detach().to(at::kCPU, at::kLong).contiguous();
  std::string out = "[";
  const int64_t n = std::min<int64_t>(t.numel(), 8);
  for (int64_t i = 0; i < n; ++i)
    out += (i ? ", " : "") + std::to_string(t.data_ptr<int64_t>()[i]);
  return out + "]";
}
} // namespace

namespace detail
{
/// One segment (a .pt2 package) of a stage.
struct Graph
{
  std::string file;
  std::unique_ptr<torch::inductor::AOTIModelPackageLoader> loader;

  std::vector<at::Tensor> operator()(const std::vector<at::Tensor> & args) const
  {
    try
    {
      return loader->run(args);
    }
    catch (const c10::Error & e)
    {
      throw FatalError("segment " + file + " failed: " + e.what_without_backtrace());
    }
  }
};

struct Stage
{
  std::string kind; // explicit / implicit
  std::vector<std::string> inputs, outputs;
  std::vector<std::string> predictor_inputs; // implicit: what the Newton guess graph reads
  std::vector<int64_t> in_sizes, out_sizes;
  int64_t n = 0; // total output size (implicit: number of unknowns)
  std::map<std::string, Graph> graphs;
  /// adaptive substepping of an implicit stage (metadata "substepping"; ImplicitUpdate.substep_metadata)
  struct Substep
  {
    int64_t max_level = 0;
    double min_fraction = 0;
    std::vector<std::string> old_inputs;          // ramp old values that are not given variables
    std::vector<std::vector<int64_t>> ramped;     // [i, j] in given + old_inputs: X, X~1
    std::vector<int64_t> incremental;             // positions in given
    std::vector<std::vector<int64_t>> history;    // [offset, size, i]: unknowns -> given[i] of the next substep
  } sub;
};

/// A converged solve over the fraction [a, b] of the step at the points P.
struct Step
{
  at::Tensor P;
  double a = 0, b = 1;
  at::Tensor x;
};
} // namespace detail

struct Model::Prepared
{
  TensorMap state;
  std::vector<int64_t> B;
  int64_t N = 0;
};

Model::Model(const std::string & path, const std::string & device)
{
  tune_malloc_once();
  std::string meta_path = is_dir(path) ? path + "/metadata.json" : path;
  if (!is_file(meta_path))
    throw FatalError("no compiled model at " + path + " (expected a metadata.json or its folder)");
  _meta_path = meta_path;
  std::ifstream in(meta_path);
  std::stringstream buf;
  buf << in.rdbuf();
  json::Value meta;
  try
  {
    meta = json::parse(buf.str());
  }
  catch (const std::exception & e)
  {
    throw FatalError(meta_path + ": not valid JSON (" + e.what() + ")");
  }

  try
  {
    const auto & sv = meta.has("schema_version") ? meta.at("schema_version") : json::Value();
    if (sv.kind != json::Value::Kind::Number || sv.number != SCHEMA_VERSION)
      throw FatalError(meta_path + ": schema_version " +
                       (sv.kind == json::Value::Kind::Number ? std::to_string(int64_t(sv.number))
                                                             : std::string("None")) +
                       ", this runtime reads " + std::to_string(SCHEMA_VERSION) +
                       "; recompile with neml2-compile");
    _name = meta.has("model") ? meta.at("model").str("model") : std::string();
    const auto devices = meta.at("devices").strings("devices");
    if (devices.empty())
      throw FatalError(meta_path + ": no compiled device");
    std::string dev = devices.front();
    if (!device.empty())
    {
      try
      {
        dev = device_type_name(c10::Device(device).type());
      }
      catch (const c10::Error &)
      {
        throw FatalError("invalid device '" + device + "'");
      }
    }
    if (std::find(devices.begin(), devices.end(), dev) == devices.end())
      throw FatalError(meta_path + ": not compiled for device '" + dev + "' (compiled: " + join(devices) + ")");
    _device = c10::Device(dev);
    const auto & dtype = meta.at("dtype").str("dtype");
    if (dtype == "float64")
      _dtype = at::kDouble;
    else if (dtype == "float32")
      _dtype = at::kFloat;
    else
      throw FatalError(meta_path + ": unsupported dtype '" + dtype + "'");

    for (const auto & kv : meta.at("variables").object)
    {
      _base[kv.first] = kv.second.at("base_shape").ints("base_shape");
      _size[kv.first] = prod(_base[kv.first]);
    }
    auto base_of = [&](const std::string & n) -> const std::vector<int64_t> &
    {
      auto it = _base.find(n);
      if (it == _base.end())
        throw FatalError(meta_path + ": variable '" + n + "' is not listed in 'variables'");
      return it->second;
    };
    for (const auto & v : meta.at("inputs").arr("inputs"))
    {
      _input_names.push_back(v.at("name").str("name"));
      _input_base.push_back(base_of(_input_names.back()));
    }
    for (const auto & v : meta.at("outputs").arr("outputs"))
    {
      _output_names.push_back(v.at("name").str("name"));
      _output_base.push_back(base_of(_output_names.back()));
    }
    const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
    for (const auto & p : meta.at("parameters").arr("parameters"))
    {
      const auto & name = p.at("name").str("parameter name");
      auto value = p.at("value").numbers("parameter value");
      auto shape = p.at("shape").ints("parameter shape");
      _param_names.push_back(name);
      _params[name] =
          at::tensor(value, at::TensorOptions().dtype(at::kDouble)).to(opts).reshape(shape).contiguous();
    }

    const std::string folder = parent(meta_path) + "/" + dev + "/" + dtype;
    for (const auto & e : meta.at("stages").arr("stages"))
    {
      auto st = std::make_unique<detail::Stage>();
      st->kind = e.at("kind").str("stage kind");
      if (st->kind == "explicit")
      {
        st->inputs = e.at("inputs").strings("stage inputs");
        st->outputs = e.at("outputs").strings("stage outputs");
      }
      else if (st->kind == "implicit")
      {
        st->inputs = e.at("given").strings("stage given");
        st->outputs = e.at("unknowns").strings("stage unknowns");
        if (e.has("predictor_inputs"))
          st->predictor_inputs = e.at("predictor_inputs").strings("stage predictor_inputs");
        if (e.has("substepping"))
        {
          const auto & sb = e.at("substepping");
          st->sub.max_level = int64_t(sb.at("max_level").num("max_level"));
          st->sub.min_fraction = sb.at("min_fraction").num("min_fraction");
          st->sub.old_inputs = sb.at("old_inputs").strings("old_inputs");
          for (const auto & v : sb.at("ramped").arr("ramped"))
            st->sub.ramped.push_back(v.ints("ramped"));
          st->sub.incremental = sb.at("incremental").ints("incremental");
          for (const auto & v : sb.at("history").arr("history"))
            st->sub.history.push_back(v.ints("history"));
        }
      }
      else
        throw FatalError("unknown stage kind '" + st->kind + "' in the metadata");
      for (const auto & n : st->inputs)
        st->in_sizes.push_back(prod(base_of(n)));
      for (const auto & n : st->outputs)
        st->out_sizes.push_back(prod(base_of(n)));
      st->n = std::accumulate(st->out_sizes.begin(), st->out_sizes.end(), int64_t(0));
      for (const auto & kv : e.at("segments").object)
      {
        const std::string f = folder + "/" + kv.second.str("segment");
        if (!is_file(f))
          throw FatalError("missing segment " + f + "; recompile with neml2-compile");
        detail::Graph g;
        g.file = f;
        try
        {
          g.loader = std::make_unique<torch::inductor::AOTIModelPackageLoader>(f);
        }
        catch (const c10::Error & err)
        {
          throw FatalError("cannot load segment " + f + ": " + err.what_without_backtrace());
        }
        st->graphs.emplace(kv.first, std::move(g));
      }
      // the evaluation segment is required; the derivative one exists when compiled with -d
      const bool is_explicit = st->kind == "explicit";
      const std::string value = is_explicit ? "forward" : "residual";
      if (!st->graphs.count(value))
        throw FatalError(meta_path + ": a " + st->kind + " stage lacks its '" + value + "' segment");
      _derivatives = _derivatives && st->graphs.count(is_explicit ? "jacobian" : "sensitivity");
      _stages.push_back(std::move(st));
    }

    if (meta.has("solver"))
    {
      // every key neml2-compile writes (neml2.solvers.newton_config.NewtonConfig); a missing one
      // keeps the default of SolverConfig, the one copy of the defaults on this side
      const auto & s = meta.at("solver");
      const SolverConfig d;
      auto get = [&](const char * k, double v) { return s.has(k) ? s.at(k).num(k) : v; };
      set_solver_config(get("atol", d.atol),
                        get("rtol", d.rtol),
                        int64_t(get("miters", double(d.miters))),
                        s.has("ls_type") ? s.at("ls_type").str("ls_type") : d.ls_type,
                        int64_t(get("ls_max_iters", double(d.ls_max_iters))),
                        get("ls_cutback", d.ls_cutback),
                        get("ls_c", d.ls_c));
    }
  }
  catch (const Exception &)
  {
    throw;
  }
  catch (const std::exception & e)
  {
    throw FatalError(meta_path + ": malformed metadata (" + e.what() + ")");
  }
}

Model::~Model() = default;
Model::Model(Model &&) noexcept = default;
Model & Model::operator=(Model &&) noexcept = default;

// ------------------------------------------------------------------------- configuration
void
Model::set_parameter(const std::string & name, const at::Tensor & value)
{
  auto it = _params.find(name);
  if (it == _params.end())
    throw FatalError("no promoted parameter '" + name + "'; promoted: " +
                     (_param_names.empty() ? std::string("(none: compile with --parameter NAME)")
                                           : join(_param_names)));
  check_tensor("parameter '" + name + "'", value);
  if (value.sizes() != it->second.sizes())
    throw FatalError("parameter '" + name + "' has shape " + shape_str(it->second.sizes()) + ", got " +
                     shape_str(value.sizes()));
  it->second = value;
}

void
Model::set_solver_config(double atol,
                         double rtol,
                         int64_t miters,
                         const std::string & ls_type,
                         int64_t ls_max_iters,
                         double ls_cutback,
                         double ls_c)
{
  std::string ls = ls_type;
  std::transform(ls.begin(), ls.end(), ls.begin(), [](unsigned char c) { return std::toupper(c); });
  if (ls != "NONE" && ls != "BACKTRACKING" && ls != "STRONG_WOLFE")
    throw FatalError("invalid ls_type '" + ls_type + "'; valid: NONE, BACKTRACKING, STRONG_WOLFE");
  if (miters < 0)
    throw FatalError("invalid solver configuration: miters must be >= 0, got " + std::to_string(miters));
  if (ls != "NONE" && ls_cutback <= 1.0)
    throw FatalError("invalid solver configuration: ls_cutback must be > 1, got " + std::to_string(ls_cutback));
  _solver = SolverConfig{atol, rtol, miters, ls, ls_max_iters, ls_cutback, ls_c};
}

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
        outs = st.graphs.at("forward")(args);
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
      auto rJ = st.graphs.at("residual")(args);
      auto Jg = st.graphs.at("sensitivity")(args).at(0);
      auto dx = -at::linalg_solve(rJ.at(1), chain(Jg));
      auto parts = at::split_with_sizes(dx, st.out_sizes, 1);
      for (std::size_t i = 0; i < st.outputs.size(); ++i)
        (*D)[st.outputs[i]] = parts[i];
    }
    auto xs = at::split_with_sizes(x, st.out_sizes, 1);
    for (std::size_t i = 0; i < st.outputs.size(); ++i)
      state[st.outputs[i]] = xs[i].reshape(concat({N}, _base.at(st.outputs[i]))).contiguous();
  }
}

at::Tensor
Model::newton(detail::Stage & st, const std::vector<at::Tensor> & given, at::Tensor x, at::Tensor * failed_out)
{
  const int64_t N = x.size(0);
  c10::AutoGradMode no_grad(false);
  const auto ps = params();
  const auto & residual = st.graphs.at("residual");
  const auto & cfg = _solver;
  // r, J at the points idx (x: the unknowns of those points)
  auto fn = [&](const at::Tensor & xa, const at::Tensor & idx) -> std::pair<at::Tensor, at::Tensor>
  {
    std::vector<at::Tensor> args;
    const bool all = idx.numel() == N;
    for (const auto & g : given)
      args.push_back(all ? g : g.index_select(0, idx));
    args.push_back(xa.contiguous());
    args.insert(args.end(), ps.begin(), ps.end());
    auto out = residual(args);
    if (out.size() != 2)
      throw FatalError("segment " + residual.file + " returned " + std::to_string(out.size()) +
                       " tensors, expected 2");
    return {out[0], out[1]};
  };
  auto check_finite = [failed_out](const at::Tensor & nr, const at::Tensor & idx, int64_t its)
  {
    auto bad = at::logical_not(at::isfinite(nr));
    if (bad.any().item<bool>())
    {
      auto failed = idx.index({bad});
      if (failed_out)
        *failed_out = failed;
      throw ConvergenceError("non-finite residual at " + std::to_string(failed.numel()) + " point(s) (first: " +
                             fmt_points(failed) + ") in Newton iteration " + std::to_string(its));
    }
  };
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  x = x.contiguous().clone();
  auto idx = at::arange(N, opts.dtype(at::kLong));
  auto [r, J] = fn(x, idx);
  auto nr0 = rnorm(r);
  std::optional<detail::NewtonTrace> trace; // NEML2_LOGS newton=info / debug (log.h)
  if (log::enabled(log::Channel::Newton, log::Level::Info))
    trace.emplace(nr0, cfg.atol, cfg.rtol);
  check_finite(nr0, idx, 0);
  auto active = at::logical_not((nr0 <= cfg.atol) | (nr0 <= cfg.rtol * nr0));
  auto sel = active.nonzero().squeeze(-1);
  idx = idx.index_select(0, sel);
  r = r.index_select(0, sel);
  J = J.index_select(0, sel);
  nr0 = nr0.index_select(0, sel);
  int64_t its = 0;
  while (idx.numel())
  {
    if (trace && its >= cfg.miters)
      trace->failed(its, "max iterations");
    if (its >= cfg.miters && failed_out)
      *failed_out = idx;
    if (its >= cfg.miters)
      throw ConvergenceError("Newton did not converge in " + std::to_string(cfg.miters) + " iterations at " +
                             std::to_string(idx.numel()) + " point(s) (first: " + fmt_points(idx) +
                             "); residual norms " + fmt_norms(rnorm(r)));
    ++its;
    at::Tensor dx;
    try
    {
      dx = newton_step(J, r);
    }
    catch (const c10::Error & e)
    {
      if (trace)
        trace->failed(its, "singular Jacobian");
      if (failed_out)
        *failed_out = idx;
      throw ConvergenceError("Newton iteration " + std::to_string(its) +
                             ": singular Jacobian: " + e.what_without_backtrace());
    }
    auto xa = x.index_select(0, idx);
    at::Tensor xt, rt, Jt;
    if (cfg.ls_type == "NONE")
    {
      xt = xa + dx;
      std::tie(rt, Jt) = fn(xt, idx);
    }
    else
    {
      // per-point backtracking: accept a when |r(x + a dx)|^2 <= (1 - c a) |r(x)|^2 and, for
      // STRONG_WOLFE, |r(x + a dx) . J(x + a dx) dx| <= 0.9 |r(x)|^2 (the curvature condition)
      auto r0sq = (r * r).sum(-1);
      auto alpha = at::ones_like(r0sq);
      const bool wolfe = cfg.ls_type == "STRONG_WOLFE";
      xt = xa + dx;
      std::tie(rt, Jt) = fn(xt, idx);
      for (int64_t k = 0; k < cfg.ls_max_iters; ++k)
      {
        auto ok = (rt * rt).sum(-1) <= (1 - cfg.ls_c * alpha) * r0sq; // NaN counts as bad
        if (wolfe)
        {
          auto slope = (rt * at::matmul(Jt, dx.unsqueeze(-1)).squeeze(-1)).sum(-1);
          ok = at::logical_and(ok, slope.abs() <= 0.9 * r0sq);
        }
        auto bad = at::logical_not(ok);
        if (!bad.any().item<bool>())
          break;
        alpha = at::where(bad, alpha / cfg.ls_cutback, alpha);
        auto s = bad.nonzero().squeeze(-1);
        auto xs = xa.index_select(0, s) + alpha.index_select(0, s).unsqueeze(-1) * dx.index_select(0, s);
        auto [rs, Js] = fn(xs, idx.index_select(0, s));
        xt.index_copy_(0, s, xs);
        rt.index_copy_(0, s, rs);
        Jt.index_copy_(0, s, Js);
        if (trace)
          trace->line_search(k + 1, alpha, rt);
      }
    }
    x.index_copy_(0, idx, xt);
    r = rt;
    J = Jt;
    auto nr = rnorm(r);
    if (trace)
      trace->iteration(its, nr, nr0);
    check_finite(nr, idx, its);
    auto keep = (nr > cfg.atol) & (nr > cfg.rtol * nr0);
    if (!keep.all().item<bool>())
    {
      auto k = keep.nonzero().squeeze(-1);
      idx = idx.index_select(0, k);
      r = r.index_select(0, k);
      J = J.index_select(0, k);
      nr0 = nr0.index_select(0, k);
    }
  }
  if (trace)
    trace->converged(its);
  return x;
}
at::Tensor
Model::solve(detail::Stage & st,
             const std::vector<at::Tensor> & given,
             const std::vector<at::Tensor> & old,
             const std::vector<at::Tensor> & guess,
             int64_t N,
             std::vector<detail::Step> & steps)
{
  c10::AutoGradMode no_grad(false);
  const auto ps = params();
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  at::Tensor x;
  auto pred = st.graphs.find("predictor");
  if (pred == st.graphs.end())
    x = at::zeros({N, st.n}, opts);
  else
  {
    auto args = guess;
    args.insert(args.end(), ps.begin(), ps.end());
    auto out = pred->second(args);
    if (out.size() != 1 || out[0].sizes() != at::IntArrayRef({N, st.n}))
      throw FatalError("segment " + pred->second.file + " did not return the guess (N, " + std::to_string(st.n) +
                       ")");
    x = out[0].contiguous();
  }
  if (st.sub.max_level == 0)
  {
    x = newton(st, given, x, nullptr);
    steps.push_back({at::Tensor(), 0.0, 1.0, x});
    return x;
  }
  // adaptive substepping: the points that fail are bisected (as ImplicitUpdate / PyModel do)
  std::vector<at::Tensor> ext = given;
  ext.insert(ext.end(), old.begin(), old.end());
  const auto lopts = opts.dtype(at::kLong);
  const auto & sub = st.sub;
  // Newton at the points of g, a failed point leaving the batch and the rest solved again
  auto partial = [&](const std::vector<at::Tensor> & g, const at::Tensor & x0, std::string & first) -> std::pair<at::Tensor, at::Tensor>
  {
    const int64_t n = x0.size(0);
    auto failed = at::zeros({n}, opts.dtype(at::kBool));
    auto xs = x0.clone();
    auto pts = at::arange(n, lopts);
    while (pts.numel())
    {
      const bool all = pts.numel() == n;
      std::vector<at::Tensor> gp;
      for (const auto & t : g)
        gp.push_back(all ? t : t.index_select(0, pts));
      at::Tensor f;
      try
      {
        xs.index_copy_(0, pts, newton(st, gp, x0.index_select(0, pts), &f));
        break;
      }
      catch (const ConvergenceError & e)
      {
        auto bad = f.defined() && f.numel() ? pts.index_select(0, f) : pts;
        failed.index_fill_(0, bad, true);
        if (first.empty())
          first = e.what();
        pts = pts.index_select(0, at::logical_not(failed.index_select(0, pts)).nonzero().squeeze(-1));
      }
    }
    return {xs, failed};
  };
  std::function<at::Tensor(const at::Tensor &, double, double, const at::Tensor &, const at::Tensor &, int64_t)>
      advance = [&](const at::Tensor & P, double a, double b, const at::Tensor & xprev, const at::Tensor & g0, int64_t depth)
  {
    auto g = substep_given(st, ext, P, a, b, xprev.defined() ? history(st, xprev, true) : std::vector<at::Tensor>());
    std::string first;
    auto [xs, failed] = partial(g, g0, first);
    if (!failed.any().item<bool>())
    {
      steps.push_back({P, a, b, xs});
      return xs;
    }
    auto ok = at::logical_not(failed).nonzero().squeeze(-1);
    auto bad = failed.nonzero().squeeze(-1);
    if (ok.numel())
      steps.push_back({P.index_select(0, ok), a, b, xs.index_select(0, ok)});
    auto Pb = P.index_select(0, bad);
    const double frac = (b - a) / 2;
    if (depth >= sub.max_level || frac < sub.min_fraction)
    {
      std::ostringstream os;
      os << "model '" << _name << "': no convergence at " << Pb.numel() << " point(s) (first: " << fmt_points(Pb)
         << ") on the substep [" << a << ", " << b << "] of the step after " << depth << " bisection(s) (";
      if (depth >= sub.max_level)
        os << "max_substepping_level = " << sub.max_level;
      else
        os << "the next substep, " << frac << " of the step, is below substep_del_tol = " << sub.min_fraction;
      os << "); Newton: " << first;
      throw ConvergenceError(os.str());
    }
    const double m = (a + b) / 2;
    auto xm = advance(Pb, a, m, xprev.defined() ? xprev.index_select(0, bad) : at::Tensor(), g0.index_select(0, bad), depth + 1);
    auto xb = advance(Pb, m, b, xm, xm, depth + 1);
    auto out = xs.clone();
    out.index_copy_(0, bad, xb);
    return out;
  };
  return advance(at::arange(N, lopts), 0.0, 1.0, at::Tensor(), x, 0);
}

std::vector<at::Tensor>
Model::history(const detail::Stage & st, const at::Tensor & x, bool values) const
{
  std::vector<at::Tensor> out;
  for (const auto & h : st.sub.history)
  {
    auto part = x.narrow(1, h[0], h[1]);
    out.push_back(values ? part.reshape(concat({x.size(0)}, _base.at(st.inputs[h[2]]))).contiguous()
                         : part.contiguous());
  }
  return out;
}

std::vector<at::Tensor>
Model::substep_given(const detail::Stage & st,
                     const std::vector<at::Tensor> & ext,
                     const at::Tensor & P,
                     double a,
                     double b,
                     const std::vector<at::Tensor> & hist) const
{
  const std::size_t ng = st.inputs.size();
  std::vector<at::Tensor> g;
  for (const auto & t : ext)
    g.push_back(t.index_select(0, P));
  std::vector<at::Tensor> out(g.begin(), g.begin() + ng);
  if (a == 0.0 && b == 1.0)
    return out;
  for (const auto & r : st.sub.ramped)
  {
    const auto & nw = g[r[0]];
    const auto & od = g[r[1]];
    out[r[0]] = (1 - b) * od + b * nw;
    if (std::size_t(r[1]) < ng)
      out[r[1]] = (1 - a) * od + a * nw;
  }
  for (auto i : st.sub.incremental)
    out[i] = g[i] * (b - a);
  for (std::size_t k = 0; k < hist.size(); ++k)
    out[st.sub.history[k][2]] = hist[k];
  for (auto & t : out)
    t = t.contiguous();
  return out;
}

at::Tensor
Model::substep_sensitivity(detail::Stage & st,
                           const std::vector<at::Tensor> & given,
                           const std::vector<at::Tensor> & old,
                           const std::vector<detail::Step> & steps,
                           const TensorMap & D,
                           int64_t N)
{
  const auto ps = params();
  const int64_t M = D.begin()->second.size(-1);
  std::vector<at::Tensor> ext = given, extD;
  ext.insert(ext.end(), old.begin(), old.end());
  for (const auto & n : st.inputs)
    extD.push_back(D.at(n));
  for (const auto & n : st.sub.old_inputs)
    extD.push_back(D.at(n));
  const auto opts = at::TensorOptions().dtype(_dtype).device(_device);
  auto cur = at::zeros({N, st.n}, opts);
  auto dcur = at::zeros({N, st.n, M}, opts);
  for (const auto & step : steps)
  {
    const auto & P = step.P;
    const bool first = step.a == 0.0;
    auto g = substep_given(st, ext, P, step.a, step.b,
                           first ? std::vector<at::Tensor>() : history(st, cur.index_select(0, P), true));
    auto gD = substep_given(st, extD, P, step.a, step.b,
                            first ? std::vector<at::Tensor>() : history(st, dcur.index_select(0, P), false));
    auto args = g;
    args.push_back(step.x.contiguous());
    args.insert(args.end(), ps.begin(), ps.end());
    auto Jx = st.graphs.at("residual")(args).at(1);
    auto Jg = st.graphs.at("sensitivity")(args).at(0);
    const int64_t n = P.numel();
    auto rhs = at::zeros({n, Jg.size(1), M}, opts);
    int64_t off = 0;
    for (std::size_t k = 0; k < gD.size(); ++k)
    {
      const int64_t s = st.in_sizes[k];
      rhs.baddbmm_(Jg.narrow(2, off, s), gD[k].reshape({n, s, M}));
      off += s;
    }
    dcur.index_copy_(0, P, -at::linalg_solve(Jx, rhs));
    cur.index_copy_(0, P, step.x);
  }
  return dcur;
}

} // namespace neml2::aoti
