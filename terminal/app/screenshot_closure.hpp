#pragma once
// The screenshot command's extra Bundle and closure sheet states (session 6): the Add key person
// form, a carer contact with "Other" shared, the Care flags section and a flag chosen to clear.
#include "core/snapshot.hpp"
#include "ui/screen.hpp"

#include <string>

namespace vb::app {

// `section` is key-person, carer-other, flags or flags-clear; sets state.closure_section to the tab.
void screenshot_closure_extra(const Snapshot& s, const std::string& section, ui::UiState& state);

}  // namespace vb::app
