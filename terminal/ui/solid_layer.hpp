#pragma once
// Filled shapes drawn under everything else in a draw list, all together, through
// FrameInput::solid_fill: on llvmpipe the font texture fetch is much of the cost of every filled
// pixel, and panels covering most of the screen need no texture (the platform's SolidFill). Only
// filled shapes go in the layer (no text, no outlines: ImGui draws those with the texture); they
// must not overlap anything drawn before them in the same draw list. Without a solid fill the same
// shapes are drawn in the same order by ImGui's own shader: the same pixels.
#include <imgui.h>

#include "ui/screen.hpp"

namespace vb::ui {

class SolidLayer {
 public:
  // Splits `dl` (the current window's draw list); drawing goes on top of the layer until fills().
  SolidLayer(ImDrawList* dl, const FrameInput& in);
  ~SolidLayer();  // ends the layer and merges it under the rest, if end() was not called
  SolidLayer(const SolidLayer&) = delete;
  SolidLayer& operator=(const SolidLayer&) = delete;

  ImDrawList* draw_list() const { return dl_; }
  void fills() { split_.SetCurrentChannel(dl_, 0); }  // what follows goes in the layer
  void rest() { split_.SetCurrentChannel(dl_, 1); }   // what follows goes on top of it
  void end();

 private:
  ImDrawList* dl_;
  ImDrawListSplitter split_;
  bool solid_;
  bool ended_ = false;
};

}  // namespace vb::ui
