// The catalog: what the committee buys (items and packs, by category), each tappable to
// edit; 新增商品 and 导入商品表 (a supplier's sheet, CSV or XLSX: its columns guessed, a
// preview of what it adds and updates, nothing written until 导入 N 个商品).
// Sections: the sheet opened · import preview · the list.
#include <imgui.h>

#include "io/csv.hpp"
#include "io/text_decode.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

// ------------------------------------------------------------------------ the sheet opened

void SuppliesFileOpened(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes) {
    state.area = Area::Supplies;
    SuppliesState& s = state.supplies;
    s.view = SuppliesView::Catalog;
    CatalogImportState& im = s.catalog_import;
    im = CatalogImportState{};
    im.file_name = name;
    const SheetRows sheet = ReadSheetRows(bytes);
    if (sheet.error != SheetError::None) {
        im.error = SheetErrorText(ui, sheet.error);
        return;
    }
    im.preview = ui.data.Supplies().PreviewCatalogImport(sheet.rows);
    switch (im.preview->error) {
    case CatalogImportError::None:
        break;
    case CatalogImportError::NoHeader:
        im.error = ui.T(SupplyText::CatalogNoHeader);
        im.preview.reset();
        break;
    case CatalogImportError::NoRows:
        im.error = ui.T(SupplyText::CatalogNoRows);
        im.preview.reset();
        break;
    }
}

void SuppliesFileFailed(UiContext& ui, AppState& state, const std::string& message) {
    state.supplies.catalog_import = CatalogImportState{};
    state.supplies.catalog_import.error =
        Format(ui.T(ShellText::RestoreReadFailed), message.c_str());
}

namespace {

const char* CatalogProblemText(const UiContext& ui, CatalogProblem p) {
    switch (p) {
    case CatalogProblem::NameMissing:
        return ui.T(SupplyText::ProblemItemName);
    case CatalogProblem::NameTooLong:
        return ui.T(ShellText::ProblemNameTooLong);
    case CatalogProblem::PriceMissing:
        return ui.T(SupplyText::ProblemItemPrice);
    case CatalogProblem::MinOrderInvalid:
        return ui.T(SupplyText::ProblemMinOrder);
    }
    return "";
}

// --------------------------------------------------------------------- import preview

void DrawImportPreview(UiContext& ui, SuppliesState& s) {
    CatalogImportState& im = s.catalog_import;
    switch (im.importing.Poll(ui.data)) {
    case WriteState::Durable:
        s.message = Format(ui.T(SupplyText::CatalogImported), static_cast<int>(im.imported));
        s.message_is_error = false;
        im = CatalogImportState{};
        return;
    case WriteState::Failed:
        im.error = ui.T(SupplyText::ImportNotSaved);
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (!im.error.empty()) {
        ErrorText(ui, "catalog-import-error", im.error.c_str());
    }
    if (!im.preview) {
        return;
    }
    const CatalogImportPreview& p = *im.preview;
    SectionTitle(ui, im.file_name.c_str());
    StatusText(ui, "catalog-import-summary",
               Format(ui.T(SupplyText::CatalogImportSummary), static_cast<int>(p.adds),
                      static_cast<int>(p.updates), static_cast<int>(p.unchanged),
                      static_cast<int>(p.with_problems))
                   .c_str());
    for (const CatalogImportRow& r : p.rows) {
        if (r.row.problems.empty()) {
            continue;
        }
        const std::string line =
            Format(ui.T(SupplyText::CatalogRowProblem), static_cast<int>(r.row.line),
                   r.row.item.name.c_str(), CatalogProblemText(ui, r.row.problems.front()));
        ErrorText(ui, ("catalog-row-" + std::to_string(r.row.line)).c_str(), line.c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (im.importing.Waiting()) {
        StatusText(ui, "catalog-importing", ui.T(ShellText::SaveSaving));
    } else if (p.ToWrite() == 0) {
        MutedText(ui.T(SupplyText::CatalogNothingNew));
    } else if (PrimaryButton(
                   ui,
                   Format(ui.T(SupplyText::CatalogImportButton), static_cast<int>(p.ToWrite()))
                       .c_str(),
                   "catalog-import", half)) {
        const Outcome out = ui.data.Supplies().ImportCatalog(p, ui.platform.NowMs());
        if (out.ok) {
            im.imported = p.ToWrite();
            im.importing.Track(out);
        } else {
            im.error = ui.T(ShellText::EditStale);
        }
    }
    if (!im.importing.Waiting()) {
        ImGui::SameLine();
        if (TouchButton(ui, ui.T(ShellText::ActionCancel), "catalog-import-cancel", half)) {
            im = CatalogImportState{};
        }
    }
}

} // namespace

void OpenCatalogForm(AppState& state, const CatalogItem& item) {
    CatalogForm& f = state.supplies.catalog_form;
    f = CatalogForm{};
    f.item = item;
    f.price = item.price > 0 ? YuanText(item.price) : "";
    f.min_order = item.min_order > 0 ? std::to_string(item.min_order) : "";
    state.supplies.view = SuppliesView::CatalogForm;
}

// ----------------------------------------------------------------------------- the list

void DrawCatalog(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    if (BackButton(ui, "catalog-back")) {
        s.view = SuppliesView::Home;
        s.catalog_import = CatalogImportState{};
        return;
    }
    Heading(ui, ui.T(SupplyText::CatalogTitle));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(SupplyText::CatalogAdd), "catalog-add", half)) {
        OpenCatalogForm(state, CatalogItem{});
        return;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::CatalogImport), "catalog-import-file", half)) {
        state.file_for = Area::Supplies;
        ui.platform.OpenFile(kSheetAccept);
    }
    MutedText(ui.T(SupplyText::CatalogImportExplain));
    DrawSuppliesMessage(ui, s);
    DrawImportPreview(ui, s);
    const std::vector<const CatalogItem*> items = ui.data.Supplies().Model().Items();
    if (items.empty()) {
        MutedText(ui.T(SupplyText::CatalogEmpty));
        return;
    }
    TextField(ui, "catalog-search", ui.T(ShellText::SearchLabel), "", s.catalog_search);
    const std::string* category = nullptr;
    for (const CatalogItem* item : items) {
        if (!s.catalog_search.empty() &&
            (item->name + " " + item->aliases + " " + item->supplier).find(s.catalog_search) ==
                std::string::npos) {
            continue;
        }
        if (category == nullptr || *category != item->category) {
            category = &item->category;
            SectionTitle(ui, item->category.empty() ? ui.T(SupplyText::CatalogNoCategory)
                                                    : item->category.c_str());
        }
        std::string title = item->name;
        if (!item->spec.empty()) {
            title += " " + item->spec;
        }
        std::string detail = Money(item->price);
        if (!item->unit.empty()) {
            detail += "/" + item->unit;
        }
        if (!item->supplier.empty()) {
            detail += " · " + item->supplier;
        }
        if (item->min_order > 0) {
            detail += " · " + Format(ui.T(SupplyText::MinOrderShort), item->min_order);
        }
        if (!item->contents.empty()) {
            detail += " · " + item->contents;
        }
        if (!item->active) {
            detail += " · " + std::string(ui.T(SupplyText::ItemInactive));
        }
        if (ListRow(ui, item->id.c_str(), title, detail)) {
            OpenCatalogForm(state, *item);
        }
    }
}

// ----------------------------------------------------------------------------- the form

void DrawCatalogForm(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    CatalogForm& f = s.catalog_form;
    switch (f.saving.Poll(ui.data)) {
    case WriteState::Durable:
        s.message = Format(ui.T(SupplyText::ItemSaved), f.item.name.c_str());
        s.message_is_error = false;
        s.view = SuppliesView::Catalog;
        f = CatalogForm{};
        return;
    case WriteState::Failed:
        f.error = ui.T(SupplyText::ImportNotSaved);
        if (const CatalogItem* stored = ui.data.Supplies().Model().FindItem(f.item.id)) {
            f.item.rev = stored->rev;
        } else {
            f.item.id.clear();
            f.item.rev.clear();
        }
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "item-back")) {
        s.view = SuppliesView::Catalog;
        f = CatalogForm{};
        return;
    }
    CatalogItem& item = f.item;
    Heading(ui, ui.T(item.id.empty() ? SupplyText::ItemNew : SupplyText::ItemEdit));
    TextField(ui, "item-name", ui.T(SupplyText::FieldItemName), ui.T(SupplyText::FieldItemNameHint),
              item.name);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    auto pair = [&](const char* id_a, SupplyText a, const char* hint_a, std::string& va,
                    const char* id_b, SupplyText b, const char* hint_b, std::string& vb) {
        ImGui::BeginChild(id_a, ImVec2(half, 0), ImGuiChildFlags_AutoResizeY);
        TextField(ui, id_a, ui.T(a), hint_a, va);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild(id_b, ImVec2(half, 0), ImGuiChildFlags_AutoResizeY);
        TextField(ui, id_b, ui.T(b), hint_b, vb);
        ImGui::EndChild();
    };
    pair("item-price", SupplyText::FieldPrice, "39.9", f.price, "item-unit", SupplyText::FieldUnit,
         ui.T(SupplyText::FieldUnitHint), item.unit);
    pair("item-spec", SupplyText::FieldSpec, ui.T(SupplyText::FieldSpecHint), item.spec,
         "item-category", SupplyText::FieldCategory, ui.T(SupplyText::FieldCategoryHint),
         item.category);
    TextField(ui, "item-supplier", ui.T(SupplyText::FieldSupplier), "", item.supplier);
    pair("item-supplier-phone", SupplyText::FieldSupplierPhone, "", item.supplier_phone,
         "item-min-order", SupplyText::FieldMinOrder, "50", f.min_order);
    TextField(ui, "item-contents", ui.T(SupplyText::FieldContents),
              ui.T(SupplyText::FieldContentsHint), item.contents);
    TextField(ui, "item-aliases", ui.T(SupplyText::FieldAliases),
              ui.T(SupplyText::FieldAliasesHint), item.aliases);
    if (SegmentOption(ui, ui.T(SupplyText::ItemActive), "item-active", item.active, half)) {
        item.active = true;
    }
    ImGui::SameLine();
    if (SegmentOption(ui, ui.T(SupplyText::ItemInactive), "item-inactive", !item.active, half)) {
        item.active = false;
    }
    for (size_t i = 0; i < f.problems.size(); ++i) {
        ErrorText(ui, ("item-problem-" + std::to_string(i)).c_str(),
                  CatalogProblemText(ui, f.problems[i]));
    }
    if (!f.error.empty()) {
        ErrorText(ui, "item-error", f.error.c_str());
    }
    if (f.saving.Waiting()) {
        StatusText(ui, "item-saving", ui.T(ShellText::SaveSaving));
        return;
    }
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "item-save", half)) {
        item.price = ParseYuan(f.price).value_or(0);
        const std::string mo = TrimSpaces(f.min_order);
        item.min_order = mo.empty() ? 0 : static_cast<int>(ParseYuan(mo).value_or(-100) / 100);
        const Outcome out = ui.data.Supplies().SaveCatalogItem(item, ui.platform.NowMs());
        f.problems = out.problems.Of<CatalogProblem>();
        f.error.clear();
        if (out.error) {
            f.error = ui.T(ShellText::EditStale);
        }
        if (out.ok) {
            f.saving.Track(out);
            item.id = out.id;
            if (const CatalogItem* stored = ui.data.Supplies().Model().FindItem(out.id)) {
                item.rev = stored->rev;
            }
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "item-cancel", half)) {
        s.view = SuppliesView::Catalog;
        f = CatalogForm{};
    }
}

} // namespace linli::ui
