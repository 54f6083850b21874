#include "core/sampling/sampling.hpp"

#include <unordered_set>

#include "base/utf8.hpp"

#include "base/text.hpp"

namespace linli {

bool IsSampled(MarkStatus s) {
    return s == MarkStatus::Sampled || s == MarkStatus::HomeVisitDone;
}

bool IsAccountedFor(MarkStatus s) {
    return IsSampled(s) || s == MarkStatus::Exempt || s == MarkStatus::Absent;
}

bool RoundCovers(const Round& round, const Resident& r) {
    if (round.buildings.empty()) {
        return true;
    }
    for (const std::string& b : round.buildings) {
        if (b == r.building) {
            return true;
        }
    }
    return false;
}

MarkStatus StatusOf(const Resident& r, const Mark* mark) {
    if (mark != nullptr && mark->status != MarkStatus::Pending) {
        return mark->status;
    }
    if ((r.flags & kHomeVisitFlags) != 0) {
        return MarkStatus::NeedsHomeVisit;
    }
    // Known to be away (外出未归): accounted for until someone marks otherwise.
    return (r.flags & kFlagAway) != 0 ? MarkStatus::Absent : MarkStatus::Pending;
}

bool RosterOrder(const Resident& a, const Resident& b) {
    if (a.building != b.building) {
        return NaturalLess(a.building, b.building);
    }
    if (a.unit != b.unit) {
        return NaturalLess(a.unit, b.unit);
    }
    if (a.room != b.room) {
        return NaturalLess(a.room, b.room);
    }
    // The head of household first, as the spreadsheet lists them.
    const bool a_head = a.relation == "户主";
    const bool b_head = b.relation == "户主";
    if (a_head != b_head) {
        return a_head;
    }
    if (a.name != b.name) {
        return a.name < b.name;
    }
    return a.id < b.id;
}

namespace {

const Mark* FindMark(const MarksByResident& marks, const std::string& resident_id) {
    const auto it = marks.find(resident_id);
    return it == marks.end() ? nullptr : it->second;
}

// Adds one resident to a Progress; household counting is done by the caller, who sees
// households as runs of the same room in roster order.
void Count(Progress& p, MarkStatus s) {
    ++p.residents;
    p.sampled += IsSampled(s) ? 1 : 0;
    p.accounted += IsAccountedFor(s) ? 1 : 0;
    p.needs_home_visit += s == MarkStatus::NeedsHomeVisit ? 1 : 0;
    p.refused += s == MarkStatus::Refused ? 1 : 0;
}

void CountHousehold(Progress& p, bool complete) {
    ++p.households;
    p.households_incomplete += complete ? 0 : 1;
}

} // namespace

const BuildingProgress* RoundProgress::Find(std::string_view building) const {
    for (const BuildingProgress& b : buildings) {
        if (b.building == building) {
            return &b;
        }
    }
    return nullptr;
}

RoundProgress ComputeProgress(const Round& round, const std::vector<Resident>& residents,
                              const MarksByResident& marks) {
    RoundProgress out;
    BuildingProgress* building = nullptr;
    UnitProgress* unit = nullptr;
    const Resident* household_first = nullptr;
    bool household_complete = true;
    auto close_household = [&] {
        if (household_first != nullptr) {
            CountHousehold(out.total, household_complete);
            CountHousehold(building->progress, household_complete);
            CountHousehold(unit->progress, household_complete);
        }
        household_first = nullptr;
        household_complete = true;
    };
    for (const Resident& r : residents) {
        if (!RoundCovers(round, r)) {
            continue;
        }
        const bool new_building = building == nullptr || building->building != r.building;
        const bool new_unit = new_building || unit->unit != r.unit;
        if (household_first == nullptr || new_unit || household_first->room != r.room) {
            close_household();
        }
        if (new_building) {
            out.buildings.push_back({r.building, {}, {}});
            building = &out.buildings.back();
        }
        if (new_unit) {
            building->units.push_back({r.unit, {}});
            unit = &building->units.back();
        }
        if (household_first == nullptr) {
            household_first = &r;
        }
        const MarkStatus s = StatusOf(r, FindMark(marks, r.id));
        household_complete = household_complete && IsAccountedFor(s);
        Count(out.total, s);
        Count(building->progress, s);
        Count(unit->progress, s);
    }
    close_household();
    return out;
}

std::vector<MissingHousehold> MissingList(const Round& round,
                                          const std::vector<Resident>& residents,
                                          const MarksByResident& marks,
                                          std::string_view building_filter) {
    std::vector<MissingHousehold> out;
    for (const Resident& r : residents) {
        if (!RoundCovers(round, r) || (!building_filter.empty() && r.building != building_filter)) {
            continue;
        }
        if (IsAccountedFor(StatusOf(r, FindMark(marks, r.id)))) {
            continue;
        }
        if (out.empty() || out.back().building != r.building || out.back().unit != r.unit ||
            out.back().room != r.room) {
            out.push_back({r.building, r.unit, r.room, {}});
        }
        out.back().residents.push_back(&r);
    }
    return out;
}

std::string NormalizeTubeNumber(std::string_view typed) {
    const std::string trimmed = TrimSpaces(typed);
    std::string out;
    for (size_t i = 0; i < trimmed.size();) {
        // Full-width ASCII (U+FF01..U+FF5E): what a Chinese IME types in full-width mode.
        const Utf8Char ch = DecodeUtf8Char(trimmed, i);
        if (ch.code_point >= 0xFF01 && ch.code_point <= 0xFF5E) {
            out.push_back(static_cast<char>(ch.code_point - 0xFF01 + 0x21));
        } else if (trimmed[i] != ' ') {
            out.append(trimmed, i, ch.length);
        }
        i += ch.length;
    }
    return out;
}

} // namespace linli
