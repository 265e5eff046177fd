#pragma once
// A team id in 3 bytes instead of 8 (session 10, issue 7: a shift row is 40 bytes, not 48, at ~30k shifts
// in a trust's working set). Team ids are the team table's small row ids: 0 .. max_packed_team_id.
// Reads as an Id (converts implicitly) and is set from one; a larger or negative id is refused
// (std::out_of_range), never cut.
#include <array>
#include <cstdint>
#include <stdexcept>

namespace vb {

inline constexpr std::int64_t max_packed_team_id = (std::int64_t{1} << 24) - 1;

class PackedTeamId {
 public:
  constexpr PackedTeamId() noexcept = default;
  constexpr PackedTeamId(std::int64_t id) : b_(pack(id)) {}  // NOLINT(google-explicit-constructor)
  constexpr operator std::int64_t() const noexcept {           // NOLINT(google-explicit-constructor)
    return std::int64_t{b_[0]} | (std::int64_t{b_[1]} << 8) | (std::int64_t{b_[2]} << 16);
  }
  constexpr std::int64_t value() const noexcept { return *this; }

 private:
  static constexpr std::array<std::uint8_t, 3> pack(std::int64_t id) {
    if (id < 0 || id > max_packed_team_id) throw std::out_of_range("team id out of range for a shift row");
    return {static_cast<std::uint8_t>(id), static_cast<std::uint8_t>(id >> 8), static_cast<std::uint8_t>(id >> 16)};
  }
  std::array<std::uint8_t, 3> b_{};
};

}  // namespace vb
