// A C++ host running a compiled J2 viscoplastic model (neml2-compile) through a strain history,
// cutting the time step whenever Newton fails (a recoverable neml2::aoti::ConvergenceError).
//
//   cpp_host ARTIFACT_DIR [MAX_NEWTON_ITERATIONS]
// prints one line per converged step: time, axial strain, axial stress, equivalent plastic strain.
#include "neml2/csrc/aoti/model.h"

#include <ATen/ATen.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

int
main(int argc, char ** argv)
{
  if (argc < 2)
  {
    std::cerr << "usage: " << argv[0] << " ARTIFACT_DIR [MAX_NEWTON_ITERATIONS]\n";
    return 2;
  }
  neml2::aoti::Model model(argv[1]);
  const auto & cfg = model.solver_config();
  if (argc > 2)
    model.set_solver_config(
        cfg.atol, cfg.rtol, std::atoi(argv[2]), cfg.ls_type, cfg.ls_max_iters, cfg.ls_cutback, cfg.ls_c);

  const auto opts = at::TensorOptions().dtype(model.dtype()).device(model.device());
  const auto direction = at::tensor({1.0, -0.5, -0.5, 0.0, 0.0, 0.0}, opts); // isochoric uniaxial
  const double rate = 0.5;                                                   // strain per unit time
  const double t_end = 0.04, dt0 = 0.01, dt_min = 1e-6;

  // the state carried between steps (one material point)
  auto ep = at::zeros({1}, opts);
  auto Ep = at::zeros({1, 6}, opts);
  double t = 0, dt = dt0;
  int cuts = 0, steps = 0;
  while (t < t_end - 1e-12)
  {
    const double t1 = std::min(t + dt, t_end);
    std::map<std::string, at::Tensor> in{{"strain", (rate * t1 * direction).unsqueeze(0)},
                                         {"t", at::full({1}, t1, opts)},
                                         {"t~1", at::full({1}, t, opts)},
                                         {"equivalent_plastic_strain~1", ep},
                                         {"plastic_strain~1", Ep}};
    try
    {
      auto out = model.forward(in);
      ep = out.at("equivalent_plastic_strain");
      Ep = out.at("plastic_strain");
      t = t1;
      ++steps;
      std::printf("%.6f %.6e %.6e %.6e\n", t, rate * t, out.at("stress")[0][0].item<double>(), ep.item<double>());
      dt = std::min(2 * dt, dt0); // grow back after a cut
    }
    catch (const neml2::aoti::Exception & e)
    {
      if (!e.recoverable() || dt / 2 < dt_min)
        throw;
      dt /= 2; // cut the step and retry
      ++cuts;
    }
  }
  std::printf("steps %d cuts %d\n", steps, cuts);
  return 0;
}
