// Out-of-line key functions: the vtables and typeinfo live in libneml2.so, so a
// catch (const neml2::aoti::Exception &) works across libneml2 and libneml2_eager.
#include "neml2/csrc/aoti/errors.h"

namespace neml2::aoti
{
Exception::Exception(const std::string & msg)
  : std::runtime_error(msg)
{
}
Exception::~Exception() = default;
bool
Exception::recoverable() const
{
  return false;
}

FatalError::FatalError(const std::string & msg)
  : Exception(msg)
{
}
FatalError::~FatalError() = default;

ConvergenceError::ConvergenceError(const std::string & msg)
  : Exception(msg)
{
}
ConvergenceError::~ConvergenceError() = default;
bool
ConvergenceError::recoverable() const
{
  return true;
}
} // namespace neml2::aoti
