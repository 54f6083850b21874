// One testing round: progress per building and unit (with the previous round beside it),
// the missing list by household, the home-visit list, and the pooled tubes with their
// results (an abnormal tube lists its people and households at once).
// Sections: the progress tab; the missing tab; the home-visit tab; a tube's detail and the
// tubes tab; DrawRoundView (header, edit and delete, tabs).
#include <imgui.h>
#include <set>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {
namespace {

int Percent(const Progress& p) {
    return static_cast<int>(p.SampledShare() * 100.0 + 0.5);
}

void DrawProgressTab(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const RoundProgress& progress = model.ProgressOf(round);
    const Round* previous = model.PreviousRound(round);
    const RoundProgress* before = previous ? &model.ProgressOf(*previous) : nullptr;
    for (const BuildingProgress& b : progress.buildings) {
        ImGui::PushID(b.building.c_str());
        const std::string title = BuildingLabel(b.building, ui.lang) + " · " +
                                  ui.T(ControlLevelText(model.LevelOf(b.building)));
        int previous_percent = -1;
        if (before != nullptr) {
            if (const BuildingProgress* old = before->Find(b.building)) {
                previous_percent = Percent(old->progress);
            }
        }
        if (BuildingProgressRow(ui, "open-building", title, b.progress, previous_percent,
                                previous ? previous->date : std::string())) {
            s.building = b.building;
            s.view = SamplingView::Building;
            s.status_sheet.clear();
            s.message.clear();
            ImGui::SetScrollY(0.0f);
        }
        // Units on one wrapped line: "1单元 12/77 (3户)".
        std::string units;
        for (const UnitProgress& u : b.units) {
            units += UnitLabel(u.unit, ui.lang) + " " + std::to_string(u.progress.sampled) + "/" +
                     std::to_string(u.progress.residents);
            if (u.progress.households_incomplete > 0) {
                units += Format(ui.T(SamplingText::UnitIncomplete),
                                static_cast<int>(u.progress.households_incomplete));
            } else {
                units += std::string(" ") + ui.T(SamplingText::HouseholdDone);
            }
            units += "   ";
        }
        ImGui::PushFont(nullptr, ui.metrics.body_font - 2.0f);
        MutedText(units.c_str());
        ImGui::PopFont();
        ImGui::PopID();
    }
}

const RoundListsCache& RoundLists(const SamplingModel& model, SamplingState& s,
                                  const Round& round) {
    return UpdateRoundLists(s.lists, model, round);
}

void DrawMissingTab(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const std::vector<MissingHousehold>& missing = RoundLists(model, s, round).missing;
    if (missing.empty()) {
        StatusText(ui, "missing-none", ui.T(SamplingText::MissingEmpty), colors::kPrimary);
        return;
    }
    const float row_height = ui.metrics.touch_target + 16.0f + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(missing.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MissingHousehold& h = missing[static_cast<size_t>(i)];
            const Resident& first = *h.residents.front();
            std::string who;
            for (const Resident* r : h.residents) {
                if (!who.empty()) {
                    who += ui.lang == Language::Chinese ? "、" : ", ";
                }
                const MarkStatus st = StatusOf(*r, model.FindMark(round.id, r->id));
                who += r->name + (st == MarkStatus::Pending
                                      ? std::string()
                                      : "(" + std::string(ui.T(MarkStatusText(st))) + ")");
            }
            if (ListRow(ui, ("missing-" + ShortAddress(first)).c_str(),
                        AddressLabel(first, ui.lang), who)) {
                s.building = first.building;
                s.only_missing = true;
                s.view = SamplingView::Building;
                ImGui::SetScrollY(0.0f);
            }
        }
    }
}

void DrawHomeVisitRow(UiContext& ui, AppState& state, const Round& round, const Resident& r,
                      float width, float button);

void DrawHomeVisitsTab(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    // Copied: a tap below changes the marks and so the cached list.
    const std::vector<const Resident*> list = RoundLists(model, s, round).home_visits;
    if (list.empty()) {
        StatusText(ui, "home-none", ui.T(SamplingText::HomeVisitEmpty), colors::kPrimary);
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float button = 120.0f;
    const float width = ImGui::GetContentRegionAvail().x - button - gap;
    // Rows of one height: only those on screen are drawn.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()),
                  ui.metrics.touch_target + 16.0f + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            DrawHomeVisitRow(ui, state, round, *list[static_cast<size_t>(i)], width, button);
        }
    }
}

void DrawHomeVisitRow(UiContext& ui, AppState& state, const Round& round, const Resident& r,
                      float width, float button) {
    SamplingState& s = state.sampling;
    if (ResidentRow(ui, r, nullptr, 0, width)) {
        OpenResidentForm(state, r, SamplingView::Round);
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 8.0f);
    ImGui::PushID(r.id.c_str());
    if (PrimaryButton(ui, ui.T(SamplingText::StatusHomeVisitDone), "home-done", button)) {
        ShowOutcome(ui, s,
                    ui.data.Sampling().MarkResident(round.id, r.id, MarkStatus::HomeVisitDone,
                                                    ui.platform.NowMs()));
    }
    ImGui::PopID();
}

void DrawTubeDetail(UiContext& ui, AppState& state, const Round& round, const Tube& tube) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const std::vector<const Resident*> members = model.TubeMembers(round.id, tube.number);
    std::set<std::string> households;
    for (const Resident* r : members) {
        households.insert(HouseholdKey(*r));
    }
    if (tube.result == TubeResult::Abnormal) {
        ErrorText(ui, "tube-abnormal",
                  Format(ui.T(SamplingText::TubeAbnormalTitle), tube.number.c_str(),
                         static_cast<int>(members.size()), static_cast<int>(households.size()))
                      .c_str());
        std::set<std::string> buildings;
        for (const Resident* r : members) {
            if (model.LevelOf(r->building) != ControlLevel::Sealed) {
                buildings.insert(r->building);
            }
        }
        if (!buildings.empty() &&
            DangerButton(ui, ui.T(SamplingText::SealBuildings), "seal-buildings")) {
            for (const std::string& b : buildings) {
                ShowOutcome(ui, s, ui.data.Sampling().SetBuildingLevel(b, ControlLevel::Sealed));
            }
        }
    } else {
        MutedText(ui.T(SamplingText::TubeMembers));
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    const TubeResult results[] = {TubeResult::Pending, TubeResult::Negative, TubeResult::Abnormal};
    for (size_t i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("result-") + TubeResultKey(results[i]);
        if (SegmentOption(ui, ui.T(TubeResultText(results[i])), id.c_str(),
                          tube.result == results[i], third) &&
            tube.result != results[i]) {
            ShowOutcome(ui, s, ui.data.Sampling().SetTubeResult(round.id, tube.number, results[i]));
        }
    }
    const float width = ImGui::GetContentRegionAvail().x;
    for (const Resident* r : members) {
        if (ResidentRow(ui, *r, nullptr, 0, width)) {
            OpenResidentForm(state, *r, SamplingView::Round);
        }
    }
}

void DrawTubesTab(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    TubeBar(ui, state, round);
    const std::vector<const Tube*> tubes = model.TubesOf(round.id);
    if (tubes.empty()) {
        MutedText(ui.T(SamplingText::TubesEmpty));
        return;
    }
    // Abnormal tubes first: their people must be found now.
    std::vector<const Tube*> ordered;
    for (const Tube* t : tubes) {
        if (t->result == TubeResult::Abnormal) {
            ordered.push_back(t);
        }
    }
    for (const Tube* t : tubes) {
        if (t->result != TubeResult::Abnormal) {
            ordered.push_back(t);
        }
    }
    for (const Tube* t : ordered) {
        const std::string detail = Format(
            ui.T(SamplingText::TubeLine), static_cast<int>(model.TubeCount(round.id, t->number)),
            ui.T(t->closed ? SamplingText::TubeStateClosed : SamplingText::TubeStateOpen),
            ui.T(TubeResultText(t->result)));
        if (ListRow(ui, ("tube-" + t->number).c_str(),
                    ui.T(SamplingText::TubeNumber) + (" " + t->number), detail)) {
            s.tube_detail = s.tube_detail == t->number ? std::string() : t->number;
        }
        if (s.tube_detail == t->number || t->result == TubeResult::Abnormal) {
            ImGui::PushID(t->number.c_str());
            ImGui::Indent(8.0f);
            DrawTubeDetail(ui, state, round, *t);
            ImGui::Unindent(8.0f);
            ImGui::PopID();
        }
    }
}

} // namespace

void DrawRoundView(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const Round* round = model.FindRound(s.round_id);
    if (BackButton(ui, "round-back") || round == nullptr) {
        s.view = SamplingView::Home;
        s.message.clear();
        s.confirm_round_delete = false;
        return;
    }
    Heading(ui, Format(ui.T(SamplingText::RoundLine), round->date.c_str(),
                       ui.T(RoundKindText(round->kind)), ui.T(PoolText(round->pool_size)))
                    .c_str());
    for (const SiteWindow& site : round->sites) {
        if (!site.site.empty() || !site.window.empty()) {
            MutedText((site.site + "  " + site.window).c_str());
        }
    }
    DrawSaveStatus(ui);
    DrawToast(ui, s);
    // The round's sites and windows as the sampling teams' shifts (volunteers area).
    if (!round->sites.empty() &&
        TouchButton(ui, ui.T(VolunteerText::TeamsFromRound), "round-teams")) {
        int skipped = 0;
        const int64_t day = ParseLocalDate(round->date);
        const Outcome made =
            day == 0 ? Outcome{}
                     : ui.data.Shifts().TeamsFromRound(*round, ui.T(VolunteerText::TeamsPrefix),
                                                       day, 2, ui.platform.NowMs(), skipped);
        s.message = made.ok ? Format(ui.T(VolunteerText::TeamsMade), skipped)
                            : std::string(ui.T(ShellText::EditStale));
        s.message_is_error = !made.ok;
    }
    const RoundProgress& progress = model.ProgressOf(*round);
    ProgressBar(ui, "round-progress", progress.total);
    if (const Round* previous = model.PreviousRound(*round)) {
        MutedText(Format(ui.T(SamplingText::ProgressCompare), previous->date.c_str(),
                         Percent(model.ProgressOf(*previous).total))
                      .c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float quarter = (ImGui::GetContentRegionAvail().x - 3 * gap) / 4.0f;
    const std::pair<RoundTab, SamplingText> tabs[] = {
        {RoundTab::Progress, SamplingText::TabProgress},
        {RoundTab::Missing, SamplingText::TabMissing},
        {RoundTab::HomeVisits, SamplingText::TabHomeVisits},
        {RoundTab::Tubes, SamplingText::TabTubes}};
    for (size_t i = 0; i < 4; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = "round-tab-" + std::to_string(i);
        if (SegmentOption(ui, ui.T(tabs[i].second), id.c_str(), s.round_tab == tabs[i].first,
                          quarter)) {
            s.round_tab = tabs[i].first;
            s.message.clear();
        }
    }
    ImGui::Spacing();
    switch (s.round_tab) {
    case RoundTab::Progress:
        DrawProgressTab(ui, state, *round);
        if (TouchButton(ui, ui.T(SamplingText::ExportRound), "round-export")) {
            ui.platform.DownloadFile("round-" + round->date + ".csv", "text/csv;charset=utf-8",
                                     RoundCsv(*round, model.Residents(), model.MarksOf(round->id),
                                              ui.lang, UtcOffsetMinutes(ui.platform.NowMs())));
        }
        if (TouchButton(ui, ui.T(SamplingText::ExportRoundXlsx), "round-export-xlsx")) {
            const XlsxWriteResult xlsx =
                RoundXlsx(*round, model.Residents(), model.MarksOf(round->id), ui.lang,
                          UtcOffsetMinutes(ui.platform.NowMs()));
            if (xlsx.error.empty()) {
                ui.platform.DownloadFile("round-" + round->date + ".xlsx", std::string(kXlsxMime),
                                         xlsx.bytes);
            } else {
                s.message = Format(ui.T(SamplingText::ExportFailed), xlsx.error.c_str());
                s.message_is_error = true;
            }
        }
        if (TouchButton(ui, ui.T(SamplingText::RoundEdit), "round-edit")) {
            RoundForm form;
            form.round = *round;
            form.sites =
                round->sites.empty() ? std::vector<SiteWindow>{SiteWindow{}} : round->sites;
            form.all_buildings = round->buildings.empty();
            form.chosen = round->buildings;
            s.round_form = std::move(form);
            s.view = SamplingView::RoundForm;
            return;
        }
        if (!s.confirm_round_delete) {
            if (TouchButton(ui, ui.T(SamplingText::RoundDelete), "round-delete")) {
                s.confirm_round_delete = true; // a second tap confirms
            }
        } else if (DangerButton(ui,
                                Format(ui.T(SamplingText::RoundDeleteConfirm),
                                       static_cast<int>(model.MarksOf(round->id).size()))
                                    .c_str(),
                                "round-delete-confirm")) {
            const Outcome out = ui.data.Sampling().RemoveRound(round->id);
            ShowOutcome(ui, s, out);
            if (out.ok) {
                s.confirm_round_delete = false;
                s.round_id.clear();
                s.view = SamplingView::Home;
            }
            return;
        }
        break;
    case RoundTab::Missing:
        DrawMissingTab(ui, state, *round);
        break;
    case RoundTab::HomeVisits:
        DrawHomeVisitsTab(ui, state, *round);
        break;
    case RoundTab::Tubes:
        DrawTubesTab(ui, state, *round);
        break;
    }
}

} // namespace linli::ui
