// Opening a database for a command or the kiosk.
#include "app/session.hpp"

#include "app/bank_holidays_file.hpp"
#include "app/compliance_rules_file.hpp"
#include "app/review_rules_file.hpp"
#include "app/rota_rules_file.hpp"
#include "app/taper_templates_file.hpp"
#include "core/working_set.hpp"
#include "platform/asset_paths.hpp"
#include "store/snapshot_loader.hpp"

#include <chrono>

namespace vb::app {

namespace {

// The team's rules file travels with the binary's assets; the database does not hold rules yet.
ReviewRules team_review_rules() {
  return load_review_rules(platform::find_asset_root() / "data" / "review_rules.json");
}

}  // namespace

date::days kiosk_history(const ComplianceRules& rules) { return working_set_history_for(rules.period_days, rules.trend_weeks); }

void Session::reload(Instant now) {
  store::LoadScope scope;
  if (model.snapshot.history_from) scope.history_from = working_set_from(now, model.snapshot.zone(), kiosk_history(model.compliance_rules));
  // Loaded first, the rules read at the start moved over after: a load that fails (a busy or
  // unreadable file; the kiosk retries) leaves the session's snapshot, rules and all, as it was.
  // (Moved out before the load, a failed reload left the escalation cascade, the shift patterns and
  // the taper templates empty for the rest of the day.)
  Snapshot loaded = store::load_snapshot(db, scope);
  loaded.taper_templates = std::move(model.snapshot.taper_templates);
  loaded.review_rules = std::move(model.snapshot.review_rules);
  loaded.rota_rules = std::move(model.snapshot.rota_rules);
  model.snapshot = std::move(loaded);
  model.loaded_at = now;
  model.changed();  // every board is stale; the kiosk derives the ones on view before its next frame
}

Session open_session(const CommandLine& cl, bool advance_clock) {
  return open_session(cl, SessionOptions{.advance_clock = advance_clock});
}

Session open_session(const CommandLine& cl, const SessionOptions& options) {
  using Steady = std::chrono::steady_clock;
  auto ms_since = [](Steady::time_point t0) { return std::chrono::duration<double, std::milli>(Steady::now() - t0).count(); };
  auto t0 = Steady::now();
  Session s{store::Database::open(cl.db_path(), store::OpenMode::existing, options.check), {}, nullptr, {}};
  s.times.open_ms = ms_since(t0);
  t0 = Steady::now();
  // The compliance rules first: the kiosk's history reaches back as far as they look.
  ComplianceRules compliance_rules = load_team_compliance_rules();
  if (options.working_set) {
    // The clock first: the working set reaches back from its `now`.
    const Zone zone = store::stored_team_zone(s.db);
    s.clock = std::make_unique<Clock>(cl.now, zone, options.advance_clock);
    s.model.snapshot = store::load_snapshot(
        s.db, store::LoadScope{options.first_frame_only ? first_frame_from(s.clock->now(), zone)
                                                        : working_set_from(s.clock->now(), zone, kiosk_history(compliance_rules))});
  } else {
    s.model.snapshot = store::load_snapshot(s.db);
  }
  s.model.snapshot.review_rules = team_review_rules();
  s.model.compliance_rules = std::move(compliance_rules);
  s.model.snapshot.rota_rules = load_rota_rules(platform::find_asset_root() / "data" / "rota_rules.json");
  s.model.snapshot.rota_rules.bank_holidays = load_team_bank_holidays();
  s.model.snapshot.taper_templates = load_taper_templates(platform::find_asset_root() / "data" / "taper_templates.txt");
  if (!s.clock) s.clock = std::make_unique<Clock>(cl.now, s.model.snapshot.zone(), options.advance_clock);
  Instant now = s.clock->now();
  s.model.loaded_at = now;
  s.times.load_ms = ms_since(t0);
  // No board is derived here: the caller ensures the ones it reads (TerminalModel::ensure).
  return s;
}

}  // namespace vb::app
