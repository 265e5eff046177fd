#pragma once
// Reads the team's compliance measures (data/compliance_rules.json). A malformed file, or a measure
// this build cannot count, is refused with the file and the field named; nothing falls back silently.
#include "core/compliance_rules.hpp"

#include <filesystem>
#include <string_view>

namespace vb::app {

// Throws std::runtime_error "FILE: field 'measures[2].target': what".
ComplianceRules parse_compliance_rules(std::string_view json_text, const std::string& file_name);
ComplianceRules load_compliance_rules(const std::filesystem::path& file);
// The team's file among the binary's assets (data/compliance_rules.json).
ComplianceRules load_team_compliance_rules();

}  // namespace vb::app
