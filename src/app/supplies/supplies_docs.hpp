#pragma once
// Supply documents: ids and bodies. Types: order_round (a group buy and what it offers),
// order (one household's order in a round), catalog_item (what the committee buys).
#include <string>
#include <string_view>

#include "core/supplies/catalog.hpp"
#include "core/supplies/group_buy.hpp"
#include "store/document.hpp"
#include "store/schema.hpp"

namespace linli {

// Rounds get a made id: store::IdGenerator::Make("order_round", now).
// One order per household and round, on every device: two phones importing one chain
// offline update one document instead of making two.
std::string OrderId(std::string_view round_id, std::string_view building, std::string_view unit,
                    std::string_view room);

void RegisterSuppliesTypes(store::SchemaRegistry& schemas);

OrderRound OrderRoundFromDoc(const store::Document& doc);
store::Json OrderRoundBody(const OrderRound& round);
Order OrderFromDoc(const store::Document& doc);
store::Json OrderBody(const Order& order);
// Catalog items get a made id: store::IdGenerator::Make("catalog_item", now).
CatalogItem CatalogItemFromDoc(const store::Document& doc);
store::Json CatalogItemBody(const CatalogItem& item);

const char* RoundStateKey(RoundState s);
const char* OrderChannelKey(OrderChannel c);
const char* PaymentKey(Payment p);
const char* OrderStatusKey(OrderStatus s);
const char* DropOutcomeKey(DropOutcome d);

inline constexpr RoundState kAllRoundStates[] = {RoundState::Open, RoundState::Closed,
                                                 RoundState::Ordered, RoundState::Delivering,
                                                 RoundState::Done};
inline constexpr OrderChannel kAllOrderChannels[] = {
    OrderChannel::Jielong, OrderChannel::Phone, OrderChannel::InPerson, OrderChannel::OnBehalf};
inline constexpr Payment kAllPayments[] = {Payment::Unpaid, Payment::Paid, Payment::CashOnDelivery,
                                           Payment::Subsidised};
inline constexpr OrderStatus kAllOrderStatuses[] = {
    OrderStatus::New,       OrderStatus::Confirmed,
    OrderStatus::Packed,    OrderStatus::OutForDelivery,
    OrderStatus::Delivered, OrderStatus::Problem,
    OrderStatus::Cancelled};
inline constexpr DropOutcome kAllDropOutcomes[] = {
    DropOutcome::None,    DropOutcome::Delivered,    DropOutcome::LeftAtDoor, DropOutcome::NotHome,
    DropOutcome::Refused, DropOutcome::WrongAddress, DropOutcome::Problem};

} // namespace linli
