# The spec tutorial "Model parameters", verbatim (run from this folder).
import neml2

model = neml2.load_model("input.i", "elasticity")
for name, param in model.named_parameters():
    print(f"{name}: {param.data.item()}")

print("E =", model.E)
print("nu =", model.nu)

print("E =", model.E.data.item())
print("nu =", model.nu.data.item())

import torch

with torch.no_grad():
    model.E.data.fill_(150e3)
print("E =", model.E.data.item())

model.nu = torch.nn.Parameter(torch.tensor(0.25, dtype=torch.float64))
print("nu =", model.nu.data.item())

model.E.data.requires_grad_(False)
print("E.requires_grad =", model.E.data.requires_grad)

from neml2.types import SR2

model = neml2.load_model("input.i", "elasticity")
strain = SR2.fill(0.01, 0.0, 0.0, 0.0, 0.0, 0.0)
print("E = 200e3 ->", model(strain).data)
model.E = torch.nn.Parameter(torch.tensor(100e3, dtype=torch.float64))
print("E = 100e3 ->", model(strain).data)

model = neml2.load_model("input.i", "elasticity")
strain = SR2.fill(0.01, 0.0, 0.0, 0.0, 0.0, 0.0)
stress = model(strain)
stress.data.sum().backward()
print("dL/dE =", model.E.data.grad.item())
print("dL/dnu =", model.nu.data.grad.item())
