// A group buy set up on the phone: its name, cut-off, delivery date and building scope,
// and what it offers, picked from the catalog with this round's price, household limit
// and total cap. Saved as an open round.
// Sections: helpers · the form.
#include <cstdlib>
#include <imgui.h>

#include "io/roster_text.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

namespace {

// -------------------------------------------------------------------------- helpers

const char* RoundProblemText(const UiContext& ui, RoundProblem p) {
    switch (p) {
    case RoundProblem::TitleMissing:
        return ui.T(SupplyText::ProblemRoundTitle);
    case RoundProblem::NoOffers:
        return ui.T(SupplyText::ProblemRoundOffers);
    case RoundProblem::OfferCodeRepeated:
        return ui.T(SupplyText::ProblemOfferCode);
    case RoundProblem::OfferPriceMissing:
        return ui.T(SupplyText::ProblemItemPrice);
    }
    return "";
}

int Count(const std::string& typed) {
    const std::string t = TrimSpaces(typed);
    return t.empty() ? 0 : std::max(0, std::atoi(t.c_str()));
}

RoundOfferInput* Picked(OrderRoundForm& f, const std::string& item_id) {
    for (RoundOfferInput& o : f.offers) {
        if (o.offer.item_id == item_id) {
            return &o;
        }
    }
    return nullptr;
}

} // namespace

void OpenGroupBuyForm(AppState& state) {
    state.supplies.round_form = OrderRoundForm{};
    state.supplies.view = SuppliesView::RoundForm;
}

// ------------------------------------------------------------------------- the form

void DrawGroupBuyForm(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    OrderRoundForm& f = s.round_form;
    switch (f.saving.Poll(ui.data)) {
    case WriteState::Durable:
        s.message = Format(ui.T(SupplyText::RoundCreated), f.round.title.c_str());
        s.message_is_error = false;
        s.view = SuppliesView::Round;
        s.tab = OrderRoundTab::Orders;
        f = OrderRoundForm{};
        return;
    case WriteState::Failed:
        f.error = ui.T(SupplyText::ImportNotSaved);
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "round-form-back")) {
        s.view = SuppliesView::Home;
        f = OrderRoundForm{};
        return;
    }
    Heading(ui, ui.T(SupplyText::NewRound));
    OrderRound& r = f.round;
    TextField(ui, "round-title", ui.T(SupplyText::FieldRoundTitle),
              ui.T(SupplyText::FieldRoundTitleHint), r.title);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    ImGui::BeginChild("round-cutoff-box", ImVec2(half, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "round-cutoff", ui.T(SupplyText::FieldCutoff), ui.T(SupplyText::FieldCutoffHint),
              r.cutoff);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("round-date-box", ImVec2(half, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "round-delivery", ui.T(SupplyText::FieldDeliveryDate), "2026-12-03",
              r.delivery_date);
    ImGui::EndChild();

    // Scope: no building chosen means every building.
    const auto& buildings = ui.data.Sampling().Model().Buildings();
    if (!buildings.empty()) {
        MutedText(ui.T(SupplyText::FieldScope));
        const float avail = ImGui::GetContentRegionAvail().x;
        float used = 0.0f;
        for (const auto& b : buildings) {
            const std::string label = BuildingLabel(b.name, ui.lang);
            const float w = ImGui::CalcTextSize(label.c_str()).x + 28.0f;
            if (used > 0.0f && used + w <= avail) {
                ImGui::SameLine();
            } else {
                used = 0.0f;
            }
            used += w + gap;
            const auto it = std::find(r.buildings.begin(), r.buildings.end(), b.name);
            const std::string id = "scope-" + b.name;
            if (SegmentOption(ui, label.c_str(), id.c_str(), it != r.buildings.end(), w)) {
                if (it == r.buildings.end()) {
                    r.buildings.push_back(b.name);
                } else {
                    r.buildings.erase(it);
                }
            }
        }
        MutedText(r.buildings.empty()
                      ? ui.T(SupplyText::ScopeAll)
                      : Format(ui.T(SupplyText::ScopeSome), static_cast<int>(r.buildings.size()))
                            .c_str());
    }

    // Offers from the catalog: tap to include, then price, limit and cap.
    SectionTitle(ui, ui.T(SupplyText::OffersTitle));
    const std::vector<const CatalogItem*> items = ui.data.Supplies().Model().Items();
    if (items.empty()) {
        MutedText(ui.T(SupplyText::RoundNeedsCatalog));
    }
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    for (const CatalogItem* item : items) {
        if (!item->active) {
            continue;
        }
        RoundOfferInput* picked = Picked(f, item->id);
        std::string label = item->name;
        if (!item->spec.empty()) {
            label += " " + item->spec;
        }
        label += " · " + Money(item->price);
        const std::string id = "offer-" + item->id;
        if (SegmentOption(ui, label.c_str(), id.c_str(), picked != nullptr, -FLT_MIN)) {
            if (picked == nullptr) {
                RoundOfferInput in;
                in.offer = OfferFromCatalog(*item);
                in.price = YuanText(item->price);
                f.offers.push_back(std::move(in));
            } else {
                f.offers.erase(f.offers.begin() + (picked - f.offers.data()));
            }
            picked = Picked(f, item->id);
        }
        if (picked != nullptr) {
            ImGui::PushID(id.c_str());
            ImGui::BeginChild("p", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
            TextField(ui, (id + "-price").c_str(), ui.T(SupplyText::FieldPrice), "", picked->price);
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("l", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
            TextField(ui, (id + "-limit").c_str(), ui.T(SupplyText::FieldLimit),
                      ui.T(SupplyText::NoLimitHint), picked->limit);
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("c", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
            TextField(ui, (id + "-cap").c_str(), ui.T(SupplyText::FieldCap),
                      ui.T(SupplyText::NoLimitHint), picked->cap);
            ImGui::EndChild();
            ImGui::PopID();
        }
    }
    for (size_t i = 0; i < f.problems.size(); ++i) {
        ErrorText(ui, ("round-problem-" + std::to_string(i)).c_str(),
                  RoundProblemText(ui, f.problems[i]));
    }
    if (!f.error.empty()) {
        ErrorText(ui, "round-form-error", f.error.c_str());
    }
    if (f.saving.Waiting()) {
        StatusText(ui, "round-saving", ui.T(ShellText::SaveSaving));
        return;
    }
    if (PrimaryButton(ui, ui.T(SupplyText::CreateRound), "round-create", half)) {
        r.offers.clear();
        for (const RoundOfferInput& in : f.offers) {
            Offer o = in.offer;
            o.price = ParseYuan(in.price).value_or(0);
            o.household_limit = Count(in.limit);
            o.total_cap = Count(in.cap);
            r.offers.push_back(std::move(o));
        }
        const Outcome out = ui.data.Supplies().CreateRound(r, ui.platform.NowMs());
        f.problems = out.problems.Of<RoundProblem>();
        f.error.clear();
        if (out.error) {
            f.error = ui.T(ShellText::EditStale);
        }
        if (out.ok) {
            f.saving.Track(out);
            s.round_id = out.id;
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "round-form-cancel", half)) {
        s.view = SuppliesView::Home;
        f = OrderRoundForm{};
    }
}

} // namespace linli::ui
