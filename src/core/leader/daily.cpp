#include "core/leader/daily.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/supplies/round_totals.hpp"

namespace linli {

SamplingToday SampleToday(const std::vector<const Round*>& today_rounds,
                          const std::vector<Resident>& residents,
                          const std::vector<const MarksByResident*>& marks) {
    SamplingToday out;
    for (const Round* round : today_rounds) {
        out.round_ids.push_back(round->id);
    }
    if (today_rounds.empty()) {
        return out;
    }
    for (const Resident& r : residents) {
        bool covered = false;
        bool sampled = false;
        for (size_t i = 0; i < today_rounds.size(); ++i) {
            if (!RoundCovers(*today_rounds[i], r)) {
                continue;
            }
            covered = true;
            const Mark* mark = nullptr;
            if (i < marks.size() && marks[i] != nullptr) {
                const auto it = marks[i]->find(r.id);
                mark = it == marks[i]->end() ? nullptr : it->second;
            }
            sampled = sampled || IsSampled(StatusOf(r, mark));
        }
        if (!covered) {
            continue;
        }
        // Residents come in RosterOrder: a building's residents are together.
        if (out.buildings.empty() || out.buildings.back().building != r.building) {
            out.buildings.push_back(BuildingToday{r.building, ControlLevel::Precaution, 0, 0});
        }
        BuildingToday& b = out.buildings.back();
        ++b.to_sample;
        ++out.to_sample;
        if (sampled) {
            ++b.sampled;
            ++out.sampled;
        }
    }
    return out;
}

OrdersToday SummarizeOrders(const std::vector<RoundOrders>& rounds, const LocalDay& day) {
    OrdersToday out;
    std::set<std::string> households;
    for (const RoundOrders& ro : rounds) {
        if (ro.round == nullptr) {
            continue;
        }
        const OrderRound& round = *ro.round;
        for (const Order* o : ro.orders) {
            if (o->status != OrderStatus::Cancelled && IsDropDone(o->delivery.outcome) &&
                day.Contains(o->delivery.at)) {
                ++out.orders_delivered;
                households.insert(HouseholdKey(o->building, o->unit, o->room));
            }
        }
        if (round.state == RoundState::Done) {
            continue; // closed by the committee: what is left is not waited for
        }
        const int undelivered = static_cast<int>(Undelivered(ro.orders).size());
        if (undelivered == 0) {
            continue;
        }
        RoundUndelivered r;
        r.round_id = round.id;
        r.title = round.title;
        r.delivery_date = round.delivery_date;
        r.undelivered = undelivered;
        r.late = IsLate(round, day.date);
        r.due_today = !r.late && round.delivery_date == day.date;
        out.undelivered += undelivered;
        out.late += r.late ? undelivered : 0;
        out.due_today += r.due_today ? undelivered : 0;
        out.rounds.push_back(std::move(r));
    }
    out.households_supplied = static_cast<int>(households.size());
    auto rank = [](const RoundUndelivered& r) { return r.late ? 0 : (r.due_today ? 1 : 2); };
    std::stable_sort(out.rounds.begin(), out.rounds.end(),
                     [&](const RoundUndelivered& a, const RoundUndelivered& b) {
                         if (rank(a) != rank(b)) {
                             return rank(a) < rank(b);
                         }
                         // A round with no delivery date comes after those with one.
                         if (a.delivery_date.empty() != b.delivery_date.empty()) {
                             return b.delivery_date.empty();
                         }
                         return a.delivery_date < b.delivery_date;
                     });
    return out;
}

MedicineToday SummarizeMedicine(const std::vector<const MedicineRequest*>& requests,
                                const LocalDay& day) {
    MedicineToday out;
    for (const MedicineRequest* r : requests) {
        const bool now = r->urgency == Urgency::Now;
        if (IsOpen(r->status)) {
            ++out.open;
            out.open_now += now ? 1 : 0;
        } else if (day.Contains(r->updated_at)) {
            if (r->status == MedicineStatus::Delivered) {
                ++out.handled;
                out.handled_now += now ? 1 : 0;
            } else {
                ++out.cannot_get;
            }
        }
    }
    return out;
}

ShiftsToday SummarizeShifts(const std::vector<Shift>& shifts, const std::vector<SignUp>& signups,
                            const LocalDay& day) {
    ShiftsToday out;
    std::map<std::string, const Shift*> today;
    for (const Shift& s : shifts) {
        if (day.Contains(s.start)) {
            today[s.id] = &s;
        }
    }
    out.shifts = static_cast<int>(today.size());
    std::map<std::string, int> confirmed;
    int64_t planned_ms = 0;
    int64_t worked_ms = 0;
    for (const SignUp& u : signups) {
        const auto it = today.find(u.shift_id);
        if (it == today.end() || u.state != SignUpState::Confirmed) {
            continue;
        }
        ++out.people;
        ++confirmed[u.shift_id];
        planned_ms += it->second->end - it->second->start;
        if (u.checked_in > 0) {
            ++out.checked_in;
            if (u.checked_out > u.checked_in) {
                worked_ms += u.checked_out - u.checked_in;
            }
        }
    }
    for (const auto& [id, s] : today) {
        const auto it = confirmed.find(id);
        out.under_min += (it == confirmed.end() ? 0 : it->second) < s->min_people ? 1 : 0;
    }
    out.planned_hours = static_cast<double>(planned_ms) / static_cast<double>(kHourMs);
    out.worked_hours = static_cast<double>(worked_ms) / static_cast<double>(kHourMs);
    return out;
}

void SortDevices(std::vector<DeviceSync>& devices) {
    std::stable_sort(devices.begin(), devices.end(), [](const DeviceSync& a, const DeviceSync& b) {
        if (a.this_device != b.this_device) {
            return a.this_device;
        }
        if (a.last_sync_ms.has_value() != b.last_sync_ms.has_value()) {
            return a.last_sync_ms.has_value();
        }
        if (a.last_sync_ms && *a.last_sync_ms != *b.last_sync_ms) {
            return *a.last_sync_ms > *b.last_sync_ms;
        }
        const std::string& an = a.name.empty() ? a.tag : a.name;
        const std::string& bn = b.name.empty() ? b.tag : b.name;
        return an != bn ? an < bn : a.tag < b.tag;
    });
}

} // namespace linli
