// Rows in less memory, second step (issue 7, s8B): lists inside rows in 8 bytes (CompactVector), long
// texts shared by the rows that repeat them (PackedText copies share one block; compact_snapshot pools
// them), lookups without an index when the rows are in id order. Nothing read changes.
#include "core/model.hpp"
#include "core/snapshot.hpp"
#include "core/snapshot_compact.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace vb;

TEST_CASE("compact vector: reads and writes as the std::vector it replaces") {
  CompactVector<std::string> v;
  CHECK(v.empty());
  CHECK(v.size() == 0);
  CHECK(v.begin() == v.end());
  CHECK(v == CompactVector<std::string>{});
  CHECK(std::vector<std::string>(v).empty());
  const std::vector<std::string> words{"trained", "prescriber", "", "Zoë's long skill name, well past any inline limit"};
  for (const auto& w : words) v.push_back(w);
  REQUIRE(v.size() == words.size());
  for (std::size_t i = 0; i < words.size(); ++i) CHECK(v[i] == words[i]);
  CHECK(std::vector<std::string>(v) == words);
  CHECK(v == words);
  CHECK(v.front() == "trained");
  CHECK(v.back() == words.back());
  std::size_t n = 0;
  for (const std::string& w : v) CHECK(w == words[n++]);
  CHECK(n == words.size());

  const CompactVector<std::string> copy = v;
  CHECK(copy == v);
  CompactVector<std::string> moved = std::move(v);
  CHECK(moved == copy);
  CHECK(v.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty, as std::vector's is
  moved = {"one"};
  CHECK(moved.size() == 1);
  CHECK(moved[0] == "one");
  moved = words;
  CHECK(moved == copy);
  moved.clear();
  CHECK(moved.empty());
  CHECK(moved.capacity() == 0);
}

TEST_CASE("compact vector: grows, keeps its elements, and shrinks to exactly its size") {
  CompactVector<int> days;
  std::vector<int> expected;
  for (int i = 0; i < 1000; ++i) {
    days.push_back(i % 7 + 1);
    expected.push_back(i % 7 + 1);
  }
  CHECK(days == expected);
  CHECK(days.capacity() >= 1000);
  days.shrink_to_fit();
  CHECK(days.capacity() == 1000);
  CHECK(days == expected);
  // An element of the list itself pushed while the list grows.
  CompactVector<std::string> s{"a long text that lives on the heap, not in the string"};
  s.shrink_to_fit();
  s.push_back(s[0]);
  CHECK(s.size() == 2);
  CHECK(s[1] == s[0]);
}

TEST_CASE("compact vector: orders and compares as std::vector") {
  const CompactVector<int> a{1, 4}, b{1, 4}, c{1, 5}, d{1};
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a < c);
  CHECK(d < a);
  CHECK((std::vector<int>{1, 4} < std::vector<int>{1, 5}) == (a < c));
  const CompactVector<DayPart> parts{DayPart::morning, DayPart::evening};
  CHECK(parts.size() == 2);
  CHECK(parts[1] == DayPart::evening);
}

TEST_CASE("packed text: copies of a long text share one block and read the same text") {
  const std::string long_text = "Settled; continue daily visits — Zoë's carer agrees, review in a week";
  PackedText a(long_text);
  PackedText b = a;
  CHECK(b.shares_storage_with(a));
  CHECK(b == a);
  CHECK(b.view() == long_text);
  PackedText c(long_text);  // same text, made separately: equal, not shared
  CHECK(c == a);
  CHECK_FALSE(c.shares_storage_with(a));
  CHECK((c <=> a) == std::strong_ordering::equal);
  a.clear();  // the other copy still holds the text
  CHECK(b.view() == long_text);
  b = PackedText("something else, also long enough for the heap");
  c = b;
  b = c;  // assigning a copy of itself
  CHECK(b.view() == "something else, also long enough for the heap");
  CHECK_FALSE(PackedText("S07").shares_storage_with(PackedText("S07")));  // inline: nothing shared
  CHECK_FALSE(PackedText().shares_storage_with(PackedText()));
}

TEST_CASE("packed text: shared copies made and dropped on two threads stay intact") {
  const PackedText original("a rationale long enough to live on the heap, shared by many rows");
  std::vector<PackedText> left(1000, original), right;
  std::thread other([&] {
    for (int i = 0; i < 1000; ++i) right.push_back(original);
    right.clear();
  });
  left.clear();
  other.join();
  CHECK(original.view() == "a rationale long enough to live on the heap, shared by many rows");
}

namespace {
Snapshot rows_with_repeated_text() {
  Snapshot s;
  s.team.id = 1;
  for (Id i = 1; i <= 3; ++i) {
    Episode e;
    e.id = i;
    e.person_id = i;
    e.zone = "amber";
    e.closure_reason = std::string("transferred");
    e.closure_destination = std::string("voluntary sector");
    s.episodes.push_back(e);
    ContactPlan p;
    p.id = 10 + i;
    p.episode_id = i;
    ContactPhase ph;
    ph.id = 100 + i;
    ph.plan_id = p.id;
    ph.label = std::string("Alternate days");
    ph.focus = std::string("coping strategies and early warning signs");
    ph.windows = {DayPart::morning};
    p.phases.push_back(ph);
    s.plans.push_back(p);
    Review r;
    r.id = 20 + i;
    r.episode_id = i;
    r.rationale = std::string("Risk reduced; stepping down to alternate days with carer support");
    r.risk_domains.push_back("self_neglect");
    s.reviews.push_back(r);
    TransitionRecord t;
    t.id = 30 + i;
    t.episode_id = i;
    t.item = "receiving_service";
    t.detail = std::string("cmht north locality");
    s.transition_records.push_back(t);
  }
  s.reindex();
  return s;
}
}  // namespace

TEST_CASE("compaction: rows that repeat a long text share it, and every row reads the same text") {
  Snapshot s = rows_with_repeated_text();
  const Snapshot before = rows_with_repeated_text();
  CHECK_FALSE(s.reviews[0].rationale.shares_storage_with(s.reviews[1].rationale));
  compact_snapshot(s);
  CHECK(s.reviews[1].rationale.shares_storage_with(s.reviews[0].rationale));
  CHECK(s.reviews[2].rationale.shares_storage_with(s.reviews[0].rationale));
  CHECK(s.plans[2].phases[0].focus.shares_storage_with(s.plans[0].phases[0].focus));
  CHECK(s.plans[1].phases[0].label.shares_storage_with(s.plans[0].phases[0].label));
  CHECK(s.episodes[2].closure_destination.shares_storage_with(s.episodes[0].closure_destination));
  CHECK(s.transition_records[1].detail.shares_storage_with(s.transition_records[0].detail));
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(s.reviews[i].rationale == before.reviews[i].rationale);
    CHECK(s.reviews[i].risk_domains == before.reviews[i].risk_domains);
    CHECK(s.plans[i].phases[0].focus == before.plans[i].phases[0].focus);
    CHECK(s.plans[i].phases[0].label == before.plans[i].phases[0].label);
    CHECK(s.plans[i].phases[0].windows == before.plans[i].phases[0].windows);
    CHECK(s.episodes[i].closure_reason == before.episodes[i].closure_reason);
    CHECK(s.episodes[i].closure_destination == before.episodes[i].closure_destination);
    CHECK(s.episodes[i].zone == before.episodes[i].zone);
    CHECK(s.transition_records[i].detail == before.transition_records[i].detail);
  }
  // Changing one row's text leaves the others alone.
  s.reviews[0].rationale = "changed";
  CHECK(s.reviews[1].rationale == before.reviews[1].rationale);
}

TEST_CASE("compaction: a key person's versions keep no spare capacity, and read the same") {
  Snapshot s;
  KeyPerson k{1, 1, "Carer A", "mother", "", true};
  k.versions.reserve(8);
  k.versions.push_back(KeyPersonVersion{1, std::nullopt, {}, "Carer A", "mother", "", false});
  k.versions.push_back(KeyPersonVersion{2, std::nullopt, {}, "Carer A", "mother", "07700 900000", true});
  s.key_people.push_back(std::move(k));  // moved: the spare capacity goes with it
  REQUIRE(s.key_people[0].versions.capacity() == 8);
  s.reindex();
  CHECK(compact_snapshot(s) >= 6 * sizeof(KeyPersonVersion));
  REQUIRE(s.key_people[0].versions.size() == 2);
  CHECK(s.key_people[0].versions.capacity() == 2);
  CHECK(s.key_people[0].versions[1].contact == "07700 900000");
  CHECK(s.key_people[0].versions[1].consent_to_share);
}

TEST_CASE("compact copy: reads the same, holds each repeated text once, and shares no block with the original") {
  Snapshot original = rows_with_repeated_text();
  original.visits.reserve(64);  // spare capacity: the copy has none
  Visit v;
  v.id = 7;
  v.episode_id = 1;
  v.reason = std::string("moved at the person's request: hospital appointment");
  original.visits.push_back(v);
  v.id = 8;
  original.visits.push_back(v);
  original.reindex();
  const Snapshot before = rows_with_repeated_text();
  Snapshot copy;
  std::thread([&] { copy = compact_copy(original); }).join();  // as the kiosk's loader makes it
  CHECK(copy.visits.capacity() == copy.visits.size());
  REQUIRE(copy.visits.size() == 2);
  CHECK(copy.visits[1].reason.shares_storage_with(copy.visits[0].reason));
  CHECK_FALSE(copy.visits[0].reason.shares_storage_with(original.visits[0].reason));
  CHECK(copy.reviews[1].rationale.shares_storage_with(copy.reviews[0].rationale));
  CHECK(copy.reviews[2].rationale.shares_storage_with(copy.reviews[0].rationale));
  CHECK(copy.transition_records[2].detail.shares_storage_with(copy.transition_records[0].detail));
  CHECK(copy.episodes[1].closure_destination.shares_storage_with(copy.episodes[0].closure_destination));
  CHECK(copy.plans[2].phases[0].focus.shares_storage_with(copy.plans[0].phases[0].focus));
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK_FALSE(copy.reviews[i].rationale.shares_storage_with(original.reviews[i].rationale));
    CHECK_FALSE(copy.plans[i].phases[0].focus.shares_storage_with(original.plans[i].phases[0].focus));
    CHECK_FALSE(copy.plans[i].phases[0].label.shares_storage_with(original.plans[i].phases[0].label));
    CHECK_FALSE(copy.transition_records[i].detail.shares_storage_with(original.transition_records[i].detail));
  }
  original = Snapshot{};  // the original gone first (the loader drops it): the copy stands alone
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(copy.reviews[i].rationale == before.reviews[i].rationale);
    CHECK(copy.reviews[i].risk_domains == before.reviews[i].risk_domains);
    CHECK(copy.plans[i].phases[0].focus == before.plans[i].phases[0].focus);
    CHECK(copy.plans[i].phases[0].label == before.plans[i].phases[0].label);
    CHECK(copy.plans[i].phases[0].windows == before.plans[i].phases[0].windows);
    CHECK(copy.episodes[i].closure_reason == before.episodes[i].closure_reason);
    CHECK(copy.episodes[i].closure_destination == before.episodes[i].closure_destination);
    CHECK(copy.episodes[i].zone == before.episodes[i].zone);
    CHECK(copy.transition_records[i].item == before.transition_records[i].item);
    CHECK(copy.transition_records[i].detail == before.transition_records[i].detail);
    CHECK(copy.find_episode(before.episodes[i].id) == &copy.episodes[i]);  // its lookups find its own rows
  }
  CHECK(copy.visits[0].reason == "moved at the person's request: hospital appointment");
  CHECK(copy.find_visit(8) == &copy.visits[1]);
}

TEST_CASE("snapshot: lookups find the same rows whether or not the rows are in id order") {
  Snapshot sorted;
  Snapshot shuffled;
  const std::vector<Id> ids{5, 9, 12, 40, 41, 1000};
  for (Id id : ids) {
    Visit v;
    v.id = id;
    v.episode_id = id / 2;
    sorted.visits.push_back(v);
    Episode e;
    e.id = id;
    sorted.episodes.push_back(e);
    ContactPlan p;
    p.id = id;
    p.episode_id = id;
    sorted.plans.push_back(p);
  }
  shuffled.visits = {sorted.visits[3], sorted.visits[0], sorted.visits[5], sorted.visits[1], sorted.visits[4],
                     sorted.visits[2]};
  shuffled.episodes = {sorted.episodes[5], sorted.episodes[4], sorted.episodes[3], sorted.episodes[2],
                       sorted.episodes[1], sorted.episodes[0]};
  shuffled.plans = sorted.plans;
  std::swap(shuffled.plans[0], shuffled.plans[4]);
  sorted.reindex();
  shuffled.reindex();
  for (Id id : {Id{0}, Id{4}, Id{5}, Id{9}, Id{10}, Id{12}, Id{40}, Id{41}, Id{999}, Id{1000}, Id{1001}}) {
    const Visit* a = sorted.find_visit(id);
    const Visit* b = shuffled.find_visit(id);
    REQUIRE((a == nullptr) == (b == nullptr));
    if (a) CHECK(a->id == id);
    if (a) CHECK(b->id == id);
    const Episode* ea = sorted.find_episode(id);
    const Episode* eb = shuffled.find_episode(id);
    REQUIRE((ea == nullptr) == (eb == nullptr));
    if (ea) CHECK(eb->id == ea->id);
    const ContactPlan* pa = sorted.plan_for_episode(id);
    const ContactPlan* pb = shuffled.plan_for_episode(id);
    REQUIRE((pa == nullptr) == (pb == nullptr));
    if (pa) CHECK(pb->id == pa->id);
  }
}

TEST_CASE("snapshot: with two rows of one id, a lookup finds the later one, in id order or not") {
  Snapshot s;
  Visit a;
  a.id = 7;
  a.duration_min = 30;
  Visit b = a;
  b.duration_min = 45;
  s.visits = {a, b};
  s.reindex();
  REQUIRE(s.find_visit(7) != nullptr);
  CHECK(s.find_visit(7)->duration_min == 45);
  Visit c;
  c.id = 3;
  s.visits = {a, c, b};  // not in id order: the index of pairs
  s.reindex();
  CHECK(s.find_visit(7)->duration_min == 45);
  CHECK(s.find_visit(3) == &s.visits[1]);
}

TEST_CASE("rows: lists and repeated words no longer cost a std::vector or std::string each") {
  CHECK(sizeof(CompactVector<std::string>) == 8);
  CHECK(sizeof(ContactPhase) <= 72);   // was 168
  CHECK(sizeof(Episode) <= 96);        // was 184
  CHECK(sizeof(Visit) <= 120);         // was 136
  CHECK(sizeof(Review) <= 80);         // was 96
  CHECK(sizeof(Person) <= 120);        // was 168
}
