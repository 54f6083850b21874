#pragma once
// Why a sheet chosen for an import could not be read, said the same way by every import.
#include <string>

#include "io/sheet.hpp"
#include "ui/kit/ui_context.hpp"

namespace linli::ui {

// "" when the sheet was read.
std::string SheetErrorText(const UiContext& ui, const SheetRows& sheet);

} // namespace linli::ui
