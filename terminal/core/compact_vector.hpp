#pragma once
// A vector in 8 bytes instead of std::vector's 24 (issue 7, memory at trust scale): for lists inside
// rows that are nearly always empty or short (a visit's required skills, a review's risk domains, a
// phase's weekdays and day parts). Empty holds no memory; else one heap block: size, capacity, elements.
// Reads and writes like std::vector<T> for what rows use (iteration, [], size, empty, push_back,
// ==, <=>, assignment from a braced list) and converts both ways with std::vector<T>.
#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace vb {

template <typename T>
class CompactVector {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using iterator = T*;
  using const_iterator = const T*;
  using reference = T&;
  using const_reference = const T&;

  CompactVector() noexcept = default;
  CompactVector(std::initializer_list<T> items) { assign(items.begin(), items.end()); }
  CompactVector(const std::vector<T>& items) { assign(items.begin(), items.end()); }  // NOLINT
  CompactVector(const CompactVector& other) { assign(other.begin(), other.end()); }
  CompactVector(CompactVector&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  CompactVector& operator=(const CompactVector& other) {
    if (this != &other) {
      CompactVector copy(other);
      swap(copy);
    }
    return *this;
  }
  CompactVector& operator=(CompactVector&& other) noexcept {
    if (this != &other) {
      CompactVector gone(std::move(*this));
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items) { return *this = CompactVector(items); }
  CompactVector& operator=(const std::vector<T>& items) { return *this = CompactVector(items); }
  ~CompactVector() { destroy(); }

  operator std::vector<T>() const { return std::vector<T>(begin(), end()); }  // NOLINT
  std::vector<T> to_vector() const { return std::vector<T>(begin(), end()); }

  size_type size() const noexcept { return block_ ? block_->size : 0; }
  size_type capacity() const noexcept { return block_ ? block_->capacity : 0; }
  bool empty() const noexcept { return size() == 0; }
  T* data() noexcept { return block_ ? elements(block_) : nullptr; }
  const T* data() const noexcept { return block_ ? elements(block_) : nullptr; }
  T* begin() noexcept { return data(); }
  T* end() noexcept { return data() + size(); }
  const T* begin() const noexcept { return data(); }
  const T* end() const noexcept { return data() + size(); }
  const T* cbegin() const noexcept { return begin(); }
  const T* cend() const noexcept { return end(); }
  T& operator[](size_type i) noexcept { return data()[i]; }
  const T& operator[](size_type i) const noexcept { return data()[i]; }
  T& front() noexcept { return data()[0]; }
  const T& front() const noexcept { return data()[0]; }
  T& back() noexcept { return data()[size() - 1]; }
  const T& back() const noexcept { return data()[size() - 1]; }

  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size() == capacity()) {
      // Build the new element first: args may refer to an element of this vector.
      T item(std::forward<Args>(args)...);
      grow(std::max<size_type>(1, size() * 2));
      T* slot = ::new (static_cast<void*>(data() + size())) T(std::move(item));
      ++block_->size;
      return *slot;
    }
    T* slot = ::new (static_cast<void*>(data() + size())) T(std::forward<Args>(args)...);
    ++block_->size;
    return *slot;
  }
  void reserve(size_type n) {
    if (n > capacity()) grow(n);
  }
  // Exactly as many elements as held (none: no block).
  void shrink_to_fit() {
    if (capacity() != size()) {
      CompactVector copy(std::move(*this));
      assign(std::make_move_iterator(copy.begin()), std::make_move_iterator(copy.end()));
    }
  }
  void clear() noexcept { destroy(); }
  void swap(CompactVector& other) noexcept { std::swap(block_, other.block_); }

  friend bool operator==(const CompactVector& a, const CompactVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const CompactVector& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend auto operator<=>(const CompactVector& a, const CompactVector& b) {
    return std::lexicographical_compare_three_way(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  struct Block {
    std::uint32_t size;
    std::uint32_t capacity;
  };
  static constexpr std::size_t header = (sizeof(Block) + alignof(T) - 1) / alignof(T) * alignof(T);
  static_assert(alignof(T) <= alignof(std::max_align_t), "over-aligned elements are not supported");
  static_assert(std::is_nothrow_move_constructible_v<T>, "growing moves the elements");
  static T* elements(Block* b) noexcept { return reinterpret_cast<T*>(reinterpret_cast<char*>(b) + header); }
  static const T* elements(const Block* b) noexcept {
    return reinterpret_cast<const T*>(reinterpret_cast<const char*>(b) + header);
  }

  template <typename It>
  void assign(It first, It last) {
    const auto n = static_cast<size_type>(std::distance(first, last));
    destroy();
    if (n == 0) return;
    grow(n);
    for (; first != last; ++first) {
      ::new (static_cast<void*>(data() + size())) T(*first);
      ++block_->size;
    }
  }
  // A block of `n` places holding the current elements (moved).
  void grow(size_type n) {
    if (n > UINT32_MAX) throw std::length_error("CompactVector too long");
    auto* b = static_cast<Block*>(::operator new(header + n * sizeof(T)));
    b->size = 0;
    b->capacity = static_cast<std::uint32_t>(n);
    if (block_) {
      T* from = elements(block_);
      for (std::uint32_t i = 0; i < block_->size; ++i) {
        ::new (static_cast<void*>(elements(b) + i)) T(std::move_if_noexcept(from[i]));
        ++b->size;
      }
      destroy();
    }
    block_ = b;
  }
  void destroy() noexcept {
    if (!block_) return;
    std::destroy_n(elements(block_), block_->size);
    ::operator delete(block_);
    block_ = nullptr;
  }

  Block* block_ = nullptr;
};

}  // namespace vb
