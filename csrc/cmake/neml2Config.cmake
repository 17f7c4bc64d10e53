# find_package(neml2): imported targets neml2::neml2 (libneml2, the AOTI runtime) and
# neml2::neml2_eager (libneml2_eager; the host must also link libpython, e.g. Python3::Python).
# Installed at <site-packages>/neml2/lib/cmake/neml2; point CMAKE_PREFIX_PATH (or neml2_DIR) at
#   python -c "import neml2.aoti._aoti as m, pathlib; print(pathlib.Path(m.__file__).parents[1])"
include(CMakeFindDependencyMacro)
get_filename_component(_neml2_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
# The torch wheel next to this neml2 (site-packages/torch): the ABI the libraries were built for.
if(NOT Torch_DIR AND EXISTS "${_neml2_prefix}/../torch/share/cmake/Torch/TorchConfig.cmake")
  get_filename_component(Torch_DIR "${_neml2_prefix}/../torch/share/cmake/Torch" ABSOLUTE)
endif()
find_dependency(Torch)
include("${CMAKE_CURRENT_LIST_DIR}/neml2Targets.cmake")
set(neml2_INCLUDE_DIRS "${_neml2_prefix}/include")
set(neml2_FOUND TRUE)
