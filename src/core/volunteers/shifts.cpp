#include "core/volunteers/shifts.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace linli {

namespace {

int Confirmed(const std::vector<SignUp>& signups) {
    return static_cast<int>(std::count_if(signups.begin(), signups.end(), [](const SignUp& s) {
        return s.state == SignUpState::Confirmed;
    }));
}

constexpr int64_t kDayMs = 24 * kHourMs;
constexpr int64_t kMinRestMs = 8 * kHourMs;

} // namespace

std::vector<Shift> ShiftsFromTemplate(const Post& post, int64_t day_start, int days,
                                      const std::vector<int>& change_hours, int min_people,
                                      int max_people) {
    std::vector<int> hours;
    for (int h : change_hours) {
        if (h >= 0 && h < 24 && (hours.empty() || h > hours.back())) {
            hours.push_back(h);
        }
    }
    std::vector<Shift> out;
    if (hours.empty() || days <= 0 || days > 366) {
        return out;
    }
    for (int d = 0; d < days; ++d) {
        for (size_t i = 0; i < hours.size(); ++i) {
            Shift s;
            s.post_id = post.id;
            s.start = day_start + d * kDayMs + hours[i] * kHourMs;
            s.end = i + 1 < hours.size() ? day_start + d * kDayMs + hours[i + 1] * kHourMs
                                         : day_start + (d + 1) * kDayMs + hours[0] * kHourMs;
            s.min_people = std::max(0, min_people);
            s.max_people = std::max(std::max(1, min_people), max_people);
            s.id = post.id + "@" + std::to_string(s.start);
            out.push_back(std::move(s));
        }
    }
    return out;
}

SignUpState PlaceFor(const Shift& shift, const std::vector<SignUp>& signups_of_shift) {
    return Confirmed(signups_of_shift) < shift.max_people ? SignUpState::Confirmed
                                                          : SignUpState::Waitlist;
}

std::vector<size_t> Promotions(const Shift& shift, const std::vector<SignUp>& signups_of_shift) {
    int free = shift.max_people - Confirmed(signups_of_shift);
    std::vector<size_t> waiting;
    for (size_t i = 0; i < signups_of_shift.size(); ++i) {
        if (signups_of_shift[i].state == SignUpState::Waitlist) {
            waiting.push_back(i);
        }
    }
    std::stable_sort(waiting.begin(), waiting.end(), [&](size_t a, size_t b) {
        return signups_of_shift[a].at < signups_of_shift[b].at;
    });
    std::vector<size_t> out;
    for (size_t i : waiting) {
        if (free-- <= 0) {
            break;
        }
        out.push_back(i);
    }
    return out;
}

std::vector<ShiftConflict> ConflictsFor(const Shift& shift, const Post& post,
                                        const VolunteerFacts& volunteer,
                                        const std::vector<const Shift*>& their_other_shifts) {
    std::vector<ShiftConflict> out;
    bool overlap = false;
    bool short_rest = false;
    for (const Shift* other : their_other_shifts) {
        if (other->id == shift.id) {
            continue;
        }
        if (other->start < shift.end && shift.start < other->end) {
            overlap = true;
        } else {
            const int64_t gap =
                other->end <= shift.start ? shift.start - other->end : other->start - shift.end;
            short_rest = short_rest || gap < kMinRestMs;
        }
    }
    if (overlap) {
        out.push_back(ShiftConflict::DoubleBooked);
    }
    if (short_rest) {
        out.push_back(ShiftConflict::TooLittleRest);
    }
    for (const std::string& skill : post.skills) {
        if (std::find(volunteer.skills.begin(), volunteer.skills.end(), skill) ==
            volunteer.skills.end()) {
            out.push_back(ShiftConflict::MissingSkill);
            break;
        }
    }
    if (post.negative_test_within_days > 0 &&
        (volunteer.last_negative_test == 0 ||
         shift.start - volunteer.last_negative_test > post.negative_test_within_days * kDayMs)) {
        out.push_back(ShiftConflict::TestTooOld);
    }
    return out;
}

std::vector<const Shift*> Gaps(const std::vector<Shift>& shifts, const std::vector<SignUp>& signups,
                               int64_t now) {
    std::unordered_map<std::string_view, int> confirmed; // counted once: shifts x sign-ups
    for (const SignUp& u : signups) {
        if (u.state == SignUpState::Confirmed) {
            ++confirmed[u.shift_id];
        }
    }
    std::vector<const Shift*> out;
    for (const Shift& s : shifts) {
        if (s.end <= now || s.start > now + kDayMs) {
            continue; // over, or not within the next 24 hours
        }
        const auto it = confirmed.find(s.id);
        if ((it == confirmed.end() ? 0 : it->second) < s.min_people) {
            out.push_back(&s);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Shift* a, const Shift* b) { return a->start < b->start; });
    return out;
}

std::vector<const Shift*> OnNow(const std::vector<Shift>& shifts, int64_t now) {
    std::vector<const Shift*> out;
    for (const Shift& s : shifts) {
        if (s.start <= now && now < s.end) {
            out.push_back(&s);
        }
    }
    return out;
}

double HoursWorked(const std::vector<SignUp>& signups_of_volunteer) {
    int64_t ms = 0;
    for (const SignUp& s : signups_of_volunteer) {
        if (s.checked_in > 0 && s.checked_out > s.checked_in) {
            ms += s.checked_out - s.checked_in;
        }
    }
    return static_cast<double>(ms) / static_cast<double>(kHourMs);
}

} // namespace linli
