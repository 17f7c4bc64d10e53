// Verbosity control of the NEML2 C++ runtime: the same store as Python's neml2.log.
//
// NEML2_LOGS (read from the environment on first use) is a comma-separated list of channel=level
// entries; `all` sets a baseline, an explicit channel entry overrides it.  Levels, least to most
// verbose: silent < warning < info < debug (also 0-3, off, warn).  set_default_level() sets this
// host's defaults; an NEML2_LOGS entry for the same channel still wins.  Every line reads
// "[neml2:<channel>][<level>] message" with padded columns; the default sink writes info lines to
// std::cout and warning / debug lines to std::cerr, one flushed line each.
//
//   namespace log = neml2::aoti::log;
//   log::set_default_level(log::Channel::Newton, log::Level::Info);
//   log::set_sink([](log::Level lvl, const std::string & line) { /* host console */ });
//
// enabled() is one relaxed atomic load once the store is set up, so a quiet channel costs nothing
// measurable; format messages only after checking it.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <ostream>
#include <string>

namespace neml2::aoti::log
{
/// The subsystem a diagnostic comes from.
enum class Channel : int
{
  Newton = 0,
  Linear,
  Substep,
  Model,
  Tensor,
  Driver
};
constexpr int num_channels = 6;

/// Verbosity levels, least to most verbose.
enum class Level : int
{
  Silent = 0,
  Warning = 1,
  Info = 2,
  Debug = 3
};

/// Receives every shown line (no trailing newline) with its level.
using Sink = std::function<void(Level, const std::string &)>;

/// "newton", "linear", ...
const char * channel_name(Channel c);
/// "silent", "warning", "info", "debug"
const char * level_name(Level l);
/// A channel from its name (case-insensitive); FatalError listing the channels otherwise.
Channel parse_channel(const std::string & name);
/// A level from its name, alias or integer ("debug", "warn", "2"); FatalError listing the levels otherwise.
Level parse_level(const std::string & name);
/// The levels an NEML2_LOGS value sets, per channel (`all` expanded, explicit entries win);
/// FatalError naming a bad entry and the valid choices.
std::map<Channel, Level> parse(const std::string & spec);

/// This host's default level of a channel (NEML2_LOGS still overrides it).
void set_default_level(Channel c, Level l);
/// The same for every channel (`all`).
void set_default_level(Level l);
/// Re-read NEML2_LOGS (read once, on first use); FatalError naming a bad entry.
void reload_env();
/// The effective level of a channel.
Level level(Channel c);

/// Send every line to `sink`; an empty Sink restores the default (info -> std::cout, others -> std::cerr).
void set_sink(Sink sink);
/// Write info lines to `info`, warning / debug lines to `other` (the streams must outlive their use).
void set_streams(std::ostream & info, std::ostream & other);

/// "[neml2:<channel>][<level>] message", channel and level columns padded.
std::string format_line(Channel c, Level l, const std::string & message);
/// Format and send a message (each of its lines) if the channel's level shows it.
void emit(Channel c, Level l, const std::string & message);
/// printf-style emit, formatted only when shown.
void emitf(Channel c, Level l, const char * fmt, ...) __attribute__((format(printf, 3, 4)));

namespace detail
{
/// Effective level per channel; -1 until NEML2_LOGS has been read.
extern std::atomic<int> levels[num_channels];
/// Read NEML2_LOGS into the store (once) and return the channel's level.
int init(Channel c);
} // namespace detail

/// Whether a message at `l` on `c` is shown: check this before building a message.
inline bool
enabled(Channel c, Level l)
{
  int v = detail::levels[static_cast<int>(c)].load(std::memory_order_relaxed);
  if (v < 0)
    v = detail::init(c);
  return l != Level::Silent && static_cast<int>(l) <= v;
}
} // namespace neml2::aoti::log
