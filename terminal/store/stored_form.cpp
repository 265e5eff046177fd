// Fixed-width digit writing for the storage forms; anything outside years 0000-9999 (or an invalid
// date) falls back to core's formatter so the two can never disagree on what is stored.
#include "store/stored_form.hpp"

namespace vb::store {

namespace {

void put(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

bool four_digit_year(const LocalDate& d) { return d.ok() && int(d.year()) >= 0 && int(d.year()) <= 9999; }

void put_date(char* at, const LocalDate& d) {
  put(at, static_cast<unsigned>(int(d.year())), 4);
  at[4] = '-';
  put(at + 5, unsigned(d.month()), 2);
  at[7] = '-';
  put(at + 8, unsigned(d.day()), 2);
}

// `n` digits at `at`, or -1 when one is not a digit.
int digits(const char* at, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    unsigned d = static_cast<unsigned>(at[i] - '0');
    if (d > 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  return v;
}

}  // namespace

std::optional<LocalDate> canonical_stored_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = digits(text.data(), 4), m = digits(text.data() + 5, 2), d = digits(text.data() + 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  LocalDate ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<Instant> canonical_stored_instant(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
  auto day = canonical_stored_date(text.substr(0, 10));
  const int hh = digits(text.data() + 11, 2), mm = digits(text.data() + 14, 2), ss = digits(text.data() + 17, 2);
  if (!day || hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  return Instant{date::sys_days{*day}} + std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

std::string stored_instant(Instant t) {
  auto day = date::floor<date::days>(t);
  LocalDate d{day};
  if (!four_digit_year(d)) return format_utc(t);
  auto seconds = static_cast<unsigned>((t - day).count());  // 0 .. 86399
  std::string out(20, ' ');
  put_date(out.data(), d);
  out[10] = 'T';
  put(out.data() + 11, seconds / 3600, 2);
  out[13] = ':';
  put(out.data() + 14, seconds / 60 % 60, 2);
  out[16] = ':';
  put(out.data() + 17, seconds % 60, 2);
  out[19] = 'Z';
  return out;
}

std::string stored_date(LocalDate d) {
  if (!four_digit_year(d)) return format_date(d);
  std::string out(10, ' ');
  put_date(out.data(), d);
  return out;
}

}  // namespace vb::store
