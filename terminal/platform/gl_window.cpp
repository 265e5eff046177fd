// GLFW window creation and the ImGui backend lifecycle, in init order and reverse-order shutdown.
#include "platform/gl_window.hpp"
#include "platform/typed_text.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <malloc.h>

#include <stdexcept>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>

#include <string_view>
#endif

namespace vb::platform {

namespace {
std::string glfw_error() {
  const char* text = nullptr;
  glfwGetError(&text);
  return text ? text : "unknown GLFW error";
}

// Sanitizer builds only (VISITBOARD_SANITIZE=ON; nothing in a normal build). Mesa's driver keeps a heap
// for the process's life (two 56-byte blocks from u_mmInit for its executable-code memory, pointing
// at each other, the pointer in the driver's own globals). glfwTerminate closes the display and libGL
// unloads the driver before LeakSanitizer looks at exit, so the heap then has no owner and its
// allocation stack lies in a module that is gone: "Indirect leak of 56 byte(s)" twice with
// "(<unknown module>)", which no lsan.supp line can name. Pinning whatever *_dri.so is loaded
// keeps those globals (and the frames' names) for the check; any leak of ours is still reported.
// Seen without our code too (GLFW + ImGui's OpenGL3 backend, one frame): see tests/sanitizers/lsan.supp.
void keep_gl_driver_loaded_for_leak_check() {
#if defined(__SANITIZE_ADDRESS__)
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void*) {
        const std::string_view name = info->dlpi_name ? info->dlpi_name : "";
        if (name.ends_with("_dri.so")) dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
        return 0;
      },
      nullptr);
#endif
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
  keep_gl_driver_loaded_for_leak_check();
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
