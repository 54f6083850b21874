#include "ui/sampling/sampling_widgets.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"

namespace linli::ui {

std::string TodayDate(int64_t now_ms) {
    const std::time_t t = static_cast<std::time_t>(now_ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

int CurrentYear(int64_t now_ms) {
    return std::atoi(TodayDate(now_ms).substr(0, 4).c_str());
}

int UtcOffsetMinutes(int64_t now_ms) {
    const std::time_t t = static_cast<std::time_t>(now_ms / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

unsigned int StatusColour(MarkStatus status) {
    switch (status) {
    case MarkStatus::Sampled:
    case MarkStatus::HomeVisitDone:
        return colors::kPrimary;
    case MarkStatus::Pending:
        return colors::kTextMuted;
    case MarkStatus::NeedsHomeVisit:
        return colors::kWarning;
    case MarkStatus::Refused:
        return colors::kDanger;
    case MarkStatus::Absent:
    case MarkStatus::Exempt:
        return colors::kInfo;
    }
    return colors::kTextMuted;
}

void ProgressBar(UiContext& ui, const char* id, const Progress& p) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 14.0f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), colors::kBorder, 7.0f);
    const float share = static_cast<float>(p.SampledShare());
    if (share > 0.0f) {
        dl->AddRectFilled(pos, ImVec2(pos.x + width * share, pos.y + height),
                          share >= 1.0f ? colors::kPrimary : colors::kProgress, 7.0f);
    }
    ImGui::Dummy(ImVec2(width, height));
    const std::string line =
        Format(ui.T(SamplingText::ProgressLine), static_cast<int>(p.sampled),
               static_cast<int>(p.residents), static_cast<int>(p.households_incomplete));
    StatusText(ui, id, line.c_str(), p.households_incomplete == 0 ? colors::kPrimary : 0);
}

bool BuildingProgressRow(UiContext& ui, const char* id, const std::string& title, const Progress& p,
                         int previous_percent, const std::string& previous_date) {
    ImGui::PushID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    const float small = ui.metrics.body_font - 2.0f;
    const float height = 24.0f + ui.metrics.body_font + small + 18.0f;
    const int percent = static_cast<int>(p.SampledShare() * 100.0 + 0.5);
    std::string counts =
        Format(ui.T(SamplingText::ProgressLine), static_cast<int>(p.sampled),
               static_cast<int>(p.residents), static_cast<int>(p.households_incomplete));
    if (previous_percent >= 0) {
        counts += " · " + Format(ui.T(SamplingText::ProgressCompare), previous_date.c_str(),
                                 previous_percent);
    }
    ImVec2 pos;
    const bool pressed =
        Card(ui, width, height, title + " " + std::to_string(percent) + "% " + counts, pos);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float pad = 12.0f;
    const std::string share = std::to_string(percent) + "%";
    const float share_w = font->CalcTextSizeA(ui.metrics.body_font, FLT_MAX, 0.0f, share.c_str()).x;
    const ImU32 done =
        p.households_incomplete == 0 && p.residents > 0 ? colors::kPrimary : colors::kText;
    dl->AddText(font, ui.metrics.body_font, ImVec2(pos.x + pad, pos.y + 8.0f), colors::kText,
                title.c_str());
    dl->AddText(font, ui.metrics.body_font, ImVec2(pos.x + width - pad - share_w, pos.y + 8.0f),
                done, share.c_str());
    const float bar_y = pos.y + 14.0f + ui.metrics.body_font;
    const float bar_w = width - 2 * pad;
    dl->AddRectFilled(ImVec2(pos.x + pad, bar_y), ImVec2(pos.x + pad + bar_w, bar_y + 8.0f),
                      colors::kBorder, 4.0f);
    if (percent > 0) {
        dl->AddRectFilled(
            ImVec2(pos.x + pad, bar_y),
            ImVec2(pos.x + pad + bar_w * static_cast<float>(p.SampledShare()), bar_y + 8.0f),
            percent >= 100 ? colors::kPrimary : colors::kProgress, 4.0f);
    }
    const ImVec4 clip(pos.x, pos.y, pos.x + width - pad, pos.y + height);
    dl->AddText(font, small, ImVec2(pos.x + pad, bar_y + 14.0f), colors::kTextMuted, counts.c_str(),
                nullptr, 0.0f, &clip);
    ImGui::PopID();
    return pressed;
}

void ShowOutcome(UiContext& ui, SamplingState& s, const Outcome& out) {
    s.message_is_error = !out.ok;
    if (out.ok) {
        const std::string* closed = out.SubjectOf(Effect::TubeClosed);
        s.message =
            closed != nullptr ? Format(ui.T(SamplingText::TubeFilled), closed->c_str()) : "";
        return;
    }
    switch (out.First<TubeProblem>().value_or(TubeProblem::None)) {
    case TubeProblem::NumberMissing:
        s.message = ui.T(SamplingText::TubeProblemMissing);
        return;
    case TubeProblem::NumberTaken:
        s.message = Format(ui.T(SamplingText::TubeProblemTaken), s.tube_number.c_str());
        return;
    case TubeProblem::NoOpenTube:
        s.message = ui.T(SamplingText::TubeProblemNoOpen);
        return;
    case TubeProblem::TubeFull:
        s.message = ui.T(SamplingText::TubeProblemFull);
        return;
    case TubeProblem::None:
        break;
    }
    if (out.error) {
        s.message = *out.error == store::EditError::ReadOnly ? ui.T(ShellText::ReadOnlyRecord)
                                                             : ui.T(ShellText::EditStale);
    }
}

void DrawMessage(UiContext& ui, SamplingState& s) {
    if (s.message.empty()) {
        return;
    }
    if (s.message_is_error) {
        ErrorText(ui, "sampling-message", s.message.c_str());
    } else {
        StatusText(ui, "sampling-message", s.message.c_str(), colors::kPrimary);
    }
}

void DrawToast(UiContext& ui, SamplingState& s) {
    if (s.message.empty()) {
        return;
    }
    const ImVec2 content_pos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    ImGui::SetNextWindowPos(ImVec2(content_pos.x, content_pos.y + ImGui::GetWindowHeight()),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          s.message_is_error ? colors::kDangerSoft : colors::kPrimarySoft);
    ImGui::PushStyleColor(ImGuiCol_Border, s.message_is_error ? colors::kDanger : colors::kPrimary);
    ImGui::Begin("##toast", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    DrawMessage(ui, s);
    if (TouchButton(ui, ui.T(ShellText::Dismiss), "toast-ok")) {
        s.message.clear();
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void TubeBar(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const Tube* open = model.OpenTubeOf(round.id, ui.data.DeviceTag());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::kPrimarySoft);
    ImGui::BeginChild("tube-bar", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    if (open != nullptr) {
        const std::string line =
            Format(ui.T(SamplingText::TubeCurrent), open->number.c_str(),
                   static_cast<int>(model.TubeCount(round.id, open->number)), open->capacity);
        StatusText(ui, "tube-current", line.c_str(), colors::kPrimary);
    } else {
        StatusText(ui, "tube-current", ui.T(SamplingText::TubeNone), colors::kWarning);
    }
    // One row: the next tube's number, open it, close the current one.
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float button = 88.0f;
    const float scan = 64.0f;
    const float field =
        ImGui::GetContentRegionAvail().x - (open ? 2.0f : 1.0f) * (button + gap) - scan - gap;
    InlineTextField(ui, "tube-number", ui.T(SamplingText::TubeNumber),
                    ui.T(SamplingText::TubeNumberHint), s.tube_number, field);
    ImGui::SameLine();
    // The tube's barcode read by the camera (the same scanner as volunteer check-in).
    if (TouchButton(ui, ui.T(VolunteerText::ScanTube), "tube-scan", scan)) {
        state.scan.waiting = ScanFor::TubeNumber;
        state.scan.message.clear();
        ui.platform.StartScanner();
    }
    ImGui::SameLine();
    if (PrimaryButton(ui, ui.T(SamplingText::TubeOpen), "tube-open", button)) {
        const Outcome out =
            ui.data.Sampling().OpenTube(round.id, s.tube_number, ui.platform.NowMs());
        ShowOutcome(ui, s, out);
        if (out.ok) {
            s.tube_number.clear();
        }
    }
    if (open != nullptr) {
        ImGui::SameLine();
        if (TouchButton(ui, ui.T(SamplingText::TubeClose), "tube-close", button)) {
            ShowOutcome(ui, s, ui.data.Sampling().CloseTube(round.id, open->number));
        }
    }
    if (!state.scan.message.empty()) {
        MutedText(state.scan.message.c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void SamplingTubeScanned(UiContext&, AppState& state, const std::string& text) {
    state.sampling.tube_number = TrimSpaces(text);
}

bool ResidentRow(UiContext& ui, const Resident& r, const char* status, unsigned int colour,
                 float width) {
    ImGui::PushID(r.id.c_str());
    const float height = ui.metrics.touch_target + 16.0f;
    std::string title = r.name;
    const std::string flags = FlagsLabel(r.flags, ui.lang);
    if (!flags.empty()) {
        title += " · " + flags;
    }
    std::string detail = ShortAddress(r);
    if (!r.phone.empty()) {
        detail += "  " + MaskPhone(r.phone);
    }
    ImVec2 pos;
    const bool pressed = Card(
        ui, width, height, title + " " + detail + (status ? std::string(" ") + status : ""), pos);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float pad = 12.0f;
    const ImVec4 clip(pos.x, pos.y, pos.x + width - pad, pos.y + height);
    dl->AddText(font, ui.metrics.body_font, ImVec2(pos.x + pad, pos.y + 8.0f), colors::kText,
                title.c_str(), nullptr, 0.0f, &clip);
    // Second line: the status first (in its colour) when there is one; it matters more
    // than the phone on a narrow row.
    const float small = ui.metrics.body_font - 2.0f;
    ImVec2 at(pos.x + pad, pos.y + 12.0f + ui.metrics.body_font);
    if (status != nullptr) {
        dl->AddText(font, small, at, colour, status, nullptr, 0.0f, &clip);
        at.x += font->CalcTextSizeA(small, FLT_MAX, 0.0f, status).x + 10.0f;
        detail = ShortAddress(r);
    }
    dl->AddText(font, small, at, colors::kTextMuted, detail.c_str(), nullptr, 0.0f, &clip);
    ImGui::PopID();
    return pressed;
}

} // namespace linli::ui
