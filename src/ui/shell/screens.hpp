#pragma once
// One function per screen (one file each); AppState is everything they show or edit.
#include <string>

#include "app/shell/layout.hpp"
#include "ui/kit/ui_context.hpp"
#include "ui/leader/leader_state.hpp"
#include "ui/sampling/sampling_state.hpp"
#include "ui/settings/settings_state.hpp"
#include "ui/supplies/supplies_state.hpp"
#include "ui/volunteers/volunteers_state.hpp"

namespace linli {

// Each area's state is declared in its folder (ui/<area>/<area>_state.hpp).
// The sample community being loaded or removed.
struct SampleState {
    PendingWrite writing;
    bool confirm_remove = false;
    std::string message;
    bool failed = false;
};

struct AppState {
    Area area = Area::Sampling;
    // The area that asked the page for a file (its row's file handler gets it).
    Area file_for = Area::Settings;
    SamplingState sampling;
    VolunteersState volunteers;
    SettingsState settings;
    SuppliesState supplies;
    SampleState sample;
    LeaderState leader;
    ScanState scan; // the camera scanner, shared by check-in and the tube field
    bool load_notice_dismissed = false;
    // The page could not make an Excel file the app handed it (shown above every screen).
    std::string export_failed;
    // A screen that changes with the clock (a check-in code) asks for a frame at this
    // time (ms since 1970; 0: none); the platform's loop draws one then.
    int64_t wake_at_ms = 0;
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
// A file chosen for the roster import arrived, or could not be read.
void SamplingFileOpened(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes);
void SamplingFileFailed(UiContext& ui, AppState& state, const std::string& message);
// The scanner read a tube's barcode for the sampling walk's tube field.
void SamplingTubeScanned(UiContext& ui, AppState& state, const std::string& text);
void DrawSuppliesScreen(UiContext& ui, AppState& state);
// The supplies area's sub-views (one file each).
void DrawJielongPaste(UiContext& ui, AppState& state);
void DrawOrderRound(UiContext& ui, AppState& state);
// Opens the paste view (round_id empty: the chain says which round, or makes one).
void OpenJielongPaste(AppState& state, const std::string& round_id);
void DrawCatalog(UiContext& ui, AppState& state);
void DrawCatalogForm(UiContext& ui, AppState& state);
void OpenCatalogForm(AppState& state, const CatalogItem& item);
void DrawGroupBuyForm(UiContext& ui, AppState& state);
void OpenGroupBuyForm(AppState& state);
void DrawOrderForm(UiContext& ui, AppState& state);
// An order to type in or edit (order.round_id set; its address empty: choose a household).
void OpenOrderForm(AppState& state, const Order& order);
// A supplier's sheet chosen for the catalog arrived, or could not be read.
void SuppliesFileOpened(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes);
void SuppliesFileFailed(UiContext& ui, AppState& state, const std::string& message);
// Medicine and urgent needs: the open requests and the residents to ask, and the form
// (a request with an empty id: a new one, for its resident_id when set).
void DrawMedicine(UiContext& ui, AppState& state);
void DrawMedicineForm(UiContext& ui, AppState& state);
void OpenMedicineForm(AppState& state, const MedicineRequest& request);
void DrawVolunteersScreen(UiContext& ui, AppState& state);
// The volunteers area's sub-views (one file each).
void DrawPostForm(UiContext& ui, AppState& state);
void OpenPostForm(AppState& state, int64_t now_ms);
void DrawPostView(UiContext& ui, AppState& state);
void DrawShiftView(UiContext& ui, AppState& state);
void OpenShiftView(AppState& state, const std::string& shift_id);
void DrawShareLink(UiContext& ui, AppState& state);
void DrawReplyImport(UiContext& ui, AppState& state);
void DrawCheckInCode(UiContext& ui, AppState& state);
void DrawPeople(UiContext& ui, AppState& state);
void DrawHours(UiContext& ui, AppState& state);
// A volunteer's phone opened from a sign-up link: the whole screen (no staff areas).
void DrawVolunteerMode(UiContext& ui, AppState& state);
// The scanner read a code for volunteer mode's check-in.
void VolunteerModeScanned(UiContext& ui, AppState& state, const std::string& text);
// A volunteer spreadsheet chosen in the list arrived, or could not be read.
void VolunteersFileOpened(UiContext& ui, AppState& state, const std::string& name,
                          const std::string& bytes);
void VolunteersFileFailed(UiContext& ui, AppState& state, const std::string& message);
// The leader's overview (总览) with the daily report (复制日报, 导出日报); it asks for no
// file (its handlers do nothing).
void DrawOverviewScreen(UiContext& ui, AppState& state);
void LeaderFileOpened(UiContext& ui, AppState& state, const std::string& name,
                      const std::string& bytes);
void LeaderFileFailed(UiContext& ui, AppState& state, const std::string& message);
void DrawSettingsScreen(UiContext& ui, AppState& state);
// Settings → 同步 (screen_sync.cpp), drawn inside the settings screen.
void DrawSyncSection(UiContext& ui, AppState& state);
// Where a record is shown: its open conflict (a line, both versions, the choice), if any.
// True in the frame a choice was made (a form showing the record reads it again).
bool DrawConflictHere(UiContext& ui, AppState& state, const std::string& doc_id);
// The sync status line as the settings show it; is_error for a failure.
std::string SyncStatusLine(const UiContext& ui, bool& is_error);
// A backup chosen for restoring arrived, or could not be read.
void SettingsFileOpened(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes);
void SettingsFileFailed(UiContext& ui, AppState& state, const std::string& message);
// Notices above every screen: records that could not be loaded, an update waiting.
void DrawNotices(UiContext& ui, AppState& state);
// On an empty app: what the sample community is, and the button that loads it.
void DrawSampleOffer(UiContext& ui, AppState& state);
// The save state of the last change ("Saving…", "Saved", or why not), as a live status.
void DrawSaveStatus(UiContext& ui);
} // namespace ui

} // namespace linli
