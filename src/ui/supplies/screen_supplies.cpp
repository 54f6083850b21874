// Supply orders (物资): the group buys, newest first, and the ways in: paste a chain, set
// a round up by hand, the catalog.
#include <imgui.h>

#include "core/supplies/round_totals.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

void OpenJielongPaste(AppState& state, const std::string& round_id) {
    PasteState& p = state.supplies.paste;
    if (p.round_id != round_id) {
        p = PasteState{};
        p.round_id = round_id;
    }
    state.supplies.view = SuppliesView::Paste;
    state.supplies.message.clear();
}

namespace {

void DrawHome(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    Heading(ui, ui.T(SupplyText::SuppliesTitle));
    if (PrimaryButton(ui, ui.T(SupplyText::PasteJielong), "paste-jielong", -FLT_MIN)) {
        OpenJielongPaste(state, "");
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (TouchButton(ui, ui.T(SupplyText::NewRound), "new-round", half)) {
        OpenGroupBuyForm(state);
        return;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::CatalogTitle), "catalog", half)) {
        s.view = SuppliesView::Catalog;
        s.message.clear();
        return;
    }
    if (TouchButton(ui, ui.T(MedicineText::MedicineTitle), "medicine", -FLT_MIN)) {
        s.view = SuppliesView::Medicine;
        s.message.clear();
    }
    DrawSuppliesMessage(ui, s);
    SuppliesService& supplies = ui.data.Supplies();
    const std::vector<const OrderRound*> rounds = supplies.Model().Rounds();
    if (rounds.empty()) {
        MutedText(ui.T(SupplyText::SuppliesEmpty));
        if (ui.data.Sampling().Model().Residents().empty()) {
            DrawSampleOffer(ui, state);
        }
        return;
    }
    SectionTitle(ui, ui.T(SupplyText::RoundsTitle));
    for (const OrderRound* r : rounds) {
        const RoundTotals t = AggregateRound(*r, supplies.Model().OrdersOf(r->id));
        const std::string title = r->title.empty() ? ui.T(SupplyText::UntitledRound) : r->title;
        const std::string detail =
            Format(ui.T(SupplyText::RoundRow), ui.T(RoundStateText(r->state)), t.orders,
                   YuanText(t.amount).c_str());
        if (ListRow(ui, r->id.c_str(), title, detail)) {
            s.round_id = r->id;
            s.view = SuppliesView::Round;
            s.message.clear();
        }
    }
}

} // namespace

void DrawSuppliesScreen(UiContext& ui, AppState& state) {
    switch (state.supplies.view) {
    case SuppliesView::Home:
        DrawHome(ui, state);
        break;
    case SuppliesView::Paste:
        DrawJielongPaste(ui, state);
        break;
    case SuppliesView::Round:
        DrawOrderRound(ui, state);
        break;
    case SuppliesView::Catalog:
        DrawCatalog(ui, state);
        break;
    case SuppliesView::CatalogForm:
        DrawCatalogForm(ui, state);
        break;
    case SuppliesView::RoundForm:
        DrawGroupBuyForm(ui, state);
        break;
    case SuppliesView::OrderForm:
        DrawOrderForm(ui, state);
        break;
    case SuppliesView::Medicine:
        DrawMedicine(ui, state);
        break;
    case SuppliesView::MedicineForm:
        DrawMedicineForm(ui, state);
        break;
    }
}

} // namespace linli::ui
