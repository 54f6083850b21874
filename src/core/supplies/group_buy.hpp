#pragma once
// Supply orders as a group buy (团购): what a round offers at which price and within which
// limits, and one order per household with its lines. Pure rules over plain structs.
#include <cstdint>
#include <string>
#include <vector>

namespace linli {

// Money in fen (0.01 yuan): prices such as 39.9元 are exact.
using Fen = int64_t;
// "39.9" from 3990; "58" from 5800.
std::string YuanText(Fen fen);

// One thing a round offers: a catalog item or pack, at this round's price.
struct Offer {
    std::string code; // how residents name it in the chain: "1号", "A套餐"
    std::string name; // "蔬菜包"
    std::string spec; // "约6斤", "24盒"
    std::string unit; // "份", "箱"
    Fen price = 0;
    int household_limit = 0; // most one household may order (0: no limit)
    int total_cap = 0;       // most the round takes in all (0: no cap)
    std::string item_id;     // the catalog item, when matched
};

enum class RoundState { Open, Closed, Ordered, Delivering, Done };

struct OrderRound {
    std::string id;
    std::string rev;
    std::string title;
    std::vector<Offer> offers;
    std::string cutoff;                 // as the post says it ("周三晚上9点截单")
    std::string delivery_date;          // "2026-12-03"
    std::vector<std::string> buildings; // scope; empty = every building
    RoundState state = RoundState::Open;
    int64_t created_at = 0;
};

const Offer* FindOffer(const OrderRound& round, const std::string& code);

struct OrderLine {
    std::string code; // the offer's code
    int quantity = 0;
    bool operator==(const OrderLine&) const = default;
};

enum class OrderChannel { Jielong, Phone, InPerson, OnBehalf };
enum class Payment { Unpaid, Paid, CashOnDelivery, Subsidised };
enum class OrderStatus { New, Confirmed, Packed, OutForDelivery, Delivered, Problem, Cancelled };

// What happened at the door.
enum class DropOutcome { None, Delivered, LeftAtDoor, NotHome, Refused, WrongAddress, Problem };
struct Delivery {
    DropOutcome outcome = DropOutcome::None;
    int64_t at = 0;   // when it was marked
    std::string by;   // who marked it (device label)
    Fen cash = 0;     // cash collected at the door
    std::string note; // shortage, substitution, why not
    // What was handed over when it differs from the order (a shortage, a substitute):
    // the quantity per ordered line; empty when everything was delivered as ordered.
    std::vector<OrderLine> delivered;
};
// Delivered and left at the door end the order; the others need another visit or a call.
bool IsDropDone(DropOutcome outcome);

struct Order {
    std::string id;
    std::string rev;
    std::string round_id;
    std::string building, unit, room; // the household (canonical, as the roster has them)
    std::string name;                 // who ordered
    std::string phone;
    bool in_roster = true; // false: an address the roster does not have (flagged)
    std::vector<OrderLine> lines;
    OrderChannel channel = OrderChannel::Jielong;
    Payment payment = Payment::Unpaid;
    Fen received = 0;
    OrderStatus status = OrderStatus::New;
    std::string volunteer;
    std::string note;
    std::vector<int> entries; // the chain's entry numbers it came from (empty: by hand)
    Delivery delivery;
    int64_t updated_at = 0;
};

Fen OrderTotal(const OrderRound& round, const Order& order);

enum class LineProblem { UnknownItem, OverHouseholdLimit, OverTotalCap, NotPositive };
struct OrderLineProblem {
    std::string code;
    LineProblem problem;
    int allowed = 0; // the limit or what is left under the cap
    bool operator==(const OrderLineProblem&) const = default;
};

// Problems of an order's lines against the round: unknown items, a household limit, or a
// cap given what the other orders of the round already take (taken: code -> quantity).
std::vector<OrderLineProblem> CheckOrderLines(const OrderRound& round, const Order& order,
                                              const std::vector<OrderLine>& taken_by_others);

} // namespace linli
