#pragma once
// DEMO ONLY: the demo team's sign-in PINs (S07 -> 0007), pre-hashed.
#include "core/model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace vb::app {

// {staff id, crypto_pwhash_str hash of demo_pin(id)} for S01..S22.
const std::vector<std::pair<StaffId, std::string>>& demo_pin_hashes();
// The demo PIN of a staff id: its digits padded to four.
std::string demo_pin(const StaffId& id);

}  // namespace vb::app
