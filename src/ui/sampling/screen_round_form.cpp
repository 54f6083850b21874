// A new testing round: date, kind, pooling, sampling sites with their time windows, and
// which buildings it covers. Everyone in scope starts pending.
#include <algorithm>
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

void DrawRoundForm(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    RoundForm& form = s.round_form;
    const SamplingModel& model = ui.data.Sampling().Model();
    const bool editing = !form.round.id.empty();
    if (BackButton(ui, "round-form-back")) {
        s.view = editing ? SamplingView::Round : SamplingView::Home;
        return;
    }
    Heading(ui, ui.T(editing ? SamplingText::RoundEdit : SamplingText::RoundNew));
    TextField(ui, "round-date", ui.T(SamplingText::RoundDate), ui.T(SamplingText::RoundDateHint),
              form.round.date);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    MutedText(ui.T(SamplingText::RoundKindLabel));
    int column = 0;
    for (const RoundKind kind : kAllRoundKinds) {
        if (column == 1) {
            ImGui::SameLine();
        }
        const std::string id = std::string("kind-") + RoundKindKey(kind);
        if (SegmentOption(ui, ui.T(RoundKindText(kind)), id.c_str(), form.round.kind == kind,
                          half)) {
            form.round.kind = kind;
        }
        column = 1 - column;
    }
    MutedText(ui.T(SamplingText::RoundPool));
    // Tubes were opened with the pooling: it cannot change under them.
    const bool pool_locked = editing && !model.TubesOf(form.round.id).empty();
    if (pool_locked) {
        MutedText(ui.T(SamplingText::PoolLocked));
    }
    ImGui::BeginDisabled(pool_locked);
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    const int pools[] = {1, 10, 20};
    for (size_t i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = "pool-" + std::to_string(pools[i]);
        if (SegmentOption(ui, ui.T(PoolText(pools[i])), id.c_str(),
                          form.round.pool_size == pools[i], third)) {
            form.round.pool_size = pools[i];
        }
    }
    ImGui::EndDisabled();
    for (size_t i = 0; i < form.sites.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        TextField(ui, "round-site", ui.T(SamplingText::RoundSite),
                  ui.T(SamplingText::RoundSiteHint), form.sites[i].site);
        TextField(ui, "round-window", ui.T(SamplingText::RoundWindow),
                  ui.T(SamplingText::RoundWindowHint), form.sites[i].window);
        ImGui::PopID();
    }
    if (form.sites.size() < 8 &&
        TouchButton(ui, ui.T(SamplingText::RoundAddSite), "round-add-site")) {
        form.sites.push_back({});
    }
    MutedText(ui.T(SamplingText::RoundScope));
    if (SegmentOption(ui, ui.T(SamplingText::ScopeAll), "scope-all", form.all_buildings, half)) {
        form.all_buildings = true;
    }
    ImGui::SameLine();
    if (SegmentOption(ui, ui.T(SamplingText::ScopeChosen), "scope-chosen", !form.all_buildings,
                      half)) {
        form.all_buildings = false;
    }
    if (!form.all_buildings) {
        column = 0;
        for (const BuildingRef& b : model.Buildings()) {
            if (column == 1) {
                ImGui::SameLine();
            }
            const auto it = std::find(form.chosen.begin(), form.chosen.end(), b.name);
            const bool chosen = it != form.chosen.end();
            if (SegmentOption(ui, BuildingLabel(b.name, ui.lang).c_str(),
                              ("scope-" + b.name).c_str(), chosen, half)) {
                if (chosen) {
                    form.chosen.erase(it);
                } else {
                    form.chosen.push_back(b.name);
                }
            }
            column = 1 - column;
        }
    }
    if (!form.error.empty()) {
        ErrorText(ui, "round-form-error", form.error.c_str());
    }
    if (PrimaryButton(ui, ui.T(editing ? ShellText::ActionSave : ShellText::RoundCreate),
                      "round-create")) {
        form.error.clear();
        if (TrimSpaces(form.round.date).empty()) {
            form.error = ui.T(SamplingText::RoundDateMissing);
        } else if (!form.all_buildings && form.chosen.empty()) {
            form.error = ui.T(SamplingText::RoundScopeEmpty);
        } else {
            Round round = form.round;
            round.sites.clear();
            for (const SiteWindow& site : form.sites) {
                if (!TrimSpaces(site.site).empty() || !TrimSpaces(site.window).empty()) {
                    round.sites.push_back({TrimSpaces(site.site), TrimSpaces(site.window)});
                }
            }
            round.buildings = form.all_buildings ? std::vector<std::string>{} : form.chosen;
            const Outcome out = editing
                                    ? ui.data.Sampling().UpdateRound(round)
                                    : ui.data.Sampling().CreateRound(round, ui.platform.NowMs());
            if (out.ok) {
                s.round_id = out.id;
                s.round_tab = RoundTab::Progress;
                s.view = SamplingView::Round;
                s.message.clear();
            } else {
                form.error = ui.T(ShellText::EditStale);
            }
        }
    }
}

} // namespace linli::ui
