// neml2::aoti::log from a C++ host: NEML2_LOGS parsing, host defaults vs the environment, the line
// format, sinks and streams.  Prints one PASS/FAIL line per check and exits non-zero on a failure;
// the last check writes through the default sink (tests/log/test_log_cpp.py reads stdout / stderr).
#include "neml2/csrc/aoti/errors.h"
#include "neml2/csrc/aoti/log.h"

#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace log = neml2::aoti::log;
using log::Channel;
using log::Level;

namespace
{
int failures = 0;

void
check(const std::string & name, const std::function<bool()> & f)
{
  bool ok = false;
  std::string why;
  try
  {
    ok = f();
  }
  catch (const std::exception & e)
  {
    why = std::string(": threw ") + e.what();
  }
  std::cout << (ok ? "PASS " : "FAIL ") << name << why << std::endl;
  failures += !ok;
}

std::string
error_of(const std::string & spec)
{
  try
  {
    log::parse(spec);
  }
  catch (const neml2::aoti::FatalError & e)
  {
    return e.what();
  }
  return "";
}

bool
contains(const std::string & s, const std::string & part)
{
  return s.find(part) != std::string::npos;
}
} // namespace

int
main()
{
  unsetenv("NEML2_LOGS");
  check("default level is warning",
        []
        {
          for (int c = 0; c < log::num_channels; ++c)
            if (log::level(static_cast<Channel>(c)) != Level::Warning)
              return false;
          return log::enabled(Channel::Newton, Level::Warning) && !log::enabled(Channel::Newton, Level::Info) &&
                 !log::enabled(Channel::Newton, Level::Silent);
        });
  check("parse: baseline and explicit overrides",
        []
        {
          auto m = log::parse("all=info,newton=silent");
          auto n = log::parse("newton=silent , ALL=2");
          return m.size() == 6 && m.at(Channel::Newton) == Level::Silent && m.at(Channel::Driver) == Level::Info &&
                 m == n;
        });
  check("parse: integers and aliases",
        []
        {
          auto m = log::parse("newton=3,linear=off,substep=warn,model=0,tensor=1,driver=debug");
          return m.size() == 6 && m.at(Channel::Newton) == Level::Debug && m.at(Channel::Linear) == Level::Silent &&
                 m.at(Channel::Substep) == Level::Warning && m.at(Channel::Model) == Level::Silent &&
                 m.at(Channel::Tensor) == Level::Warning && m.at(Channel::Driver) == Level::Debug &&
                 log::parse("").empty();
        });
  check("parse: a bad entry is named with the valid choices",
        []
        {
          auto a = error_of("newton=info,driver=chatty");
          auto b = error_of("newtn=info");
          auto c = error_of("newton");
          return contains(a, "NEML2_LOGS entry 'driver=chatty': unknown level 'chatty'; valid levels: silent, "
                             "warning, info, debug") &&
                 contains(b, "NEML2_LOGS entry 'newtn=info': unknown channel 'newtn'; valid channels: all, newton") &&
                 contains(c, "NEML2_LOGS entry 'newton': expected channel=level");
        });
  check("host defaults, the environment keeps the final say",
        []
        {
          log::set_default_level(Channel::Newton, Level::Info);
          bool ok = log::level(Channel::Newton) == Level::Info && log::level(Channel::Linear) == Level::Warning;
          setenv("NEML2_LOGS", "all=silent,linear=debug", 1);
          log::reload_env();
          log::set_default_level(Channel::Linear, Level::Silent);
          ok = ok && log::level(Channel::Linear) == Level::Debug && log::level(Channel::Newton) == Level::Silent;
          unsetenv("NEML2_LOGS");
          log::reload_env();
          ok = ok && log::level(Channel::Linear) == Level::Silent && log::level(Channel::Newton) == Level::Info;
          log::set_default_level(Level::Warning);
          for (int c = 0; c < log::num_channels; ++c)
            ok = ok && log::level(static_cast<Channel>(c)) == Level::Warning;
          return ok;
        });
  check("a bad environment is reported by reload_env",
        []
        {
          setenv("NEML2_LOGS", "model=loud", 1);
          std::string what;
          try
          {
            log::reload_env();
          }
          catch (const neml2::aoti::FatalError & e)
          {
            what = e.what();
          }
          unsetenv("NEML2_LOGS");
          log::reload_env();
          return contains(what, "'model=loud': unknown level 'loud'");
        });
  check("line format",
        []
        {
          return log::format_line(Channel::Newton, Level::Info, "x") == "[neml2:newton ][info] x" &&
                 log::format_line(Channel::Newton, Level::Debug, "x") == "[neml2:newton ][dbg ] x" &&
                 log::format_line(Channel::Substep, Level::Warning, "x") == "[neml2:substep][warn] x" &&
                 log::format_line(Channel::Model, Level::Debug, "x") == "[neml2:model  ][dbg ] x";
        });
  check("sink: only shown lines, printf formatting, one line each",
        []
        {
          std::vector<std::pair<Level, std::string>> lines;
          log::set_sink([&lines](Level l, const std::string & line) { lines.emplace_back(l, line); });
          log::emit(Channel::Newton, Level::Info, "hidden");
          log::set_default_level(Channel::Newton, Level::Debug);
          log::emitf(Channel::Newton, Level::Debug, "ITERATION %3d, |R| = %.2e", 2, 1.08e-19);
          log::emit(Channel::Newton, Level::Info, "a\nb");
          log::emit(Channel::Linear, Level::Info, "hidden too");
          log::set_sink({});
          log::set_default_level(Channel::Newton, Level::Warning);
          using P = std::pair<Level, std::string>;
          return lines == std::vector<P>{{Level::Debug, "[neml2:newton ][dbg ] ITERATION   2, |R| = 1.08e-19"},
                                         {Level::Info, "[neml2:newton ][info] a"},
                                         {Level::Info, "[neml2:newton ][info] b"}};
        });
  check("set_streams splits by level",
        []
        {
          std::ostringstream info, other;
          log::set_streams(info, other);
          log::set_default_level(Level::Debug);
          log::emit(Channel::Driver, Level::Info, "i");
          log::emit(Channel::Driver, Level::Warning, "w");
          log::emit(Channel::Driver, Level::Debug, "d");
          log::set_sink({});
          log::set_default_level(Level::Warning);
          return info.str() == "[neml2:driver ][info] i\n" &&
                 other.str() == "[neml2:driver ][warn] w\n[neml2:driver ][dbg ] d\n";
        });
  // the default sink: info to stdout, the others to stderr (read by the Python test)
  log::set_default_level(Channel::Tensor, Level::Debug);
  log::emit(Channel::Tensor, Level::Info, "default sink: info");
  log::emit(Channel::Tensor, Level::Warning, "default sink: warning");
  log::emit(Channel::Tensor, Level::Debug, "default sink: debug");
  std::cout << failures << " failed" << std::endl;
  return failures ? 1 : 0;
}
