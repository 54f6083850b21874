#pragma once
// "No household missed" for food too: the households a round must call because they
// have no order yet and are in a sealed building, or have someone living alone (who
// often cannot use WeChat). Someone then orders on their behalf.
#include <functional>
#include <string>
#include <vector>

#include "core/roster/roster.hpp"
#include "core/supplies/group_buy.hpp"

namespace linli {

struct HouseholdToCall {
    std::string building, unit, room;
    std::vector<const Resident*> people;
    bool sealed = false;
    bool lives_alone = false;
};

// Residents in roster order; level_of gives a building's control level. Households out of
// the round's building scope are left out. Walking order (building, unit, floor, room).
std::vector<HouseholdToCall>
HouseholdsToCall(const OrderRound& round, const std::vector<const Order*>& orders,
                 const std::vector<Resident>& residents,
                 const std::function<ControlLevel(const std::string&)>& level_of);

} // namespace linli
