// Hours (感谢名单与时长): every volunteer who worked or missed a shift, most hours first;
// the thank-you list and each volunteer's certificate as printable pages (no script).
#include <imgui.h>

#include "io/supply_lists.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

void DrawHours(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    if (BackButton(ui, "hours-back")) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(ui, ui.T(VolunteerText::HoursTitle));
    const std::vector<VolunteerHours> hours = ui.data.Shifts().Hours();
    if (hours.empty()) {
        MutedText(ui.T(VolunteerText::HoursEmpty));
        return;
    }
    const std::string today = TodayDate(ui.platform.NowMs());
    if (PrimaryButton(ui, ui.T(VolunteerText::PrintThanks), "print-thanks", -FLT_MIN)) {
        ListTable table;
        table.title = ui.T(VolunteerText::ThanksTitle);
        table.subtitle = today;
        table.header = {ui.T(ShellText::FieldName), ui.T(VolunteerText::HoursTitle)};
        for (const VolunteerHours& h : hours) {
            if (h.shifts_done > 0) {
                table.rows.push_back(
                    {"", {h.name, Format(ui.T(VolunteerText::HoursLine), h.hours, h.shifts_done)}});
            }
        }
        ui.platform.OpenPrintable(ListTableHtml(table, ui.lang));
    }
    for (const VolunteerHours& h : hours) {
        std::string detail = Format(ui.T(VolunteerText::HoursLine), h.hours, h.shifts_done);
        if (h.no_shows > 0) {
            detail += Format(ui.T(VolunteerText::HoursNoShows), h.no_shows);
        }
        ImGui::PushID(h.volunteer_id.c_str());
        SectionTitle(ui, h.name.c_str());
        MutedText(detail.c_str());
        if (h.shifts_done > 0 &&
            TouchButton(ui, ui.T(VolunteerText::PrintCertificate), "certificate")) {
            ListTable table;
            table.title = ui.T(VolunteerText::CertificateTitle);
            table.subtitle = Format(ui.T(VolunteerText::CertificateBody), h.name.c_str(),
                                    h.shifts_done, h.hours);
            table.footer = today;
            ui.platform.OpenPrintable(ListTableHtml(table, ui.lang));
        }
        ImGui::PopID();
    }
}

} // namespace linli::ui
