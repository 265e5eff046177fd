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
};

}  // namespace vb::platform
