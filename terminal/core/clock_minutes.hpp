#pragma once
// A time of day as minutes after local midnight, to and from "HH:MM" (the add-visit sheet, `apply`).
#include <optional>
#include <string>
#include <string_view>

namespace vb {

// "17:30" from minutes since local midnight.
std::string format_minutes_hm(int minutes);
// Minutes since midnight of "HH:MM" (00:00-23:59), or nullopt.
std::optional<int> parse_hm(std::string_view text);

}  // namespace vb
