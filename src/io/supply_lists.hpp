#pragma once
// The lists a committee buys and delivers from, as tables: the purchase list per
// supplier, a building's pick list (what to pack, by unit and room), the door-drop
// manifest in walking order (masked phones, notes, cash to collect) and the cash to
// reconcile. One table, three ways out: CSV for Excel/WPS, a printable page (every value
// escaped), and sheets for XLSX.
#include <string>
#include <string_view>
#include <vector>

#include "core/supplies/round_totals.hpp"
#include "io/xlsx.hpp"
#include "text/i18n.hpp"

namespace linli {

struct ListTableRow {
    std::string section; // a new heading where it changes ("2单元", a supplier)
    std::vector<std::string> cells;
    bool number_cells = false; // cells after the first two that are digits are numbers
};
struct ListTable {
    std::string title;    // "幸福里 第3期 · 采购单"
    std::string subtitle; // the round's state, delivery date, totals
    std::vector<std::string> header;
    std::vector<ListTableRow> rows;
    std::string footer;     // "签收：______"
    std::string short_name; // a sheet's name when several lists share a file ("小李")
};

ListTable PurchaseListTable(const OrderRound& round, const std::vector<SupplierPurchase>& list,
                            Language lang);
// building empty: every building, each its own section.
ListTable PickListTable(const OrderRound& round, const std::vector<const Order*>& orders,
                        std::string_view building, Language lang);
ListTable ManifestTable(const OrderRound& round, const std::vector<const Order*>& orders,
                        std::string_view building, Language lang);
// One manifest per delivery volunteer (the order's assigned volunteer; orders with none
// come last under "not assigned"), each in walking order across buildings.
std::vector<ListTable> ManifestsPerVolunteer(const OrderRound& round,
                                             const std::vector<const Order*>& orders,
                                             Language lang);
ListTable CashTable(const OrderRound& round, const std::vector<VolunteerCash>& cash, Language lang);

// UTF-8 with BOM, CRLF; a section becomes its own first column.
std::string ListTableCsv(const ListTable& table);
// A printable page; no script.
std::string ListTableHtml(const ListTable& table, Language lang);
// One sheet: title and subtitle rows, the header, the rows (a section becomes its own
// first column); quantities and amounts as numbers, everything else as text.
XlsxSheet ListTableSheet(const ListTable& table, std::string_view sheet_name);
// A file name without characters file systems refuse ("第3期-采购单.csv").
std::string SafeFileName(std::string_view name);

} // namespace linli
