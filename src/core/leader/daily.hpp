#pragma once
// The leader's day (总览 and the daily report, 日报): how far today's testing rounds are per
// building, what is undelivered and late, medicine requests still open and handled today,
// today's volunteer shifts and hours, the shifts short of people in the next 24 hours and
// when each device last synced. Pure rules over plain structs; app/leader gathers them.
//
// Definitions:
//   today        the device's local day [start_ms, end_ms), as the caller gives it.
//   sampling     the rounds dated today; a resident any of them covers is "to sample", and
//                "sampled" when sampled (or sampled at home) in any of them.
//   undelivered  live orders not delivered or left at the door, in rounds not marked done.
//   late         undelivered in a round whose delivery date is before today (IsLate).
//   supplied     households with an order delivered or left at the door today.
//   handled      medicine requests marked delivered today (their last change is today).
//   shifts       shifts that start today; hours worked are check-in to check-out of their
//                confirmed sign-ups; planned hours are confirmed people x shift length.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/roster/roster.hpp"
#include "core/sampling/sampling.hpp"
#include "core/supplies/group_buy.hpp"
#include "core/supplies/medicine.hpp"
#include "core/volunteers/shifts.hpp"

namespace linli {

// The device's local day and the moment the summary is made.
struct LocalDay {
    std::string date;           // "2026-12-03"
    int64_t start_ms = 0;       // local midnight
    int64_t end_ms = 0;         // the next local midnight
    int64_t now_ms = 0;         // when the summary is read
    int utc_offset_minutes = 0; // of the device at now_ms (times in the report)
    bool Contains(int64_t ms) const { return ms >= start_ms && ms < end_ms; }
};

struct BuildingToday {
    std::string building;
    ControlLevel level = ControlLevel::Precaution;
    size_t sampled = 0;
    size_t to_sample = 0;
};

struct SamplingToday {
    std::vector<std::string> round_ids;   // the rounds dated today, oldest first
    std::vector<BuildingToday> buildings; // with someone to sample, natural order
    size_t sampled = 0;
    size_t to_sample = 0;
};

// today_rounds[i]'s marks are marks[i]; residents in RosterOrder. The levels are left as
// precaution (the caller knows the buildings).
SamplingToday SampleToday(const std::vector<const Round*>& today_rounds,
                          const std::vector<Resident>& residents,
                          const std::vector<const MarksByResident*>& marks);

struct RoundUndelivered {
    std::string round_id;
    std::string title;
    std::string delivery_date; // "" when the round has none
    int undelivered = 0;
    bool late = false;      // the delivery date is before today
    bool due_today = false; // the delivery date is today
};

struct OrdersToday {
    int undelivered = 0;
    int late = 0;      // of undelivered
    int due_today = 0; // of undelivered
    int households_supplied = 0;
    int orders_delivered = 0; // today
    // Rounds with undelivered orders: late first, then due today, then by delivery date.
    std::vector<RoundUndelivered> rounds;
};

struct RoundOrders {
    const OrderRound* round = nullptr;
    std::vector<const Order*> orders; // cancelled ones included
};
OrdersToday SummarizeOrders(const std::vector<RoundOrders>& rounds, const LocalDay& day);

struct MedicineToday {
    int open = 0;        // new, assigned or bought
    int open_now = 0;    // of open: urgency "now" (立即)
    int handled = 0;     // delivered today
    int handled_now = 0; // of handled: urgency "now"
    int cannot_get = 0;  // marked "cannot get" today
};
MedicineToday SummarizeMedicine(const std::vector<const MedicineRequest*>& requests,
                                const LocalDay& day);

struct ShiftsToday {
    int shifts = 0;     // starting today
    int people = 0;     // confirmed sign-ups on them
    int checked_in = 0; // of people: checked in
    int under_min = 0;  // of shifts: fewer confirmed than the minimum
    double planned_hours = 0;
    double worked_hours = 0;
};
ShiftsToday SummarizeShifts(const std::vector<Shift>& shifts, const std::vector<SignUp>& signups,
                            const LocalDay& day);

// A shift short of people within the next 24 hours.
struct ShiftGap {
    std::string shift_id;
    std::string post; // the post's name
    int64_t start = 0, end = 0;
    int confirmed = 0;
    int min_people = 0;
};

struct DeviceSync {
    std::string tag;
    std::string name;                    // "" when the device was never named
    std::optional<int64_t> last_sync_ms; // absent: never synced
    bool this_device = false;
};
// This device first, then the most recently synced, then those never synced, by name.
void SortDevices(std::vector<DeviceSync>& devices);

// Everything the overview shows and the daily report says.
struct DailySummary {
    LocalDay day;
    bool sample_data = false; // the sample community is loaded (the report says so)
    SamplingToday sampling;
    std::vector<std::string> sealed; // buildings whose level is sealed (封控), natural order
    OrdersToday orders;
    MedicineToday medicine;
    ShiftsToday shifts;
    std::vector<ShiftGap> gaps; // the earliest first
    std::vector<DeviceSync> devices;
};

} // namespace linli
