#pragma once
// When the kiosk draws. A frame on llvmpipe costs ~40 ms of CPU, so an idle board draws only at
// minute boundaries (the clock and "updated" text change) and when the data changed; input buys
// a few frames for ImGui's feedback and fades. Also decides when the wall falls back to initials.
// Pure: every method takes the time it is asked about.
#include <chrono>

namespace vb::app {

class RedrawSchedule {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int frames_after_input = 8;
  static constexpr std::chrono::seconds privacy_after_idle{120};

  explicit RedrawSchedule(Clock::time_point start) : last_input_(start) { frames_ = 2; }

  void input(Clock::time_point at) {
    frames_ = frames_after_input;
    last_input_ = at;
  }
  void data_changed() { frames_ = std::max(frames_, 1); }
  // Called with the wall-clock minute each time the loop wakes; a new minute needs one frame.
  void minute(long minute_since_epoch) {
    if (minute_since_epoch != minute_) {
      if (minute_ != -1) frames_ = std::max(frames_, 1);
      minute_ = minute_since_epoch;
    }
  }
  // True when a frame should be drawn now (and counts it).
  bool take_frame() {
    if (frames_ <= 0) return false;
    --frames_;
    return true;
  }
  bool busy() const { return frames_ > 0; }
  // True once, when nobody has touched the screen for privacy_after_idle.
  bool privacy_due(Clock::time_point now) {
    if (privacy_done_ || now - last_input_ < privacy_after_idle) return false;
    privacy_done_ = true;
    frames_ = std::max(frames_, 1);
    return true;
  }
  void names_shown() { privacy_done_ = false; }

 private:
  int frames_ = 0;
  long minute_ = -1;
  Clock::time_point last_input_;
  bool privacy_done_ = false;
};

}  // namespace vb::app
