// GLFW window creation and the ImGui backend lifecycle, in init order and reverse-order shutdown.
#include "platform/gl_window.hpp"
#include "platform/typed_text.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <malloc.h>

#include <stdexcept>

namespace vb::platform {

namespace {
std::string glfw_error() {
  const char* text = nullptr;
  glfwGetError(&text);
  return text ? text : "unknown GLFW error";
}
}  // namespace

GlWindow::GlWindow(const WindowOptions& o) {
  if (!glfwInit()) throw std::runtime_error("cannot open a window: " + glfw_error() + " (is there a display? try xvfb-run)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_VISIBLE, o.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
  int w = o.width, h = o.height;
  if (!o.windowed && o.visible) {
    // Windowed-fullscreen on the primary monitor: no mode switch, survives focus changes.
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
      const GLFWvidmode* mode = glfwGetVideoMode(monitor);
      w = mode->width;
      h = mode->height;
      glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    }
  }
  window_ = glfwCreateWindow(w, h, o.title.c_str(), nullptr, nullptr);
  if (!window_) {
    std::string why = glfw_error();
    glfwTerminate();
    throw std::runtime_error("cannot create an OpenGL 3.0 window: " + why);
  }
  if (!o.windowed && o.visible) glfwSetWindowPos(window_, 0, 0);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
}

GlWindow::~GlWindow() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void GlWindow::framebuffer_size(int& w, int& h) const { glfwGetFramebufferSize(window_, &w, &h); }

ImGuiBinding::ImGuiBinding(GLFWwindow* window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // never write imgui.ini into the working directory
  // The kiosk draws only a few frames after input: a blinking caret could stop while hidden, leaving no
  // sign of where typed text goes. A steady caret always shows.
  ImGui::GetIO().ConfigInputTextCursorBlink = false;
  ImGui::GetIO().LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  clean_clipboard_text(ImGui::GetIO());  // no control characters pasted into a field (typed_text.hpp)
  ImGui_ImplOpenGL3_Init("#version 130");
}

ImGuiBinding::~ImGuiBinding() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiBinding::new_frame() {
  ImGui_ImplOpenGL3_NewFrame();  // uploads the font atlas on the first frame and after a rebuild
  ImGui_ImplGlfw_NewFrame();
  drop_hidden_controls(ImGui::GetIO().InputQueueCharacters);  // typed: see typed_text.hpp
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->TexID && (atlas->TexPixelsAlpha8 || atlas->TexPixelsRGBA32)) {
    // The texture holds the atlas now; the CPU copies (alpha + RGBA) are not needed again
    // (a rebuild after a resize makes them anew). The first frame also follows the load of the
    // snapshot and the first derive: give their freed heap back to the system.
    atlas->ClearTexData();
    // The font files' bytes (~2 MiB: four faces, each with the icon font merged) are only read to
    // build the atlas; load_fonts reads them again for a rebuild.
    atlas->ClearInputData();
    malloc_trim(0);
  }
}

void ImGuiBinding::rebuild_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiBinding::render(unsigned background) {
  ImGui::Render();
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(c.x, c.y, c.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace vb::platform
