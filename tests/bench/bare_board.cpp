// bare_board: the yardstick of /work/shared/performance.md. A minimal ImGui 1.86 + GLFW + OpenGL3
// program drawing a 30-row visit table with status chips and a clock, with none of visitboard's
// code, so idle_bench can compare the kiosk with it on the same machine in the same run.
//
// Usage: bare_board [--redraw continuous|second|minute] [--size WxH] [--font FILE --em PX] [--frames N]
//   continuous: draw as fast as the swap allows; second / minute: sleep in glfwWaitEventsTimeout
//   until the next wall-clock second / minute (or input), like a kiosk. Without --font it uses
//   ImGui's built-in font scaled to --em (default 26 px). Prints "first frame on screen after N ms"
//   (from main) once the first frame is swapped, and sends READY=1 to $NOTIFY_SOCKET if set.
//   --frames N (frame_bench): after 10 warm-up frames draw N frames back to back, print one
//   "frame-figures" line (CPU of the whole process per frame, all threads: build + render + swap)
//   and exit.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "frame_figures.hpp"

namespace {

void notify_ready() {
  const char* path = std::getenv("NOTIFY_SOCKET");
  if (!path || !*path) return;
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';
  const char msg[] = "READY=1";
  sendto(fd, msg, sizeof msg - 1, 0, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  close(fd);
}

struct Row {
  const char* time;
  const char* who;
  const char* worker;
  const char* status;
  ImU32 colour;
};

const Row kinds[] = {
    {"08:30", "A.B. HT-1042", "Sam P.", "Done", IM_COL32(46, 125, 50, 255)},
    {"09:15", "C.D. HT-1107", "Alex R.", "Due", IM_COL32(21, 101, 192, 255)},
    {"10:00", "E.F. HT-1213", "Jo K.", "Late", IM_COL32(198, 40, 40, 255)},
    {"10:45", "G.H. HT-1330", "Priya S.", "Not seen", IM_COL32(239, 108, 0, 255)},
    {"11:30", "I.J. HT-1451", "Unallocated", "Needs worker", IM_COL32(106, 27, 154, 255)},
};

void chip(const char* text, ImU32 colour, float em) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 pad(em * 0.5f, em * 0.15f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x + 2 * pad.x, pos.y + size.y + 2 * pad.y), colour, em * 0.4f);
  dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), IM_COL32_WHITE, text);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void draw_board(float em) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("board", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  std::time_t t = std::time(nullptr);
  char clock[32];
  std::strftime(clock, sizeof clock, "Today  %H:%M", std::localtime(&t));
  ImGui::TextUnformatted(clock);
  ImGui::Separator();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("visits", 5, flags)) {
    ImGui::TableSetupColumn("Time", 0, 1.0f);
    ImGui::TableSetupColumn("Person", 0, 3.0f);
    ImGui::TableSetupColumn("Worker", 0, 2.5f);
    ImGui::TableSetupColumn("Status", 0, 2.5f);
    ImGui::TableSetupColumn("Risk", 0, 1.5f);
    ImGui::TableHeadersRow();
    for (int i = 0; i < 30; ++i) {
      const Row& r = kinds[i % 5];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.time);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.who);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.worker);
      ImGui::TableNextColumn();
      chip(r.status, r.colour, em);
      ImGui::TableNextColumn();
      if (i % 3 == 0) chip("High risk", IM_COL32(183, 28, 28, 255), em);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

bool parse_size(const char* text, int& w, int& h) { return std::sscanf(text, "%dx%d", &w, &h) == 2 && w > 0 && h > 0; }

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  std::string redraw = "minute";
  int width = 1920, height = 1080;
  const char* font = nullptr;
  float em = 26.0f;
  int frames = 0;  // --frames N: the frame benchmark
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--redraw") == 0 && has_value) redraw = argv[++i];
    else if (std::strcmp(argv[i], "--size") == 0 && has_value && parse_size(argv[i + 1], width, height)) ++i;
    else if (std::strcmp(argv[i], "--font") == 0 && has_value) font = argv[++i];
    else if (std::strcmp(argv[i], "--em") == 0 && has_value) em = std::strtof(argv[++i], nullptr);
    else if (std::strcmp(argv[i], "--frames") == 0 && has_value) frames = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "usage: bare_board [--redraw continuous|second|minute] [--size WxH] [--font FILE --em PX] [--frames N]\n");
      return 2;
    }
  }
  if (redraw != "continuous" && redraw != "second" && redraw != "minute") {
    std::fprintf(stderr, "bare_board: --redraw must be continuous, second or minute\n");
    return 2;
  }
  if (!glfwInit()) {
    std::fprintf(stderr, "bare_board: no display (try xvfb-run)\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(width, height, "bare board", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "bare_board: cannot create an OpenGL 3.0 window\n");
    return 1;
  }
  glfwSetWindowPos(window, 0, 0);
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  if (font) {
    if (!io.Fonts->AddFontFromFileTTF(font, em)) {
      std::fprintf(stderr, "bare_board: cannot load %s\n", font);
      return 1;
    }
  } else {
    ImFontConfig cfg;
    cfg.SizePixels = std::round(em);
    io.Fonts->AddFontDefault(&cfg);
  }
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(em / 13.0f);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  bool first = true;
  vb::bench::FrameClock frame_clock(frames);
  if (frames > 0) redraw = "continuous";
  while (!glfwWindowShouldClose(window)) {  // SIGTERM ends it (default action)
    if (frames > 0) frame_clock.start();
    if (redraw == "continuous") {
      glfwPollEvents();
    } else {
      // Sleep until the next wall-clock second or minute (input wakes it earlier).
      const double period = redraw == "second" ? 1.0 : 60.0;
      const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
      const double s = std::chrono::duration<double>(since_epoch).count();
      const double wait = period - std::fmod(s, period) + 0.002;  // just after the boundary
      if (!first) glfwWaitEventsTimeout(wait);
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    draw_board(em);
    if (frames > 0) frame_clock.built();
    ImGui::Render();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    glClearColor(0.96f, 0.96f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (frames > 0 && frame_clock.stop()) {
      frame_clock.print("bare");
      break;
    }
    if (first) {
      first = false;
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      std::printf("bare_board: first frame on screen after %.1f ms (%s redraw, %dx%d)\n", ms, redraw.c_str(), width, height);
      std::fflush(stdout);
      notify_ready();
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
