#include "ui/solid_layer.hpp"

namespace vb::ui {

SolidLayer::SolidLayer(ImDrawList* dl, const FrameInput& in) : dl_(dl), solid_(in.solid_fill != nullptr) {
  split_.Split(dl_, 2);
  fills();
  if (solid_) dl_->AddCallback(in.solid_fill, in.solid_fill_data);
  rest();
}

void SolidLayer::end() {
  if (ended_) return;
  ended_ = true;
  fills();
  if (solid_) dl_->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  split_.Merge(dl_);
}

SolidLayer::~SolidLayer() { end(); }

}  // namespace vb::ui
