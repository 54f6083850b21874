// Record or edit one medicine request: the resident (found by the roster's search: name,
// pinyin initials, phone tail, room or 3-2-1502), the drug, a dose or prescription note,
// whether the resident's medical card is needed, the urgency (立即 / 今天 / 本周), who
// handles it, its status and a note. The form stays until its write is durable.
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/medicine_widgets.hpp"

namespace linli::ui {

namespace {

// The most residents listed under the search; typing more narrows it.
constexpr size_t kMaxShown = 8;

// Filters the roster once per query or roster change, not every frame.
const std::vector<size_t>& SearchResults(const SamplingModel& model, MedicineForm& form) {
    if (form.cached_query != form.search || form.cached_version != model.RosterVersion()) {
        form.results.clear();
        const ResidentQuery query = ParseResidentQuery(form.search);
        if (!query.empty) {
            const std::vector<Resident>& residents = model.Residents();
            for (size_t i = 0; i < residents.size(); ++i) {
                if (ResidentMatches(residents[i], query)) {
                    form.results.push_back(i);
                }
            }
        }
        form.cached_query = form.search;
        form.cached_version = model.RosterVersion();
    }
    return form.results;
}

void DrawResidentPicker(UiContext& ui, MedicineForm& form) {
    const SamplingModel& roster = ui.data.Sampling().Model();
    MutedText(ui.T(MedicineText::FieldResident));
    const float width = ImGui::GetContentRegionAvail().x;
    if (!form.choosing) {
        if (const Resident* r = roster.FindResident(form.request.resident_id)) {
            if (ResidentRow(ui, *r, nullptr, 0, width)) {
                form.choosing = true;
            }
        } else {
            // Recorded for someone the roster no longer has: what the request says.
            MutedText((form.request.name + " " + form.request.building + "-" + form.request.unit +
                       "-" + form.request.room)
                          .c_str());
        }
        if (TouchButton(ui, ui.T(MedicineText::ChangeResident), "medicine-change-resident")) {
            form.choosing = true;
        }
        return;
    }
    if (roster.Residents().empty()) {
        MutedText(ui.T(MedicineText::NoRoster));
        return;
    }
    TextField(ui, "medicine-resident-search", ui.T(MedicineText::ResidentSearch),
              ui.T(MedicineText::ResidentSearchHint), form.search);
    const std::vector<size_t>& results = SearchResults(roster, form);
    if (TrimSpaces(form.search).empty()) {
        return;
    }
    if (results.empty()) {
        MutedText(Format(ui.T(ShellText::SearchNoMatch), form.search.c_str()).c_str());
        return;
    }
    MutedText(Format(ui.T(MedicineText::ResidentFound), static_cast<int>(results.size())).c_str());
    for (size_t i = 0; i < results.size() && i < kMaxShown; ++i) {
        const Resident& r = roster.Residents()[results[i]];
        if (ResidentRow(ui, r, nullptr, 0, width)) {
            form.request.resident_id = r.id;
            form.choosing = false;
            form.search.clear();
            form.problems.clear();
        }
    }
    if (results.size() > kMaxShown) {
        MutedText(
            Format(ui.T(MedicineText::ResidentMore), static_cast<int>(results.size() - kMaxShown))
                .c_str());
    }
}

void Close(AppState& state) {
    state.supplies.view = SuppliesView::Medicine;
    state.supplies.medicine.form = MedicineForm{};
    state.supplies.medicine.scroll_top = true;
}

} // namespace

void OpenMedicineForm(AppState& state, const MedicineRequest& request) {
    MedicineState& m = state.supplies.medicine;
    m.form = MedicineForm{};
    m.form.request = request;
    m.form.choosing = request.resident_id.empty();
    m.message.clear();
    m.undo_asked.clear();
    m.scroll_top = true;
    state.supplies.view = SuppliesView::MedicineForm;
}

void DrawMedicineForm(UiContext& ui, AppState& state) {
    MedicineState& m = state.supplies.medicine;
    MedicineForm& form = m.form;
    MedicineService& medicine = ui.data.Medicine();
    switch (form.saving.Poll(ui.data)) {
    case WriteState::Durable: {
        const std::string drug = form.request.drug;
        Close(state);
        m.message = Format(ui.T(MedicineText::Saved), drug.c_str());
        m.message_is_error = false;
        return;
    }
    case WriteState::Failed: {
        // Keep what was typed; saving again retries (the failed write was rolled back).
        if (const MedicineRequest* stored = medicine.Model().FindRequest(form.request.id)) {
            form.request.rev = stored->rev;
        } else {
            form.request.id.clear();
            form.request.rev.clear();
        }
        break;
    }
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (m.scroll_top) {
        ImGui::SetScrollY(0.0f);
        m.scroll_top = false;
    }
    if (BackButton(ui, "medicine-form-back")) {
        Close(state);
        return;
    }
    MedicineRequest& r = form.request;
    const bool adding = r.id.empty();
    Heading(ui, ui.T(adding ? MedicineText::NewRequest : MedicineText::EditRequest));
    DrawSaveStatus(ui);
    DrawResidentPicker(ui, form);

    TextField(ui, "medicine-drug", ui.T(MedicineText::FieldDrug), ui.T(MedicineText::FieldDrugHint),
              r.drug);
    TextField(ui, "medicine-dose", ui.T(MedicineText::FieldDose), ui.T(MedicineText::FieldDoseHint),
              r.dose_note);
    const float width = ImGui::GetContentRegionAvail().x;
    if (SegmentOption(ui, ui.T(MedicineText::NeedsCard), "medicine-card", r.needs_medical_card,
                      width)) {
        r.needs_medical_card = !r.needs_medical_card;
    }

    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (width - 2 * gap) / 3.0f;
    MutedText(ui.T(MedicineText::FieldUrgency));
    for (size_t i = 0; i < std::size(kAllUrgencies); ++i) {
        const Urgency u = kAllUrgencies[i];
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("urgency-") + UrgencyKey(u);
        if (SegmentOption(ui, ui.T(UrgencyText(u)), id.c_str(), r.urgency == u, third)) {
            r.urgency = u;
        }
    }
    TextField(ui, "medicine-handler", ui.T(MedicineText::FieldHandler),
              ui.T(MedicineText::FieldHandlerHint), r.handler);
    MutedText(ui.T(MedicineText::FieldStatus));
    for (size_t i = 0; i < std::size(kAllMedicineStatuses); ++i) {
        const MedicineStatus st = kAllMedicineStatuses[i];
        if (i % 3 != 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("status-") + MedicineStatusKey(st);
        if (SegmentOption(ui, ui.T(MedicineStatusText(st)), id.c_str(), r.status == st, third)) {
            r.status = st;
        }
    }
    TextField(ui, "medicine-note", ui.T(MedicineText::FieldNote), ui.T(MedicineText::FieldNoteHint),
              r.note);

    for (size_t i = 0; i < form.problems.size(); ++i) {
        ErrorText(ui, ("medicine-problem-" + std::to_string(i)).c_str(),
                  ui.T(MedicineProblemText(form.problems[i])));
    }
    if (!form.error.empty()) {
        ErrorText(ui, "medicine-error", form.error.c_str());
    }
    const float half = (width - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "medicine-save", half) &&
        !form.saving.Waiting()) {
        const int64_t now = ui.platform.NowMs();
        const Outcome out = adding ? medicine.Create(r, now) : medicine.Update(r, now);
        form.problems = out.problems.Of<MedicineProblem>();
        form.error.clear();
        if (out.error) {
            form.error = *out.error == store::EditError::ReadOnly ? ui.T(ShellText::ReadOnlyRecord)
                                                                  : ui.T(ShellText::EditStale);
        }
        if (out.ok) {
            form.saving.Track(out);
            r.id = out.id;
            if (const MedicineRequest* stored = medicine.Model().FindRequest(out.id)) {
                r.rev = stored->rev;
            }
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "medicine-cancel", half)) {
        Close(state);
    }
}

} // namespace linli::ui
