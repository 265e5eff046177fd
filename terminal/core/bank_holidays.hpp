#pragma once
// Bank holidays: days out of hours all day, like a Saturday or Sunday (domain.md: "weekdays
// 17:00–09:00, all of Saturday and Sunday, and bank holidays"). The team's list is data
// (data/bank_holidays.json, read by app/); core only takes it as a value.
#include "core/local_time.hpp"

#include <string>
#include <vector>

namespace vb {

struct BankHoliday {
  LocalDate date{};
  std::string name;  // "Christmas Day", "Boxing Day (substitute day)"
};

struct BankHolidays {
  std::vector<BankHoliday> days;  // by date, no date twice
  std::string source;             // where the list came from, shown with it
  // The holiday on local date d, or nullptr.
  const BankHoliday* on(LocalDate d) const;
};

// England and Wales 2025–2028 (GOV.UK); data/bank_holidays.json ships the same list (a test checks).
const BankHolidays& england_and_wales_bank_holidays();

}  // namespace vb
