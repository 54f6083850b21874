#include "ui/shell/areas.hpp"

#include <array>

namespace linli {
namespace {

constexpr std::array kAreas = {
    AreaRow{Area::Sampling, ShellText::AreaSampling, ui::DrawSamplingScreen, ui::SamplingFileOpened,
            ui::SamplingFileFailed},
    AreaRow{Area::Supplies, ShellText::AreaSupplies, ui::DrawSuppliesScreen, ui::SuppliesFileOpened,
            ui::SuppliesFileFailed},
    AreaRow{Area::Volunteers, ShellText::AreaVolunteers, ui::DrawVolunteersScreen,
            ui::VolunteersFileOpened, ui::VolunteersFileFailed},
    AreaRow{Area::Leader, ShellText::AreaLeader, ui::DrawOverviewScreen, ui::LeaderFileOpened,
            ui::LeaderFileFailed},
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
