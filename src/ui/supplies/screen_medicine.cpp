// Medicine and urgent needs (药品需求): the open requests, the most urgent first (tap one
// to edit it, or record a new one), and the chronically ill and living-alone residents
// nobody has asked yet, each with one tap for "asked, needs nothing" and one to record
// what they need.
// Sections: helpers · requests · residents to ask · the screen.
#include <imgui.h>

#include "io/roster_text.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/medicine_widgets.hpp"

namespace linli::ui {

namespace {

void Say(UiContext& ui, MedicineState& m, const Outcome& out, const std::string& done) {
    m.message_is_error = !out.ok;
    if (out.ok) {
        m.message = done;
    } else if (!out.problems.empty()) {
        m.message = ui.T(MedicineProblemText(out.problems.Of<MedicineProblem>().front()));
    } else if (out.error && *out.error == store::EditError::ReadOnly) {
        m.message = ui.T(ShellText::ReadOnlyRecord);
    } else {
        m.message = ui.T(ShellText::EditStale);
    }
}

void DrawMessage(UiContext& ui, const MedicineState& m) {
    if (m.message.empty()) {
        return;
    }
    if (m.message_is_error) {
        ErrorText(ui, "medicine-message", m.message.c_str());
    } else {
        StatusText(ui, "medicine-message", m.message.c_str(), colors::kPrimary);
    }
}

// ---------------------------------------------------------------------------- requests

void DrawRequests(UiContext& ui, AppState& state) {
    MedicineService& medicine = ui.data.Medicine();
    const std::vector<const MedicineRequest*> open = medicine.Model().OpenRequests();
    if (open.empty()) {
        MutedText(ui.T(MedicineText::NoOpen));
        return;
    }
    StatusText(ui, "medicine-open",
               Format(ui.T(MedicineText::OpenCount), static_cast<int>(open.size())).c_str());
    // Only the rows on screen are drawn.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(open.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MedicineRequest& r = *open[static_cast<size_t>(i)];
            if (ListRow(ui, r.id.c_str(), MedicineTitleLine(ui, r), MedicineDetailLine(ui, r))) {
                OpenMedicineForm(state, r);
            }
        }
    }
}

// ------------------------------------------------------------------- residents to ask

// Right under the message: an "asked" tapped on the wrong row is taken back here.
void DrawUndoAsked(UiContext& ui, MedicineState& m) {
    if (m.undo_asked.empty()) {
        return;
    }
    if (TouchButton(ui, ui.T(MedicineText::Undo), "medicine-undo-asked", -FLT_MIN)) {
        const Resident* r = ui.data.Sampling().Model().FindResident(m.undo_asked);
        const std::string name = r != nullptr ? r->name : std::string();
        Say(ui, m, ui.data.Medicine().UnmarkAsked(m.undo_asked),
            Format(ui.T(MedicineText::UndoDone), name.c_str()));
        m.undo_asked.clear();
    }
}

void DrawToAsk(UiContext& ui, AppState& state) {
    MedicineState& m = state.supplies.medicine;
    MedicineService& medicine = ui.data.Medicine();
    SectionTitle(ui, ui.T(MedicineText::ToAskTitle));
    if (ui.data.Sampling().Model().Residents().empty()) {
        MutedText(ui.T(MedicineText::NoRoster));
        return;
    }
    const std::vector<Resident>& to_ask = medicine.ToAsk();
    if (to_ask.empty()) {
        StatusText(ui, "medicine-to-ask", ui.T(MedicineText::ToAskNone));
        return;
    }
    StatusText(ui, "medicine-to-ask",
               Format(ui.T(MedicineText::ToAskCount), static_cast<int>(to_ask.size())).c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Taps are acted on after the list is drawn (marking one changes the list).
    const Resident* asked = nullptr;
    const Resident* record = nullptr;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(to_ask.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Resident& r = to_ask[static_cast<size_t>(i)];
            ImGui::PushID(r.id.c_str());
            ImGui::BeginGroup();
            std::string title = r.name;
            const std::string flags = FlagsLabel(r.flags, ui.lang);
            if (!flags.empty()) {
                title += " · " + flags;
            }
            ImGui::TextUnformatted(title.c_str());
            std::string detail = ShortAddress(r);
            if (!r.phone.empty()) {
                detail += "  " + r.phone; // to call: the full number
            }
            MutedText(detail.c_str());
            const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
            if (TouchButton(ui, ui.T(MedicineText::Asked), "asked", half)) {
                asked = &r;
            }
            ImGui::SameLine();
            if (PrimaryButton(ui, ui.T(MedicineText::RegisterNeed), "register", half)) {
                record = &r;
            }
            ImGui::Separator();
            ImGui::EndGroup();
            ImGui::PopID();
        }
    }
    if (asked != nullptr) {
        const std::string id = asked->id;
        const std::string name = asked->name;
        const Outcome out =
            medicine.MarkAsked(id, "", ui.data.Settings().DeviceLabel(), ui.platform.NowMs());
        Say(ui, m, out, Format(ui.T(MedicineText::AskedDone), name.c_str()));
        m.undo_asked = out.ok ? id : std::string();
    } else if (record != nullptr) {
        MedicineRequest request;
        request.resident_id = record->id;
        OpenMedicineForm(state, request);
    }
}

} // namespace

// --------------------------------------------------------------------------- the screen

void DrawMedicine(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    MedicineState& m = s.medicine;
    if (m.scroll_top) {
        ImGui::SetScrollY(0.0f);
        m.scroll_top = false;
    }
    if (BackButton(ui, "medicine-back")) {
        s.view = SuppliesView::Home;
        m.message.clear();
        m.undo_asked.clear();
        return;
    }
    Heading(ui, ui.T(MedicineText::MedicineTitle));
    MutedText(ui.T(MedicineText::MedicineExplain));
    if (PrimaryButton(ui, ui.T(MedicineText::NewRequest), "medicine-new", -FLT_MIN)) {
        OpenMedicineForm(state, MedicineRequest{});
        return;
    }
    DrawMessage(ui, m);
    DrawUndoAsked(ui, m);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (SegmentOption(ui, ui.T(MedicineText::TabRequests), "medicine-tab-requests",
                      m.tab == MedicineTab::Requests, half)) {
        m.tab = MedicineTab::Requests;
        m.message.clear();
        m.undo_asked.clear();
    }
    ImGui::SameLine();
    if (SegmentOption(ui, ui.T(MedicineText::TabToAsk), "medicine-tab-to-ask",
                      m.tab == MedicineTab::ToAsk, half)) {
        m.tab = MedicineTab::ToAsk;
        m.message.clear();
        m.undo_asked.clear();
    }
    if (m.tab == MedicineTab::Requests) {
        DrawRequests(ui, state);
    } else {
        DrawToAsk(ui, state);
    }
}

} // namespace linli::ui
