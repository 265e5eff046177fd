#pragma once
// Which rows an export range selects (shared by the CSV and FHIR exports), in id order.
#include "archive/export.hpp"

#include <vector>

namespace vb::archive {

std::vector<const Visit*> visits_in(const Snapshot& s, const ExportRange& range);
std::vector<const Episode*> episodes_in(const Snapshot& s, const ExportRange& range);
std::vector<const Review*> reviews_in(const Snapshot& s, const ExportRange& range);
std::string person_local_id(const Snapshot& s, Id episode_id);

}  // namespace vb::archive
