#include "app/sampling/round_views.hpp"

namespace linli {

// Builds (when something changed) the rows of the list with their offsets.
const WalkRowsCache& UpdateWalkRows(WalkRowsCache& c, const SamplingModel& model,
                                    const std::string& building, const Round* round,
                                    bool only_missing, WalkRowHeights heights) {
    const std::string round_id = round != nullptr ? round->id : std::string();
    const float scale = heights.resident;
    if (c.building == building && c.round_id == round_id && c.only_missing == only_missing &&
        c.roster_version == model.RosterVersion() && c.marks_version == model.MarksVersion() &&
        c.row_scale == scale) {
        return c;
    }
    c = WalkRowsCache{building, round_id, only_missing, model.RosterVersion(), model.MarksVersion(),
                      scale,    {},       0.0f};
    const BuildingRef* b = model.FindBuildingRef(building);
    if (b == nullptr) {
        return c;
    }
    const auto& residents = model.Residents();
    static const MarksByResident kNoMarks;
    const MarksByResident& marks = round != nullptr ? model.MarksOf(round->id) : kNoMarks;
    auto add = [&](WalkRow row) {
        row.top = c.total_height;
        c.total_height += row.height;
        c.rows.push_back(row);
    };
    for (const UnitRef& u : b->units) {
        bool unit_added = false;
        for (const HouseholdRef& h : u.households) {
            bool complete = true;
            if (round != nullptr) {
                for (size_t i = h.first; i < h.first + h.count; ++i) {
                    const auto it = marks.find(residents[i].id);
                    complete = complete &&
                               IsAccountedFor(StatusOf(residents[i],
                                                       it == marks.end() ? nullptr : it->second));
                }
            }
            if (only_missing && round != nullptr && complete) {
                continue;
            }
            if (!unit_added) {
                add({WalkRow::Kind::Unit, h.first, u.residents, false, 0, heights.unit});
                unit_added = true;
            }
            add({WalkRow::Kind::Household, h.first, h.count, complete && round != nullptr, 0,
                 heights.household});
            for (size_t i = h.first; i < h.first + h.count; ++i) {
                add({WalkRow::Kind::Resident, i, 1, false, 0, scale});
            }
        }
    }
    return c;
}

const RoundListsCache& UpdateRoundLists(RoundListsCache& c, const SamplingModel& model,
                                        const Round& round) {
    if (c.round_id != round.id || c.roster_version != model.RosterVersion() ||
        c.marks_version != model.MarksVersion()) {
        c.round_id = round.id;
        c.roster_version = model.RosterVersion();
        c.marks_version = model.MarksVersion();
        c.missing = MissingList(round, model.Residents(), model.MarksOf(round.id));
        c.home_visits.clear();
        for (const MissingHousehold& h : c.missing) {
            for (const Resident* r : h.residents) {
                if (StatusOf(*r, model.FindMark(round.id, r->id)) == MarkStatus::NeedsHomeVisit) {
                    c.home_visits.push_back(r);
                }
            }
        }
    }
    return c;
}

} // namespace linli
