// NHS number validation (NHS Data Dictionary: modulus 11, weights 10..2).
#include "core/nhs_number.hpp"

namespace vb {

std::optional<std::string> normalise_nhs_number(std::string_view text) {
  std::string digits;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == ' ' && (i == 3 || i == 7)) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() != 10) return std::nullopt;
  return digits;
}

int nhs_check_digit(std::string_view nine) {
  if (nine.size() != 9) return -1;
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    if (nine[i] < '0' || nine[i] > '9') return -1;
    sum += (nine[i] - '0') * (10 - i);
  }
  int check = 11 - (sum % 11);
  if (check == 11) check = 0;
  if (check == 10) return -1;
  return check;
}

std::optional<std::string> nhs_number_problem(std::string_view text) {
  auto digits = normalise_nhs_number(text);
  if (!digits) return "'" + std::string(text) + "' is not ten digits";
  int check = nhs_check_digit(std::string_view(*digits).substr(0, 9));
  if (check < 0) return "'" + std::string(text) + "' cannot be an NHS number (no valid check digit exists)";
  if ((*digits)[9] - '0' != check) {
    return "'" + std::string(text) + "' fails the NHS number check digit (expected " + std::to_string(check) + ")";
  }
  return std::nullopt;
}

std::string format_nhs_number(std::string_view d) {
  if (d.size() != 10) return std::string(d);
  return std::string(d.substr(0, 3)) + " " + std::string(d.substr(3, 3)) + " " + std::string(d.substr(6));
}

}  // namespace vb
