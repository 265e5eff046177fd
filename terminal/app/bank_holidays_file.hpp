#pragma once
// Reads the team's bank holidays (data/bank_holidays.json): out of hours all day, like a weekend.
// A malformed file is refused with FILE:LINE:COLUMN and what is wrong; nothing is half-applied.
#include "core/bank_holidays.hpp"

#include <filesystem>
#include <string_view>

namespace vb::app {

// Throws std::runtime_error "FILE:LINE:COLUMN: field 'holidays[3].date': '2026-02-30' is not a date YYYY-MM-DD".
BankHolidays parse_bank_holidays(std::string_view json_text, const std::string& file_name);
BankHolidays load_bank_holidays(const std::filesystem::path& file);
// The team's file among the binary's assets (data/bank_holidays.json).
BankHolidays load_team_bank_holidays();

}  // namespace vb::app
