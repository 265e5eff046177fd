// `visitboard run --trace-start`: the start path's phases, from both threads, in one table.
#include <doctest/doctest.h>

#include "app/start_trace.hpp"

#include <cstdio>
#include <string>
#include <thread>

namespace {

std::string printed(vb::app::StartTrace& trace) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  trace.print(f);
  std::rewind(f);
  std::string text;
  for (int c; (c = std::fgetc(f)) != EOF;) text += static_cast<char>(c);
  std::fclose(f);
  return text;
}

}  // namespace

TEST_CASE("start trace: without --trace-start nothing is printed") {
  vb::app::StartTrace trace(false);
  trace.mark("window");
  CHECK(printed(trace).empty());
}

TEST_CASE("start trace: phases of the main and the loading thread appear once, in the order they ended") {
  vb::app::StartTrace trace(true);
  trace.mark("window");
  std::thread loader([&] {
    trace.begin("load");
    trace.mark("load the working set");
  });
  loader.join();
  trace.mark("waiting for the load");
  const std::string text = printed(trace);
  const auto window = text.find("main    window"), load = text.find("load    load the working set"),
             wait = text.find("main    waiting for the load");
  REQUIRE(window != std::string::npos);
  REQUIRE(load != std::string::npos);
  REQUIRE(wait != std::string::npos);
  CHECK(window < load);
  CHECK(load < wait);
  CHECK(text.find("process CPU") != std::string::npos);
  CHECK(printed(trace).empty());  // once
}
