// PackedText: inline, known word or heap copy (see the header).
#include "core/packed_text.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <new>
#include <ostream>
#include <stdexcept>

namespace vb {

namespace {

// Words of the domain longer than 7 characters that rows repeat: transition items and care flags
// (core/transition_bundle.cpp), review decisions and risk domains (core/commands.cpp), the reason of a
// closure's follow-up visit. A word missing here is still kept exactly, as a heap copy.
constexpr auto sorted_words() {
  std::array<std::string_view, 20> w{"follow-up after closure", "risk_reassessed",   "safety_plan_updated",      "escalation_routes_shared",
                                     "co_produced_plan",  "receiving_service",        "handover_summary_sent",
                                     "joint_meeting",     "fluctuating_presentation", "substance_misuse",
                                     "lives_alone",       "ward_discharge_14d",       "continue",
                                     "step_down",         "hand_over",                "self_harm_suicide",
                                     "self_neglect",      "exploitation",             "harm_to_others",
                                     "safeguarding"};
  std::sort(w.begin(), w.end());
  return w;
}
constexpr std::array<std::string_view, 20> known_words = sorted_words();

const std::string_view* find_word(std::string_view text) {
  const auto it = std::lower_bound(known_words.begin(), known_words.end(), text);
  return it != known_words.end() && *it == text ? &*it : nullptr;
}

// Shared by copies (issue 7: a text repeated by many rows, e.g. pooled by compact_snapshot, is held once):
// a reference count, atomic because a snapshot's rows may be copied and dropped on different threads.
struct HeapBlock {
  std::uint32_t size;
  std::atomic<std::uint32_t> refs;
  // the characters and a NUL follow
  char* chars() { return reinterpret_cast<char*>(this + 1); }
};

constexpr std::uint64_t inline_max = 7;
constexpr std::uint64_t tag_mask = 3, tag_word = 2;

}  // namespace

PackedText::PackedText(std::string_view text) {
  if (text.empty()) return;
  if (text.size() <= inline_max) {
    unsigned char bytes[8]{};
    bytes[0] = static_cast<unsigned char>((text.size() << 1) | 1u);
    std::memcpy(bytes + 1, text.data(), text.size());
    std::memcpy(&word_, bytes, sizeof word_);
    return;
  }
  if (const std::string_view* w = find_word(text)) {
    word_ = reinterpret_cast<std::uintptr_t>(w) | tag_word;
    return;
  }
  if (text.size() > UINT32_MAX) throw std::length_error("text too long for PackedText");
  auto* block = static_cast<HeapBlock*>(::operator new(sizeof(HeapBlock) + text.size() + 1));
  block->size = static_cast<std::uint32_t>(text.size());
  new (&block->refs) std::atomic<std::uint32_t>(1);
  std::memcpy(block->chars(), text.data(), text.size());
  block->chars()[text.size()] = '\0';
  word_ = reinterpret_cast<std::uintptr_t>(block);
}

PackedText::PackedText(const PackedText& other) : word_(other.word_) {
  // 2^32 copies of one text (32 GiB of rows) cannot exist, so the count does not overflow.
  if (on_heap()) reinterpret_cast<HeapBlock*>(word_)->refs.fetch_add(1, std::memory_order_relaxed);
}

PackedText& PackedText::operator=(const PackedText& other) {
  if (this != &other) *this = PackedText(other);
  return *this;
}

PackedText& PackedText::operator=(PackedText&& other) noexcept {
  if (this != &other) {
    release();
    word_ = other.word_;
    other.word_ = 0;
  }
  return *this;
}

void PackedText::release() noexcept {
  if (!on_heap()) return;
  auto* block = reinterpret_cast<HeapBlock*>(word_);
  if (block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    block->refs.~atomic();
    ::operator delete(block);
  }
}

bool PackedText::shares_storage_with(const PackedText& other) const noexcept {
  return on_heap() && word_ == other.word_;
}

std::string_view PackedText::view() const noexcept {
  if (word_ == 0) return std::string_view("", 0);  // not {}: a null data() would bind as SQL NULL
  if (word_ & 1u) return {reinterpret_cast<const char*>(&word_) + 1, static_cast<std::size_t>((word_ & 0xffu) >> 1)};
  if ((word_ & tag_mask) == tag_word) return *reinterpret_cast<const std::string_view*>(word_ & ~tag_mask);
  auto* block = reinterpret_cast<HeapBlock*>(word_);
  return {block->chars(), block->size};
}

std::ostream& operator<<(std::ostream& os, const PackedText& t) { return os << t.view(); }

}  // namespace vb
