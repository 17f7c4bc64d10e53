// The verbosity store of the C++ runtime (see neml2/csrc/aoti/log.h and Python's neml2.log).
#include "neml2/csrc/aoti/log.h"

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sstream>
#include <vector>

#include "neml2/csrc/aoti/errors.h"

namespace neml2::aoti::log
{
namespace detail
{
std::atomic<int> levels[num_channels] = {-1, -1, -1, -1, -1, -1};
} // namespace detail

namespace
{
constexpr const char * CHANNELS[num_channels] = {"newton", "linear", "substep", "model", "tensor", "driver"};
constexpr const char * VALID_CHANNELS = "all, newton, linear, substep, model, tensor, driver";
constexpr const char * VALID_LEVELS = "silent, warning, info, debug (or 0-3, off, warn)";
constexpr int DEFAULT_LEVEL = static_cast<int>(Level::Warning);

/// The store: defaults, NEML2_LOGS entries (-1: none), the sink.  One mutex for all of it; the
/// effective levels are mirrored into detail::levels for the lock-free enabled().
struct Store
{
  std::mutex mutex;
  int defaults[num_channels] = {DEFAULT_LEVEL, DEFAULT_LEVEL, DEFAULT_LEVEL,
                                DEFAULT_LEVEL, DEFAULT_LEVEL, DEFAULT_LEVEL};
  int env[num_channels] = {-1, -1, -1, -1, -1, -1};
  bool env_read = false;
  Sink sink;
};

Store &
store()
{
  static Store * s = new Store(); // leaked: usable from other libraries' static destructors
  return *s;
}

std::string
lower(std::string s)
{
  for (auto & ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string
strip(const std::string & s)
{
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// Mirror the effective levels (caller holds the mutex).
void
refresh(Store & s)
{
  for (int c = 0; c < num_channels; ++c)
    detail::levels[c].store(s.env[c] >= 0 ? s.env[c] : s.defaults[c], std::memory_order_relaxed);
}

/// Read NEML2_LOGS into the store (caller holds the mutex); throws FatalError on a bad entry.
void
read_env(Store & s)
{
  const char * spec = std::getenv("NEML2_LOGS");
  const auto parsed = parse(spec ? spec : "");
  for (int c = 0; c < num_channels; ++c)
    s.env[c] = -1;
  for (const auto & [c, l] : parsed)
    s.env[static_cast<int>(c)] = static_cast<int>(l);
  s.env_read = true;
  refresh(s);
}

void
default_sink(Level l, const std::string & line)
{
  auto & os = l == Level::Info ? std::cout : std::cerr;
  os << line << '\n';
  os.flush();
}

std::string
vformat(const char * fmt, va_list args)
{
  va_list copy;
  va_copy(copy, args);
  const int n = std::vsnprintf(nullptr, 0, fmt, copy);
  va_end(copy);
  if (n <= 0)
    return "";
  std::vector<char> buf(static_cast<std::size_t>(n) + 1);
  std::vsnprintf(buf.data(), buf.size(), fmt, args);
  return std::string(buf.data(), static_cast<std::size_t>(n));
}
} // namespace

const char *
channel_name(Channel c)
{
  return CHANNELS[static_cast<int>(c)];
}

const char *
level_name(Level l)
{
  static constexpr const char * names[] = {"silent", "warning", "info", "debug"};
  return names[static_cast<int>(l)];
}

Channel
parse_channel(const std::string & name)
{
  const auto n = lower(strip(name));
  for (int c = 0; c < num_channels; ++c)
    if (n == CHANNELS[c])
      return static_cast<Channel>(c);
  throw FatalError("unknown channel '" + strip(name) + "'; valid channels: " + VALID_CHANNELS);
}

Level
parse_level(const std::string & name)
{
  const auto n = lower(strip(name));
  if (n == "silent" || n == "off" || n == "0")
    return Level::Silent;
  if (n == "warning" || n == "warn" || n == "1")
    return Level::Warning;
  if (n == "info" || n == "2")
    return Level::Info;
  if (n == "debug" || n == "3")
    return Level::Debug;
  throw FatalError("unknown level '" + strip(name) + "'; valid levels: " + VALID_LEVELS);
}

std::map<Channel, Level>
parse(const std::string & spec)
{
  int baseline = -1;
  std::map<Channel, Level> explicit_entries;
  std::stringstream ss(spec);
  std::string entry;
  while (std::getline(ss, entry, ','))
  {
    const auto e = strip(entry);
    if (e.empty())
      continue;
    const std::string where = "NEML2_LOGS entry '" + e + "': ";
    const auto eq = e.find('=');
    if (eq == std::string::npos)
      throw FatalError(where + "expected channel=level; valid channels: " + VALID_CHANNELS);
    const auto name = lower(strip(e.substr(0, eq)));
    Level l;
    try
    {
      l = parse_level(e.substr(eq + 1));
    }
    catch (const FatalError & err)
    {
      throw FatalError(where + err.what());
    }
    if (name == "all")
      baseline = static_cast<int>(l);
    else
    {
      try
      {
        explicit_entries[parse_channel(name)] = l;
      }
      catch (const FatalError & err)
      {
        throw FatalError(where + err.what());
      }
    }
  }
  std::map<Channel, Level> out;
  if (baseline >= 0)
    for (int c = 0; c < num_channels; ++c)
      out[static_cast<Channel>(c)] = static_cast<Level>(baseline);
  for (const auto & [c, l] : explicit_entries)
    out[c] = l;
  return out;
}

namespace detail
{
int
init(Channel c)
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (!s.env_read)
    read_env(s);
  return levels[static_cast<int>(c)].load(std::memory_order_relaxed);
}
} // namespace detail

void
set_default_level(Channel c, Level l)
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  s.defaults[static_cast<int>(c)] = static_cast<int>(l);
  if (!s.env_read)
    read_env(s);
  refresh(s);
}

void
set_default_level(Level l)
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  for (auto & d : s.defaults)
    d = static_cast<int>(l);
  if (!s.env_read)
    read_env(s);
  refresh(s);
}

void
reload_env()
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  read_env(s);
}

Level
level(Channel c)
{
  int v = detail::levels[static_cast<int>(c)].load(std::memory_order_relaxed);
  return static_cast<Level>(v >= 0 ? v : detail::init(c));
}

void
set_sink(Sink sink)
{
  auto & s = store();
  std::lock_guard<std::mutex> lock(s.mutex);
  s.sink = std::move(sink);
}

void
set_streams(std::ostream & info, std::ostream & other)
{
  set_sink(
      [&info, &other](Level l, const std::string & line)
      {
        auto & os = l == Level::Info ? info : other;
        os << line << '\n';
        os.flush();
      });
}

std::string
format_line(Channel c, Level l, const std::string & message)
{
  static constexpr const char * tags[] = {"    ", "warn", "info", "dbg "};
  std::string ch = channel_name(c);
  ch.resize(7, ' '); // the longest channel name ("substep")
  return "[neml2:" + ch + "][" + tags[static_cast<int>(l)] + "] " + message;
}

void
emit(Channel c, Level l, const std::string & message)
{
  if (!enabled(c, l))
    return;
  Sink sink;
  {
    auto & s = store();
    std::lock_guard<std::mutex> lock(s.mutex);
    sink = s.sink; // a copy: the sink runs without the lock (it may call back into the store)
  }
  std::stringstream ss(message);
  std::string part;
  bool any = false;
  while (std::getline(ss, part) || !any)
  {
    any = true;
    const auto line = format_line(c, l, part);
    if (sink)
      sink(l, line);
    else
      default_sink(l, line);
  }
}

void
emitf(Channel c, Level l, const char * fmt, ...)
{
  if (!enabled(c, l))
    return;
  va_list args;
  va_start(args, fmt);
  const auto message = vformat(fmt, args);
  va_end(args);
  emit(c, l, message);
}
} // namespace neml2::aoti::log
