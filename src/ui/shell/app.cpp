#include "ui/shell/app.hpp"

#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"

namespace linli {

App::App(Platform& platform, AppData& data, Language lang)
    : ui_{platform, a11y_, fonts_, text_, data, lang, Metrics{}, 1.0f, {}, false, {}} {}

void App::Init(ImGuiContext* ctx) {
    a11y_.Attach(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;              // layout is computed, never saved
    io.ConfigInputTextCursorBlink = false; // a still caret lets the app stop redrawing
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ApplyTheme(ImGui::GetStyle(), ui_.metrics);
}

bool App::Frame() {
    // Jobs first: what they did this step is what this frame shows.
    ui_.data.Jobs().Step(ui_.platform.NowMs());
    a11y_.BeginFrame();
    text_.BeginFrame();
    const ImGuiIO& io = ImGui::GetIO();
    state_.display_width = io.DisplaySize.x;
    state_.display_height = io.DisplaySize.y;
    ui_.pixel_ratio = io.DisplayFramebufferScale.x;

    const NavStyle style = ChooseNavStyle(io.DisplaySize.x, io.DisplaySize.y);
    const ContentBox box = ContentArea(style, io.DisplaySize.x, io.DisplaySize.y, ui_.metrics);
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##content", nullptr, flags);
    ImGui::PushTextWrapPos(0.0f);
    ui::DrawNotices(ui_, state_);
    switch (state_.area) {
    case Area::Sampling:
        ui::DrawSamplingScreen(ui_, state_);
        break;
    case Area::Supplies:
        ui::DrawSuppliesScreen(ui_, state_);
        break;
    case Area::Volunteers:
        ui::DrawVolunteersScreen(ui_, state_);
        break;
    case Area::Settings:
        ui::DrawSettingsScreen(ui_, state_);
        break;
    }
    ImGui::PopTextWrapPos();
    ui::DragToScroll();
    ImGui::End();

    ui::DrawNavigation(ui_, state_, style);

    text_.EndFrame(ui_.platform);
    const std::string json = a11y_.EndFrame(Rect{0, 0, io.DisplaySize.x, io.DisplaySize.y});
    if (!json.empty()) {
        ui_.platform.PublishA11y(json);
    }
    // ImGui spreads fast input (press and release within one frame) over several frames.
    const bool input_pending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    // A job (an import) does a step per frame.
    return !json.empty() || input_pending || ui_.data.Jobs().Busy();
}

void App::FileOpened(const std::string& name, const std::string& bytes) {
    if (state_.file_purpose == AppState::FilePurpose::Roster) {
        state_.file_purpose = AppState::FilePurpose::Backup;
        state_.area = Area::Sampling;
        ui::ImportFileArrived(ui_, state_, name, bytes);
        return;
    }
    // Backups are UTF-8 JSON; a BOM (added by an editor) is not part of it.
    const std::string_view text = std::string_view(bytes).substr(
        std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    const RestoreReport r = ui_.data.Settings().Restore(text);
    char buf[512];
    state_.backup_message_is_error = r.error != BackupError::None;
    switch (r.error) {
    case BackupError::None:
        std::snprintf(buf, sizeof buf, ui_.T(ShellText::RestoreDone), static_cast<int>(r.added),
                      static_cast<int>(r.updated), static_cast<int>(r.unchanged),
                      static_cast<int>(r.conflicts));
        break;
    case BackupError::NotJson:
        std::snprintf(buf, sizeof buf, "%s", ui_.T(ShellText::RestoreNotJson));
        break;
    case BackupError::NotLinliBackup:
        std::snprintf(buf, sizeof buf, "%s", ui_.T(ShellText::RestoreForeign));
        break;
    case BackupError::NewerFormat:
        std::snprintf(buf, sizeof buf, "%s", ui_.T(ShellText::RestoreNewer));
        break;
    case BackupError::BadDocument:
        std::snprintf(buf, sizeof buf, ui_.T(ShellText::RestoreBadDoc),
                      static_cast<int>(r.bad_index + 1), r.bad_reason.c_str());
        break;
    }
    state_.backup_message = buf;
}

void App::FileFailed(const std::string& message) {
    if (state_.file_purpose == AppState::FilePurpose::Roster) {
        state_.file_purpose = AppState::FilePurpose::Backup;
        state_.sampling.import.phase = ImportPhase::Failed;
        state_.sampling.import.error =
            ui::Format(ui_.T(ShellText::RestoreReadFailed), message.c_str());
        return;
    }
    char buf[512];
    std::snprintf(buf, sizeof buf, ui_.T(ShellText::RestoreReadFailed), message.c_str());
    state_.backup_message = buf;
    state_.backup_message_is_error = true;
}

void App::AfterFrame() {
    if (fonts_.TakeMissingGlyphRequest()) {
        ui_.platform.RequestFullFont();
    }
}

} // namespace linli
