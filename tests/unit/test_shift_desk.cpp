// Volunteer shifts across two devices with no server: a staff desk and a volunteer's
// phone, each its own AppData, exchanging only the texts people would paste into WeChat.
#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "unit/test_support.hpp"

using namespace linli;

namespace {

constexpr int64_t kDay = 24 * kHourMs;
constexpr int64_t kMonday = 1'796'169'600'000; // a midnight (UTC), whole minutes

struct Device {
    explicit Device(const char* tag) : data(persistence, tag) { persistence.data = &data; }
    DiskPersistence persistence;
    AppData data;
};

PostDraft Gate(int max_people, int days = 7) {
    PostDraft d;
    d.name = "东门卡口";
    d.place = "小区东门";
    d.max_people = max_people;
    d.min_people = 1;
    d.days = days;
    d.first_day_start = kMonday;
    return d;
}

std::string PostKeyOfOnly(Device& staff) {
    return PostKeyOf(staff.data.Shifts().Model().Posts().front()->post.id);
}

// The volunteer's phone opens the link and signs up for the shift starting at `start`.
std::string SignUpOn(Device& phone, Device& staff, int64_t start, const char* name, const char* tel,
                     uint64_t key, int64_t now) {
    const SignUpOffer offer = staff.data.Shifts().MakeOffer({}, 7, now);
    REQUIRE(phone.data.Shifts().OpenOffer("https://x.org/#v=" + EncodeOffer(offer), now).ok);
    const Outcome signed_up =
        phone.data.Shifts().SignUpHere(PostKeyOfOnly(staff), start, name, tel, key, now);
    REQUIRE(signed_up.ok);
    return phone.data.Shifts().Model().FindMine(signed_up.id)->reply;
}

} // namespace

TEST_CASE("change hours are read as people type them") {
    CHECK(ParseChangeHours("06/14/22") == std::vector{6, 14, 22});
    CHECK(ParseChangeHours("0, 8, 16") == std::vector{0, 8, 16});
    CHECK(ParseChangeHours("6，14，22") == std::vector{6, 14, 22});
    CHECK(ParseChangeHours("14/6").empty());
    CHECK(ParseChangeHours("25").empty());
    CHECK(ParseChangeHours("早班").empty());
}

TEST_CASE("a new post makes a week of three 8-hour shifts in one write") {
    Device staff("desk");
    const Outcome made = staff.data.Shifts().CreatePost(Gate(2), kMonday - kHourMs);
    REQUIRE(made.ok);
    CHECK(staff.persistence.writes == 1);
    const auto& shifts = staff.data.Shifts().Model().Shifts();
    REQUIRE(shifts.size() == 21);
    CHECK(shifts.front().start == kMonday);
    CHECK(shifts.front().end == kMonday + 8 * kHourMs);
    CHECK(shifts.back().end == kMonday + 7 * kDay);
    CHECK(shifts.front().max_people == 2);
    Outcome bad = staff.data.Shifts().CreatePost(PostDraft{}, kMonday);
    CHECK_FALSE(bad.ok);
    CHECK(bad.problems.Has(ShiftProblem::PostNameMissing));
    PostDraft wrong = Gate(0, 0);
    wrong.change_hours = "22/6";
    bad = staff.data.Shifts().CreatePost(wrong, kMonday);
    CHECK(bad.problems == std::vector{ShiftProblem::PeopleInvalid, ShiftProblem::DaysInvalid,
                                      ShiftProblem::ChangeHoursInvalid});
    CHECK(staff.persistence.writes == 1);
}

TEST_CASE("sign-up by reply code, confirmation back, replay changes nothing") {
    Device staff("desk"), phone("vol1");
    const int64_t now = kMonday - 2 * kHourMs;
    REQUIRE(staff.data.Shifts().CreatePost(Gate(1), now).ok);
    const std::string reply = SignUpOn(phone, staff, kMonday, "李四", "13900139000", 77, now);
    CHECK(reply.rfind("LLR-", 0) == 0);

    const Outcome imported = staff.data.Shifts().ImportReply(reply, now + 60'000);
    REQUIRE(imported.ok);
    CHECK(imported.Did(Effect::SignedUp));
    CHECK(staff.data.Volunteers().FindByPhone("139 0013 9000")->name == "李四");
    const int writes = staff.persistence.writes;
    const Outcome again = staff.data.Shifts().ImportReply(reply, now + 120'000);
    CHECK(again.ok);
    CHECK(again.Did(Effect::Unchanged));
    CHECK(again.Did(Effect::SignedUp));
    CHECK(staff.persistence.writes == writes);
    CHECK(staff.data.Volunteers().List("").size() == 1);

    const std::string confirmation = staff.data.Shifts().ConfirmationForReply(reply, now + 60'000);
    CHECK(confirmation.rfind("LLC-", 0) == 0);
    const Outcome told = phone.data.Shifts().ApplyConfirmation(confirmation, now + 90'000);
    REQUIRE(told.ok);
    CHECK(told.Did(Effect::SignedUp));
    CHECK(phone.data.Shifts().Model().Mine().front()->state == MyState::Confirmed);
    // Another phone cannot take this confirmation.
    Device other("vol2");
    SignUpOn(other, staff, kMonday, "王五", "13700137000", 99, now);
    CHECK(other.data.Shifts()
              .ApplyConfirmation(confirmation, now)
              .problems.Has(ShiftProblem::NotForThisPhone));
    // The volunteer's phone shows no staff data and the staff desk has no my_ documents.
    CHECK(phone.data.Volunteers().List("").empty());
    CHECK(staff.data.Shifts().Model().Mine().empty());
}

TEST_CASE("a full shift waitlists, a cancel promotes the first waiting, told at the next code") {
    Device staff("desk"), a("va"), b("vb"), c("vc");
    const int64_t now = kMonday - 2 * kHourMs;
    REQUIRE(staff.data.Shifts().CreatePost(Gate(1), now).ok);
    const std::string ra = SignUpOn(a, staff, kMonday, "甲", "13100000001", 1, now);
    const std::string rb = SignUpOn(b, staff, kMonday, "乙", "13100000002", 2, now + 1000);
    const std::string rc = SignUpOn(c, staff, kMonday, "丙", "13100000003", 3, now + 2000);
    CHECK(staff.data.Shifts().ImportReply(ra, now).Did(Effect::SignedUp));
    // Imported out of order: c before b, but b signed up first and is first in line.
    CHECK(staff.data.Shifts().ImportReply(rc, now).Did(Effect::Waitlisted));
    CHECK(staff.data.Shifts().ImportReply(rb, now).Did(Effect::Waitlisted));
    const std::string shift = ShiftIdFor(PostKeyOfOnly(staff), kMonday);
    CHECK(staff.data.Shifts().Model().ConfirmedCount(shift) == 1);
    CHECK(staff.data.Shifts().Model().WaitlistCount(shift) == 2);
    REQUIRE(b.data.Shifts()
                .ApplyConfirmation(staff.data.Shifts().ConfirmationForReply(rb, now), now)
                .Did(Effect::Waitlisted));

    // a cancels from the phone: the cancel code frees the place; b gets it.
    const std::string mine_a = a.data.Shifts().Model().Mine().front()->id;
    REQUIRE(a.data.Shifts().CancelHere(mine_a, now + 5000).ok);
    const std::string cancel = a.data.Shifts().Model().FindMine(mine_a)->reply;
    const Outcome cancelled = staff.data.Shifts().ImportReply(cancel, now + 6000);
    REQUIRE(cancelled.ok);
    CHECK(cancelled.Did(Effect::SignUpCancelled));
    REQUIRE(cancelled.Did(Effect::Promoted));
    const std::string promoted = *cancelled.SubjectOf(Effect::Promoted);
    CHECK(staff.data.Volunteers()
              .Find(staff.data.Shifts().Model().FindSignUp(promoted)->signup.volunteer_id)
              ->name == "乙");
    // The original sign-up code, imported again after the cancel, changes nothing.
    CHECK(staff.data.Shifts().ImportReply(ra, now + 7000).Did(Effect::Unchanged));
    // b hears of the place at the next exchange.
    const auto b_id = staff.data.Volunteers().FindByPhone("13100000002")->id;
    CHECK(b.data.Shifts()
              .ApplyConfirmation(staff.data.Shifts().ConfirmationFor(b_id, now), now)
              .Did(Effect::SignedUp));
    CHECK(b.data.Shifts().Model().Mine().front()->state == MyState::Confirmed);
}

TEST_CASE("double booking is refused and told, short rest and skills warn staff") {
    Device staff("desk"), phone("v");
    const int64_t now = kMonday - 2 * kHourMs;
    REQUIRE(staff.data.Shifts().CreatePost(Gate(3), now).ok);
    PostDraft clinic = Gate(3);
    clinic.name = "核酸采样点秩序";
    clinic.change_hours = "4/12/20";
    clinic.skills = {"medical"};
    REQUIRE(staff.data.Shifts().CreatePost(clinic, now).ok);
    const auto posts = staff.data.Shifts().Model().Posts();
    const std::string gate_key = PostKeyOf(posts[0]->post.id);
    const std::string clinic_key = PostKeyOf(posts[1]->post.id);
    const SignUpOffer offer = staff.data.Shifts().MakeOffer({}, 7, now);
    REQUIRE(phone.data.Shifts().OpenOffer(EncodeOffer(offer), now).ok);
    auto& vol = phone.data.Shifts();
    const Outcome first = vol.SignUpHere(gate_key, kMonday, "赵六", "13500135000", 5, now);
    const Outcome overlap =
        vol.SignUpHere(clinic_key, kMonday + 4 * kHourMs, "赵六", "13500135000", 5, now + 1000);
    REQUIRE(first.ok);
    REQUIRE(overlap.ok);
    REQUIRE(staff.data.Shifts().ImportReply(vol.Model().FindMine(first.id)->reply, now).ok);
    const std::string overlap_code = vol.Model().FindMine(overlap.id)->reply;
    const Outcome refused = staff.data.Shifts().ImportReply(overlap_code, now);
    CHECK_FALSE(refused.ok);
    CHECK(refused.problems.Has(ShiftProblem::DoubleBooked));
    CHECK(vol.ApplyConfirmation(staff.data.Shifts().ConfirmationForReply(overlap_code, now), now)
              .Did(Effect::SignUpRefused));
    CHECK(vol.Model().FindMine(overlap.id)->state == MyState::Refused);

    // By hand: the shift right after (no rest) and the medical post warn; accepted anyway.
    const std::string volunteer = staff.data.Volunteers().FindByPhone("13500135000")->id;
    const std::string next = ShiftIdFor(gate_key, kMonday + 8 * kHourMs);
    const Outcome warned = staff.data.Shifts().Assign(next, volunteer, now, false);
    CHECK_FALSE(warned.ok);
    CHECK(warned.problems.Has(ShiftProblem::TooLittleRest));
    CHECK(staff.data.Shifts().Assign(next, volunteer, now, true).ok);
    const std::string later_clinic = ShiftIdFor(clinic_key, kMonday + kDay + 12 * kHourMs);
    CHECK(staff.data.Shifts()
              .Assign(later_clinic, volunteer, now, false)
              .problems.Has(ShiftProblem::MissingSkill));
    // Double booking stays refused even when warnings are accepted.
    const std::string same_time = ShiftIdFor(clinic_key, kMonday + 4 * kHourMs);
    CHECK(staff.data.Shifts()
              .Assign(same_time, volunteer, now, true)
              .problems.Has(ShiftProblem::DoubleBooked));
}

TEST_CASE("check-in by the post's rotating code, hours, no-shows and the gaps") {
    Device staff("desk"), phone("v");
    const int64_t before = kMonday - 2 * kHourMs;
    REQUIRE(staff.data.Shifts().CreatePost(Gate(2), before).ok);
    const std::string reply = SignUpOn(phone, staff, kMonday, "钱七", "13600136000", 8, before);
    REQUIRE(staff.data.Shifts().ImportReply(reply, before).ok);
    REQUIRE(phone.data.Shifts()
                .ApplyConfirmation(staff.data.Shifts().ConfirmationForReply(reply, before), before)
                .ok);
    const PostRecord& post = *staff.data.Shifts().Model().Posts().front();
    const std::string key = PostKeyOf(post.post.id);
    // The gaps: every shift of the next 24 hours but the first is under its minimum.
    CHECK(staff.data.Shifts().GapsAt(before).size() == 2);

    const int64_t arrive = kMonday + 2 * 60'000;
    const int64_t minute = arrive / 60'000;
    const PostCheckInCode shown{key, minute, PostCodeFor(post.secret, key, minute)};
    const Outcome in = phone.data.Shifts().CheckInHere(EncodePostCheckIn(shown), arrive);
    REQUIRE(in.ok);
    CHECK(in.Did(Effect::CheckedIn));
    const Outcome in_desk =
        staff.data.Shifts().ImportReply(phone.data.Shifts().Model().FindMine(in.id)->reply, arrive);
    REQUIRE(in_desk.ok);
    CHECK(in_desk.Did(Effect::CheckedIn));
    // Out with the six digits typed, eight hours later.
    const int64_t leave = kMonday + 8 * kHourMs;
    const uint32_t digits = PostCodeFor(post.secret, key, leave / 60'000);
    char typed[8];
    std::snprintf(typed, sizeof typed, "%06u", digits);
    const Outcome out = phone.data.Shifts().CheckInHere(typed, leave);
    REQUIRE(out.ok);
    CHECK(out.Did(Effect::CheckedOut));
    REQUIRE(staff.data.Shifts()
                .ImportReply(phone.data.Shifts().Model().FindMine(out.id)->reply, leave)
                .Did(Effect::CheckedOut));
    const auto hours = staff.data.Shifts().Hours();
    REQUIRE(hours.size() == 1);
    CHECK(hours[0].name == "钱七");
    CHECK(hours[0].hours == doctest::Approx(8.0 - 2.0 / 60));
    // A wrong code is refused at the desk.
    ReplyCode forged =
        std::get<ReplyCode>(DecodeReply(phone.data.Shifts().Model().FindMine(out.id)->reply));
    forged.post_code = (forged.post_code + 1) % 1'000'000;
    forged.at_ms += 60'000;
    CHECK(staff.data.Shifts()
              .ImportReply(EncodeReply(forged), leave)
              .problems.Has(ShiftProblem::CheckInCodeWrong));
    // No shift of theirs now: refused on the phone.
    CHECK(phone.data.Shifts()
              .CheckInHere(typed, kMonday + 3 * kDay)
              .problems.Has(ShiftProblem::NoShiftNow));
    // A no-show on a later shift counts beside the hours, which stay.
    const std::string volunteer = staff.data.Volunteers().FindByPhone("13600136000")->id;
    const std::string later = ShiftIdFor(key, kMonday + kDay);
    REQUIRE(staff.data.Shifts().Assign(later, volunteer, leave, false).ok);
    REQUIRE(staff.data.Shifts().MarkNoShow(SignUpIdFor(later, volunteer), true, leave).ok);
    const auto after = staff.data.Shifts().Hours();
    REQUIRE(after.size() == 1);
    CHECK(after[0].no_shows == 1);
    CHECK(after[0].shifts_done == 1);
    CHECK(after[0].hours == doctest::Approx(8.0 - 2.0 / 60));
}

TEST_CASE("everything survives a reload from what was written") {
    // The desk's posts, shifts, volunteers and sign-ups, and the phone's offer, profile and
    // sign-ups, are documents: loading what was written gives the same models.
    Device staff("desk"), phone("v");
    const int64_t now = kMonday - kHourMs;
    REQUIRE(staff.data.Shifts().CreatePost(Gate(2, 2), now).ok);
    const std::string reply = SignUpOn(phone, staff, kMonday, "孙八", "13300133000", 9, now);
    REQUIRE(staff.data.Shifts().ImportReply(reply, now).ok);
    REQUIRE(phone.data.Shifts()
                .ApplyConfirmation(staff.data.Shifts().ConfirmationForReply(reply, now), now)
                .ok);

    ImmediatePersistence fresh_disk;
    AppData desk(fresh_disk, "desk");
    REQUIRE(desk.Load(staff.persistence.Records()).corrupted.empty());
    const ShiftsModel& m = desk.Shifts().Model();
    CHECK(m.Posts().size() == 1);
    CHECK(m.Posts().front()->secret == staff.data.Shifts().Model().Posts().front()->secret);
    CHECK(m.Shifts().size() == 6);
    CHECK(m.ConfirmedCount(ShiftIdFor(PostKeyOfOnly(staff), kMonday)) == 1);
    CHECK(desk.Volunteers().FindByPhone("13300133000")->code_key == 9);

    ImmediatePersistence fresh_phone_disk;
    AppData again(fresh_phone_disk, "v");
    REQUIRE(again.Load(phone.persistence.Records()).corrupted.empty());
    CHECK(again.Shifts().Model().Profile()->name == "孙八");
    CHECK(again.Shifts().Model().Offers().size() == 1);
    REQUIRE(again.Shifts().Model().Mine().size() == 1);
    CHECK(again.Shifts().Model().Mine().front()->state == MyState::Confirmed);
    CHECK(again.Shifts().Model().Mine().front()->reply == reply);
}

TEST_CASE("a testing round's sites and windows become the sampling teams' shifts") {
    int start = 0, end = 0;
    CHECK(ShiftsService::ParseWindow("08:00-11:00", start, end));
    CHECK(start == 8 * 60);
    CHECK(end == 11 * 60);
    CHECK(ShiftsService::ParseWindow("8:30～11:45", start, end));
    CHECK(start == 8 * 60 + 30);
    CHECK(end == 11 * 60 + 45);
    CHECK(ShiftsService::ParseWindow("14-17", start, end));
    CHECK(end == 17 * 60);
    CHECK_FALSE(ShiftsService::ParseWindow("上午", start, end));
    CHECK_FALSE(ShiftsService::ParseWindow("11:00-08:00", start, end));
    CHECK_FALSE(ShiftsService::ParseWindow("25:00-26:00", start, end));

    Device staff("desk");
    Round round;
    round.id = "round:abc";
    round.date = "2026-12-07";
    round.sites = {{"东门广场", "08:00-11:00"},
                   {"东门广场", "14:00-17:00"},
                   {"西区篮球场", "08:30-11:30"},
                   {"北门", "上午"}};
    int skipped = 0;
    const Outcome made =
        staff.data.Shifts().TeamsFromRound(round, "采样 · ", kMonday, 3, kMonday - kDay, skipped);
    REQUIRE(made.ok);
    CHECK(skipped == 1);
    const ShiftsModel& m = staff.data.Shifts().Model();
    REQUIRE(m.Posts().size() == 2);
    CHECK(m.Shifts().size() == 3);
    CHECK(m.Shifts().front().start == kMonday + 8 * kHourMs);
    CHECK(m.Shifts().front().max_people == 3);
    for (const PostRecord* p : m.Posts()) {
        CHECK(p->kind == "sampling");
        CHECK(p->post.name.rfind("采样 · ", 0) == 0);
    }
    // Again: nothing new.
    const int writes = staff.persistence.writes;
    REQUIRE(staff.data.Shifts().TeamsFromRound(round, "采样 · ", kMonday, 3, kMonday, skipped).ok);
    CHECK(staff.persistence.writes == writes);
    CHECK(m.Shifts().size() == 3);
}

TEST_CASE("importing a volunteer sheet adds new people once and updates known phones") {
    Device staff("desk");
    REQUIRE(staff.data.Volunteers().Add("张三", "13800138000", 1).ok);
    const VolunteerSheet sheet = VolunteersFromRows({
        {"姓名", "手机", "技能"},
        {"张三", "138 0013 8000", "司机"},
        {"李四", "13900139000", "医护"},
        {"李四", "13900139000", "医护"},
    });
    int added = 0, updated = 0;
    REQUIRE(staff.data.Volunteers().ImportSheet(sheet, 2, added, updated).ok);
    CHECK(added == 1);
    CHECK(updated == 1);
    CHECK(staff.data.Volunteers().List("").size() == 2);
    CHECK(staff.data.Volunteers().FindByPhone("13800138000")->skills ==
          std::vector<std::string>{"driver"});
    const int writes = staff.persistence.writes;
    REQUIRE(staff.data.Volunteers().ImportSheet(sheet, 3, added, updated).ok);
    CHECK(added == 0);
    CHECK(updated == 0);
    CHECK(staff.persistence.writes == writes);
}
