#pragma once
// Pieces the sampling screens share: progress bars, status colours, the open-tube bar,
// and turning an action's outcome into a message.
#include <string>

#include "io/roster_text.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

// "2026-11-22" in the device's time zone.
std::string TodayDate(int64_t now_ms);
int CurrentYear(int64_t now_ms);

// The device's offset from UTC in minutes at that moment (for times in exports).
int UtcOffsetMinutes(int64_t now_ms);

unsigned int StatusColour(MarkStatus status);

// A bar of sampled/total with the counts written under it (announced as a status).
void ProgressBar(UiContext& ui, const char* id, const Progress& p);

// A building's progress at a glance, tappable: name and share sampled, a bar, the counts
// (and the previous round's share when there is one: previous_percent >= 0).
bool BuildingProgressRow(UiContext& ui, const char* id, const std::string& title, const Progress& p,
                         int previous_percent, const std::string& previous_date);

// The current tube of this device in this round, with opening and closing (pooled
// sampling needs a tube before "sample").
void TubeBar(UiContext& ui, AppState& state, const Round& round);

// Says what happened (or why not) in the screen's message line.
void ShowOutcome(UiContext& ui, SamplingState& s, const Outcome& outcome);
void DrawMessage(UiContext& ui, SamplingState& s);
// The same message over the bottom of the screen, where the finger is on a long list
// (the top of the list may be scrolled away); tapping OK hides it.
void DrawToast(UiContext& ui, SamplingState& s);

// A tappable resident row: name and flags, address, and the status in its colour.
// Returns true when tapped.
bool ResidentRow(UiContext& ui, const Resident& r, const char* status, unsigned int colour,
                 float width);

} // namespace linli::ui
