#include "core/supplies/calling_list.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/supplies/round_totals.hpp"

namespace linli {

std::vector<HouseholdToCall>
HouseholdsToCall(const OrderRound& round, const std::vector<const Order*>& orders,
                 const std::vector<Resident>& residents,
                 const std::function<ControlLevel(const std::string&)>& level_of) {
    std::set<std::string> ordered;
    for (const Order* o : orders) {
        if (o->status != OrderStatus::Cancelled) {
            ordered.insert(HouseholdKey(o->building, o->unit, o->room));
        }
    }
    const std::set<std::string> scope(round.buildings.begin(), round.buildings.end());
    std::map<std::string, HouseholdToCall> households;
    std::map<std::string, ControlLevel> levels;
    for (const Resident& r : residents) {
        if ((!scope.empty() && scope.count(r.building) == 0) || (r.flags & kFlagAway) != 0) {
            continue;
        }
        const std::string key = HouseholdKey(r);
        if (ordered.count(key) > 0) {
            continue;
        }
        auto level = levels.find(r.building);
        if (level == levels.end()) {
            level = levels.emplace(r.building, level_of(r.building)).first;
        }
        HouseholdToCall& h = households[key];
        h.building = r.building;
        h.unit = r.unit;
        h.room = r.room;
        h.people.push_back(&r);
        h.sealed = level->second == ControlLevel::Sealed;
        h.lives_alone = h.lives_alone || (r.flags & kFlagLivesAlone) != 0;
    }
    std::vector<HouseholdToCall> out;
    for (auto& [key, h] : households) {
        if (h.sealed || h.lives_alone) {
            out.push_back(std::move(h));
        }
    }
    std::sort(out.begin(), out.end(), [](const HouseholdToCall& a, const HouseholdToCall& b) {
        Order x, y;
        x.building = a.building, x.unit = a.unit, x.room = a.room;
        y.building = b.building, y.unit = b.unit, y.room = b.room;
        if (a.lives_alone != b.lives_alone) {
            return a.lives_alone; // those living alone first: they cannot answer a chain
        }
        return WalkingOrderLess(x, y);
    });
    return out;
}

} // namespace linli
