#pragma once
// What a round adds up to: the purchase list (totals per item), totals per building, cash
// to collect and collected, and the households in walking order for packing and for the
// door-drop manifest. Cancelled orders count for nothing.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/supplies/catalog.hpp"
#include "core/supplies/group_buy.hpp"

namespace linli {

struct ItemTotal {
    std::string code;
    int quantity = 0;
    Fen amount = 0;
    bool operator==(const ItemTotal&) const = default;
};

struct BuildingTotal {
    std::string building;
    std::vector<ItemTotal> items; // in the round's offer order, only items ordered
    int orders = 0;
    int delivered = 0;
};

struct RoundTotals {
    std::vector<ItemTotal> items;         // every offer, in the round's order (0 when none ordered)
    std::vector<BuildingTotal> buildings; // natural order
    int orders = 0;                       // live (not cancelled)
    int cancelled = 0;
    int delivered = 0; // delivered or left at the door
    int problems = 0;  // a door outcome that needs another visit, or status Problem
    Fen amount = 0;
    Fen cash_expected = 0;  // cash-on-delivery orders' totals
    Fen cash_collected = 0; // at the door
    Fen paid = 0;           // paid before
    Fen subsidised = 0;
};

RoundTotals AggregateRound(const OrderRound& round, const std::vector<const Order*>& orders);

// What to order from each supplier: the round's totals per item beside the supplier's
// minimum (起送量). Offers with no catalog item come under a supplier named "".
struct PurchaseLine {
    std::string code, name, spec, unit;
    int quantity = 0;
    int min_order = 0;
    Fen amount = 0;
    bool MinMet() const { return min_order <= 0 || quantity >= min_order; }
    int Short() const { return MinMet() ? 0 : min_order - quantity; }
};
struct SupplierPurchase {
    std::string supplier;
    std::string phone;
    std::vector<PurchaseLine> lines; // the round's offer order
    Fen amount = 0;
    bool AllMet() const;
};
std::vector<SupplierPurchase> PurchaseList(const OrderRound& round, const RoundTotals& totals,
                                           const std::vector<const CatalogItem*>& catalog);

// Cash to reconcile per volunteer: what the cash-on-delivery orders they delivered add
// up to against what they marked as collected. Orders nobody delivered yet count under
// their assigned volunteer ("" when none).
struct VolunteerCash {
    std::string volunteer;
    int orders = 0;
    Fen expected = 0;
    Fen collected = 0;
    bool operator==(const VolunteerCash&) const = default;
};
std::vector<VolunteerCash> CashByVolunteer(const OrderRound& round,
                                           const std::vector<const Order*>& orders);

// Live orders not delivered yet, in walking order; late when the round's delivery date
// ("2026-12-03") is before today.
std::vector<const Order*> Undelivered(const std::vector<const Order*>& orders);
bool IsLate(const OrderRound& round, std::string_view today);

// The floor of a room number as Chinese buildings number them: "1502" 15, "302" 3,
// "2-1502" 15; 0 when the room has no number.
int FloorOf(std::string_view room);

// Building, unit, floor, then room, naturally: the order a volunteer walks and packs in.
bool WalkingOrderLess(const Order& a, const Order& b);

// The live orders of a building (all buildings when empty) in walking order.
std::vector<const Order*> WalkingOrder(const std::vector<const Order*>& orders,
                                       std::string_view building = {});

} // namespace linli
