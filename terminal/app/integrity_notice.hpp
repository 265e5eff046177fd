#pragma once
// The kiosk's integrity check, started after its first frame: while it runs the board shows what
// it read; when it finds the file damaged, the board's "Cannot read the database" line says so in
// words and keeps saying it (a damaged file stays damaged until it is restored).
#include "store/integrity_check.hpp"

#include <memory>
#include <optional>
#include <string>

namespace vb::app {

class IntegrityNotice {
 public:
  // Starts store::BackgroundIntegrityCheck on `path` (its own read-only connection and thread).
  void start(const std::string& path) { check_ = std::make_unique<store::BackgroundIntegrityCheck>(path); }
  // Call once a loop: true when the check has just found a problem (the board must redraw).
  bool poll() {
    if (!check_ || !check_->finished()) return false;
    auto found = check_->problem();
    check_.reset();
    if (!found) return false;
    problem_ = *found;
    return true;
  }
  // Blocks until the check has finished, then polls (tests and one-shot use).
  bool wait() {
    if (check_) check_->wait();
    return poll();
  }
  bool running() const { return check_ != nullptr; }
  // What the board's problem line shows: the damaged file first, else the last read's problem.
  std::string shown(const std::string& read_problem) const { return problem_.empty() ? read_problem : problem_; }

 private:
  std::unique_ptr<store::BackgroundIntegrityCheck> check_;
  std::string problem_;
};

}  // namespace vb::app
