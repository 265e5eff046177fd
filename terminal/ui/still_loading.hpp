#pragma once
// The body of an unlocked screen while the kiosk's whole working set is still loading (app/
// working_set_loader.hpp): it says so plainly and shows no rows, so nothing partial passes for
// the whole picture. Only the locked Today is drawn from the first frame's rows.
#include "ui/screen.hpp"

namespace vb::ui {

void draw_still_loading(const FrameInput& in, float body_h);

}  // namespace vb::ui
