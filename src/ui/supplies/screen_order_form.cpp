// One household's order typed in (a phone call, at the desk, for an elderly resident who
// cannot use WeChat), or an order of the round edited: the household from the roster
// (search by room, name, phone tail, pinyin initials) or an address typed by hand
// (allowed, flagged), the lines within the round's limits, channel, payment and money
// received, status, the volunteer and a note.
// Sections: names · choosing the household · the form.
#include <cstdlib>
#include <imgui.h>

#include "core/roster/roster.hpp"
#include "io/roster_text.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

namespace {

// ------------------------------------------------------------------------------ names

SupplyText ChannelText(OrderChannel c) {
    switch (c) {
    case OrderChannel::Jielong:
        return SupplyText::ChannelJielong;
    case OrderChannel::Phone:
        return SupplyText::ChannelPhone;
    case OrderChannel::InPerson:
        return SupplyText::ChannelInPerson;
    case OrderChannel::OnBehalf:
        return SupplyText::ChannelOnBehalf;
    }
    return SupplyText::ChannelPhone;
}

SupplyText PaymentText(Payment p) {
    switch (p) {
    case Payment::Unpaid:
        return SupplyText::PayUnpaid;
    case Payment::Paid:
        return SupplyText::PayPaid;
    case Payment::CashOnDelivery:
        return SupplyText::PayCod;
    case Payment::Subsidised:
        return SupplyText::PaySubsidised;
    }
    return SupplyText::PayUnpaid;
}

const char* OrderProblemText(const UiContext& ui, OrderProblem p) {
    switch (p) {
    case OrderProblem::RoundNotOpen:
        return ui.T(SupplyText::ErrRoundNotOpen);
    case OrderProblem::NoAddress:
        return ui.T(SupplyText::ProblemOrderAddress);
    case OrderProblem::NoLines:
        return ui.T(SupplyText::ProblemOrderLines);
    case OrderProblem::OverLimit:
        return ui.T(SupplyText::ProblemOverLimit);
    case OrderProblem::OverCap:
        return ui.T(SupplyText::ProblemOverCap);
    }
    return "";
}

template <typename E, size_t N>
void Radios(UiContext& ui, const char* id, const E (&options)[N], E& value, SupplyText (*text)(E)) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    for (size_t i = 0; i < N; ++i) {
        if (i % 2 == 1) {
            ImGui::SameLine();
        }
        const std::string rid = std::string(id) + "-" + std::to_string(i);
        if (SegmentOption(ui, ui.T(text(options[i])), rid.c_str(), value == options[i], half)) {
            value = options[i];
        }
    }
}

int QuantityOf(const Order& o, const std::string& code) {
    for (const OrderLine& l : o.lines) {
        if (l.code == code) {
            return l.quantity;
        }
    }
    return 0;
}

void SetQuantity(Order& o, const std::string& code, int q) {
    for (auto it = o.lines.begin(); it != o.lines.end(); ++it) {
        if (it->code == code) {
            if (q <= 0) {
                o.lines.erase(it);
            } else {
                it->quantity = q;
            }
            return;
        }
    }
    if (q > 0) {
        o.lines.push_back({code, q});
    }
}

// -------------------------------------------------------------- choosing the household

void DrawHouseholdPicker(UiContext& ui, OrderForm& f) {
    Order& o = f.order;
    const bool chosen = !o.room.empty() && !f.address_typed;
    if (chosen) {
        StatusText(
            ui, "order-household",
            Format(ui.T(SupplyText::OrderFor), OrderAddress(o).c_str(), o.name.c_str()).c_str());
        if (TouchButton(ui, ui.T(SupplyText::ChangeHousehold), "order-household-change")) {
            o.building.clear();
            o.unit.clear();
            o.room.clear();
            o.name.clear();
            o.phone.clear();
        }
        return;
    }
    if (!f.address_typed) {
        TextField(ui, "order-household-search", ui.T(SupplyText::FindHousehold),
                  ui.T(SupplyText::FindHouseholdHint), f.search);
        const ResidentQuery q = ParseResidentQuery(f.search);
        if (!q.empty) {
            int shown = 0;
            for (const Resident& r : ui.data.Sampling().Model().Residents()) {
                if (!ResidentMatches(r, q)) {
                    continue;
                }
                if (++shown > 8) {
                    MutedText(ui.T(SupplyText::MoreMatches));
                    break;
                }
                const std::string detail =
                    ShortAddress(r) + (r.phone.empty() ? "" : " · " + MaskPhone(r.phone));
                if (ListRow(ui, ("pick-" + r.id).c_str(), r.name, detail)) {
                    o.building = r.building;
                    o.unit = r.unit;
                    o.room = r.room;
                    o.name = r.name;
                    o.phone = r.phone;
                    if (o.note.empty() && !r.note.empty()) {
                        o.note = r.note;
                    }
                    f.search.clear();
                }
            }
            if (shown == 0) {
                MutedText(ui.T(SupplyText::NoHouseholdFound));
            }
        }
        if (TouchButton(ui, ui.T(SupplyText::TypeAddress), "order-type-address")) {
            f.address_typed = true;
        }
        return;
    }
    // An address the roster does not have: typed, saved and flagged.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    ImGui::BeginChild("order-b", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "order-building", ui.T(SamplingText::FieldBuilding), "3", o.building);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("order-u", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "order-unit", ui.T(SamplingText::FieldUnit), "2", o.unit);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("order-r", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "order-room", ui.T(SamplingText::FieldRoom), "1502", o.room);
    ImGui::EndChild();
    TextField(ui, "order-name", ui.T(ShellText::FieldName), "", o.name);
    TextField(ui, "order-phone", ui.T(ShellText::FieldPhone), "", o.phone);
    if (TouchButton(ui, ui.T(SupplyText::FindHousehold), "order-find-household")) {
        f.address_typed = false;
    }
}

} // namespace

void OpenOrderForm(AppState& state, const Order& order) {
    OrderForm& f = state.supplies.order_form;
    f = OrderForm{};
    f.order = order;
    f.received = order.received > 0 ? YuanText(order.received) : "";
    f.address_typed = !order.room.empty() && !order.in_roster;
    state.supplies.view = SuppliesView::OrderForm;
}

// --------------------------------------------------------------------------- the form

void DrawOrderForm(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    OrderForm& f = s.order_form;
    const OrderRound* round = ui.data.Supplies().Model().FindRound(f.order.round_id);
    switch (f.saving.Poll(ui.data)) {
    case WriteState::Durable:
        s.message = Format(ui.T(SupplyText::OrderSaved), OrderAddress(f.order).c_str());
        s.message_is_error = false;
        s.view = SuppliesView::Round;
        f = OrderForm{};
        return;
    case WriteState::Failed:
        f.error = ui.T(SupplyText::ImportNotSaved);
        f.order.rev.clear();
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "order-back") || round == nullptr) {
        s.view = SuppliesView::Round;
        f = OrderForm{};
        return;
    }
    Order& o = f.order;
    Heading(ui, ui.T(o.rev.empty() ? SupplyText::OrderNew : SupplyText::OrderEdit));
    if (DrawConflictHere(ui, state, o.id)) {
        if (const Order* stored = ui.data.Supplies().Model().FindOrder(o.id)) {
            o = *stored; // the version chosen
        }
    }
    DrawHouseholdPicker(ui, f);

    SectionTitle(ui, ui.T(SupplyText::OrderLines));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (const Offer& offer : round->offers) {
        int q = QuantityOf(o, offer.code);
        std::string label = offer.code;
        if (!offer.name.empty() && offer.name != offer.code) {
            label += " " + offer.name;
        }
        label += " " + Money(offer.price);
        if (offer.household_limit > 0) {
            label += " · " + Format(ui.T(SupplyText::LimitPerHousehold), offer.household_limit);
        }
        // Limits and caps are checked on saving, where the form says which one.
        if (Stepper(ui, ("qty-" + offer.code).c_str(), label, q, 0, 1'000'000,
                    Format(ui.T(SupplyText::LessOf), offer.code.c_str()),
                    Format(ui.T(SupplyText::MoreOf), offer.code.c_str()))) {
            SetQuantity(o, offer.code, q);
        }
    }
    StatusText(
        ui, "order-total",
        Format(ui.T(SupplyText::OrderTotalLine), YuanText(OrderTotal(*round, o)).c_str()).c_str());

    MutedText(ui.T(SupplyText::FieldChannel));
    Radios(ui, "channel", kAllOrderChannels, o.channel, ChannelText);
    MutedText(ui.T(SupplyText::FieldPayment));
    Radios(ui, "payment", kAllPayments, o.payment, PaymentText);
    if (o.payment == Payment::Paid) {
        TextField(ui, "order-received", ui.T(SupplyText::FieldReceived), "", f.received);
    }
    if (!o.rev.empty()) {
        MutedText(ui.T(SupplyText::FieldStatus));
        Radios(ui, "status", kAllOrderStatuses, o.status, OrderStatusText);
    }
    TextField(ui, "order-volunteer", ui.T(SupplyText::FieldVolunteer), "", o.volunteer);
    TextField(ui, "order-note", ui.T(SamplingText::FieldNote), ui.T(SupplyText::FieldOrderNoteHint),
              o.note);
    for (size_t i = 0; i < f.problems.size(); ++i) {
        ErrorText(ui, ("order-problem-" + std::to_string(i)).c_str(),
                  OrderProblemText(ui, f.problems[i]));
    }
    if (!f.error.empty()) {
        ErrorText(ui, "order-error", f.error.c_str());
    }
    if (f.saving.Waiting()) {
        StatusText(ui, "order-saving", ui.T(ShellText::SaveSaving));
        return;
    }
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(SupplyText::SaveOrder), "order-save", half)) {
        o.received = ParseYuan(f.received).value_or(0);
        const Outcome out = ui.data.Supplies().SaveOrder(o, ui.platform.NowMs());
        f.problems = out.problems.Of<OrderProblem>();
        f.error.clear();
        if (out.error) {
            f.error = ui.T(ShellText::EditStale);
        }
        if (out.ok) {
            f.saving.Track(out);
            if (const Order* stored = ui.data.Supplies().Model().FindOrder(out.id)) {
                o = *stored;
            }
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "order-cancel", half)) {
        s.view = SuppliesView::Round;
        f = OrderForm{};
    }
}

} // namespace linli::ui
