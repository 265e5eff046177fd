// FHIR R4 shapes for the record system: Appointment (visit), EpisodeOfCare (episode) and
// ClinicalImpression (senior review) in one Bundle of type "collection". Our own facts without a
// FHIR element (zone, stage, out of hours, double-up) travel as extensions under urn:visitboard.
#include "archive/export.hpp"

#include "archive/export_filter.hpp"

#include <nlohmann/json.hpp>

namespace vb::archive {

namespace {

using Json = nlohmann::ordered_json;
constexpr const char* nhs_system = "https://fhir.nhs.uk/Id/nhs-number";

Json identifier(const std::string& system, const std::string& value) { return {{"system", system}, {"value", value}}; }
Json staff_ref(const std::string& id) { return {{"identifier", identifier("urn:visitboard:staff", id)}}; }
Json extension(const std::string& name, Json value, const char* type) {
  return {{"url", "urn:visitboard:" + name}, {type, std::move(value)}};
}

Json patient_ref(const Snapshot& s, Id episode_id) {
  const Episode* e = s.find_episode(episode_id);
  const Person* p = e ? s.find_person(e->person_id) : nullptr;
  if (!p) return {{"display", "unknown"}};
  if (!p->nhs_number.empty()) return {{"identifier", identifier(nhs_system, p->nhs_number)}};
  return {{"identifier", identifier("urn:visitboard:local-id", p->local_id)}};
}

Json episode_ref(Id id) { return {{"reference", "EpisodeOfCare/episode-" + std::to_string(id)}}; }

std::string appointment_status(VisitStatus s) {
  switch (s) {
    case VisitStatus::planned: return "booked";
    case VisitStatus::done: return "fulfilled";
    case VisitStatus::no_access: return "noshow";
    case VisitStatus::cancelled_by_person:
    case VisitStatus::cancelled_by_team:
    case VisitStatus::rescheduled: return "cancelled";
  }
  return "proposed";
}

Json appointment(const Snapshot& s, const Visit& v) {
  Json a{{"resourceType", "Appointment"},
         {"id", "visit-" + std::to_string(v.id)},
         {"identifier", Json::array({identifier("urn:visitboard:visit", std::to_string(v.id))})},
         {"status", appointment_status(v.status)}};
  if (a["status"] == "cancelled") a["cancelationReason"] = {{"text", std::string(to_string(v.status))}};
  a["appointmentType"] = {{"text", std::string(to_string(v.type))}};
  a["start"] = format_utc(v.window_start);
  a["end"] = format_utc(v.window_end);
  if (v.duration_min > 0) a["minutesDuration"] = v.duration_min;
  if (!v.reason.empty()) a["comment"] = v.reason;
  a["supportingInformation"] = Json::array({episode_ref(v.episode_id)});
  Json participants = Json::array({{{"actor", patient_ref(s, v.episode_id)}, {"status", "accepted"}}});
  for (const auto* staff : {&v.staff1, &v.staff2}) {
    if (!staff->empty()) participants.push_back({{"actor", staff_ref(*staff)}, {"status", "accepted"}});
  }
  a["participant"] = participants;
  a["extension"] = Json::array({extension("out-of-hours", v.out_of_hours, "valueBoolean"),
                                extension("double-up", v.double_up, "valueBoolean")});
  return a;
}

Json episode_of_care(const Snapshot& s, const Episode& e) {
  Json r{{"resourceType", "EpisodeOfCare"},
         {"id", "episode-" + std::to_string(e.id)},
         {"identifier", Json::array({identifier("urn:visitboard:episode", std::to_string(e.id))})},
         {"status", e.is_open() ? "active" : "finished"},
         {"type", Json::array({{{"text", "crisis resolution and home treatment"}}})},
         {"patient", patient_ref(s, e.id)}};
  r["period"] = {{"start", format_utc(e.accepted_at)}};
  if (e.closed_at) r["period"]["end"] = format_utc(*e.closed_at);
  if (!e.named_worker.empty()) r["careManager"] = staff_ref(e.named_worker);
  Json ext = Json::array({extension("stage", std::string(to_string(e.stage)), "valueCode"),
                          extension("risk", std::string(to_string(e.risk)), "valueCode"),
                          extension("referral-at", format_utc(e.referral_at), "valueDateTime"),
                          extension("referral-priority", e.referral_priority, "valueInteger")});
  if (!e.zone.empty()) ext.push_back(extension("zone", e.zone, "valueCode"));
  r["extension"] = ext;
  return r;
}

Json clinical_impression(const Snapshot& s, const Review& rv) {
  Json r{{"resourceType", "ClinicalImpression"},
         {"id", "review-" + std::to_string(rv.id)},
         {"identifier", Json::array({identifier("urn:visitboard:review", std::to_string(rv.id))})},
         {"status", "completed"},
         {"subject", patient_ref(s, rv.episode_id)},
         {"effectiveDateTime", format_utc(rv.held_at)},
         {"date", format_utc(rv.held_at)},
         {"assessor", staff_ref(rv.reviewer)},
         {"summary", rv.decision},
         {"supportingInfo", Json::array({episode_ref(rv.episode_id)})}};
  Json ext = Json::array({extension("risk", std::string(to_string(rv.risk)), "valueCode"),
                          extension("person-told", rv.person_told, "valueBoolean"),
                          extension("family-told", rv.family_told, "valueBoolean")});
  if (rv.next_review_due) ext.push_back(extension("next-review-due", format_utc(*rv.next_review_due), "valueDateTime"));
  r["extension"] = ext;
  return r;
}

}  // namespace

std::string export_fhir_json(const Snapshot& s, std::optional<ExportKind> kind, const ExportRange& range) {
  Json entries = Json::array();
  if (!kind || *kind == ExportKind::episodes) {
    for (const Episode* e : episodes_in(s, range)) entries.push_back({{"resource", episode_of_care(s, *e)}});
  }
  if (!kind || *kind == ExportKind::visits) {
    for (const Visit* v : visits_in(s, range)) entries.push_back({{"resource", appointment(s, *v)}});
  }
  if (!kind || *kind == ExportKind::reviews) {
    for (const Review* r : reviews_in(s, range)) entries.push_back({{"resource", clinical_impression(s, *r)}});
  }
  Json bundle{{"resourceType", "Bundle"}, {"type", "collection"}, {"total", entries.size()}, {"entry", entries}};
  return bundle.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace vb::archive
