#include "core/supplies/round_totals.hpp"

#include <algorithm>
#include <tuple>

#include "core/roster/roster.hpp"

namespace linli {

namespace {

void AddLine(std::vector<ItemTotal>& items, const OrderLine& line, Fen price) {
    for (ItemTotal& t : items) {
        if (t.code == line.code) {
            t.quantity += line.quantity;
            t.amount += price * line.quantity;
            return;
        }
    }
    items.push_back({line.code, line.quantity, price * line.quantity});
}

size_t OfferIndex(const OrderRound& round, const std::string& code) {
    for (size_t i = 0; i < round.offers.size(); ++i) {
        if (round.offers[i].code == code) {
            return i;
        }
    }
    return round.offers.size();
}

} // namespace

RoundTotals AggregateRound(const OrderRound& round, const std::vector<const Order*>& orders) {
    RoundTotals totals;
    for (const Offer& o : round.offers) {
        totals.items.push_back({o.code, 0, 0});
    }
    std::map<std::string, BuildingTotal> per_building;
    for (const Order* order : orders) {
        if (order->status == OrderStatus::Cancelled) {
            ++totals.cancelled;
            continue;
        }
        ++totals.orders;
        BuildingTotal& b = per_building[order->building];
        b.building = order->building;
        ++b.orders;
        const bool done = IsDropDone(order->delivery.outcome);
        if (done) {
            ++totals.delivered;
            ++b.delivered;
        } else if (order->delivery.outcome != DropOutcome::None ||
                   order->status == OrderStatus::Problem) {
            ++totals.problems;
        }
        Fen order_amount = 0;
        for (const OrderLine& line : order->lines) {
            const Offer* offer = FindOffer(round, line.code);
            const Fen price = offer == nullptr ? 0 : offer->price;
            AddLine(totals.items, line, price);
            AddLine(b.items, line, price);
            order_amount += price * line.quantity;
        }
        totals.amount += order_amount;
        totals.cash_collected += order->delivery.cash;
        switch (order->payment) {
        case Payment::CashOnDelivery:
            totals.cash_expected += order_amount;
            break;
        case Payment::Paid:
            totals.paid += order->received > 0 ? order->received : order_amount;
            break;
        case Payment::Subsidised:
            totals.subsidised += order_amount;
            break;
        case Payment::Unpaid:
            break;
        }
    }
    for (auto& [name, b] : per_building) {
        std::stable_sort(b.items.begin(), b.items.end(),
                         [&](const ItemTotal& x, const ItemTotal& y) {
                             return OfferIndex(round, x.code) < OfferIndex(round, y.code);
                         });
        totals.buildings.push_back(std::move(b));
    }
    std::stable_sort(totals.buildings.begin(), totals.buildings.end(),
                     [](const BuildingTotal& x, const BuildingTotal& y) {
                         return NaturalLess(x.building, y.building);
                     });
    return totals;
}

int FloorOf(std::string_view room) {
    // The digits after the last non-digit: "2-1502" -> "1502".
    size_t end = room.size();
    while (end > 0 && (room[end - 1] < '0' || room[end - 1] > '9')) {
        --end; // "1502室" or "1502A"
    }
    size_t start = end;
    while (start > 0 && room[start - 1] >= '0' && room[start - 1] <= '9') {
        --start;
    }
    const std::string_view digits = room.substr(start, end - start);
    if (digits.size() < 3) {
        return digits.empty() ? 0 : 1; // "12": a bungalow row, ground floor
    }
    int floor = 0;
    for (char c : digits.substr(0, digits.size() - 2)) {
        floor = floor * 10 + (c - '0');
    }
    return floor;
}

bool WalkingOrderLess(const Order& a, const Order& b) {
    if (a.building != b.building) {
        return NaturalLess(a.building, b.building);
    }
    if (a.unit != b.unit) {
        return NaturalLess(a.unit, b.unit);
    }
    const int fa = FloorOf(a.room), fb = FloorOf(b.room);
    if (fa != fb) {
        return fa < fb;
    }
    if (a.room != b.room) {
        return NaturalLess(a.room, b.room);
    }
    return a.id < b.id;
}

std::vector<const Order*> WalkingOrder(const std::vector<const Order*>& orders,
                                       std::string_view building) {
    std::vector<const Order*> out;
    for (const Order* o : orders) {
        if (o->status != OrderStatus::Cancelled && (building.empty() || o->building == building)) {
            out.push_back(o);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Order* a, const Order* b) { return WalkingOrderLess(*a, *b); });
    return out;
}

bool SupplierPurchase::AllMet() const {
    return std::all_of(lines.begin(), lines.end(),
                       [](const PurchaseLine& l) { return l.MinMet(); });
}

std::vector<SupplierPurchase> PurchaseList(const OrderRound& round, const RoundTotals& totals,
                                           const std::vector<const CatalogItem*>& catalog) {
    std::vector<SupplierPurchase> out;
    auto supplier_of = [&](const std::string& name) -> SupplierPurchase& {
        for (SupplierPurchase& s : out) {
            if (s.supplier == name) {
                return s;
            }
        }
        out.push_back({name, "", {}, 0});
        return out.back();
    };
    for (const Offer& offer : round.offers) {
        const CatalogItem* item = MatchCatalog(offer, catalog);
        PurchaseLine line{offer.code, offer.name, offer.spec, offer.unit, 0, 0, 0};
        for (const ItemTotal& t : totals.items) {
            if (t.code == offer.code) {
                line.quantity = t.quantity;
                line.amount = t.amount;
            }
        }
        SupplierPurchase& s = supplier_of(item == nullptr ? std::string() : item->supplier);
        if (item != nullptr) {
            line.min_order = item->min_order;
            if (s.phone.empty()) {
                s.phone = item->supplier_phone;
            }
        }
        s.amount += line.amount;
        s.lines.push_back(std::move(line));
    }
    // Named suppliers first, in the order the round offers them; the unknown one last.
    std::stable_partition(out.begin(), out.end(),
                          [](const SupplierPurchase& s) { return !s.supplier.empty(); });
    return out;
}

std::vector<VolunteerCash> CashByVolunteer(const OrderRound& round,
                                           const std::vector<const Order*>& orders) {
    std::map<std::string, VolunteerCash> per;
    for (const Order* o : orders) {
        if (o->status == OrderStatus::Cancelled) {
            continue;
        }
        const bool cod = o->payment == Payment::CashOnDelivery;
        if (!cod && o->delivery.cash == 0) {
            continue;
        }
        const std::string& who = o->delivery.by.empty() ? o->volunteer : o->delivery.by;
        VolunteerCash& v = per[who];
        v.volunteer = who;
        ++v.orders;
        if (cod) {
            v.expected += OrderTotal(round, *o);
        }
        v.collected += o->delivery.cash;
    }
    std::vector<VolunteerCash> out;
    for (auto& [who, v] : per) {
        out.push_back(v);
    }
    return out;
}

std::vector<const Order*> Undelivered(const std::vector<const Order*>& orders) {
    std::vector<const Order*> out;
    for (const Order* o : WalkingOrder(orders)) {
        if (!IsDropDone(o->delivery.outcome) && o->status != OrderStatus::Delivered) {
            out.push_back(o);
        }
    }
    return out;
}

bool IsLate(const OrderRound& round, std::string_view today) {
    return round.delivery_date.size() == 10 && today.size() == 10 && round.delivery_date < today;
}

} // namespace linli
