// NHS numbers: only numbers with a correct modulus-11 check digit are accepted.
#include <doctest/doctest.h>

#include "core/nhs_number.hpp"

using namespace vb;

TEST_CASE("nhs number: valid numbers pass, in plain and printed form") {
  // 943 476 5919 is the NHS Data Dictionary's worked example.
  CHECK(is_valid_nhs_number("9434765919"));
  CHECK(is_valid_nhs_number("943 476 5919"));
  CHECK(nhs_check_digit("999000001") == 8);  // 9*10+9*9+9*8+1*2 = 245; 245 mod 11 = 3; 11-3 = 8
  CHECK(is_valid_nhs_number("9990000018"));
}

TEST_CASE("nhs number: a wrong check digit is refused with the expected digit") {
  auto p = nhs_number_problem("9434765918");
  REQUIRE(p);
  CHECK(p->find("expected 9") != std::string::npos);
}

TEST_CASE("nhs number: wrong length, letters and stray spaces are refused") {
  CHECK_FALSE(is_valid_nhs_number("943476591"));
  CHECK_FALSE(is_valid_nhs_number("94347659190"));
  CHECK_FALSE(is_valid_nhs_number("94347659A9"));
  CHECK_FALSE(is_valid_nhs_number("9 434765919"));
  CHECK_FALSE(is_valid_nhs_number(""));
}

TEST_CASE("nhs number: a stem whose check digit would be 10 has no valid number") {
  // 999000000: 9*10+9*9+9*8 = 243; 243 mod 11 = 1; 11-1 = 10, so no check digit exists.
  CHECK(nhs_check_digit("999000000") == -1);
  bool found = false;
  for (int stem = 999000000; stem < 999000200 && !found; ++stem) {
    auto s = std::to_string(stem);
    if (nhs_check_digit(s) == -1) {
      found = true;
      for (char d = '0'; d <= '9'; ++d) CHECK_FALSE(is_valid_nhs_number(s + d));
    }
  }
  CHECK(found);
}

TEST_CASE("nhs number: printed form groups 3-3-4") { CHECK(format_nhs_number("9434765919") == "943 476 5919"); }
