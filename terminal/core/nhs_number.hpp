#pragma once
// NHS numbers: ten digits whose last is a modulus-11 check digit. Synthetic ones start with 999.
#include <optional>
#include <string>
#include <string_view>

namespace vb {

// Accepts "9990001234" or the printed form "999 000 1234". Returns the ten digits, or nullopt.
std::optional<std::string> normalise_nhs_number(std::string_view text);
// Why `text` is not a valid NHS number, in words; nullopt when it is valid.
std::optional<std::string> nhs_number_problem(std::string_view text);
inline bool is_valid_nhs_number(std::string_view text) { return !nhs_number_problem(text).has_value(); }
// The check digit for nine digits, or -1 when that stem has none (remainder gives 10).
int nhs_check_digit(std::string_view nine_digits);
// "999 000 1234"
std::string format_nhs_number(std::string_view ten_digits);

}  // namespace vb
