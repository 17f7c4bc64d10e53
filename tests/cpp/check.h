// Minimal harness for the C++ tests run by tests/cpp/test_cpp.py: named checks, tensors read
// from the reference file the test writes, a closing "N passed, N failed" line.
#pragma once

#include <ATen/ATen.h>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace check
{
inline int passed = 0, failed = 0;

struct Failure : std::runtime_error
{
  using std::runtime_error::runtime_error;
};

inline void
require(bool ok, const std::string & what)
{
  if (!ok)
    throw Failure(what);
}

/// Run one named check; any exception fails it.
inline void
run(const std::string & name, const std::function<void()> & f)
{
  try
  {
    f();
    ++passed;
    std::cout << "PASS " << name << std::endl;
  }
  catch (const std::exception & e)
  {
    ++failed;
    std::cout << "FAIL " << name << ": " << e.what() << std::endl;
  }
}

inline int
finish()
{
  std::cout << passed << " passed, " << failed << " failed" << std::endl;
  return failed ? 1 : 0;
}

/// `f()` throws E (and not another type); returns the message.
template <typename E, typename F>
std::string
throws(F && f, const std::string & what, const std::string & contains = "")
{
  try
  {
    f();
  }
  catch (const E & e)
  {
    const std::string msg = e.what();
    require(contains.empty() || msg.find(contains) != std::string::npos,
            what + ": message '" + msg + "' lacks '" + contains + "'");
    return msg;
  }
  throw Failure(what + ": no exception of the expected type");
}

/// |a - b| <= tol * max(1, |b|) elementwise-max, shapes equal.
inline void
close(const at::Tensor & a, const at::Tensor & b, const std::string & what, double tol = 1e-10)
{
  require(a.sizes() == b.sizes(),
          what + ": shape " + c10::str(a.sizes()) + " != " + c10::str(b.sizes()));
  if (!b.numel())
    return;
  const double err = (a - b).abs().max().item<double>();
  const double scale = std::max(1.0, b.abs().max().item<double>());
  std::ostringstream os;
  os << what << ": max error " << err << " (scale " << scale << ")";
  require(err <= tol * scale, os.str());
}

/// The reference file: one tensor a line, `key ndim d0 .. dn-1 v0 v1 ...` (float64 values).
inline std::map<std::string, at::Tensor>
load(const std::string & path)
{
  std::ifstream in(path);
  require(bool(in), "cannot read " + path);
  std::map<std::string, at::Tensor> out;
  std::string line;
  while (std::getline(in, line))
  {
    std::istringstream ls(line);
    std::string key;
    int64_t nd = 0;
    if (!(ls >> key >> nd))
      continue;
    std::vector<int64_t> shape(nd);
    for (auto & d : shape)
      ls >> d;
    std::vector<double> v;
    double x;
    while (ls >> x)
      v.push_back(x);
    out[key] = at::tensor(v, at::kDouble).reshape(shape);
  }
  return out;
}

/// The entries `prefix:NAME` as a map NAME -> tensor.
inline std::map<std::string, at::Tensor>
group(const std::map<std::string, at::Tensor> & refs, const std::string & prefix)
{
  std::map<std::string, at::Tensor> out;
  for (const auto & kv : refs)
    if (kv.first.rfind(prefix + ":", 0) == 0)
      out[kv.first.substr(prefix.size() + 1)] = kv.second;
  return out;
}
} // namespace check
