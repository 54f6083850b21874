// Notices shown above every screen, and the save-state line.
#include <cstdio>
#include <imgui.h>
#include <string>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

void DrawNotices(UiContext& ui, AppState& state) {
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
