#include "ui/shell/app.hpp"

#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/areas.hpp"
#include "ui/shell/drafts.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli {

App::App(Platform& platform, AppData& data, Language lang, TextSize text_size)
    : ui_{platform, a11y_, fonts_, text_, data, lang, text_size, MetricsFor(text_size),
          1.0f,     {},    false,  {}} {}

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
    // Volunteer mode has no navigation: the whole screen (a column on wide screens).
    const bool volunteer_mode = state_.volunteers.mode.active;
    Metrics no_bar = ui_.metrics;
    no_bar.bottom_bar_height = 0.0f;
    const ContentBox box =
        volunteer_mode
            ? ContentArea(NavStyle::BottomBar, io.DisplaySize.x, io.DisplaySize.y, no_bar)
            : ContentArea(style, io.DisplaySize.x, io.DisplaySize.y, ui_.metrics);
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##content", nullptr, flags);
    // Every area draws in this one window: another area starts at its top, not wherever
    // the last one was scrolled to.
    if (state_.area != drawn_area_) {
        ImGui::SetScrollY(0.0f);
        drawn_area_ = state_.area;
    }
    ImGui::PushTextWrapPos(0.0f);
    ui::DrawNotices(ui_, state_);
    if (volunteer_mode) {
        ui::DrawVolunteerMode(ui_, state_);
    } else {
        AreaOf(state_.area).draw(ui_, state_);
    }
    ImGui::PopTextWrapPos();
    ui::DragToScroll();
    ImGui::End();

    if (!volunteer_mode) {
        ui::DrawNavigation(ui_, state_, style);
    }

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
    if (bytes.size() > kMaxOpenFileBytes) {
        FileTooLarge(name, static_cast<double>(bytes.size()));
        return;
    }
    const AreaRow& row = AreaOf(state_.file_for);
    state_.file_for = Area::Settings; // what a file arriving unasked is for (a backup)
    row.file_opened(ui_, state_, name, bytes);
}

void App::FileFailed(const std::string& message) {
    const AreaRow& row = AreaOf(state_.file_for);
    state_.file_for = Area::Settings;
    row.file_failed(ui_, state_, message);
}

void App::FileTooLarge(const std::string& name, double size_bytes) {
    constexpr double kMb = 1024.0 * 1024.0;
    FileFailed(ui::Format(ui_.T(ShellText::FileTooLarge), name.c_str(), size_bytes / kMb,
                          static_cast<int>(kMaxOpenFileBytes / (1024 * 1024))));
}

void App::ExportFailed(const std::string& message) {
    state_.export_failed = message;
}

void App::LinkOpened(const std::string& fragment) {
    VolunteerModeState& mode = state_.volunteers.mode;
    const size_t at = fragment.find("v=");
    if (at != std::string::npos) {
        const Outcome opened =
            ui_.data.Shifts().OpenOffer(fragment.substr(at + 2), ui_.platform.NowMs());
        mode.active = true;
        mode.link_error.clear();
        if (!opened.ok) {
            const auto p = opened.problems.Of<ShiftProblem>();
            mode.link_error = ui::Format(ui_.T(VolunteerText::VmLinkBad),
                                         p.empty() ? "" : ui::ShiftProblemText(ui_, p.front()));
        }
        return;
    }
    // No link: a phone used only to sign up (its own sign-ups, nothing of a desk's).
    const ShiftsModel& m = ui_.data.Shifts().Model();
    const bool desk_data = !m.Posts().empty() || !ui_.data.Volunteers().List("").empty() ||
                           !ui_.data.Sampling().Model().Residents().empty();
    mode.active = !desk_data && (!m.Offers().empty() || !m.Mine().empty());
}

void App::Scanned(const std::string& text) {
    const ScanFor waiting = state_.scan.waiting;
    state_.scan.waiting = ScanFor::Nothing;
    state_.scan.message.clear();
    if (waiting == ScanFor::CheckIn) {
        ui::VolunteerModeScanned(ui_, state_, text);
    } else if (waiting == ScanFor::TubeNumber) {
        ui::SamplingTubeScanned(ui_, state_, text);
    }
}

void App::ScanFailed(int kind) {
    state_.scan.waiting = ScanFor::Nothing;
    state_.scan.message = kind == 1   ? ui_.T(VolunteerText::CameraDenied)
                          : kind == 2 ? std::string()
                                      : ui_.T(VolunteerText::CameraNoCode);
}

void App::AfterFrame() {
    if (auto missing = fonts_.TakeMissingGlyphs(); !missing.empty()) {
        ui_.platform.RequestGlyphs(missing);
    }
    if (drafts_loaded_) {
        std::string draft = ui::DraftOf(state_);
        if (draft != saved_draft_) {
            saved_draft_ = std::move(draft);
            ui_.platform.SaveDraft(saved_draft_);
        }
    }
}

void App::DraftsLoaded(const std::string& draft) {
    drafts_loaded_ = true;
    if (!draft.empty() && ui::RestoreDraft(state_, draft)) {
        saved_draft_ = draft;
    }
}

} // namespace linli
