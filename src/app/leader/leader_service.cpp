#include "app/leader/leader_service.hpp"

#include <algorithm>

namespace linli {

const DailySummary& LeaderService::Summary(const LocalDay& day) {
    const uint64_t sequence = writer_.Store().Sequence();
    const int64_t minute = day.now_ms / 60'000;
    if (!cached_ || sequence != cached_sequence_ || day.start_ms != cached_day_ ||
        minute != cached_minute_ || day.date != summary_.day.date) {
        summary_ = Make(day);
        cached_ = true;
        cached_sequence_ = sequence;
        cached_day_ = day.start_ms;
        cached_minute_ = minute;
    }
    return summary_;
}

DailySummary LeaderService::Make(const LocalDay& day) {
    DailySummary s;
    s.day = day;
    s.sample_data = sample_.Present();

    // Sampling: the rounds dated today, oldest first.
    const SamplingModel& sampling = sampling_.Model();
    std::vector<const Round*> today;
    for (const Round* r : sampling.Rounds()) {
        if (r->date == day.date) {
            today.push_back(r);
        }
    }
    std::reverse(today.begin(), today.end());
    std::vector<const MarksByResident*> marks;
    for (const Round* r : today) {
        marks.push_back(&sampling.MarksOf(r->id));
    }
    s.sampling = SampleToday(today, sampling.Residents(), marks);
    for (BuildingToday& b : s.sampling.buildings) {
        b.level = sampling.LevelOf(b.building);
    }
    for (const BuildingRef& b : sampling.Buildings()) {
        if (sampling.LevelOf(b.name) == ControlLevel::Sealed) {
            s.sealed.push_back(b.name);
        }
    }

    // Supplies.
    const SuppliesModel& supplies = supplies_.Model();
    std::vector<RoundOrders> rounds;
    for (const OrderRound* r : supplies.Rounds()) {
        rounds.push_back(RoundOrders{r, supplies.OrdersOf(r->id)});
    }
    s.orders = SummarizeOrders(rounds, day);

    s.medicine = SummarizeMedicine(medicine_.Model().Requests(), day);

    // Shifts today, and those short of people in the next 24 hours.
    const ShiftsModel& shifts = shifts_.Model();
    s.shifts = SummarizeShifts(shifts.Shifts(), shifts.AllSignUps(), day);
    for (const Shift* gap : Gaps(shifts.Shifts(), shifts.AllSignUps(), day.now_ms)) {
        ShiftGap g;
        g.shift_id = gap->id;
        const PostRecord* post = shifts.FindPost(gap->post_id);
        g.post = post != nullptr ? post->post.name : gap->post_id;
        g.start = gap->start;
        g.end = gap->end;
        g.confirmed = shifts.ConfirmedCount(gap->id);
        g.min_people = gap->min_people;
        s.gaps.push_back(std::move(g));
    }

    s.devices = settings_.Devices();
    return s;
}

} // namespace linli
