// Notices shown above every screen, and the save-state line.
#include <cstdio>
#include <imgui.h>
#include <string>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

namespace {

// Every screen says when what it shows is the sample; removing takes a second tap.
void DrawSampleBanner(UiContext& ui, AppState& state) {
    SampleState& sample = state.sample;
    switch (sample.writing.Poll(ui.data)) {
    case WriteState::Durable:
        sample.message =
            ui.T(ui.data.Sample().Present() ? ShellText::SampleLoaded : ShellText::SampleRemoved);
        sample.failed = false;
        break;
    case WriteState::Failed:
        sample.message = ui.T(ShellText::SampleNotLoaded);
        sample.failed = true;
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (sample.writing.Waiting()) {
        StatusText(ui, "sample-status", ui.T(ShellText::SampleLoading));
        ImGui::Separator();
        return;
    }
    const bool present = ui.data.Sample().Present();
    if (!sample.message.empty() && !(present && !sample.failed)) {
        // While the sample is there, its banner says so; the loaded message would repeat it.
        if (sample.failed) {
            ErrorText(ui, "sample-message", sample.message.c_str());
        } else {
            StatusText(ui, "sample-message", sample.message.c_str(), colors::kPrimary);
        }
    }
    if (!present) {
        return;
    }
    // One line: what this is, and the way out (a second tap confirms).
    const float button_w = sample.confirm_remove
                               ? ImGui::GetContentRegionAvail().x
                               : ImGui::CalcTextSize(ui.T(ShellText::SampleRemove)).x + 32.0f;
    if (!sample.confirm_remove) {
        const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
        const float text_w =
            ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x;
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        StatusText(ui, "sample-banner", ui.T(ShellText::SampleBanner), colors::kWarning);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(right - button_w);
        if (TouchButton(ui, ui.T(ShellText::SampleRemove), "sample-remove", button_w)) {
            sample.confirm_remove = true;
            sample.message.clear();
        }
    } else {
        StatusText(ui, "sample-banner", ui.T(ShellText::SampleBanner), colors::kWarning);
        if (DangerButton(ui, ui.T(ShellText::SampleRemoveConfirm), "sample-remove-confirm",
                         button_w)) {
            const Outcome out = ui.data.Sample().Remove();
            sample.confirm_remove = false;
            if (out.ok) {
                sample.writing.Track(out);
                state.sampling = SamplingState{};
                state.supplies = SuppliesState{};
            }
        }
    }
    ImGui::Separator();
}

} // namespace

void DrawSampleOffer(UiContext& ui, AppState& state) {
    if (state.sample.writing.Waiting() || ui.data.Sample().Present()) {
        return;
    }
    MutedText(ui.T(ShellText::SampleOffer));
    if (TouchButton(ui, ui.T(ShellText::SampleLoad), "sample-load")) {
        const Outcome out = ui.data.Sample().Load(ui.platform.NowMs());
        state.sample.message.clear();
        if (out.ok) {
            state.sample.writing.Track(out);
        } else {
            state.sample.message = ui.T(ShellText::SampleNotLoaded);
            state.sample.failed = true;
        }
    }
}

void DrawNotices(UiContext& ui, AppState& state) {
    DrawSampleBanner(ui, state);
    // Conflicts from sync wait for a person: said on every screen until chosen.
    if (const size_t conflicts = ui.data.Sync().ConflictCount();
        conflicts > 0 && state.area != Area::Settings) {
        if (TouchButton(ui,
                        Format(ui.T(SyncText::ConflictBanner), static_cast<int>(conflicts)).c_str(),
                        "conflict-banner", -FLT_MIN)) {
            state.area = Area::Settings;
        }
        ImGui::Spacing();
    }
    if (!state.export_failed.empty()) {
        ErrorText(ui, "export-failed",
                  Format(ui.T(ShellText::ExportXlsxFailed), state.export_failed.c_str()).c_str());
        if (TouchButton(ui, ui.T(ShellText::Dismiss), "export-failed-ok", 160.0f)) {
            state.export_failed.clear();
        }
        ImGui::Spacing();
    }
    if (!ui.db_error.empty()) {
        char buf[512];
        std::snprintf(buf, sizeof buf, ui.T(ShellText::DbOpenFailed), ui.db_error.c_str());
        ErrorText(ui, "db-error", buf);
        ImGui::Spacing();
    }
    const store::LoadReport& load = ui.data.LastLoad();
    if (!state.load_notice_dismissed && (!load.corrupted.empty() || load.newer > 0)) {
        SectionTitle(ui, ui.T(ShellText::DataNotice));
        char buf[256];
        if (!load.corrupted.empty()) {
            std::snprintf(buf, sizeof buf, ui.T(ShellText::CorruptRecords),
                          static_cast<int>(load.corrupted.size()));
            ErrorText(ui, "load-corrupt", buf);
            for (size_t i = 0; i < load.corrupted.size() && i < 5; ++i) {
                const std::string why(TranslateRecordProblem(load.corrupted[i].second, ui.lang));
                ImGui::BulletText("%s: %s", load.corrupted[i].first.c_str(), why.c_str());
            }
        }
        if (load.newer > 0) {
            std::snprintf(buf, sizeof buf, ui.T(ShellText::NewerRecords),
                          static_cast<int>(load.newer));
            MutedText(buf);
        }
        if (TouchButton(ui, ui.T(ShellText::Dismiss), "load-notice-ok", 160.0f)) {
            state.load_notice_dismissed = true;
        }
        ImGui::Separator();
    }
    if (ui.update_available) {
        StatusText(ui, "update-status", ui.T(ShellText::UpdateAvailable));
        if (PrimaryButton(ui, ui.T(ShellText::UpdateNow), "update-now", 160.0f)) {
            ui.platform.ApplyUpdate();
        }
        ImGui::Separator();
    }
}

void DrawSaveStatus(UiContext& ui) {
    const store::SaveState& s = ui.data.SaveState();
    switch (s.status) {
    case store::SaveStatus::Idle:
        return;
    case store::SaveStatus::Saving:
        StatusText(ui, "save-status", ui.T(ShellText::SaveSaving));
        return;
    case store::SaveStatus::Saved:
        StatusText(ui, "save-status", ui.T(ShellText::SaveSaved), colors::kPrimary);
        return;
    case store::SaveStatus::Failed: {
        char buf[512];
        switch (s.failure) {
        case store::FailureKind::Conflict:
            std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::SaveFailedConflict));
            break;
        case store::FailureKind::Quota:
            std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::SaveFailedQuota));
            break;
        case store::FailureKind::Other:
            std::snprintf(buf, sizeof buf, ui.T(ShellText::SaveFailedOther), s.error.c_str());
            break;
        }
        ErrorText(ui, "save-status", buf);
        return;
    }
    }
}

} // namespace linli::ui
