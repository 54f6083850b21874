#include "ui/supplies/supplies_widgets.hpp"

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace linli::ui {

SupplyText RoundStateText(RoundState s) {
    switch (s) {
    case RoundState::Open:
        return SupplyText::StateOpen;
    case RoundState::Closed:
        return SupplyText::StateClosed;
    case RoundState::Ordered:
        return SupplyText::StateOrdered;
    case RoundState::Delivering:
        return SupplyText::StateDelivering;
    case RoundState::Done:
        return SupplyText::StateDone;
    }
    return SupplyText::StateOpen;
}

SupplyText OrderStatusText(OrderStatus s) {
    switch (s) {
    case OrderStatus::New:
        return SupplyText::StatusNew;
    case OrderStatus::Confirmed:
        return SupplyText::StatusConfirmed;
    case OrderStatus::Packed:
        return SupplyText::StatusPacked;
    case OrderStatus::OutForDelivery:
        return SupplyText::StatusOut;
    case OrderStatus::Delivered:
        return SupplyText::StatusDelivered;
    case OrderStatus::Problem:
        return SupplyText::StatusProblem;
    case OrderStatus::Cancelled:
        return SupplyText::StatusCancelled;
    }
    return SupplyText::StatusNew;
}

SupplyText DropOutcomeText(DropOutcome d) {
    switch (d) {
    case DropOutcome::None:
        return SupplyText::DropUndo;
    case DropOutcome::Delivered:
        return SupplyText::DropDelivered;
    case DropOutcome::LeftAtDoor:
        return SupplyText::DropLeftAtDoor;
    case DropOutcome::NotHome:
        return SupplyText::DropNotHome;
    case DropOutcome::Refused:
        return SupplyText::DropRefused;
    case DropOutcome::WrongAddress:
        return SupplyText::DropWrongAddress;
    case DropOutcome::Problem:
        return SupplyText::DropProblem;
    }
    return SupplyText::DropProblem;
}

std::string LinesText(const std::vector<OrderLine>& lines) {
    std::string out;
    for (const OrderLine& l : lines) {
        if (!out.empty()) {
            out += ' ';
        }
        out += l.code + "×" + std::to_string(l.quantity);
    }
    return out;
}

std::string OfferLabel(const std::string& code, const std::string& name) {
    return name.empty() || name == code ? code : code + " " + name;
}

std::string Money(Fen fen) {
    return "￥" + YuanText(fen);
}

std::string OrderAddress(const Order& o) {
    std::string out = o.building;
    if (!o.unit.empty()) {
        out += "-" + o.unit;
    }
    return out + "-" + o.room;
}

void SayOutcome(UiContext& ui, SuppliesState& s, const Outcome& out, const std::string& done) {
    s.message_is_error = !out.ok;
    if (out.ok) {
        s.message = done;
    } else if (out.error && *out.error == store::EditError::ReadOnly) {
        s.message = ui.T(ShellText::ReadOnlyRecord);
    } else {
        s.message = ui.T(ShellText::EditStale);
    }
}

void DrawSuppliesMessage(UiContext& ui, SuppliesState& s) {
    if (s.message.empty()) {
        return;
    }
    if (s.message_is_error) {
        ErrorText(ui, "supplies-message", s.message.c_str());
    } else {
        StatusText(ui, "supplies-message", s.message.c_str(), colors::kPrimary);
    }
}

std::string SheetErrorText(UiContext& ui, SheetError error) {
    switch (error) {
    case SheetError::None:
        return "";
    case SheetError::Empty:
        return ui.T(SupplyText::SheetEmpty);
    case SheetError::BadQuote:
        return ui.T(SupplyText::SheetBadQuote);
    case SheetError::Binary:
        return ui.T(SupplyText::SheetNotText);
    }
    return "";
}

} // namespace linli::ui
