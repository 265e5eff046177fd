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

}  // namespace

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
