// Parses argv into a CommandLine; every command's options are declared here, in one place.
#include "app/cli.hpp"

#include <cstdlib>
#include <set>

namespace vb::app {

namespace {

struct CommandSpec {
  std::set<std::string> value_options;
  std::set<std::string> flags;
  size_t max_positional;
};

const std::map<std::string, CommandSpec>& specs() {
  static const std::map<std::string, CommandSpec> s{
      {"run", {{"backup-dir", "key", "lock-after"}, {"windowed", "names", "no-backups", "trace-start"}, 0}},
      {"demo", {{"seed"}, {}, 0}},
      {"screenshot", {{"screen", "size", "visit", "backup-dir", "key", "measure", "signed-in", "access", "episode", "closure", "add-visit"}, {"privacy", "no-backups", "propose", "set-pin"}, 1}},
      {"board", {{"date", "format"}, {"names"}, 0}},
      {"apply", {{}, {}, 0}},
      {"backup", {{"key"}, {}, 1}},
      {"restore", {{"key"}, {}, 1}},
      {"import", {{}, {"dry-run"}, 2}},
      {"export", {{"format", "from", "to"}, {}, 1}},
      {"report", {{"format", "from", "to"}, {}, 0}},
      {"version", {{}, {}, 0}},
      {"help", {{}, {}, 0}},
      {"pin", {{"by"}, {}, 2}},
      {"roles", {{"by"}, {}, 2}},
  };
  return s;
}

}  // namespace

std::optional<std::string> CommandLine::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::string CommandLine::db_path() const {
  if (db) return *db;
  if (const char* env = std::getenv("VISITBOARD_DB"); env && *env) return env;
  throw UsageError("no database given: use --db PATH (or set VISITBOARD_DB)");
}

CommandLine parse_command_line(int argc, char** argv) {
  CommandLine cl;
  std::vector<std::string> args(argv + 1, argv + argc);
  bool have_command = false;
  // First pass: find the command (first word that is not an option or an option's value).
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--now") {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      (a == "--db" ? cl.db : cl.now) = args[++i];
      continue;
    }
    if (a == "--version" || a == "-V") {
      cl.command = "version";
      have_command = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      cl.command = "help";
      have_command = true;
      continue;
    }
    if (!have_command && a.rfind("--", 0) != 0) {
      if (!specs().count(a)) throw UsageError("unknown command '" + a + "'");
      cl.command = a;
      have_command = true;
      continue;
    }
    const CommandSpec& spec = specs().at(cl.command);
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      if (spec.value_options.count(name)) {
        if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
        cl.options[name] = args[++i];
      } else if (spec.flags.count(name)) {
        cl.options[name] = "";
      } else {
        throw UsageError("unknown option " + a + " for '" + cl.command + "'");
      }
      continue;
    }
    if (cl.positional.size() >= spec.max_positional) throw UsageError("unexpected argument '" + a + "'");
    cl.positional.push_back(a);
  }
  return cl;
}

std::string usage_text() {
  return R"(usage: visitboard [--db PATH] [--now ISO-8601] COMMAND [options]

  run [--windowed] [--names] [--backup-dir DIR] [--key FILE] [--no-backups] [--trace-start]
                                      the kiosk (default command); returns to initials
                                      after 2 min idle (--names: kept for scripts, no effect);
                                      backs up daily at 02:00 into DIR (default: backups/ beside
                                      the database), keeping 14; starts locked (wall view);
                                      signed in, locks after --lock-after MINUTES idle (5)
                                      --trace-start: after the first frame, print where the
                                      start's time went (phases, wall and CPU) to stderr
  demo [--seed N]                     create a synthetic demo team at --db
  board [--date YYYY-MM-DD] [--format text|csv|json] [--names]
                                      the day's board for printing or scripts
  apply                               apply commands, one JSON object a line on stdin
  backup FILE [--key KEY]             write a sealed archive of the whole database
  restore FILE [--key KEY]            replace --db with an archive (old file kept as .previous)
  import staff|caseload|rota FILE.csv [--dry-run]
                                      load CSV from the record or rostering system
  export [visits|episodes|reviews] --format csv|json [--from D] [--to D]
                                      visits, episodes and reviews for other systems
                                      (json: FHIR R4 shapes; csv needs one kind)
  report --from D --to D [--format pdf|csv|json]
                                      compliance and outcome figures for the period on stdout
                                      (csv by default; pdf: a document to send)
  screenshot OUT.png --screen NAME --size WxH [--privacy] [--visit ID] [--measure ID] [--propose]
                                      render one screen off-screen (today, staff, reviews,
                                      admin, compliance, outcomes, lock);
                                      --privacy: the locked wall view;
                                      --visit opens that visit's outcome sheet;
                                      --measure opens the list behind a compliance tile;
                                      --propose runs the allocator for the out-of-hours window
                                      --signed-in ID: as if that person had signed in (admin: the
                                      first active admin by default); --access ID opens that
                                      person's roles and PIN, --set-pin its keypad;
                                      --episode ID shows that episode large on the plans screen,
                                      --closure bundle|carer|close opens its Bundle and closure sheet
                                      (also carer-other, key-person, flags, flags-clear);
                                      --add-visit empty|chosen|night opens its Add visit sheet
                                      (chosen: tomorrow 17:30, 45 min, home, two staff)
                                      (night: tomorrow 23:00-01:00, ending the next day;
                                      with --screen today: as from that row's "+ Visit")
  pin set|clear|status STAFF [--by ID]
                                      set a PIN (read from stdin, never an argument), clear a
                                      locked sign-in (--by a shift coordinator or admin), show state
  roles STAFF [ROLE,ROLE...] [--by ID]
                                      show or replace roles (viewer, clinician, coordinator,
                                      senior_reviewer, manager, admin)
  --version                           print the version

--now pins the moment (a time without offset is the team's local time).
Exit codes: 0 done, 1 input refused (nothing written), 2 usage error or unknown screen.
)";
}

}  // namespace vb::app
