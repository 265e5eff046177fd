#pragma once
// The screens of the terminal, their command-line names, and what one frame needs to draw them.
#include "core/commands.hpp"
#include "core/backup_status.hpp"
#include "core/day_board.hpp"
#include "core/night_view.hpp"
#include "core/plan_view.hpp"
#include "core/review_board.hpp"
#include "core/compliance.hpp"
#include "core/outcomes.hpp"
#include "ui/fonts.hpp"
#include "ui/hit_targets.hpp"
#include "ui/keyboard_layout.hpp"
#include "ui/ooh_proposal_view.hpp"
#include "core/ooh_gaps.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vb::ui {

enum class Screen { today, staff, reviews, admin, compliance, outcomes, lock, ooh, plans };

// nullopt for a screen that does not exist (yet): the command line refuses it with exit 2.
std::optional<Screen> parse_screen(std::string_view name);
std::string_view screen_name(Screen s);

// What a person is in the middle of doing; survives between frames.
struct UiState {
  Screen screen = Screen::today;
  bool privacy = false;  // initials and local id only
  // The visit sheet (record an outcome), open while visit_sheet is set.
  std::optional<Id> visit_sheet;
  std::optional<VisitStatus> chosen_status;
  int chosen_reason = -1;
  std::string other_reason;
  StaffId recorded_by;
  // One line at the top after a command: what was saved, or why it was not.
  std::string notice;
  bool notice_is_error = false;
  Instant notice_at{};  // a notice shows for notice_lifetime, then the banner goes
  static constexpr std::chrono::seconds notice_lifetime{90};
  // Senior-review sheets (reviews screen); at most one sheet is open at a time.
  std::optional<Id> record_for;  // episode whose review is being recorded
  StaffId review_reviewer;
  std::optional<RiskLevel> review_risk;
  std::vector<std::string> review_domains;
  std::string review_decision;
  int review_rationale = -1;
  std::string review_other;
  bool person_told = false;
  bool family_told = false;
  int next_review_days = 7;
  std::optional<Id> selected_episode;  // reviews screen: the due review a tapped slot will book
  std::optional<Id> book_for;  // episode being booked into book_reviewer's slot at book_slot
  StaffId book_reviewer;
  Instant book_slot{};
  std::optional<Id> ack_episode;  // escalation being acknowledged
  std::string ack_trigger;
  Instant ack_fired{};
  int ack_note = -1;
  std::string ack_other;
  StaffId acting;  // who last recorded something here; the default author of the next command
  bool backup_requested = false;  // admin screen: "Back up now" (an app action, not a data command)
  std::optional<Id> plan_episode;  // plans screen: the person shown large (tapped on the Today board)
  HitTargets targets;
  int rows_below = 0;  // rows scrolled out of sight below, for the "more below" hint
  // Compliance screen: the measure whose list is open ("" = none), and whether its definition shows.
  std::string compliance_measure;
  bool compliance_definition = false;
  // Sign-in (lock_screen.hpp). Locked: the wall view and a Sign in button, nothing can be changed.
  bool locked = false;
  bool lock_pad_open = false;  // the PIN pad over the blurred board
  StaffId signed_in;           // who is signed in: the author of every command from this screen
  StaffId pin_staff;           // chosen on the pad
  std::string pin_digits;      // typed so far; shown as dots only
  std::string lock_message;    // why the last try did not sign in (never which part was wrong)
  struct SignInRequest {
    StaffId staff;
    std::string pin;
  };
  std::optional<SignInRequest> sign_in_request;  // the app checks it with the store after the frame
  // Out of hours: the window shown (unset: the one planned now), the visit tapped and, for a
  // double-up, the first worker tapped; who is coordinating (the author of allocations).
  std::optional<LocalDate> ooh_date;
  std::optional<OohPart> ooh_part;
  std::optional<Id> ooh_visit;
  StaffId ooh_first;
  bool propose_requested = false;  // "Propose": the app runs the allocator for the shown window
  bool proposal_ignored = false;   // "Ignore": the proposal panel is hidden until the next one
  bool ooh_edit_rota = false;      // "Edit rota": add or remove shifts of the shown window
  // Plans screen actions (ui/plan_actions.hpp, issue 3): the panel open for plan_action_episode
  // ("step_down", "step_up", "reassess" or "" for none), and the choices made in it.
  std::string plan_action;
  std::optional<Id> plan_action_episode;
  int plan_reason = -1;  // index into the panel's reasons; the last index is "Other"
  std::string plan_other;
  std::optional<RiskLevel> plan_risk;
  // Admin screen (issue 7): the section shown ("" = Staff and access for a signed-in admin, else
  // Backups), whose access is open, and the Set PIN keypad (typed digits shown as dots only; the
  // first entry is kept until the second matches; both are wiped when the pad closes).
  std::string admin_section;
  StaffId access_staff;
  bool access_pin_pad = false;
  std::string access_pin_first;
  std::string access_pin_digits;
  std::string access_message;  // why the keypad did not set the PIN (never the PIN)
  // Plans screen: the "Bundle and closure" sheet (ui/closure_sheet.hpp), open while plan_action is
  // "closure": its section ("bundle", "carer", "close"), the bundle item chosen and its detail (index
  // into the item's list; the last is "Other"), the carer contact being logged, and the closure.
  std::string closure_section;
  std::string closure_item;
  int closure_detail = -1;
  std::string closure_other;
  std::optional<Id> carer_person;  // key person id
  std::string carer_outcome;
  std::vector<std::string> carer_shared;
  int close_reason = -1;
  int close_destination = -1;
  int close_override = -1;
  std::string close_reason_other;
  std::string close_override_other;
  bool close_confirming = false;  // the confirmation step (closing removes future planned visits)
  // The sheet's carer part, continued (session 6): the words for "Other" among what was shared (the
  // contact's note), and the "Add key person" form (ui/key_person_form.hpp): open, its fields, whether
  // the name box takes the keyboard this frame, and whether Save was pressed (problems shown by fields).
  std::string carer_other;
  bool key_person_open = false;
  bool key_person_focus = false;
  std::string key_person_name;
  int key_person_relationship = -1;  // index into key_person_relationships(); its size = Other
  std::string key_person_relationship_other;
  int key_person_consent = -1;  // -1: not answered yet, 0: no, 1: yes
  std::string key_person_phone;
  bool key_person_checked = false;
  // The sheet's "Care flags" section (ui/care_flags_section.hpp): the flag tapped, and the reason to
  // clear it (index into care_flag_clear_reasons(); its size = Other).
  std::string care_flag;
  int care_flag_reason = -1;
  std::string care_flag_other;
  // The plans screen's "Add visit" sheet (ui/add_visit_sheet.hpp, session 7), open while plan_action
  // is "add_visit": the choices made so far (-1: not chosen yet).
  int add_visit_day = -1;     // days after today (0 today, 1 tomorrow, ...)
  int add_visit_start = -1;   // local minutes since midnight
  int add_visit_length = 45;  // planned length, minutes
  int add_visit_window = 120; // minutes from the start within which the visit may happen
  VisitType add_visit_type = VisitType::home;
  bool add_visit_double = false;
  std::vector<std::string> add_visit_skills;
  int add_visit_note = -1;  // index into add_visit_notes(); its size = Other
  std::string add_visit_other;
  // The on-screen keyboard (ui/touch_keyboard.hpp, session 7), open over the field it types into.
  OnScreenKeyboard keyboard;
  // Editing or removing a key person (ui/key_person_edit.hpp, session 7): who (0 = none), and the
  // removal step: the reason (index into key_person_removal_reasons(); its size = Other), confirming.
  Id key_person_edit = 0;
  bool key_person_removing = false;
  int key_person_remove_reason = -1;
  std::string key_person_remove_other;
  bool key_person_remove_confirming = false;
  // The history of a key person's consent and details, open on the carer tab (session 9; 0 = none).
  Id key_person_history = 0;
};

// Everything a frame reads. All of it is prepared outside the frame: no I/O while drawing.
struct FrameInput {
  const Snapshot& snapshot;
  const DayBoard& board;
  const StaffDay& staff_day;
  const ReviewBoard& reviews;
  const BackupStatus& backups;
  Instant now{};
  Instant loaded_at{};         // when the snapshot was last read from the database
  std::string store_problem;   // non-empty: the database cannot be read right now
  const Fonts& fonts;
  // Compliance and outcome figures, derived with the boards (nullptr: not available in this build step).
  const ComplianceBoard* compliance = nullptr;
  const OutcomesBoard* outcomes = nullptr;
  // Blurs what is already drawn (an ImGui draw callback from the platform; null: dim only).
  ImDrawCallback privacy_blur = nullptr;
  void* privacy_blur_data = nullptr;
  // Switches a draw list's following commands to drawing filled shapes without the font texture,
  // until ImDrawCallback_ResetRenderState (platform SolidFill; null: ImGui draws them, same pixels).
  ImDrawCallback solid_fill = nullptr;
  void* solid_fill_data = nullptr;
  // Wall-screen care (core/night_view.hpp): night view, dimming, and where the picture sits this minute.
  bool night = false;
  bool dimmed = false;
  PixelShift shift{};
  const OohProposalView* ooh_proposal = nullptr;  // the allocator's proposal for the shown window, if any
  const std::vector<PlanView>* plans = nullptr;  // the plans screen (step-down, issue 3)
  // The out-of-hours board of the shown window (shown_ooh_window), derived between frames
  // (core/ooh_board_cache.hpp); null or another window's: the screen says it is being prepared.
  const OohBoard* ooh_board = nullptr;
  // The privacy blur already holds this opening's blurred picture (platform PrivacyBlur::ready): with
  // the PIN pad open the frame draws only the pad over it, not the board the picture covers.
  bool privacy_blur_ready = false;
  // The snapshot holds only the kiosk's first frame's rows; the whole working set is still loading
  // (app/working_set_loader.hpp): an unlocked screen says so instead of drawing its rows.
  bool still_loading = false;
};

// Draws one whole frame (between ImGui::NewFrame and ImGui::Render) and returns the command a
// person asked for, if any. Never mutates the snapshot.
std::optional<Command> draw_frame(const FrameInput& in, UiState& state);

}  // namespace vb::ui
