#pragma once
// The GLFW window and its OpenGL context, plus the ImGui context bound to them.
// Fullscreen on the primary monitor for the kiosk (windowed-fullscreen, no auto-iconify);
// --windowed for development; hidden for off-screen screenshots.
#include <string>

struct GLFWwindow;

namespace vb::platform {

struct WindowOptions {
  bool windowed = false;
  bool visible = true;
  int width = 1280;
  int height = 800;
  std::string title = "visitboard";
};

class GlWindow {
 public:
  // Throws std::runtime_error when there is no display or no OpenGL 3.0 context.
  explicit GlWindow(const WindowOptions& options);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() const { return window_; }
  void framebuffer_size(int& w, int& h) const;

 private:
  GLFWwindow* window_ = nullptr;
};

// ImGui context + GLFW/OpenGL3 backends for a window. Install your own GLFW callbacks before
// constructing this: the backend chains to them.
class ImGuiBinding {
 public:
  explicit ImGuiBinding(GLFWwindow* window);
  ~ImGuiBinding();
  ImGuiBinding(const ImGuiBinding&) = delete;
  ImGuiBinding& operator=(const ImGuiBinding&) = delete;
  void new_frame();
  // After load_fonts() rebuilt the atlas on a live context: upload it again.
  void rebuild_font_texture();
  // ImGui::Render, clear the current framebuffer to `background` (0xAABBGGRR), draw into it.
  void render(unsigned background);
  // After a frame is on the glass and before the board waits (idle): lets the GL driver give back
  // what it kept for drawing that frame. llvmpipe keeps each rendered scene's binned commands
  // (64 KiB blocks, one per ~64 KiB of triangles and state: 3-5 MiB for a full board) until it
  // reuses the scene for a later frame; taking the scene now (a clear, which the next frame
  // repeats) frees them. Pixels on screen are not touched: the clear is of the back buffer, which
  // the next frame clears anyway. Then give the freed heap back (malloc_trim). False (nothing done)
  // when VISITBOARD_FRAME_MEMORY=keep is set: for comparing memory and frames.
  bool release_frame_memory(unsigned background);
};

}  // namespace vb::platform
