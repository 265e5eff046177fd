// Parsing the auto-lock setting.
#include "app/auto_lock.hpp"

namespace vb::app {

std::optional<std::chrono::minutes> parse_lock_after(const std::string& text) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int minutes = std::stoi(text);
  if (minutes < 1 || minutes > 240) return std::nullopt;
  return std::chrono::minutes{minutes};
}

}  // namespace vb::app
