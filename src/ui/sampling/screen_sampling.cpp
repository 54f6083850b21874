// Sampling rosters (采样): search the roster, the current testing round at a glance, the
// buildings, and the way into import, rounds and the door-to-door view.
#include <algorithm>
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

// Filters the roster once per query or roster change, not every frame.
const std::vector<size_t>& SearchResults(const SamplingModel& model, SamplingState& s) {
    if (s.cached_query != s.search || s.cached_version != model.RosterVersion()) {
        s.results.clear();
        const auto& residents = model.Residents();
        const ResidentQuery query = ParseResidentQuery(s.search);
        for (size_t i = 0; i < residents.size(); ++i) {
            if (ResidentMatches(residents[i], query)) {
                s.results.push_back(i);
            }
        }
        s.cached_query = s.search;
        s.cached_version = model.RosterVersion();
    }
    return s.results;
}

void DrawSearchResults(UiContext& ui, AppState& state, const SamplingModel& model) {
    SamplingState& s = state.sampling;
    const std::vector<size_t>& results = SearchResults(model, s);
    if (results.empty()) {
        MutedText(Format(ui.T(ShellText::SearchNoMatch), s.search.c_str()).c_str());
        return;
    }
    MutedText(Format(ui.T(SamplingText::SamplingFound), static_cast<int>(results.size())).c_str());
    const Round* round = s.round_id.empty() ? nullptr : model.FindRound(s.round_id);
    const float row_height = ui.metrics.touch_target + 16.0f + ImGui::GetStyle().ItemSpacing.y;
    const float width = ImGui::GetContentRegionAvail().x;
    // Only the rows on screen are drawn: 30,000 matches cost as much as 20.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(results.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Resident& r = model.Residents()[results[static_cast<size_t>(i)]];
            const char* status = nullptr;
            unsigned int colour = 0;
            if (round != nullptr && RoundCovers(*round, r)) {
                const MarkStatus st = StatusOf(r, model.FindMark(round->id, r.id));
                status = ui.T(MarkStatusText(st));
                colour = StatusColour(st);
            }
            if (ResidentRow(ui, r, status, colour, width)) {
                if (round != nullptr) {
                    s.building = r.building;
                    s.status_sheet = r.id;
                    s.view = SamplingView::Building;
                } else {
                    OpenResidentForm(state, r, SamplingView::Home);
                }
            }
        }
    }
}

void DrawRoundCard(UiContext& ui, AppState& state, const SamplingModel& model) {
    SamplingState& s = state.sampling;
    SectionTitle(ui, ui.T(SamplingText::RoundsTitle));
    const std::vector<const Round*> rounds = model.Rounds();
    if (rounds.empty()) {
        MutedText(ui.T(SamplingText::RoundNone));
    }
    // The newest round first (the current one); older ones stay reachable for comparison
    // and exports, folded after the first three.
    const size_t shown = s.all_rounds ? rounds.size() : std::min<size_t>(rounds.size(), 3);
    for (size_t i = 0; i < shown; ++i) {
        const Round& r = *rounds[i];
        const Progress& p = model.ProgressOf(r).total;
        const std::string title = Format(ui.T(SamplingText::RoundLine), r.date.c_str(),
                                         ui.T(RoundKindText(r.kind)), ui.T(PoolText(r.pool_size)));
        const std::string detail =
            Format(ui.T(SamplingText::ProgressLine), static_cast<int>(p.sampled),
                   static_cast<int>(p.residents), static_cast<int>(p.households_incomplete));
        if (ListRow(ui, ("round-" + r.id).c_str(), title, detail)) {
            s.round_id = r.id;
            s.round_tab = RoundTab::Progress;
            s.view = SamplingView::Round;
            s.message.clear();
        }
    }
    if (shown < rounds.size() &&
        TouchButton(ui,
                    Format(ui.T(SamplingText::RoundsAll), static_cast<int>(rounds.size())).c_str(),
                    "rounds-all")) {
        s.all_rounds = true;
    }
    if (TouchButton(ui, ui.T(SamplingText::RoundNew), "round-new")) {
        s.round_form = RoundForm{};
        s.round_form.round.date = TodayDate(ui.platform.NowMs());
        s.view = SamplingView::RoundForm;
    }
}

void DrawBuildings(UiContext& ui, AppState& state, const SamplingModel& model) {
    SamplingState& s = state.sampling;
    SectionTitle(ui, ui.T(SamplingText::SamplingBuildings));
    if (model.Buildings().empty()) {
        MutedText(ui.T(SamplingText::SamplingNoBuildings));
        return;
    }
    const Round* round = s.round_id.empty() ? nullptr : model.FindRound(s.round_id);
    for (const BuildingRef& b : model.Buildings()) {
        const std::string title =
            BuildingLabel(b.name, ui.lang) + " · " + ui.T(ControlLevelText(model.LevelOf(b.name)));
        std::string detail = Format(ui.T(SamplingText::BuildingSummary),
                                    static_cast<int>(b.households), static_cast<int>(b.residents));
        if (round != nullptr) {
            if (const BuildingProgress* bp = model.ProgressOf(*round).Find(b.name)) {
                detail =
                    Format(ui.T(SamplingText::ProgressLine), static_cast<int>(bp->progress.sampled),
                           static_cast<int>(bp->progress.residents),
                           static_cast<int>(bp->progress.households_incomplete));
            }
        }
        if (ListRow(ui, ("building-" + b.name).c_str(), title, detail)) {
            s.building = b.name;
            s.view = SamplingView::Building;
            s.status_sheet.clear();
            s.message.clear();
            ImGui::SetScrollY(0.0f);
        }
    }
}

void DrawHome(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    // The newest round is the one being worked on: buildings open ready to mark it (the
    // round picked last stays picked; a deleted one falls back to the newest).
    if (s.round_id.empty() || model.FindRound(s.round_id) == nullptr) {
        const std::vector<const Round*> rounds = model.Rounds();
        s.round_id = rounds.empty() ? std::string() : rounds.front()->id;
    }
    Heading(ui, ui.T(SamplingText::SamplingTitle));
    DrawSaveStatus(ui);
    DrawMessage(ui, s);
    TextField(ui, "sampling-search", ui.T(ShellText::SearchLabel),
              ui.T(SamplingText::SearchResidentsHint), s.search);
    ImGui::Spacing();
    if (!TrimSpaces(s.search).empty()) {
        DrawSearchResults(ui, state, model);
        return;
    }
    if (model.Residents().empty() && model.Rounds().empty()) {
        MutedText(ui.T(SamplingText::SamplingEmpty));
        DrawSampleOffer(ui, state);
    } else {
        DrawRoundCard(ui, state, model);
        DrawBuildings(ui, state, model);
    }
    SectionTitle(ui, ui.T(SamplingText::RosterSection));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(SamplingText::ImportRoster), "import-open", half)) {
        s.import = ImportState{};
        s.view = SamplingView::Import;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SamplingText::AddResident), "resident-add", half)) {
        Resident r;
        r.building = s.building;
        OpenResidentForm(state, r, SamplingView::Home);
    }
    if (model.Residents().empty()) {
        return;
    }
    const int people = static_cast<int>(model.Residents().size());
    if (TouchButton(ui, ui.T(SamplingText::ExportRoster), "roster-export", half)) {
        const std::string csv = RosterCsv(model.Residents(), ui.lang, false);
        ui.platform.DownloadFile("roster-" + TodayDate(ui.platform.NowMs()) + ".csv",
                                 "text/csv;charset=utf-8", csv);
        s.message = Format(ui.T(SamplingText::ExportDone), people);
        s.message_is_error = false;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SamplingText::ExportRosterXlsx), "roster-export-xlsx", half)) {
        const XlsxWriteResult xlsx = RosterXlsx(model.Residents(), ui.lang, false);
        if (xlsx.error.empty()) {
            ui.platform.DownloadFile("roster-" + TodayDate(ui.platform.NowMs()) + ".xlsx",
                                     std::string(kXlsxMime), xlsx.bytes);
            s.message = Format(ui.T(SamplingText::ExportDone), people);
        } else {
            s.message = Format(ui.T(SamplingText::ExportFailed), xlsx.error.c_str());
        }
        s.message_is_error = !xlsx.error.empty();
    }
}

} // namespace

void DrawSamplingScreen(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    if (s.drawn_view != s.view || s.drawn_building != s.building) {
        ImGui::SetScrollY(0.0f);
        s.drawn_view = s.view;
        s.drawn_building = s.building;
    }
    switch (state.sampling.view) {
    case SamplingView::Home:
        DrawHome(ui, state);
        break;
    case SamplingView::Building:
        DrawBuildingView(ui, state);
        break;
    case SamplingView::Round:
        DrawRoundView(ui, state);
        break;
    case SamplingView::RoundForm:
        DrawRoundForm(ui, state);
        break;
    case SamplingView::ResidentForm:
        DrawResidentForm(ui, state);
        break;
    case SamplingView::Import:
        DrawImportView(ui, state);
        break;
    }
}

} // namespace linli::ui
