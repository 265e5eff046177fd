// Conversions between UTC instants and the team's local wall clock, and the ISO forms we read/write.
#include "core/local_time.hpp"

#include "core/day_number.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

namespace vb {

Zone find_zone(std::string_view name) {
  try {
    return date::locate_zone(std::string(name));
  } catch (const std::exception&) {
    throw std::invalid_argument("unknown time zone '" + std::string(name) + "'");
  }
}

namespace {

// The last two UTC offset intervals looked up, per thread, the latest used first: compliance and
// outcome boards convert thousands of instants that fall in the same few months, and each tz lookup
// costs a search and a lock. Two, because a board's 12 weeks often straddle a clock change and its
// instants go back and forth across it (one interval kept made every other lookup a miss; issue 6).
// A pure cache: the answers are exactly the zone's.
struct OffsetCache {
  Zone zone = nullptr;
  Instant begin{};
  Instant end{};
  std::chrono::seconds offset{};
  bool holds(Instant t, Zone z) const { return zone == z && t >= begin && t < end; }
};
thread_local OffsetCache offset_cache[2];

// Keeps `c` as the latest interval used (the other one second).
void remember(const OffsetCache& c) {
  offset_cache[1] = offset_cache[0];
  offset_cache[0] = c;
}

const OffsetCache& offset_at(Instant t, Zone zone) {
  if (offset_cache[0].holds(t, zone)) return offset_cache[0];
  if (offset_cache[1].holds(t, zone)) {
    std::swap(offset_cache[0], offset_cache[1]);
    return offset_cache[0];
  }
  const date::sys_info info = zone->get_info(t);
  remember({zone, info.begin, info.end, info.offset});
  return offset_cache[0];
}

}  // namespace

LocalDateTime to_local(Instant t, Zone zone) { return LocalDateTime{(t + offset_at(t, zone).offset).time_since_epoch()}; }

LocalDate local_date_of(Instant t, Zone zone) {
  return LocalDate{date::floor<date::days>(to_local(t, zone))};
}

long local_day_number(Instant t, Zone zone) { return date::floor<date::days>(to_local(t, zone)).time_since_epoch().count(); }

Instant from_local(LocalDateTime local, Zone zone) {
  // Fast path: a local time a day or more inside the cached interval has exactly one instant
  // (offsets differ by less than a day, so no other interval reaches it).
  for (const OffsetCache& c : offset_cache) {
    if (c.zone == zone) {
      const Instant t{local.time_since_epoch() - c.offset};
      if (t >= c.begin + date::days{1} && t + date::days{1} < c.end) return t;
    }
  }
  auto info = zone->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      remember({zone, info.first.begin, info.first.end, info.first.offset});
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
      // The gap starts where the first offset ends; the first valid instant is the transition.
      return info.second.begin;
  }
  return Instant{local.time_since_epoch() - info.first.offset};
}

Instant start_of_local_day(LocalDate d, Zone zone) {
  return from_local(LocalDateTime{date::local_days{d}}, zone);
}

Instant local_day_time(LocalDate d, std::chrono::minutes since_midnight, Zone zone) {
  return from_local(LocalDateTime{date::local_days{d}} + since_midnight, zone);
}

std::string format_utc(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

// Hand-formatted (not date::format): these run for every row of derived boards and reports, and a
// stream per call costs microseconds. The output is exactly what the format strings gave.
std::string format_local_hm(Instant t, Zone zone) {
  const auto local = to_local(t, zone);
  const auto minutes = date::floor<std::chrono::minutes>(local - date::floor<date::days>(local)).count();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return buf;
}

std::string format_local_datetime(Instant t, Zone zone) {
  return date::format("%Y-%m-%dT%H:%M", to_local(t, zone));
}

std::string format_date(LocalDate d) { return date::format("%Y-%m-%d", d); }

std::string format_day_label(LocalDate d) {
  static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!d.ok()) return date::format("%a %d %b", d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s %02u %s", weekdays[date::weekday{date::sys_days{d}}.c_encoding()],
                static_cast<unsigned>(d.day()), months[static_cast<unsigned>(d.month()) - 1]);
  return buf;
}

namespace {

bool read_int(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

std::optional<LocalDate> parse_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, m) || !read_int(s, 8, 2, d)) return std::nullopt;
  LocalDate ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<Instant> parse_instant(std::string_view s, Zone zone) {
  if (s.size() < 16) return std::nullopt;
  auto day = parse_date(s.substr(0, 10));
  if (!day || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  int hh = 0, mm = 0, ss = 0;
  if (!read_int(s, 11, 2, hh) || !read_int(s, 14, 2, mm)) return std::nullopt;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!read_int(s, pos + 1, 2, ss)) return std::nullopt;
    pos += 3;
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  auto local = LocalDateTime{date::local_days{*day}} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
               std::chrono::seconds{ss};
  if (pos == s.size()) return from_local(local, zone);
  std::string_view offset = s.substr(pos);
  if (offset == "Z") return Instant{local.time_since_epoch()};
  int oh = 0, om = 0;
  if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':' ||
      !read_int(offset, 1, 2, oh) || !read_int(offset, 4, 2, om) || oh > 14 || om > 59) {
    return std::nullopt;
  }
  auto off = std::chrono::hours{oh} + std::chrono::minutes{om};
  if (offset[0] == '-') off = -off;
  return Instant{local.time_since_epoch() - off};
}

Instant parse_stored_utc(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') {
    throw std::runtime_error("stored time '" + std::string(text) + "' is not UTC (YYYY-MM-DDTHH:MM:SSZ)");
  }
  auto t = parse_instant(text, nullptr);
  if (!t) throw std::runtime_error("stored time '" + std::string(text) + "' is not a valid instant");
  return *t;
}

}  // namespace vb
