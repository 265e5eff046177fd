#pragma once
// The kiosk's heap, measured in its own process (see memory_figures.cpp).
#include <string>

namespace vb::bench {

// `kiosk_bench --memory DB NOW`: opens DB as `visitboard run` does (working set), derives the
// boards on view and builds the first frame headless, printing mallinfo2() at each step; then
// the Snapshot's heap bytes table by table, as loaded and after the kiosk's post-load compaction.
int memory_figures(const std::string& db_path, const std::string& now_text);

}  // namespace vb::bench
