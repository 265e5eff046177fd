// Private plugins (the solver on CBC/CLP, PDFs on cairo) are opened only from the places visitboard
// looks, and a missing or broken one is an error that says what, where and why; the kiosk carries on
// (a proposal comes from the heuristic and says the exact solver is unavailable).
#include <doctest/doctest.h>

#include "app/ooh_proposal.hpp"
#include "core/ooh_gaps.hpp"
#include "plugin/plugin_loader.hpp"
#include "report/commissioner_report.hpp"
#include "solve/allocate.hpp"
#include "solve/solver_api.hpp"
#include "support/small_team.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using vb::plugin::plugin_symbol;
using vb::plugin::PluginError;

namespace {

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

fs::path scratch_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("vb_plugin_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// Runs with $VISITBOARD_PLUGIN_DIR pointing at an empty directory: no plugin can be found.
struct NoPlugins {
  fs::path dir = scratch_dir("none");
  NoPlugins() { ::setenv("VISITBOARD_PLUGIN_DIR", dir.c_str(), 1); }
  ~NoPlugins() {
    ::unsetenv("VISITBOARD_PLUGIN_DIR");
    fs::remove_all(dir);
  }
};

}  // namespace

TEST_CASE("plugins: a plugin in one of the directories is opened and its entry point called") {
  const fs::path empty = scratch_dir("empty");
  void* entry = plugin_symbol("vb-test-plugin.so", "vb_test_plugin_v1", "the test", {empty, VB_TEST_PLUGIN_DIR});
  REQUIRE(entry != nullptr);
  CHECK(reinterpret_cast<int (*)()>(entry)() == 42);
  // Opened once: asking again gives the same function.
  CHECK(plugin_symbol("vb-test-plugin.so", "vb_test_plugin_v1", "the test", {VB_TEST_PLUGIN_DIR}) == entry);
  fs::remove_all(empty);
}

TEST_CASE("plugins: a missing plugin is an error naming it, what it is for and every directory looked in") {
  const fs::path a = scratch_dir("a"), b = scratch_dir("b");
  const std::string e = error_of([&] { plugin_symbol("visitboard-solver.so", "vb_solver_api_v1", "the exact solver", {a, b}); });
  CHECK(e.find("the exact solver") != std::string::npos);
  CHECK(e.find("visitboard-solver.so") != std::string::npos);
  CHECK(e.find("not found") != std::string::npos);
  CHECK(e.find(a.string()) != std::string::npos);
  CHECK(e.find(b.string()) != std::string::npos);
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST_CASE("plugins: a plugin without the entry point asked for is an error naming the file and the entry point") {
  const std::string e =
      error_of([] { plugin_symbol("vb-test-plugin.so", "vb_solver_api_v1", "the exact solver", {VB_TEST_PLUGIN_DIR}); });
  CHECK(e.find("vb_solver_api_v1") != std::string::npos);
  CHECK(e.find((fs::path(VB_TEST_PLUGIN_DIR) / "vb-test-plugin.so").lexically_normal().string()) != std::string::npos);
}

TEST_CASE("plugins: a file that is not a shared library is an error naming it, not a crash") {
  const fs::path d = scratch_dir("broken");
  std::ofstream(d / "visitboard-pdf.so") << "not an ELF file\n";
  const std::string e = error_of([&] { plugin_symbol("visitboard-pdf.so", "vb_cairo_api_v1", "PDF reports", {d}); });
  CHECK(e.find("PDF reports: cannot load the plugin " + (d / "visitboard-pdf.so").string()) != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("plugins: a build-tree binary looks only in its build directory (never an installed copy), an override only there") {
  ::unsetenv("VISITBOARD_PLUGIN_DIR");
  const auto dirs = vb::plugin::plugin_dirs();
  REQUIRE(dirs.size() == 1);
  CHECK(fs::equivalent(dirs[0], VB_BUILD_DIR));
  ::setenv("VISITBOARD_PLUGIN_DIR", "/opt/vb-plugins", 1);
  const auto with_override = vb::plugin::plugin_dirs();
  ::unsetenv("VISITBOARD_PLUGIN_DIR");
  REQUIRE(with_override.size() == 1);  // an override is the only place looked
  CHECK(with_override[0] == fs::path("/opt/vb-plugins"));
}

TEST_CASE("plugins: without the solver plugin a proposal still comes, from the heuristic, and says why") {
  NoPlugins none;
  const vb::Snapshot s = vb::test::small_team();
  const vb::Instant now = vb::test::at("2026-11-23T16:00");
  if (vb::solve::solver_api_or_null() != nullptr) {
    MESSAGE("the solver plugin was already loaded in this process; run this case on its own (ctest does)");
    return;
  }
  const auto why = vb::solve::solver_unavailable();
  REQUIRE(why.has_value());
  CHECK(why->find("visitboard-solver.so") != std::string::npos);
  const vb::OohWindow w = vb::ooh_window(s, vb::local_date_of(now, s.zone()), vb::OohPart::evening);
  const vb::ui::OohProposalView view = vb::app::propose_for_window(s, w, now);
  CHECK(view.summary.find("exact solver unavailable") != std::string::npos);
}

TEST_CASE("plugins: without the PDF plugin a PDF report is refused with an error naming the plugin") {
  NoPlugins none;
  vb::report::Report r;
  r.team = "Test team";
  const std::string e = error_of([&] { vb::report::report_pdf(r); });
  CHECK(e.find("the PDF report (cairo)") != std::string::npos);
  CHECK(e.find("visitboard-pdf.so") != std::string::npos);
}
