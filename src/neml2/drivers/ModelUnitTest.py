"""The documented import path of the ModelUnitTest driver (``from neml2.drivers.ModelUnitTest import ModelUnitTest``);
the type is defined and registered in :mod:`neml2.drivers.model_unit_test`."""

from neml2.drivers.model_unit_test import ModelUnitTest, ModelUnitTestReport

__all__ = ["ModelUnitTest", "ModelUnitTestReport"]
