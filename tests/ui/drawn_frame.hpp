#pragma once
// Shared by the tests that compare two ways of loading the same rows by what the kiosk draws from
// them, vertex for vertex (ui/working_set_screens_test.cpp, ui/first_frame_scope_test.cpp): the
// last frame's draw data, and a snapshot written to a scratch database to be loaded back.
#include <doctest/doctest.h>

#include "core/snapshot.hpp"
#include "store/database.hpp"
#include "store/snapshot_writer.hpp"

#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vb::test {

// Everything ImGui drew in the last frame.
struct Drawn {
  std::vector<float> geometry;  // x, y, u, v of every vertex
  std::vector<ImU32> colours;
  std::vector<ImDrawIdx> indices;
  std::vector<float> clips;
  bool operator==(const Drawn&) const = default;
};

inline Drawn capture_drawn() {
  Drawn d;
  const ImDrawData* data = ImGui::GetDrawData();
  REQUIRE(data);
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer) {
      d.geometry.insert(d.geometry.end(), {v.pos.x, v.pos.y, v.uv.x, v.uv.y});
      d.colours.push_back(v.col);
    }
    d.indices.insert(d.indices.end(), list->IdxBuffer.begin(), list->IdxBuffer.end());
    for (const ImDrawCmd& c : list->CmdBuffer) d.clips.insert(d.clips.end(), {c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w});
  }
  return d;
}

// `generated` written to a new database in the temporary directory (named after `name` and this
// process), `read(db)` called on it, and the database removed again.
template <class Read>
void with_written_database(const Snapshot& generated, const std::string& name, Read&& read) {
  const auto path = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".db");
  auto remove = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  remove();
  {
    auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
    store::write_snapshot(db, generated);
    read(db);
  }
  remove();
}

}  // namespace vb::test
