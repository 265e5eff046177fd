// GLFW window creation and the ImGui backend lifecycle, in init order and reverse-order shutdown.
#include "platform/gl_window.hpp"
#include "platform/typed_text.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>

#include <string_view>
#endif

namespace vb::platform {

namespace {
// The font atlas as a one-byte-a-texel GL texture (session 10, issue 7: the kiosk's fixed memory).
// ImGui's OpenGL3 backend uploads the atlas as RGBA (255, 255, 255, alpha): four bytes a texel, held
// by the GL driver for the life of the board (llvmpipe keeps textures in the process's heap: ~1.2 MiB
// for the kiosk's four faces). The same texels as one byte (GL_R8) read through the swizzle
// (1, 1, 1, red) sample to the same colours, in a quarter of the memory.
//
// Re-specifies the atlas's uploaded texture (atlas.TexID, made by the backend) as GL_R8 from the
// atlas's alpha pixels, same size and filtering, swizzled to (1, 1, 1, red). Call after the backend
// made the texture and before the atlas's CPU pixels are cleared; false (and nothing changed) when
// there are no alpha pixels or no texture, or when VISITBOARD_FONT_TEXTURE=rgba is set (the backend's
// RGBA texture is kept: for comparing frames).
bool narrow_font_texture(ImFontAtlas& atlas) {
  if (!atlas.TexID || !atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return false;
  if (const char* v = std::getenv("VISITBOARD_FONT_TEXTURE"); v && std::strcmp(v, "rgba") == 0) return false;
  while (glGetError() != GL_NO_ERROR) {  // earlier errors are not ours to report
  }
  const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas.TexID));
  GLint bound = 0, alignment = 4, row_length = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glGetIntegerv(GL_UNPACK_ROW_LENGTH, &row_length);
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  // Same name, new storage: the backend still owns (and later deletes) the texture; its filtering
  // parameters are the texture's and stay as the backend set them.
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE, atlas.TexPixelsAlpha8);
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  const bool narrowed = glGetError() == GL_NO_ERROR;
  if (!narrowed) {
    // A driver without R8 or the swizzle: back to the backend's RGBA texels, identity swizzle.
    const GLint identity[4] = {GL_RED, GL_GREEN, GL_BLUE, GL_ALPHA};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, identity);
    if (atlas.TexPixelsRGBA32)
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, atlas.TexWidth, atlas.TexHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, atlas.TexPixelsRGBA32);
    while (glGetError() != GL_NO_ERROR) {
    }
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, row_length);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
  return narrowed;
}

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
    // One byte a texel instead of four (see above); said once if the driver refuses it.
    if (!narrow_font_texture(*atlas) && atlas->TexPixelsAlpha8 && !std::getenv("VISITBOARD_FONT_TEXTURE"))
      std::fprintf(stderr, "visitboard: the font texture stays RGBA (the GL driver refused GL_R8 with a swizzle)\n");
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

bool ImGuiBinding::release_frame_memory(unsigned background) {
  if (const char* v = std::getenv("VISITBOARD_FRAME_MEMORY"); v && std::strcmp(v, "keep") == 0) return false;
  // The swap has waited for the frame's rasterisation; glFinish makes sure of it, so the driver
  // sees the scene as done and ends it (freeing its blocks) when the clear asks for a scene. The
  // clear itself is only recorded: it is carried out with the next frame's own clear.
  glFinish();
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(c.x, c.y, c.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  // The blocks lay in the main heap between blocks still in use: only a trim returns their pages.
  malloc_trim(0);
  return true;
}

}  // namespace vb::platform
