#pragma once
// Volunteer shifts at the desk (staff) and on a volunteer's own phone. Staff make posts
// and their shifts from a template, share a sign-up link, import reply codes and hand back
// confirmation codes, place and move people, check them in and out, and read the board,
// the gaps and the hours. The volunteer's phone opens the link, signs up, cancels, checks
// in, and reads what staff told it. Every action is one durable transaction (Writer).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/volunteers/shifts_model.hpp"
#include "app/volunteers/volunteer_service.hpp"
#include "app/writer.hpp"
#include "core/sampling/sampling.hpp"

namespace linli {

// A post and its template, as the new-post form gives them.
struct PostDraft {
    std::string name;
    std::string place;
    std::string kind = "checkpoint";
    std::vector<std::string> skills;
    int test_within_days = 0;
    int min_people = 1;
    int max_people = 2;
    int days = 7;
    std::string change_hours = "0/8/16"; // three 8-hour shifts
    int64_t first_day_start = 0;         // local midnight of the first day (ms)
};
// "06/14/22", "6,14,22", "0 8 16" -> {6, 14, 22}; empty when it is not hours ascending.
std::vector<int> ParseChangeHours(std::string_view text);

// A volunteer's hours for the thank-you list.
struct VolunteerHours {
    std::string volunteer_id;
    std::string name;
    double hours = 0;
    int shifts_done = 0;
    int no_shows = 0;
};

class ShiftsService {
  public:
    ShiftsService(Writer& writer, VolunteerService& volunteers)
        : writer_(writer), volunteers_(volunteers) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    const ShiftsModel& Model() {
        model_.Refresh(writer_.Store());
        return model_;
    }

    // ------------------------------------------------------------------------ staff
    // Writes the post and all its shifts in one transaction (outcome.id: the post).
    Outcome CreatePost(const PostDraft& draft, int64_t now_ms);
    // A testing round's sites and time windows as the sampling teams' posts and shifts
    // (named prefix + site, "采样 · 东门广场"; one shift per window on the round's day,
    // `people` each; day_start:
    // the local midnight of round.date). Making them again changes nothing; a window that
    // cannot be read ("上午") is skipped and counted in `skipped`.
    Outcome TeamsFromRound(const Round& round, std::string_view prefix, int64_t day_start,
                           int people, int64_t now_ms, int& skipped);
    // "08:00-11:00" (also "8:00～11:30", "08-11") as minutes from midnight; false otherwise.
    static bool ParseWindow(std::string_view window, int& start_minute, int& end_minute);
    // The link's offer: the open shifts of these posts (all posts when empty) that start
    // in the next `days` days, earliest first, with their free places now.
    SignUpOffer MakeOffer(const std::vector<std::string>& post_ids, int days, int64_t now_ms);

    // A reply code from a volunteer (sign up, cancel, check in or out). The outcome's
    // effects say what happened (SignedUp, Waitlisted, ... or Unchanged for a code
    // imported before), outcome.id is the sign-up; problems say why it was refused.
    Outcome ImportReply(std::string_view code, int64_t now_ms);
    // The code to send back to a volunteer: the state of each of their current sign-ups.
    std::string ConfirmationFor(const std::string& volunteer_id, int64_t now_ms);
    // The code to send back after importing `reply_code` (also when it was refused: the
    // shift it asked for is then told as refused).
    std::string ConfirmationForReply(std::string_view reply_code, int64_t now_ms);

    // Places a volunteer by hand. Double booking is refused; the other conflicts (rest,
    // a skill, a test) are returned as problems unless `accept_warnings`.
    Outcome Assign(const std::string& shift_id, const std::string& volunteer_id, int64_t now_ms,
                   bool accept_warnings);
    // Takes a volunteer off (their place goes to the waitlist's first, in one write).
    Outcome Cancel(const std::string& signup_id, int64_t now_ms);
    Outcome Promote(const std::string& signup_id, int64_t now_ms);
    Outcome Move(const std::string& signup_id, const std::string& to_shift_id, int64_t now_ms);
    Outcome CheckIn(const std::string& signup_id, int64_t now_ms);
    Outcome CheckOut(const std::string& signup_id, int64_t now_ms);
    Outcome MarkNoShow(const std::string& signup_id, bool no_show, int64_t now_ms);

    // What speaks against this volunteer on this shift.
    std::vector<ShiftConflict> ConflictsOf(const std::string& shift_id,
                                           const std::string& volunteer_id);
    std::vector<const Shift*> GapsAt(int64_t now_ms);
    std::vector<const Shift*> OnNowAt(int64_t now_ms);
    // Every volunteer with a shift worked or missed, most hours first.
    std::vector<VolunteerHours> Hours();

    // -------------------------------------------------------------- the volunteer's phone
    // Keeps an opened link's offer (opening it again changes nothing).
    Outcome OpenOffer(std::string_view code, int64_t now_ms);
    // The shifts of the links opened, not yet over, earliest first (newest offer wins).
    struct OpenShift {
        OfferedPost post;
        OfferedShift shift;
    };
    std::vector<OpenShift> OpenShifts(int64_t now_ms);
    // Signs up for an offered shift; the reply code is on the my_signup (outcome.id).
    // The profile (name, phone, a key made from `entropy`) is kept for the next time.
    Outcome SignUpHere(const std::string& post_key, int64_t start_ms, std::string_view name,
                       std::string_view phone, uint64_t entropy, int64_t now_ms);
    Outcome CancelHere(const std::string& my_signup_id, int64_t now_ms);
    // A scanned QR text or six typed digits: checks in (or out, when checked in) on their
    // shift at that post now; the code for staff is on the my_signup (outcome.id).
    Outcome CheckInHere(std::string_view scanned, int64_t now_ms);
    // Applies staff's confirmation: effects SignedUp/Waitlisted/... per sign-up told.
    Outcome ApplyConfirmation(std::string_view code, int64_t now_ms);

  private:
    Outcome Write(std::vector<store::Result<store::Change>> changes, Outcome out);
    store::Result<store::Change> PutSignUp(SignUpRecord record);
    // The writes that promote the waitlist of a shift after `leaving` leaves it.
    void PromoteAfter(const std::string& shift_id, const std::string& leaving,
                      std::vector<store::Result<store::Change>>& changes, Outcome& out);
    VolunteerFacts FactsOf(const std::string& volunteer_id);

    Writer& writer_;
    VolunteerService& volunteers_;
    ShiftsModel model_;
};

} // namespace linli
