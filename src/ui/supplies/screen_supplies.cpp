// Supply orders (物资): catalog, order rounds, deliveries (later issues).
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {

void DrawSuppliesScreen(UiContext& ui, AppState&) {
    Heading(ui, ui.T(SupplyText::SuppliesTitle));
    MutedText(ui.T(SupplyText::SuppliesEmpty));
}

} // namespace linli::ui
