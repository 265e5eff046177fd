// CSV export: one fixed column list per kind (documented in export.hpp), RFC 4180 quoting.
#include "archive/export.hpp"

#include "archive/export_filter.hpp"

#include <sstream>

namespace vb::archive {

namespace {

std::string field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
std::string opt(const std::optional<Instant>& t) { return t ? format_utc(*t) : ""; }
std::string yes(bool b) { return b ? "1" : "0"; }

class Line {
 public:
  explicit Line(std::ostringstream& out) : out_(out) {}
  ~Line() { out_ << "\n"; }
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  template <class T>
  Line& operator<<(const T& v) {
    if (!first_) out_ << ',';
    first_ = false;
    if constexpr (std::is_arithmetic_v<T>) out_ << v;
    else out_ << field(v);
    return *this;
  }

 private:
  std::ostringstream& out_;
  bool first_ = true;
};

}  // namespace

std::optional<ExportKind> parse_export_kind(std::string_view word) {
  if (word == "visits") return ExportKind::visits;
  if (word == "episodes") return ExportKind::episodes;
  if (word == "reviews") return ExportKind::reviews;
  return std::nullopt;
}

std::string export_csv(const Snapshot& s, ExportKind kind, const ExportRange& range) {
  std::ostringstream out;
  switch (kind) {
    case ExportKind::visits:
      out << "visit_id,episode_id,person_local_id,local_date,window_start,window_end,type,status,staff1,staff2,"
             "out_of_hours,double_up,outcome_at,reason,duration_min,follow_up_of\n";
      for (const Visit* v : visits_in(s, range)) {
        Line(out) << v->id << v->episode_id << person_local_id(s, v->episode_id) << format_date(v->date)
                  << format_utc(v->window_start) << format_utc(v->window_end) << std::string(to_string(v->type))
                  << std::string(to_string(v->status)) << v->staff1 << v->staff2 << yes(v->out_of_hours)
                  << yes(v->double_up) << opt(v->outcome_at) << v->reason << v->duration_min
                  << (v->follow_up_of ? std::to_string(*v->follow_up_of) : "");
      }
      break;
    case ExportKind::episodes:
      out << "episode_id,person_local_id,nhs_number,referral_at,accepted_at,referral_priority,stage,zone,risk,"
             "named_worker,closed_at,closure_reason,closure_destination\n";
      for (const Episode* e : episodes_in(s, range)) {
        const Person* p = s.find_person(e->person_id);
        Line(out) << e->id << (p ? p->local_id : "") << (p ? p->nhs_number : "") << format_utc(e->referral_at)
                  << format_utc(e->accepted_at) << e->referral_priority << std::string(to_string(e->stage)) << e->zone
                  << std::string(to_string(e->risk)) << e->named_worker << opt(e->closed_at) << e->closure_reason
                  << e->closure_destination;
      }
      break;
    case ExportKind::reviews:
      out << "review_id,episode_id,person_local_id,reviewer,held_at,risk,decision,person_told,family_told,next_review_due\n";
      for (const Review* r : reviews_in(s, range)) {
        Line(out) << r->id << r->episode_id << person_local_id(s, r->episode_id) << r->reviewer << format_utc(r->held_at)
                  << std::string(to_string(r->risk)) << r->decision << yes(r->person_told) << yes(r->family_told)
                  << opt(r->next_review_due);
      }
      break;
  }
  return std::move(out).str();
}

}  // namespace vb::archive
