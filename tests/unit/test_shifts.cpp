// Volunteer shifts, the rules: templates, capacity and the waitlist, promotion in order,
// double booking, rest, requirements, gaps, who is on now, hours.
#include <doctest/doctest.h>

#include "core/volunteers/shifts.hpp"

using namespace linli;

namespace {
constexpr int64_t kDay0 = 1'764'604'800'000; // a local midnight
Post Gate() {
    Post p;
    p.id = "post:east";
    p.name = "东门卡口";
    return p;
}
} // namespace

TEST_CASE("shifts: three 8-hour shifts a day, or set change hours, with stable ids") {
    const std::vector<Shift> week = ShiftsFromTemplate(Gate(), kDay0, 7, {0, 8, 16}, 2, 3);
    REQUIRE(week.size() == 21);
    CHECK(week[0].start == kDay0);
    CHECK(week[0].end == kDay0 + 8 * kHourMs);
    CHECK(week[2].end == kDay0 + 24 * kHourMs); // 16-24
    CHECK(week[3].start == kDay0 + 24 * kHourMs);
    CHECK(week[0].id == "post:east@" + std::to_string(kDay0));
    CHECK(week[0].min_people == 2);
    CHECK(week[0].max_people == 3);
    const std::vector<Shift> changes = ShiftsFromTemplate(Gate(), kDay0, 1, {6, 14, 22}, 1, 1);
    REQUIRE(changes.size() == 3);
    CHECK(changes[2].start == kDay0 + 22 * kHourMs);
    CHECK(changes[2].end == kDay0 + 30 * kHourMs); // until 06:00 the next day
    // Nonsense is refused rather than guessed at.
    CHECK(ShiftsFromTemplate(Gate(), kDay0, 0, {0, 8, 16}, 1, 1).empty());
    CHECK(ShiftsFromTemplate(Gate(), kDay0, 3, {}, 1, 1).empty());
    CHECK(ShiftsFromTemplate(Gate(), kDay0, 1, {8, 8, 30}, 1, 1).size() == 1);
}

TEST_CASE("shifts: a full shift waitlists, and a freed place promotes the earliest waiting") {
    Shift s;
    s.id = "x";
    s.max_people = 2;
    std::vector<SignUp> signups;
    for (int i = 0; i < 4; ++i) {
        SignUp u{"x", "v" + std::to_string(i), SignUpState::Confirmed, 100 - i, 0, 0};
        u.state = PlaceFor(s, signups);
        signups.push_back(u);
    }
    CHECK(signups[0].state == SignUpState::Confirmed);
    CHECK(signups[1].state == SignUpState::Confirmed);
    CHECK(signups[2].state == SignUpState::Waitlist);
    CHECK(signups[3].state == SignUpState::Waitlist);
    CHECK(Promotions(s, signups).empty()); // nobody left
    signups[0].state = SignUpState::Cancelled;
    // v3 signed up at 97, v2 at 98: v3 waited longer in this made-up order.
    const std::vector<size_t> up = Promotions(s, signups);
    REQUIRE(up.size() == 1);
    CHECK(signups[up[0]].volunteer_id == "v3");
}

TEST_CASE("shifts: double booking, too little rest and missing requirements are said") {
    Post medical = Gate();
    medical.skills = {"medical"};
    medical.negative_test_within_days = 2;
    const std::vector<Shift> day = ShiftsFromTemplate(medical, kDay0, 2, {0, 8, 16}, 1, 2);
    VolunteerFacts v;
    v.skills = {"driver"};
    v.last_negative_test = kDay0 - 5 * 24 * kHourMs;
    // 08-16 while on 00-08: no overlap but no rest either; on 08-16 itself: double booked.
    std::vector<ShiftConflict> c = ConflictsFor(day[1], medical, v, {&day[0]});
    CHECK(c == std::vector<ShiftConflict>{ShiftConflict::TooLittleRest, ShiftConflict::MissingSkill,
                                          ShiftConflict::TestTooOld});
    Shift overlapping = day[1];
    overlapping.id = "other";
    c = ConflictsFor(day[1], medical, v, {&overlapping});
    CHECK(c.front() == ShiftConflict::DoubleBooked);
    // 16-24 after 00-08 the same day: 8 hours of rest are enough.
    v.skills.push_back("medical");
    v.last_negative_test = kDay0 - 24 * kHourMs;
    CHECK(ConflictsFor(day[2], medical, v, {&day[0]}).empty());
}

TEST_CASE("shifts: gaps in the next 24 hours first, who is on now, hours worked") {
    const std::vector<Shift> shifts = ShiftsFromTemplate(Gate(), kDay0, 3, {0, 8, 16}, 2, 3);
    const int64_t now = kDay0 + 10 * kHourMs; // during 08-16 of day 1
    std::vector<SignUp> signups = {
        {shifts[1].id, "a", SignUpState::Confirmed, 1, 0, 0},
        {shifts[1].id, "b", SignUpState::Confirmed, 2, 0, 0},
        {shifts[2].id, "c", SignUpState::Confirmed, 3, 0, 0},
        {shifts[2].id, "d", SignUpState::Waitlist, 4, 0, 0},
    };
    const std::vector<const Shift*> gaps = Gaps(shifts, signups, now);
    // 08-16 is staffed; 16-24 has 1 of 2 (the waitlisted one does not count); day 2's
    // 00-08 and 08-16 are within 24 h and empty; day 2's 16-24 starts 30 h from now.
    REQUIRE(gaps.size() == 3);
    CHECK(gaps[0]->id == shifts[2].id);
    CHECK(gaps[1]->id == shifts[3].id);
    CHECK(gaps[2]->id == shifts[4].id);
    const std::vector<const Shift*> on = OnNow(shifts, now);
    REQUIRE(on.size() == 1);
    CHECK(on[0]->id == shifts[1].id);
    signups[0].checked_in = kDay0 + 8 * kHourMs;
    signups[0].checked_out = kDay0 + 15 * kHourMs + kHourMs / 2;
    signups[1].checked_in = kDay0 + 9 * kHourMs; // still there: not counted yet
    CHECK(HoursWorked(signups) == doctest::Approx(7.5));
}
