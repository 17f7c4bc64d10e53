// neml2::aoti::Model: reading the metadata, loading the segments, promoted parameters and Newton
// settings; neml2::aoti::load_model (the [Models] block of a neml2-compile stub).
#include "neml2/csrc/aoti/model.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "json.h"
#include "model_internal.h"

namespace neml2::aoti
{
using namespace detail;

namespace
{
constexpr int SCHEMA_VERSION = 5;

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
/// The fields of the block `path` ("Models/name") of a HIT input file, or nullopt when there is
/// none.  Reads the subset of HIT a neml2-compile stub uses: `[a]` / `[a/b]` / `[./a]` blocks
/// closed by `[]` / `[../]`, `key = value` (or `:=`) with the value bare or quoted with ' or "
/// (a quoted value may span lines), `#` comments.
std::optional<std::map<std::string, std::string>>
hit_block(const std::string & file, const std::string & path)
{
  std::ifstream in(file);
  if (!in)
    throw FatalError("cannot read the input file " + file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string t = ss.str();
  std::vector<std::vector<std::string>> stack; // the components each open block pushed
  std::map<std::string, std::string> fields;
  bool found = false;
  auto current = [&]
  {
    std::string p;
    for (const auto & c : stack)
      for (const auto & x : c)
        p += (p.empty() ? "" : "/") + x;
    return p;
  };
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t i = 0;
  while (i < t.size())
  {
    const char c = t[i];
    if (space(c))
      ++i;
    else if (c == '#')
      i = std::min(t.find('\n', i), t.size());
    else if (c == '[')
    {
      const auto e = t.find(']', i);
      if (e == std::string::npos)
        throw FatalError(file + ": unterminated block header");
      std::string h = t.substr(i + 1, e - i - 1);
      i = e + 1;
      h.erase(std::remove_if(h.begin(), h.end(), [&](char x) { return space(x); }), h.end());
      if (h.empty() || h == "../")
      {
        if (stack.empty())
          throw FatalError(file + ": unmatched []");
        stack.pop_back();
        continue;
      }
      if (h.rfind("./", 0) == 0)
        h = h.substr(2);
      std::vector<std::string> parts;
      for (std::size_t a = 0; a <= h.size();)
      {
        auto b = std::min(h.find('/', a), h.size());
        if (b > a)
          parts.push_back(h.substr(a, b - a));
        a = b + 1;
      }
      stack.push_back(parts);
      found = found || current() == path;
    }
    else
    {
      std::size_t k = i;
      while (k < t.size() && !space(t[k]) && t[k] != '=' && t[k] != ':')
        ++k;
      const std::string key = t.substr(i, k - i);
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t'))
        ++k;
      if (k < t.size() && t[k] == ':')
        ++k;
      if (key.empty() || k >= t.size() || t[k] != '=')
        throw FatalError(file + ": cannot read '" + t.substr(i, std::min<std::size_t>(40, t.size() - i)) + "'");
      ++k;
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t'))
        ++k;
      std::string value;
      if (k < t.size() && (t[k] == '\'' || t[k] == '"'))
      {
        const auto e = t.find(t[k], k + 1);
        if (e == std::string::npos)
          throw FatalError(file + ": unterminated string of '" + key + "'");
        value = t.substr(k + 1, e - k - 1);
        i = e + 1;
      }
      else
      {
        std::size_t e = k;
        while (e < t.size() && !space(t[e]) && t[e] != '#')
          ++e;
        value = t.substr(k, e - k);
        i = e;
      }
      if (current() == path)
        fields[key] = value;
    }
  }
  if (!found)
    return std::nullopt;
  return fields;
}
} // namespace

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
        if (e.has("site_blocks"))
        {
          const auto & sb = e.at("site_blocks");
          auto flat = [&](const char * key)
          {
            std::vector<int64_t> out;
            const auto & v = sb.at(key);
            if (v.kind == json::Value::Kind::Array && !v.array.empty() &&
                v.array[0].kind == json::Value::Kind::Array)
              for (const auto & row : v.array)
              {
                auto r = row.ints(key);
                out.insert(out.end(), r.begin(), r.end());
              }
            else
              out = v.ints(key);
            return at::tensor(out, at::TensorOptions().dtype(at::kLong)).to(_device);
          };
          auto & L = st->blocks;
          L.on = true;
          L.G = prod(sb.at("sites").ints("sites"));
          L.cols_A = flat("cols_A");
          L.rows_A = flat("rows_A");
          L.cols_D = flat("cols_D");
          L.rows_D = flat("rows_D");
          L.k = L.cols_A.numel() / L.G;
          L.m = L.cols_D.numel();
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

// ------------------------------------------------------------------------------ loading
Model
load_model(const std::string & input_file, const std::string & model_name, const std::string & device)
{
  if (!is_file(input_file))
    throw FatalError("no input file " + input_file);
  const auto f = hit_block(input_file, "Models/" + model_name);
  if (!f)
    throw FatalError(input_file + ": no model '" + model_name + "' in [Models]");
  const auto type = f->find("type");
  if (type == f->end() || type->second != "AOTIModel")
    throw FatalError(input_file + ": model '" + model_name + "' is " +
                     (type == f->end() ? std::string("without a type") : "a " + type->second) +
                     ", not an AOTIModel (compile it with neml2-compile and load the stub it writes, or "
                     "run the input file with neml2::eager::load_model)");
  const auto ap = f->find("artifact_path");
  if (ap == f->end() || ap->second.empty())
    throw FatalError(input_file + ": model '" + model_name + "' has no artifact_path");
  if (ap->second.find("${") != std::string::npos)
    throw FatalError(input_file + ": artifact_path '" + ap->second + "': ${...} substitutions are not supported here");
  const std::string path = ap->second[0] == '/' ? ap->second : parent(input_file) + "/" + ap->second;
  return Model(path, device);
}

std::unique_ptr<neml2::Model>
load_model_ptr(const std::string & input_file, const std::string & model_name, const std::string & device)
{
  return std::make_unique<Model>(load_model(input_file, model_name, device));
}
} // namespace neml2::aoti
