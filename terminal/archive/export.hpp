#pragma once
// Exports for the trust's data team: visits, episodes and reviews as CSV with stable column names,
// or as one FHIR R4 Bundle (Appointment for visits, EpisodeOfCare for episodes, ClinicalImpression
// for senior reviews). Built from a snapshot; pure.
#include "core/snapshot.hpp"

#include <optional>
#include <string>

namespace vb::archive {

enum class ExportKind { visits, episodes, reviews };
std::optional<ExportKind> parse_export_kind(std::string_view word);

// Visits by local date, reviews by local date held, episodes open at any time in the range.
struct ExportRange {
  std::optional<LocalDate> from;
  std::optional<LocalDate> to;  // inclusive
};

// Header line, then one line per row (RFC 4180 quoting). Instants are UTC ("...Z").
// visits:   visit_id,episode_id,person_local_id,local_date,window_start,window_end,type,status,
//           staff1,staff2,out_of_hours,double_up,outcome_at,reason,duration_min,follow_up_of
// episodes: episode_id,person_local_id,nhs_number,referral_at,accepted_at,referral_priority,stage,
//           zone,risk,named_worker,closed_at,closure_reason,closure_destination
// reviews:  review_id,episode_id,person_local_id,reviewer,held_at,risk,decision,person_told,
//           family_told,next_review_due
std::string export_csv(const Snapshot& s, ExportKind kind, const ExportRange& range);

// A FHIR R4 Bundle of type "collection"; `kind` empty means all three.
std::string export_fhir_json(const Snapshot& s, std::optional<ExportKind> kind, const ExportRange& range);

}  // namespace vb::archive
