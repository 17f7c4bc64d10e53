// Error taxonomy of the NEML2 C++ runtimes (shared by libneml2 and libneml2_eager).
#pragma once

#include <stdexcept>
#include <string>

namespace neml2::aoti
{
/// Base of every error the runtimes throw.  recoverable() says whether cutting the
/// step and retrying can help (true only for ConvergenceError).
class Exception : public std::runtime_error
{
public:
  explicit Exception(const std::string & msg);
  ~Exception() override;
  virtual bool recoverable() const;
};

/// Misuse or a broken artifact: wrong input names, dtypes, devices or shapes, missing files.
class FatalError : public Exception
{
public:
  explicit FatalError(const std::string & msg);
  ~FatalError() override;
};

/// A Newton solve did not converge (max iterations or a non-finite residual): recoverable.
class ConvergenceError : public Exception
{
public:
  explicit ConvergenceError(const std::string & msg);
  ~ConvergenceError() override;
  bool recoverable() const override;
};
} // namespace neml2::aoti
