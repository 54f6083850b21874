#pragma once
// Pieces the supplies screens share: names of states and outcomes, lines as text, money,
// and the message line.
#include <string>
#include <vector>

#include "core/supplies/group_buy.hpp"
#include "io/sheet.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

SupplyText RoundStateText(RoundState s);
SupplyText OrderStatusText(OrderStatus s);
SupplyText DropOutcomeText(DropOutcome d);
// "1号×2 3号×1".
std::string LinesText(const std::vector<OrderLine>& lines);
// "1号 蔬菜包", or just "蔬菜包" when the code is the name.
std::string OfferLabel(const std::string& code, const std::string& name);
// "￥39.9".
std::string Money(Fen fen);
// "3-2-1502" (or "3-1502" without a unit).
std::string OrderAddress(const Order& o);

void SayOutcome(UiContext& ui, SuppliesState& s, const Outcome& out, const std::string& done);
void DrawSuppliesMessage(UiContext& ui, SuppliesState& s);
// Why a sheet could not be read, for the person who chose it.
std::string SheetErrorText(UiContext& ui, SheetError error);

} // namespace linli::ui
