// The kiosk unmaps code pages only its start and its loads ran (app/start_code.hpp): only its own
// executable's and its own libraries' read-only file mappings, never one holding a private
// (copied-on-write) page, never a writable one, never the GL driver's; and a process that did it
// goes on running that code.
#include <doctest/doctest.h>

#include "app/start_code.hpp"

#include <string>

using namespace vb;

namespace {

std::string mapping(const char* range, const char* perms, const char* file, int rss, int anonymous) {
  return std::string(range) + " " + perms + " 00000000 08:01 1234                       " + file + "\n" +
         "Size:               64 kB\nRss:       " + std::to_string(rss) + " kB\nPss:                 8 kB\n" +
         "Anonymous:         " + std::to_string(anonymous) + " kB\nVmFlags: rd ex mr mw me sd\n";
}

}  // namespace

TEST_CASE("start code: only the kiosk's own clean read-only code and data mappings are given back") {
  const std::string smaps =
      mapping("5600000000-5600010000", "r--p", "/usr/bin/visitboard", 40, 0) +
      mapping("5600010000-5600400000", "r-xp", "/usr/bin/visitboard", 3500, 0) +
      mapping("5600400000-5600420000", "r--p", "/usr/bin/visitboard", 100, 100) +  // relocated (RELRO)
      mapping("5600420000-5600421000", "rw-p", "/usr/bin/visitboard", 4, 4) +
      mapping("7f00000000-7f00100000", "r-xp", "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6", 1200, 0) +
      mapping("7f00100000-7f00110000", "r-xp", "/usr/lib/x86_64-linux-gnu/libsodium.so.23.3.0", 120, 0) +
      mapping("7f00200000-7f00300000", "r-xp", "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1", 50000, 0) +
      mapping("7f00300000-7f00310000", "r-xp", "/usr/lib/x86_64-linux-gnu/libglfw.so.3.3", 280, 0) +
      mapping("7f00400000-7f00410000", "rw-p", "", 500, 500) +
      mapping("7f00500000-7f00510000", "r-xp", "/opt/other/visitboard", 10, 0);
  const auto chosen = app::start_code_mappings(smaps, "/usr/bin/visitboard");
  REQUIRE(chosen.size() == 4);
  CHECK(chosen[0].start == 0x5600000000u);
  CHECK(chosen[0].end == 0x5600010000u);
  CHECK(chosen[1].file == "/usr/bin/visitboard");
  CHECK(chosen[1].rss_kib == 3500);
  CHECK(chosen[2].file == "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6");
  CHECK(chosen[3].file == "/usr/lib/x86_64-linux-gnu/libsodium.so.23.3.0");
  CHECK(app::start_code_mappings(smaps, "").size() == 2);  // the executable unknown: only the libraries
  CHECK(app::start_code_mappings("", "/usr/bin/visitboard").empty());
}

namespace {
int fibonacci(int n) { return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2); }
}  // namespace

TEST_CASE("start code: a process that gave its start code back runs it again") {
  const int before = fibonacci(20);
  CHECK(app::drop_start_code() > 0);  // this test program's own code was resident
  CHECK(fibonacci(20) == before);     // and maps back when it runs
  CHECK(app::drop_start_code() > 0);  // the pages just run, again
  CHECK(fibonacci(21) == before + fibonacci(19));
}
