#pragma once
// One function per screen (one file each); AppState is everything they show or edit.
#include <string>

#include "app/shell/layout.hpp"
#include "ui/kit/ui_context.hpp"
#include "ui/sampling/sampling_state.hpp"

namespace linli {

// The volunteer being added or edited.
struct VolunteerForm {
    bool open = false;
    std::string id; // empty when adding
    std::string rev;
    std::string name;
    std::string phone;
    std::vector<VolunteerProblem> problems;
    bool confirm_delete = false;
    std::string error; // why the last save was refused
    // The write of the last save: the form stays (with what was typed) until it is
    // durable, so a failed write loses nothing.
    PendingWrite saving;
};

struct AppState {
    Area area = Area::Sampling;
    SamplingState sampling;
    // What the file the page was asked for is for.
    enum class FilePurpose { Backup, Roster } file_purpose = FilePurpose::Backup;
    std::string volunteer_search;
    VolunteerForm volunteer_form;
    std::string device_name_edit;
    bool device_name_loaded = false;
    std::string backup_message; // result of the last export or restore
    bool backup_message_is_error = false;
    bool load_notice_dismissed = false;
    float display_width = 0;
    float display_height = 0;
};

namespace ui {
void DrawNavigation(UiContext& ui, AppState& state, NavStyle style);
void DrawSamplingScreen(UiContext& ui, AppState& state);
// The sampling area's sub-views (one file each).
void DrawBuildingView(UiContext& ui, AppState& state);
void DrawRoundView(UiContext& ui, AppState& state);
void DrawRoundForm(UiContext& ui, AppState& state);
void DrawResidentForm(UiContext& ui, AppState& state);
void DrawImportView(UiContext& ui, AppState& state);
// Opens the resident form on a resident (empty id: a new one).
void OpenResidentForm(AppState& state, const Resident& r, SamplingView back_to);
// The import runs over several frames (a batch each); true while it has work to do.
bool ImportBusy(const AppState& state);
// A file chosen for the roster import arrived.
void ImportFileArrived(UiContext& ui, AppState& state, const std::string& name,
                       const std::string& bytes);
void DrawSuppliesScreen(UiContext& ui, AppState& state);
void DrawVolunteersScreen(UiContext& ui, AppState& state);
void DrawSettingsScreen(UiContext& ui, AppState& state);
// Notices above every screen: records that could not be loaded, an update waiting.
void DrawNotices(UiContext& ui, AppState& state);
// The save state of the last change ("Saving…", "Saved", or why not), as a live status.
void DrawSaveStatus(UiContext& ui);
} // namespace ui

} // namespace linli
