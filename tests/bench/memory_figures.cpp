// kiosk_bench --memory DB NOW: where the kiosk's heap goes, in its own process. Opens DB as
// `visitboard run` does (working set), derives the boards on view and builds the first frame
// headless (no GL: llvmpipe's buffers are measured by idle_bench under Xvfb), printing
// mallinfo2() after each step; then the Snapshot's heap bytes table by table, measured exactly
// as the bytes malloc gets back when the table is freed (chunk headers and spare capacity
// included), for a snapshot as loaded and for one after the kiosk's post-load compaction.
#include "memory_figures.hpp"
#include "headless_frame.hpp"

#include "app/board_needs.hpp"
#include "app/post_load.hpp"
#include "app/session.hpp"
#include "core/snapshot_compact.hpp"
#include "core/working_set.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "store/page_cache.hpp"
#include "store/snapshot_loader.hpp"
#include "ui/lock_screen.hpp"
#include "ui/screen.hpp"

#include <imgui.h>
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace vb::bench {

namespace {

constexpr double mib = 1024.0 * 1024.0;

// Bytes in use from malloc: the main arena's chunks plus mmap'd blocks (this bench is one thread).
double in_use() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd);
}

void step(const char* what, double& last) {
  const struct mallinfo2 m = mallinfo2();
  const double now = in_use();
  std::printf("| %-52s | %9.2f | %9.2f | %9.2f | %9.2f |\n", what, now / mib, (now - last) / mib,
              static_cast<double>(m.fordblks) / mib, static_cast<double>(m.arena) / mib);
  last = now;
}

struct TableBytes {
  const char* name;
  std::size_t rows;
  std::size_t row_size;
  double bytes;
};

// Frees each table of `s` in turn and records what malloc got back.
template <typename T>
void free_table(std::vector<TableBytes>& out, const char* name, std::vector<T>& v) {
  const std::size_t rows = v.size();
  const double before = in_use();
  { std::vector<T> gone = std::move(v); }
  out.push_back({name, rows, sizeof(T), before - in_use()});
}

std::vector<TableBytes> table_bytes(Snapshot s) {
  std::vector<TableBytes> out;
  const double whole = in_use();
  free_table(out, "visits", s.visits);
  free_table(out, "shifts", s.shifts);
  free_table(out, "reviews", s.reviews);
  free_table(out, "people", s.people);
  free_table(out, "episodes", s.episodes);
  free_table(out, "plans (with phases)", s.plans);
  free_table(out, "review_slots", s.review_slots);
  free_table(out, "decisions", s.decisions);
  free_table(out, "bookings", s.bookings);
  free_table(out, "risk_changes", s.risk_changes);
  free_table(out, "concerns", s.concerns);
  free_table(out, "thresholds", s.thresholds);
  free_table(out, "escalation_acks", s.escalation_acks);
  free_table(out, "reassessments", s.reassessments);
  free_table(out, "plan_changes", s.plan_changes);
  free_table(out, "transition_records", s.transition_records);
  free_table(out, "key_people", s.key_people);
  free_table(out, "carer_contacts", s.carer_contacts);
  free_table(out, "staff", s.staff);
  free_table(out, "zones", s.zones);
  free_table(out, "slot_patterns", s.slot_patterns);
  free_table(out, "leave", s.leave);
  free_table(out, "taper templates (rules file)", s.taper_templates);
  double tables = 0;
  for (const auto& t : out) tables += t.bytes;
  const double before = in_use();
  { Snapshot gone = std::move(s); }
  out.push_back({"indexes and the rest (reindex(), rules)", 0, 0, before - in_use()});
  out.push_back({"SNAPSHOT", 0, 0, whole - in_use()});
  return out;
}

// Resident anonymous memory of this process (/proc/self/smaps_rollup), KiB: what the heap in use
// does not show (free holes between live blocks stay resident).
long anonymous_kib() {
  std::FILE* f = std::fopen("/proc/self/smaps_rollup", "r");
  if (!f) return -1;
  char line[256];
  long kib = -1;
  while (std::fgets(line, sizeof line, f))
    if (std::sscanf(line, "Anonymous: %ld kB", &kib) == 1) break;
  std::fclose(f);
  return kib;
}

// The whole working set made on a loader thread as the kiosk makes it (app/working_set_loader.cpp:
// loaded, connection closed, copied compact by a second thread, the loader's arena trimmed), then as
// session 8 made it (compacted in place on the loader's thread): resident anonymous memory it adds,
// with everything freed given back (malloc_trim, as the kiosk after the swap).
void whole_set_resident(const std::string& db_path, const store::LoadScope& scope) {
  auto load = [&] {
    auto db = store::Database::open(db_path, store::OpenMode::existing, store::IntegrityCheck::by_the_caller);
    return store::load_snapshot(db, scope);
  };
  std::printf("\n| %-62s | %12s | %12s | %14s |\n", "whole working set made on a loader thread, kept", "anon KiB +",
              "in use MiB", "compacting ms");
  std::printf("|%s|%s|%s|%s|\n", std::string(64, '-').c_str(), std::string(14, '-').c_str(), std::string(14, '-').c_str(),
              std::string(16, '-').c_str());
  auto row = [](const char* what, long base, double used, double ms) {
    malloc_trim(0);
    std::printf("| %-62s | %12ld | %12.2f | %14.1f |\n", what, anonymous_kib() - base, (in_use() - used) / mib, ms);
  };
  auto since = [](std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  double ms = 0;
  app::set_kiosk_malloc_policy();  // the kiosk's mmap and trim thresholds (app/post_load.hpp)
  Snapshot kept;
  malloc_trim(0);
  long base = anonymous_kib();
  double used = in_use();
  std::thread([&] {
    Snapshot whole = load();
    const auto t0 = std::chrono::steady_clock::now();
    std::thread([&] { kept = compact_copy(whole); }).join();
    ms = since(t0);
    whole = Snapshot{};
    store::trim_thread_heap();
  }).join();
  row("copied compact on a second thread (the kiosk, session 9)", base, used, ms);
  kept = Snapshot{};
  malloc_trim(0);
  base = anonymous_kib();
  used = in_use();
  std::thread([&] {
    Snapshot whole = load();
    const auto t0 = std::chrono::steady_clock::now();
    compact_snapshot(whole);
    ms = since(t0);
    kept = std::move(whole);
  }).join();
  row("compacted in place on the loader's thread (session 8)", base, used, ms);
}

}  // namespace

int memory_figures(const std::string& db_path, const std::string& now_text) {
  try {
    std::printf("kiosk_bench --memory %s (now %s): malloc's figures (mallinfo2) along the kiosk's start, MiB\n\n",
                db_path.c_str(), now_text.c_str());
    std::printf("| %-52s | %9s | %9s | %9s | %9s |\n", "after", "in use", "step", "free", "arena");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(11, '-').c_str(),
                std::string(11, '-').c_str(), std::string(11, '-').c_str(), std::string(11, '-').c_str());
    double last = 0;
    step("process start", last);
    app::CommandLine cl;
    cl.command = "run";
    cl.db = db_path;
    cl.now = now_text;
    app::Session s =
        app::open_session(cl, app::SessionOptions{.check = store::IntegrityCheck::by_the_caller, .working_set = true});
    step("open + load the working set (as the kiosk)", last);
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t spare = compact_snapshot(s.model.snapshot);
    const double compact_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    step("post-load compaction (compact_snapshot)", last);
    const Instant now = s.clock->now();
    ui::UiState state;
    ui::lock_now(state);
    s.model.ensure(app::boards_needed(state), now);
    step("derive the boards on view (locked Today)", last);
    const ui::Fonts fonts = start_headless_imgui(1920, 1080);
    ImGuiIO& io = ImGui::GetIO();
    step("fonts (atlas on the CPU, before upload)", last);
    BackupStatus backups;
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backups, now, s.model.loaded_at,
                      "", fonts, s.model.compliance_if_fresh(now), s.model.outcomes_if_fresh(now)};
    in.plans = s.model.plans_if_fresh(now);
    build_frame(in, state);
    step("first frame built (ImGui buffers)", last);
    {
      const ImDrawData* dd = ImGui::GetDrawData();
      std::size_t vtx = 0, idx = 0, cmd = 0;
      for (int i = 0; dd && i < dd->CmdListsCount; ++i) {
        vtx += static_cast<std::size_t>(dd->CmdLists[i]->VtxBuffer.Capacity) * sizeof(ImDrawVert);
        idx += static_cast<std::size_t>(dd->CmdLists[i]->IdxBuffer.Capacity) * sizeof(ImDrawIdx);
        cmd += static_cast<std::size_t>(dd->CmdLists[i]->CmdBuffer.Capacity) * sizeof(ImDrawCmd);
      }
      std::printf("|   of which draw lists: %2d lists, %7d vertices  | %9.2f | vtx %.2f idx %.2f cmd %.2f MiB |\n",
                  dd ? dd->CmdListsCount : 0, dd ? dd->TotalVtxCount : 0, static_cast<double>(vtx + idx + cmd) / mib,
                  static_cast<double>(vtx) / mib, static_cast<double>(idx) / mib, static_cast<double>(cmd) / mib);
    }
    io.Fonts->ClearTexData();  // as the kiosk does once the atlas is uploaded
    malloc_trim(0);
    step("atlas CPU copy freed + malloc_trim (kiosk)", last);
    io.Fonts->ClearInputData();  // the font files' bytes: the kiosk frees them with the atlas (gl_window.cpp)
    malloc_trim(0);
    step("font files' bytes freed (kiosk)", last);
    std::printf("\ncompact_snapshot gave back %.2f MiB of spare element capacity in %.1f ms\n\n", static_cast<double>(spare) / mib,
                compact_ms);

    // Table by table: a fresh load as the kiosk makes it, then the same compacted.
    store::LoadScope scope{working_set_from(now, s.model.snapshot.zone())};
    std::vector<TableBytes> loaded = table_bytes(store::load_snapshot(s.db, scope));
    Snapshot again = store::load_snapshot(s.db, scope);
    compact_snapshot(again);
    std::vector<TableBytes> compacted = table_bytes(std::move(again));
    std::printf("| %-42s | %8s | %8s | %12s | %12s |\n", "Snapshot table (working set)", "rows", "row B", "MiB loaded",
                "MiB compact");
    std::printf("|%s|%s|%s|%s|%s|\n", std::string(44, '-').c_str(), std::string(10, '-').c_str(),
                std::string(10, '-').c_str(), std::string(14, '-').c_str(), std::string(14, '-').c_str());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      const auto& t = loaded[i];
      if (t.row_size)
        std::printf("| %-42s | %8zu | %8zu | %12.2f | %12.2f |\n", t.name, t.rows, t.row_size, t.bytes / mib,
                    compacted[i].bytes / mib);
      else
        std::printf("| %-42s | %8s | %8s | %12.2f | %12.2f |\n", t.name, "", "", t.bytes / mib, compacted[i].bytes / mib);
    }
    ImGui::DestroyContext();
    whole_set_resident(db_path, scope);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk_bench --memory: %s\n", e.what());
    return 1;
  }
}

}  // namespace vb::bench
