#pragma once
// The kiosk's code pages touched only while it starts or loads (issue 7: memory above a bare
// board). Reading the database, migrations, the rules files, the loaders and the first derive run
// once, yet every code page they touched stays mapped into the process: ~3.5 MiB of the
// executable and ~1.3 MiB of SQLite, counted in its RSS and PSS all day although the idle board
// (a redraw a minute, a data_version poll a second) runs a fraction of it. After the start and
// each later load the kiosk unmaps those clean pages (madvise MADV_DONTNEED on its own
// executable's and its own libraries' read-only file mappings): they stay in the page cache,
// where the kernel can reclaim them, and a page the board runs again maps back on its next use
// (a minor fault, no disk read while the file is cached). Nothing is unmapped that holds a
// private change: a mapping with any anonymous (copied-on-write) page, e.g. relocated data, is
// left alone, and writable mappings are never touched. The GL driver's libraries are not ours to
// thin: a bare board maps them the same way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vb::app {

struct CodeMapping {
  std::uintptr_t start = 0, end = 0;
  std::size_t rss_kib = 0;
  std::string file;
};

// The mappings of `smaps` (the text of /proc/<pid>/smaps) that may be unmapped: not writable,
// backed by `exe` or by one of the libraries only the kiosk's own work uses (SQLite, libsodium,
// Boost.Serialization, date's tz), with no anonymous page.
std::vector<CodeMapping> start_code_mappings(std::string_view smaps, std::string_view exe);

// Unmaps this process's start code (above); returns the KiB those mappings had resident.
std::size_t drop_start_code();

}  // namespace vb::app
