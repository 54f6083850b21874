#pragma once
// One function per screen (one file each); AppState is everything they show or edit.
#include <string>

#include "app/layout.hpp"
#include "ui/ui_context.hpp"

namespace linli {

struct AppState {
    Area area = Area::Sampling;
    std::string sampling_search;
    std::string volunteer_search;
    float display_width = 0;
    float display_height = 0;
};

namespace ui {
void DrawNavigation(UiContext& ui, AppState& state, NavStyle style);
void DrawSamplingScreen(UiContext& ui, AppState& state);
void DrawSuppliesScreen(UiContext& ui, AppState& state);
void DrawVolunteersScreen(UiContext& ui, AppState& state);
void DrawSettingsScreen(UiContext& ui, AppState& state);
} // namespace ui

} // namespace linli
