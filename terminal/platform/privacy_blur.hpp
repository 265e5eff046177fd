#pragma once
// The privacy blur behind the lock screen: an ImGui draw callback that copies what is drawn so far
// into a mipmapped texture and draws it back blurred with shaders/privacy_blur.{vert,frag}.
#include <imgui.h>

#include <filesystem>
#include <string>

namespace vb::platform {

class PrivacyBlur {
 public:
  // Compiles the shaders from `shader_dir` (needs a current GL context). When they are missing or
  // do not compile, ok() is false and problem() says why; the lock screen then dims opaquely.
  explicit PrivacyBlur(const std::filesystem::path& shader_dir);
  ~PrivacyBlur();
  PrivacyBlur(const PrivacyBlur&) = delete;
  PrivacyBlur& operator=(const PrivacyBlur&) = delete;

  bool ok() const { return program_ != 0; }
  const std::string& problem() const { return problem_; }
  // For ui::FrameInput: the callback and its user data (this), or null when !ok().
  ImDrawCallback callback() const { return ok() ? &PrivacyBlur::run : nullptr; }
  void* callback_data() { return this; }
  // The next callback blurs the board again (call when the PIN pad is closed or the board changed);
  // until then the blurred picture is reused, so an open pad costs one copy of it a frame.
  // The textures (a full-screen copy with mipmaps, ~11 MiB at 1080p) exist only while the pad is
  // open: invalidating gives them back, the next opening makes them again.
  void invalidate();
  // True when the blurred picture of a w x h board is made and will be reused: the frame need not
  // draw the board behind the pad (the picture covers it). For ui::FrameInput::privacy_blur_ready.
  bool ready(int w, int h) const { return ok() && cached_ && w == tex_w_ && h == tex_h_; }
  // The picture comes dimmed by this colour (RGBA, alpha = how much), so the lock screen draws no
  // dimming of its own over it: the colour ui/lock_screen.cpp dims with when there is no blur, lighter.
  static constexpr unsigned char dim_colour[4] = {8, 14, 20, 120};

 private:
  static void run(const ImDrawList*, const ImDrawCmd* cmd);
  void apply(const ImVec4& clip);  // clip: where the picture is copied this frame (ImGui's coordinates)

  unsigned program_ = 0;
  unsigned texture_ = 0;
  unsigned vao_ = 0;
  unsigned blurred_ = 0;      // quarter-size result
  unsigned blurred_fbo_ = 0;
  unsigned full_fbo_ = 0;     // texture_ as a render target: the blurred picture at full size
  bool cached_ = false;
  int tex_w_ = 0, tex_h_ = 0;
  int u_board_ = -1, u_texel_ = -1, u_lod_ = -1, u_radius_ = -1, u_dim_ = -1;
  std::string problem_;
};

}  // namespace vb::platform
