#include "ui/shell/areas.hpp"

#include <array>

namespace linli {
namespace {

// An area that opens no files.
void NoFile(UiContext&, AppState&, const std::string&, const std::string&) {}
void NoFileFailure(UiContext&, AppState&, const std::string&) {}

constexpr std::array kAreas = {
    AreaRow{Area::Sampling, ShellText::AreaSampling, ui::DrawSamplingScreen, ui::SamplingFileOpened,
            ui::SamplingFileFailed},
    AreaRow{Area::Supplies, ShellText::AreaSupplies, ui::DrawSuppliesScreen, ui::SuppliesFileOpened,
            ui::SuppliesFileFailed},
    AreaRow{Area::Volunteers, ShellText::AreaVolunteers, ui::DrawVolunteersScreen, NoFile,
            NoFileFailure},
    AreaRow{Area::Settings, ShellText::AreaSettings, ui::DrawSettingsScreen, ui::SettingsFileOpened,
            ui::SettingsFileFailed},
};

} // namespace

std::span<const AreaRow> AreaTable() {
    return kAreas;
}

const AreaRow& AreaOf(Area id) {
    for (const AreaRow& row : kAreas) {
        if (row.id == id) {
            return row;
        }
    }
    return kAreas.front();
}

} // namespace linli
