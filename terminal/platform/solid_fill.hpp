#pragma once
// Solid fills drawn without the font texture: an ImGui draw callback that switches the rest of a
// draw list's commands (until ImDrawCallback_ResetRenderState) to shaders/solid_fill.{vert,frag}.
// ImGui fills a shape by sampling the atlas's white texel; on llvmpipe that texture fetch is much of
// what every filled pixel costs, and the result is the vertex colour alone. Only for commands that
// draw nothing but filled shapes (no text, no textured anti-aliased lines): the pixels are the same.
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>

namespace vb::platform {

class Shader;

class SolidFill {
 public:
  // Compiles the shaders from `shader_dir` (needs a current GL context); they are linked the first
  // time the callback runs, with ImGui's own attribute locations. When a file is missing or does not
  // build, ok() is false, problem() says why, and the callback is null: ImGui draws the fills itself.
  // VISITBOARD_SOLID_FILL=off does the same on purpose (to compare the two).
  explicit SolidFill(const std::filesystem::path& shader_dir);
  ~SolidFill();
  SolidFill(const SolidFill&) = delete;
  SolidFill& operator=(const SolidFill&) = delete;

  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }
  // For ui::FrameInput: the callback and its user data (this), or null when !ok().
  ImDrawCallback callback() const { return ok() ? &SolidFill::run : nullptr; }
  void* callback_data() { return this; }

 private:
  static void run(const ImDrawList*, const ImDrawCmd* cmd);
  void apply();

  std::unique_ptr<Shader> vs_, fs_;
  unsigned program_ = 0;
  int imgui_program_ = 0;   // the program ImGui draws with, which program_ was linked to match
  int imgui_proj_ = -1;     // its ProjMtx
  int proj_ = -1;
  std::string problem_;
};

}  // namespace vb::platform
