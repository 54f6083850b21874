#pragma once
// Volunteer shifts, the rules only (issue 11's first part; documents, screens and codes
// follow): posts with requirements, shifts with a minimum and maximum, templates that make
// a post's shifts for a run of days (three 8-hour shifts, or set change hours), sign-ups
// that go on the waitlist when a shift is full and are promoted in order when a place
// frees, the conflicts staff are warned of, the gaps, who is on now, and hours.
// Times are milliseconds since 1970; a day starts at the local midnight the caller gives.
#include <cstdint>
#include <string>
#include <vector>

namespace linli {

inline constexpr int64_t kHourMs = 3'600'000;

struct Post {
    std::string id;
    std::string name;                  // "东门卡口"
    std::string place;                 // "小区东门"
    std::vector<std::string> skills;   // required: a volunteer needs every one
    int negative_test_within_days = 0; // required: a negative test this recent (0: none)
};

struct Shift {
    std::string id;
    std::string post_id;
    int64_t start = 0, end = 0;
    int min_people = 1;
    int max_people = 1;
};

// A post's shifts for `days` days from day_start: one per change hour per day, each until
// the next change hour (the last one until the first of the next day). Change hours are
// 0-23, ascending; {0, 8, 16} is three 8-hour shifts, {6, 14, 22} starts at six. Ids are
// "<post>@<start ms>", the same on every device.
std::vector<Shift> ShiftsFromTemplate(const Post& post, int64_t day_start, int days,
                                      const std::vector<int>& change_hours, int min_people,
                                      int max_people);

enum class SignUpState { Confirmed, Waitlist, Cancelled };
struct SignUp {
    std::string shift_id;
    std::string volunteer_id;
    SignUpState state = SignUpState::Confirmed;
    int64_t at = 0; // when it was made: the waitlist's order
    int64_t checked_in = 0, checked_out = 0;
};

// Where a new sign-up goes: confirmed while the shift has a free place, else waitlisted.
SignUpState PlaceFor(const Shift& shift, const std::vector<SignUp>& signups_of_shift);
// After a cancellation or a larger maximum: the waitlisted sign-ups (earliest first) that
// now get a place, as indexes into signups_of_shift.
std::vector<size_t> Promotions(const Shift& shift, const std::vector<SignUp>& signups_of_shift);

struct VolunteerFacts {
    std::vector<std::string> skills;
    int64_t last_negative_test = 0; // 0: none known
};
enum class ShiftConflict { DoubleBooked, TooLittleRest, MissingSkill, TestTooOld };
// What speaks against this volunteer taking this shift, given the other shifts they are
// confirmed or waitlisted on: an overlap, less than 8 hours between shifts, a skill or a
// recent negative test the post requires.
std::vector<ShiftConflict> ConflictsFor(const Shift& shift, const Post& post,
                                        const VolunteerFacts& volunteer,
                                        const std::vector<const Shift*>& their_other_shifts);

// Input a shift action refuses or warns of (in form order), and why a code was refused.
enum class ShiftProblem {
    PostNameMissing,
    PeopleInvalid,      // max below 1 or min above max
    DaysInvalid,        // 1 to 62 days
    ChangeHoursInvalid, // "06/14/22": hours 0-23, ascending
    CodeEmpty,
    CodeNotOurs,
    CodeWrongKind,
    CodeMistyped,
    CodeDamaged,
    UnknownShift, // the code names a shift this desk does not have
    ShiftOver,    // the shift has ended
    DoubleBooked,
    TooLittleRest,
    MissingSkill,
    TestTooOld,
    NotSignedUp,      // check-in or cancel of a sign-up that does not exist
    ShiftFull,        // promotion with no free place
    CheckInCodeWrong, // the post code does not match the post and minute
    NotForThisPhone,  // a confirmation made for another volunteer's phone
    NoShiftNow,       // a check-in code with no shift of theirs at that post now
};

// Shifts starting within 24 hours of now with fewer confirmed people than their minimum,
// the earliest first.
std::vector<const Shift*> Gaps(const std::vector<Shift>& shifts, const std::vector<SignUp>& signups,
                               int64_t now);
// Shifts running at `now`.
std::vector<const Shift*> OnNow(const std::vector<Shift>& shifts, int64_t now);
// Hours worked: checked-in to checked-out time of the sign-ups that have both.
double HoursWorked(const std::vector<SignUp>& signups_of_volunteer);

} // namespace linli
