#pragma once
// When an episode's next senior review is due, and whether that is ok, due today, or overdue.
// Foundation rules: first review within 24 h of acceptance; then at the date the last review set,
// or 7 days after it. The senior-review work extends these rules; callers keep using this API.
#include "core/snapshot.hpp"

#include <optional>

namespace vb {

inline constexpr auto first_review_within = std::chrono::hours{24};
inline constexpr auto review_interval = std::chrono::hours{24 * 7};

// nullopt for a closed episode.
std::optional<Instant> next_review_due(const Snapshot& s, const Episode& e);
// overdue: `now` is past the due instant; due: it falls before the end of today (local); else ok.
ReviewStatus review_status(Instant due, Instant now, Zone zone);

}  // namespace vb
