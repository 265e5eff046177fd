// The built-in England and Wales bank holidays and the look-up by date.
#include "core/bank_holidays.hpp"

#include <algorithm>

namespace vb {

const BankHoliday* BankHolidays::on(LocalDate d) const {
  // Dates compare field by field (year, month, day): the calendar order, without converting to days.
  auto it = std::lower_bound(days.begin(), days.end(), d, [](const BankHoliday& h, LocalDate x) { return h.date < x; });
  return it != days.end() && it->date == d ? &*it : nullptr;
}

const BankHolidays& england_and_wales_bank_holidays() {
  static const BankHolidays list = [] {
    using namespace date;
    BankHolidays b;
    b.source = "GOV.UK, UK bank holidays: England and Wales (https://www.gov.uk/bank-holidays)";
    auto add = [&](year_month_day d, const char* name) { b.days.push_back(BankHoliday{d, name}); };
    add(2025_y / January / 1, "New Year's Day");
    add(2025_y / April / 18, "Good Friday");
    add(2025_y / April / 21, "Easter Monday");
    add(2025_y / May / 5, "Early May bank holiday");
    add(2025_y / May / 26, "Spring bank holiday");
    add(2025_y / August / 25, "Summer bank holiday");
    add(2025_y / December / 25, "Christmas Day");
    add(2025_y / December / 26, "Boxing Day");
    add(2026_y / January / 1, "New Year's Day");
    add(2026_y / April / 3, "Good Friday");
    add(2026_y / April / 6, "Easter Monday");
    add(2026_y / May / 4, "Early May bank holiday");
    add(2026_y / May / 25, "Spring bank holiday");
    add(2026_y / August / 31, "Summer bank holiday");
    add(2026_y / December / 25, "Christmas Day");
    add(2026_y / December / 28, "Boxing Day (substitute day)");
    add(2027_y / January / 1, "New Year's Day");
    add(2027_y / March / 26, "Good Friday");
    add(2027_y / March / 29, "Easter Monday");
    add(2027_y / May / 3, "Early May bank holiday");
    add(2027_y / May / 31, "Spring bank holiday");
    add(2027_y / August / 30, "Summer bank holiday");
    add(2027_y / December / 27, "Christmas Day (substitute day)");
    add(2027_y / December / 28, "Boxing Day (substitute day)");
    add(2028_y / January / 3, "New Year's Day (substitute day)");
    add(2028_y / April / 14, "Good Friday");
    add(2028_y / April / 17, "Easter Monday");
    add(2028_y / May / 1, "Early May bank holiday");
    add(2028_y / May / 29, "Spring bank holiday");
    add(2028_y / August / 28, "Summer bank holiday");
    add(2028_y / December / 25, "Christmas Day");
    add(2028_y / December / 26, "Boxing Day");
    return b;
  }();
  return list;
}

}  // namespace vb
