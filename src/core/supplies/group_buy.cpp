#include "core/supplies/group_buy.hpp"

#include <map>

namespace linli {

std::string YuanText(Fen fen) {
    const Fen yuan = fen / 100;
    const Fen rest = fen % 100;
    std::string out = std::to_string(yuan);
    if (rest != 0) {
        out += "." + std::to_string(rest / 10);
        if (rest % 10 != 0) {
            out += std::to_string(rest % 10);
        }
    }
    return out;
}

bool IsDropDone(DropOutcome outcome) {
    return outcome == DropOutcome::Delivered || outcome == DropOutcome::LeftAtDoor;
}

const Offer* FindOffer(const OrderRound& round, const std::string& code) {
    for (const Offer& o : round.offers) {
        if (o.code == code) {
            return &o;
        }
    }
    return nullptr;
}

Fen OrderTotal(const OrderRound& round, const Order& order) {
    Fen total = 0;
    for (const OrderLine& line : order.lines) {
        if (const Offer* o = FindOffer(round, line.code)) {
            total += o->price * line.quantity;
        }
    }
    return total;
}

std::vector<OrderLineProblem> CheckOrderLines(const OrderRound& round, const Order& order,
                                              const std::vector<OrderLine>& taken_by_others) {
    std::map<std::string, int> taken;
    for (const OrderLine& line : taken_by_others) {
        taken[line.code] += line.quantity;
    }
    std::vector<OrderLineProblem> problems;
    for (const OrderLine& line : order.lines) {
        const Offer* o = FindOffer(round, line.code);
        if (o == nullptr) {
            problems.push_back({line.code, LineProblem::UnknownItem, 0});
        } else if (line.quantity <= 0) {
            problems.push_back({line.code, LineProblem::NotPositive, 0});
        } else if (o->household_limit > 0 && line.quantity > o->household_limit) {
            problems.push_back({line.code, LineProblem::OverHouseholdLimit, o->household_limit});
        } else if (o->total_cap > 0 && taken[line.code] + line.quantity > o->total_cap) {
            problems.push_back({line.code, LineProblem::OverTotalCap,
                                std::max(0, o->total_cap - taken[line.code])});
        }
    }
    return problems;
}

} // namespace linli
