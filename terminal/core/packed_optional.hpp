#pragma once
// An optional instant or id in 8 bytes instead of std::optional's 16 (issue 7, memory at trust scale):
// "absent" is the one value no row can hold (the earliest representable instant, INT64_MIN as an id).
// Reads and writes like std::optional<T> (has_value, *, ->, value_or, reset, = nullopt, = T,
// comparisons) and converts to and from std::optional<T>.
#include <compare>
#include <limits>
#include <optional>

namespace vb {

template <typename T>
struct absent_value {
  static constexpr T get() { return T::min(); }  // Instant: time_point::min()
};
template <>
struct absent_value<short> {  // Visit::plan_slot (session 10)
  static constexpr short get() { return std::numeric_limits<short>::min(); }
};
template <>
struct absent_value<long> {
  static constexpr long get() { return std::numeric_limits<long>::min(); }
};
template <>
struct absent_value<long long> {
  static constexpr long long get() { return std::numeric_limits<long long>::min(); }
};

template <typename T>
class PackedOptional {
 public:
  constexpr PackedOptional() noexcept = default;
  constexpr PackedOptional(std::nullopt_t) noexcept {}  // NOLINT(google-explicit-constructor)
  constexpr PackedOptional(const T& v) noexcept : v_(v) {}  // NOLINT(google-explicit-constructor)
  constexpr PackedOptional(const std::optional<T>& o) noexcept  // NOLINT(google-explicit-constructor)
      : v_(o ? *o : absent_value<T>::get()) {}
  constexpr operator std::optional<T>() const {  // NOLINT(google-explicit-constructor)
    return has_value() ? std::optional<T>(v_) : std::nullopt;
  }

  constexpr bool has_value() const noexcept { return v_ != absent_value<T>::get(); }
  constexpr explicit operator bool() const noexcept { return has_value(); }
  constexpr const T& operator*() const noexcept { return v_; }
  constexpr T& operator*() noexcept { return v_; }
  constexpr const T* operator->() const noexcept { return &v_; }
  constexpr const T& value() const {
    if (!has_value()) throw std::bad_optional_access();
    return v_;
  }
  constexpr T value_or(const T& other) const noexcept { return has_value() ? v_ : other; }
  constexpr void reset() noexcept { v_ = absent_value<T>::get(); }
  constexpr T& emplace(const T& v) noexcept { return v_ = v; }

  // As std::optional: absent equals absent and is less than any value.
  friend constexpr bool operator==(const PackedOptional& a, const PackedOptional& b) noexcept { return a.v_ == b.v_; }
  friend constexpr bool operator==(const PackedOptional& a, std::nullopt_t) noexcept { return !a.has_value(); }
  friend constexpr bool operator==(const PackedOptional& a, const T& b) noexcept { return a.has_value() && a.v_ == b; }
  friend constexpr bool operator==(const PackedOptional& a, const std::optional<T>& b) noexcept {
    return std::optional<T>(a) == b;
  }
  friend constexpr auto operator<=>(const PackedOptional& a, const PackedOptional& b) noexcept {
    return std::optional<T>(a) <=> std::optional<T>(b);
  }
  friend constexpr auto operator<=>(const PackedOptional& a, const T& b) noexcept { return std::optional<T>(a) <=> b; }

 private:
  T v_ = absent_value<T>::get();
};

}  // namespace vb
