// The report, the compliance screen's data and a hand count over synthetic data give the same figures.
#include "core/compliance.hpp"
#include "core/demo_team.hpp"
#include "report/commissioner_report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

using namespace vb;

namespace {

struct Figures {
  double numerator = 0, denominator = 0, value = 0;
  std::string state;
};

std::map<std::string, Figures> from_csv(const std::string& csv) {
  std::map<std::string, Figures> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    // Split on commas outside quotes.
    std::vector<std::string> f(1);
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) f.emplace_back();
      else f.back() += c;
    }
    REQUIRE(f.size() == 9);
    out[f[0]] = Figures{std::stod(f[4]), std::stod(f[5]), std::stod(f[6]), f[8]};
  }
  return out;
}

// A demo team (200 days of history, now Mon 23 Nov 2026 10:30) and the report over the period the
// compliance screen shows (the last 28 days up to today), as built and as CSV figures by measure.
struct ScreenPeriod {
  explicit ScreenPeriod(std::uint64_t seed) : o(demo_options(seed)), s(generate_demo_team(o)) {}
  static DemoOptions demo_options(std::uint64_t seed) {
    DemoOptions d;
    d.seed = seed;
    d.now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
    d.history_days = 200;
    return d;
  }
  const DemoOptions o;
  const Snapshot s;
  const Zone zone = s.zone();
  const ComplianceRules rules = default_compliance_rules();
  const ComplianceBoard board = build_compliance_board(s, rules, o.now);
  const LocalDate today = board.today;
  const LocalDate from = plus_days(today, -27);
  const report::Report r = report::build_report(s, rules, from, today, o.now);
  const std::map<std::string, Figures> csv = from_csv(report::report_csv(r));
};

template <std::uint64_t Seed>
struct ScreenPeriodOf : ScreenPeriod {
  ScreenPeriodOf() : ScreenPeriod(Seed) {}
};

}  // namespace

TEST_CASE_FIXTURE(ScreenPeriodOf<3>, "report: csv, json, the compliance screen's figures and a hand count agree") {
  const auto json = nlohmann::json::parse(report::report_json(r));

  for (const auto& m : board.measures) {
    CAPTURE(m.rule->id);
    REQUIRE(csv.count(m.rule->id));
    const Figures& c = csv.at(m.rule->id);
    CHECK(c.numerator == doctest::Approx(m.current.numerator));
    CHECK(c.denominator == doctest::Approx(m.current.denominator));
    CHECK(c.value == doctest::Approx(m.current.value).epsilon(1e-3));
    CHECK(c.state == to_string(m.current.state));
  }
  for (const auto& m : json["measures"]) {
    CAPTURE(m["measure"].get<std::string>());
    const Figures& c = csv.at(m["measure"].get<std::string>());
    CHECK(m["numerator"].get<double>() == doctest::Approx(c.numerator));
    CHECK(m["denominator"].get<double>() == doctest::Approx(c.denominator));
  }

  // Hand counts straight from the snapshot, written without core's measure code.
  int visits = 0, recorded_same_day = 0;
  for (const auto& v : s.visits) {
    if (v.date < from || v.date >= today) continue;  // today has not ended
    ++visits;
    if (v.status != VisitStatus::planned && (!v.outcome_at || local_date_of(*v.outcome_at, zone) <= v.date))
      ++recorded_same_day;
  }
  CHECK(csv.at("visit-outcome-same-day").denominator == visits);
  CHECK(csv.at("visit-outcome-same-day").numerator == recorded_same_day);

  std::map<LocalDate, int> trained_at_night;
  std::map<LocalDate, bool> rota;
  for (const auto& sh : s.shifts) {
    if (sh.date < from || sh.date > today) continue;
    rota[sh.date] = true;
    const Staff* st = s.find_staff(sh.staff_id);
    if (sh.kind == ShiftKind::night && st && st->has_skill("trained")) ++trained_at_night[sh.date];
  }
  int staffed = 0;
  for (const auto& [d, any] : rota) staffed += trained_at_night[d] >= 2;
  CHECK(csv.at("nights-staffed-minimum").denominator == static_cast<double>(rota.size()));
  CHECK(csv.at("nights-staffed-minimum").numerator == staffed);

  int closed = 0, opened = 0;
  std::map<std::string, int> where;
  for (const auto& e : s.episodes) {
    const LocalDate a = local_date_of(e.accepted_at, zone);
    if (a >= from && a <= today && e.accepted_at <= o.now) ++opened;
    if (!e.closed_at || *e.closed_at > o.now) continue;
    const LocalDate c = local_date_of(*e.closed_at, zone);
    if (c < from || c > today) continue;
    ++closed;
    ++where[e.closure_destination];
  }
  CHECK(csv.at("episodes-opened").value == opened);
  CHECK(csv.at("episodes-closed").value == closed);
  for (const auto& [dest, n] : where) CHECK(csv.at("closure-destination-" + dest).numerator == n);
}

TEST_CASE_FIXTURE(ScreenPeriodOf<5>, "report: the handover-summary and out-of-hours allocation figures agree with a hand count") {
  auto local = [&](LocalDate d, const char* hhmm) {
    return *parse_instant(format_date(d) + "T" + hhmm, zone);
  };

  // Handover summary: closures whose third day after is in the period, sent by that day's end.
  int closures = 0, sent_in_time = 0;
  for (const auto& e : s.episodes) {
    if (!e.closed_at || *e.closed_at > o.now) continue;
    const LocalDate judged = plus_days(local_date_of(*e.closed_at, zone), 3);
    if (judged < from || judged > today) continue;
    bool sent = false;
    for (const auto& r : s.transition_records)
      if (r.episode_id == e.id && r.item == "handover_summary_sent" && r.at < local(plus_days(judged, 1), "00:00") && r.at <= o.now)
        sent = true;
    if (!sent && judged == today) continue;  // its third day is not over
    ++closures;
    sent_in_time += sent ? 1 : 0;
  }
  CHECK(closures > 0);
  CHECK(csv.at("handover-summary-within-3-days").denominator == closures);
  CHECK(csv.at("handover-summary-within-3-days").numerator == sent_in_time);

  // Out-of-hours visits: the shift start from the default shift times written out by hand
  // (night 21:00-07:30, evening from 17:00, weekend day from 08:30).
  int ooh = 0, before = 0;
  for (const auto& v : s.visits) {
    if (v.date < from || v.date > today || !v.out_of_hours || v.follow_up_of) continue;
    if (v.status == VisitStatus::cancelled_by_person || v.status == VisitStatus::cancelled_by_team ||
        v.status == VisitStatus::rescheduled)
      continue;
    const auto t = v.window_start;
    Instant start;
    if (t >= local(v.date, "21:00")) start = local(v.date, "21:00");
    else if (t < local(v.date, "07:30")) start = local(plus_days(v.date, -1), "21:00");
    else if (t >= local(v.date, "17:00")) start = local(v.date, "17:00");
    else if (t >= local(v.date, is_weekend_day(v.date) ? "08:30" : "08:00")) start = local(v.date, is_weekend_day(v.date) ? "08:30" : "08:00");
    else start = local(plus_days(v.date, -1), "21:00");
    if (start > o.now || (v.allocated() && !v.allocated_at)) continue;
    ++ooh;
    before += v.allocated_at && *v.allocated_at <= start ? 1 : 0;
  }
  CHECK(ooh > 0);
  CHECK(before < ooh);  // the demo allocates some during the shift
  CHECK(csv.at("ooh-allocated-before-shift").denominator == ooh);
  CHECK(csv.at("ooh-allocated-before-shift").numerator == before);
}
