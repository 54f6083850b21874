#pragma once
// Testing rounds: who must be sampled, how each resident was marked, pooled tubes and
// progress. Pure logic over plain structs; app/sampling_model turns documents into them.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/roster/roster.hpp"

namespace linli {

enum class RoundKind { Everyone, FocusGroups, Antigen, Retest };
inline constexpr RoundKind kAllRoundKinds[] = {RoundKind::Everyone, RoundKind::FocusGroups,
                                               RoundKind::Antigen, RoundKind::Retest};

struct SiteWindow {
    std::string site;   // "东门广场"
    std::string window; // "08:00-11:00"
};

struct Round {
    std::string id;
    std::string rev;
    std::string date; // "2026-11-22"
    RoundKind kind = RoundKind::Everyone;
    std::vector<SiteWindow> sites;
    int pool_size = 10;                 // people per tube: 1, 10 or 20
    std::vector<std::string> buildings; // scope; empty = every building
    int64_t created_at = 0;
};

// How a resident stands in a round. Pending and NeedsHomeVisit are also what a resident
// without a mark is (NeedsHomeVisit for the bedridden and immobile).
enum class MarkStatus { Pending, Sampled, Absent, Exempt, Refused, NeedsHomeVisit, HomeVisitDone };
inline constexpr MarkStatus kAllMarkStatuses[] = {
    MarkStatus::Pending, MarkStatus::Sampled,        MarkStatus::Absent,       MarkStatus::Exempt,
    MarkStatus::Refused, MarkStatus::NeedsHomeVisit, MarkStatus::HomeVisitDone};

struct Mark {
    std::string id; // app/sampling/sampling_docs: MarkId(round, resident)
    std::string rev;
    std::string round_id;
    std::string resident_id;
    MarkStatus status = MarkStatus::Pending;
    int64_t at_ms = 0;
    std::string by;   // who marked (the device's name)
    std::string tube; // tube number when sampled
};

enum class TubeResult { Pending, Negative, Abnormal };

struct Tube {
    std::string id; // TubeId(round, number)
    std::string rev;
    std::string round_id;
    std::string number;
    int capacity = 10;
    bool closed = false;
    TubeResult result = TubeResult::Pending;
    std::string opened_by; // device tag: each sampler fills their own open tube
    int64_t opened_at = 0;
};

// Sampled, or sampled at home.
bool IsSampled(MarkStatus s);
// Nobody has to go back for them in this round: sampled, exempt, or away.
bool IsAccountedFor(MarkStatus s);

bool RoundCovers(const Round& round, const Resident& r);

// A resident's status in a round: their mark, else pending (a home visit when flagged
// bedridden or immobile, absent when flagged away from home).
MarkStatus StatusOf(const Resident& r, const Mark* mark);

// Counts for one building, one unit, or the whole round.
struct Progress {
    size_t residents = 0;
    size_t sampled = 0;
    size_t accounted = 0; // sampled + exempt + away
    size_t households = 0;
    size_t households_incomplete = 0; // someone still to be reached
    size_t needs_home_visit = 0;
    size_t refused = 0;
    double SampledShare() const {
        return residents == 0 ? 0.0 : static_cast<double>(sampled) / static_cast<double>(residents);
    }
};

struct UnitProgress {
    std::string unit;
    Progress progress;
};
struct BuildingProgress {
    std::string building;
    Progress progress;
    std::vector<UnitProgress> units;
};
struct RoundProgress {
    Progress total;
    std::vector<BuildingProgress> buildings; // in NaturalLess order
    // A building's counts; nullptr when nobody of that building is in the round.
    const BuildingProgress* Find(std::string_view building) const;
};

using MarksByResident = std::unordered_map<std::string, const Mark*>;

// residents must be sorted by building, unit, room (RosterOrder).
RoundProgress ComputeProgress(const Round& round, const std::vector<Resident>& residents,
                              const MarksByResident& marks);

// The order walked door to door: building, unit, room (natural order), then name.
bool RosterOrder(const Resident& a, const Resident& b);

// Residents still to reach, by household, in walking order.
struct MissingHousehold {
    std::string building, unit, room;
    std::vector<const Resident*> residents; // only those still missing
};
std::vector<MissingHousehold> MissingList(const Round& round,
                                          const std::vector<Resident>& residents,
                                          const MarksByResident& marks,
                                          std::string_view building_filter = {});

// Tube rules.
enum class TubeProblem { None, NumberMissing, NumberTaken, NoOpenTube, TubeFull };
// A tube number as typed: trimmed, full-width digits and letters made ASCII.
std::string NormalizeTubeNumber(std::string_view typed);

} // namespace linli
