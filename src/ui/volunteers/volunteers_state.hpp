#pragma once
// What the volunteers screens show or edit between frames: the staff desk's views, and
// volunteer mode (a volunteer's phone opened from a sign-up link).
#include <cstdint>
#include <string>
#include <vector>

#include "app/pending_write.hpp"
#include "app/volunteers/shifts_service.hpp"
#include "core/volunteers/volunteer.hpp"
#include "ui/kit/qr_view.hpp"

namespace linli {

enum class VolunteersView {
    Home,
    PostForm,
    Post,
    Shift,
    Share,
    Import,
    CheckInCode,
    People,
    Hours
};

// The volunteer being added or edited.
struct VolunteerForm {
    bool open = false;
    Volunteer volunteer;   // id empty when adding
    std::string test_date; // as typed, "2026-12-01"
    std::vector<VolunteerProblem> problems;
    bool test_date_bad = false;
    bool more = false; // the details (category, skills, test, note) shown
    bool confirm_delete = false;
    std::string error; // why the last save was refused
    // The write of the last save: the form stays (with what was typed) until it is
    // durable, so a failed write loses nothing.
    PendingWrite saving;
};

// The new-post form (numbers as typed until saved).
struct PostForm {
    PostDraft draft;
    std::string max_people = "2";
    std::string min_people = "1";
    std::string days = "7";
    std::string test_days = "0";
    bool three_shifts = true;
    std::vector<ShiftProblem> problems;
    PendingWrite saving;
    int shifts_made = 0;
};

struct ShareState {
    std::vector<std::string> posts; // chosen posts (empty: all)
    int days = 7;
    bool copied = false;
    ui::QrPicture qr;
};

struct ReplyImportState {
    std::string code;
    std::string status; // what the import did, or why it was refused
    bool failed = false;
    std::string confirmation; // the code to send back
    bool copied = false;
    PendingWrite saving;
    ui::QrPicture qr;
};

// A shift being looked at: who is on it, and placing someone by hand.
struct ShiftViewState {
    std::string shift_id;
    std::string search;
    std::string warn_volunteer; // warnings shown for this one, "place anyway" offered
    std::vector<ShiftProblem> warnings;
    std::string message;
    std::string confirmation;   // a code made for someone on this shift
    std::string confirm_remove; // the sign-up whose remove waits for a second tap
    bool copied = false;
    ui::QrPicture qr;
};

// The volunteer's phone.
struct VolunteerModeState {
    bool active = false;
    std::string link_error;
    // Signing up: the shift chosen, the name and phone typed the first time.
    std::string post_key;
    int64_t start_ms = 0;
    std::string name;
    std::string phone;
    std::vector<VolunteerProblem> problems;
    std::string problem;     // a refusal of the service (an unknown shift)
    std::string shown_reply; // the my_signup whose reply code is shown
    PendingWrite saving;
    bool entering_confirmation = false;
    std::string confirmation;
    std::string status; // what the confirmation or check-in did
    bool status_failed = false;
    std::string checkin_code;
    bool copied = false;
    std::string confirm_cancel; // the my_signup whose cancel waits for a second tap
    ui::QrPicture qr;
};

// The camera scanner: who asked, and what it says.
enum class ScanFor { Nothing, CheckIn, TubeNumber };
struct ScanState {
    ScanFor waiting = ScanFor::Nothing;
    std::string message; // why there is no result (camera refused, nothing found)
};

struct VolunteersState {
    VolunteersView view = VolunteersView::Home;
    std::string search;
    VolunteerForm form;
    PostForm post_form;
    std::string post_id; // the post being looked at
    ShiftViewState shift;
    ShareState share;
    ReplyImportState import;
    VolunteerModeState mode;
    ui::QrPicture checkin_qr;
    std::string people_message; // the volunteer import's result
    bool people_failed = false;
};

} // namespace linli
