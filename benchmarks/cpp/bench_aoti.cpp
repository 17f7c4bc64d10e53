// Times neml2::aoti::Model::forward from a pure C++ host (no Python anywhere in the process).
//
//   bench_aoti ARTIFACT_DIR N BUDGET_S [THREADS]
//
// Inputs at (N, *base): 'strain' along random unit directions, a share YIELD of the points at
// amplitude 3e-3 and the others at 1e-5 (as benchmarks/run.py's J2 step); 't' = DT; every other
// input (old state, t~1) zero.  Prints one JSON line: median / best wall time per call in us.
#include "neml2/csrc/aoti/model.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

int
main(int argc, char ** argv)
{
  if (argc < 4)
  {
    std::cerr << "usage: " << argv[0] << " ARTIFACT_DIR N BUDGET_S [THREADS]\n";
    return 2;
  }
  const int64_t N = std::atoll(argv[2]);
  const double budget = std::atof(argv[3]);
  if (argc > 4)
    at::set_num_threads(std::atoi(argv[4]));
  const double DT = 0.01, YIELD = 0.9;

  neml2::aoti::Model model(argv[1]);
  const auto opts = at::TensorOptions().dtype(model.dtype()).device(model.device());
  at::manual_seed(1);
  std::map<std::string, at::Tensor> in;
  for (std::size_t i = 0; i < model.input_names().size(); ++i)
  {
    const auto & name = model.input_names()[i];
    std::vector<int64_t> shape{N};
    const auto & base = model.input_base_shapes()[i];
    shape.insert(shape.end(), base.begin(), base.end());
    if (name == "strain")
    {
      auto dir = at::randn(shape, opts);
      dir = dir / dir.norm(2, {-1}, true);
      auto amp = at::where(at::rand({N, 1}, opts) < YIELD, 3e-3, 1e-5);
      in[name] = (amp * dir).contiguous();
    }
    else if (name == "t")
      in[name] = at::full(shape, DT, opts);
    else
      in[name] = at::zeros(shape, opts);
  }

  using clock = std::chrono::steady_clock;
  model.forward(in); // warm-up
  std::vector<double> times;
  const auto start = clock::now();
  while (times.size() < 3 || (times.size() < 20000 &&
                              std::chrono::duration<double>(clock::now() - start).count() < budget))
  {
    const auto t0 = clock::now();
    auto out = model.forward(in);
    times.push_back(std::chrono::duration<double, std::micro>(clock::now() - t0).count());
  }
  std::sort(times.begin(), times.end());
  std::printf("{\"n\": %lld, \"median_us\": %.6g, \"best_us\": %.6g, \"calls\": %zu, \"threads\": %d}\n",
              static_cast<long long>(N),
              times[times.size() / 2],
              times.front(),
              times.size(),
              at::get_num_threads());
  return 0;
}
