#include "ui/kit/sheet_messages.hpp"

#include "ui/kit/widgets.hpp"

namespace linli::ui {

std::string SheetErrorText(const UiContext& ui, const SheetRows& sheet) {
    switch (sheet.error) {
    case SheetError::None:
        return "";
    case SheetError::Empty:
        return ui.T(SamplingText::ImportEmpty);
    case SheetError::BadQuote:
        return Format(ui.T(SamplingText::ImportBadQuote), static_cast<int>(sheet.error_line));
    case SheetError::Binary:
        return ui.T(ShellText::SheetNotSheet);
    case SheetError::OldExcel:
        return ui.T(SamplingText::ImportOldExcel);
    case SheetError::BadXlsx:
        return Format(ui.T(SamplingText::ImportBadXlsx), sheet.detail.c_str());
    case SheetError::XlsxTooBig:
        return Format(ui.T(SamplingText::ImportXlsxTooLarge), sheet.detail.c_str());
    case SheetError::NotXlsx:
        return ui.T(SamplingText::ImportNotXlsx);
    case SheetError::XlsxNoData:
        return ui.T(SamplingText::ImportXlsxNoData);
    case SheetError::XlsxUnavailable:
        return ui.T(SamplingText::ImportXlsxUnavailable);
    }
    return "";
}

} // namespace linli::ui
