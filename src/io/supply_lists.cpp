// Sections: labels · purchase list · pick list · manifest · cash · CSV and HTML.
#include "io/supply_lists.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "core/roster/roster.hpp"
#include "io/roster_text.hpp"
#include "text/supplies_text.hpp"

namespace linli {

namespace {

// ------------------------------------------------------------------------------ labels

std::string T(SupplyText key, Language lang) {
    return Tr(key, lang);
}

std::string RoundTitle(const OrderRound& round, Language lang) {
    return round.title.empty() ? T(SupplyText::UntitledRound, lang) : round.title;
}

std::string Subtitle(const OrderRound& round, Language lang) {
    std::string s;
    if (!round.delivery_date.empty()) {
        s = FormatText(T(SupplyText::DeliveryDateLine, lang).c_str(), round.delivery_date.c_str());
    }
    if (!round.cutoff.empty()) {
        s += (s.empty() ? "" : " · ") + round.cutoff;
    }
    return s;
}

std::string Lines(const std::vector<OrderLine>& lines) {
    std::string out;
    for (const OrderLine& l : lines) {
        out += (out.empty() ? "" : " ") + l.code + "×" + std::to_string(l.quantity);
    }
    return out;
}

int QuantityOf(const Order& o, const std::string& code) {
    int q = 0;
    for (const OrderLine& l : o.lines) {
        q += l.code == code ? l.quantity : 0;
    }
    return q;
}

std::string Section(const Order& o, bool all_buildings, Language lang) {
    std::string s = all_buildings ? BuildingLabel(o.building, lang) : std::string();
    if (!o.unit.empty()) {
        s += (s.empty() ? "" : " ") + UnitLabel(o.unit, lang);
    }
    return s.empty() ? BuildingLabel(o.building, lang) : s;
}

std::string WhereLabel(std::string_view building, Language lang) {
    return building.empty() ? T(SupplyText::AllBuildings, lang) : BuildingLabel(building, lang);
}

} // namespace

// ------------------------------------------------------------------------ purchase list

ListTable PurchaseListTable(const OrderRound& round, const std::vector<SupplierPurchase>& list,
                            Language lang) {
    ListTable t;
    t.title =
        FormatText(T(SupplyText::ListPurchase, lang).c_str(), RoundTitle(round, lang).c_str());
    t.subtitle = Subtitle(round, lang);
    t.header = {T(SupplyText::ColCode, lang),  T(SupplyText::ColItem, lang),
                T(SupplyText::ColSpec, lang),  T(SupplyText::ColQuantity, lang),
                T(SupplyText::ColUnit, lang),  T(SupplyText::ColMinOrder, lang),
                T(SupplyText::ColShort, lang), T(SupplyText::ColAmount, lang)};
    for (const SupplierPurchase& s : list) {
        std::string section = s.supplier.empty() ? T(SupplyText::NoSupplier, lang) : s.supplier;
        if (!s.phone.empty()) {
            section += " " + s.phone;
        }
        for (const PurchaseLine& l : s.lines) {
            t.rows.push_back({section,
                              {l.code, l.name, l.spec, std::to_string(l.quantity), l.unit,
                               l.min_order > 0 ? std::to_string(l.min_order) : "",
                               l.Short() > 0 ? std::to_string(l.Short()) : "", YuanText(l.amount)},
                              true});
        }
    }
    return t;
}

// ---------------------------------------------------------------------------- pick list

ListTable PickListTable(const OrderRound& round, const std::vector<const Order*>& orders,
                        std::string_view building, Language lang) {
    ListTable t;
    t.title = FormatText(T(SupplyText::ListPick, lang).c_str(), RoundTitle(round, lang).c_str(),
                         WhereLabel(building, lang).c_str());
    t.subtitle = Subtitle(round, lang);
    t.header = {T(SupplyText::ColRoom, lang), T(SupplyText::ColName, lang)};
    for (const Offer& o : round.offers) {
        t.header.push_back(o.name.empty() || o.name == o.code ? o.code : o.code + " " + o.name);
    }
    t.header.push_back(T(SupplyText::ColNote, lang));
    t.header.push_back(T(SupplyText::ColPacked, lang));
    for (const Order* o : WalkingOrder(orders, building)) {
        ListTableRow row{
            Section(*o, building.empty(), lang), {RoomLabel(o->room, lang), o->name}, true};
        for (const Offer& offer : round.offers) {
            const int q = QuantityOf(*o, offer.code);
            row.cells.push_back(q > 0 ? std::to_string(q) : "");
        }
        row.cells.push_back(o->note);
        row.cells.push_back("");
        t.rows.push_back(std::move(row));
    }
    t.footer = T(SupplyText::ListSigned, lang);
    return t;
}

// ----------------------------------------------------------------------------- manifest

ListTable ManifestTable(const OrderRound& round, const std::vector<const Order*>& orders,
                        std::string_view building, Language lang) {
    ListTable t;
    t.title = FormatText(T(SupplyText::ListManifest, lang).c_str(), RoundTitle(round, lang).c_str(),
                         WhereLabel(building, lang).c_str());
    t.subtitle = Subtitle(round, lang);
    t.header = {T(SupplyText::ColRoom, lang),  T(SupplyText::ColName, lang),
                T(SupplyText::ColPhone, lang), T(SupplyText::ColItems, lang),
                T(SupplyText::ColCash, lang),  T(SupplyText::ColNote, lang),
                T(SupplyText::ColDone, lang)};
    for (const Order* o : WalkingOrder(orders, building)) {
        const std::string cash =
            o->payment == Payment::CashOnDelivery ? YuanText(OrderTotal(round, *o)) : std::string();
        std::string done;
        if (o->delivery.outcome != DropOutcome::None) {
            done = IsDropDone(o->delivery.outcome) ? "✓" : "✗";
        }
        std::string note = o->note;
        if (!o->delivery.delivered.empty()) {
            note +=
                (note.empty() ? "" : " · ") + FormatText(T(SupplyText::HandedShort, lang).c_str(),
                                                         Lines(o->delivery.delivered).c_str());
        }
        if (!o->delivery.note.empty()) {
            note += (note.empty() ? "" : " · ") + o->delivery.note;
        }
        t.rows.push_back({Section(*o, building.empty(), lang),
                          {RoomLabel(o->room, lang), o->name, MaskPhone(o->phone), Lines(o->lines),
                           cash, note, done},
                          true});
    }
    t.footer = T(SupplyText::ListSigned, lang);
    return t;
}

std::vector<ListTable> ManifestsPerVolunteer(const OrderRound& round,
                                             const std::vector<const Order*>& orders,
                                             Language lang) {
    std::map<std::string, std::vector<const Order*>> per;
    for (const Order* o : orders) {
        per[o->volunteer].push_back(o);
    }
    std::vector<ListTable> out;
    for (auto& [volunteer, mine] : per) {
        if (volunteer.empty()) {
            continue;
        }
        ListTable t = ManifestTable(round, mine, "", lang);
        t.title = FormatText(T(SupplyText::ListManifest, lang).c_str(),
                             RoundTitle(round, lang).c_str(), volunteer.c_str());
        t.short_name = volunteer;
        out.push_back(std::move(t));
    }
    if (const auto none = per.find(""); none != per.end()) {
        ListTable t = ManifestTable(round, none->second, "", lang);
        t.title =
            FormatText(T(SupplyText::ListManifest, lang).c_str(), RoundTitle(round, lang).c_str(),
                       T(SupplyText::NobodyYet, lang).c_str());
        t.short_name = T(SupplyText::NobodyYet, lang);
        out.push_back(std::move(t));
    }
    return out;
}

// --------------------------------------------------------------------------------- cash

ListTable CashTable(const OrderRound& round, const std::vector<VolunteerCash>& cash,
                    Language lang) {
    ListTable t;
    t.title = FormatText(T(SupplyText::ListCash, lang).c_str(), RoundTitle(round, lang).c_str());
    t.subtitle = Subtitle(round, lang);
    t.header = {T(SupplyText::ColVolunteer, lang), T(SupplyText::ColOrders, lang),
                T(SupplyText::ColExpected, lang), T(SupplyText::ColCollected, lang),
                T(SupplyText::ColDifference, lang)};
    for (const VolunteerCash& v : cash) {
        const Fen diff = v.collected - v.expected;
        t.rows.push_back(
            {"",
             {v.volunteer.empty() ? T(SupplyText::NobodyYet, lang) : v.volunteer,
              std::to_string(v.orders), YuanText(v.expected), YuanText(v.collected),
              diff == 0 ? "0" : (diff < 0 ? "-" : "+") + YuanText(diff < 0 ? -diff : diff)},
             true});
    }
    return t;
}

// -------------------------------------------------------------------------- CSV and HTML

std::string ListTableCsv(const ListTable& table) {
    std::string out(kUtf8Bom);
    out += CsvLine({table.title});
    if (!table.subtitle.empty()) {
        out += CsvLine({table.subtitle});
    }
    const bool sections = !table.rows.empty() && !table.rows.front().section.empty();
    std::vector<std::string> header = table.header;
    if (sections) {
        header.insert(header.begin(), "");
    }
    out += CsvLine(header);
    for (const ListTableRow& row : table.rows) {
        std::vector<std::string> cells = row.cells;
        if (sections) {
            cells.insert(cells.begin(), row.section);
        }
        out += CsvLine(cells);
    }
    return out;
}

std::string ListTableHtml(const ListTable& table, Language lang) {
    std::string h = PrintableHead(
        table.title,
        "body{font-family:sans-serif;margin:10mm}table{border-collapse:collapse;"
        "width:100%}th,td{border:1px solid #444;padding:4px 6px;font-size:12pt;text-align:left}"
        "th{background:#eee}td.n{text-align:right}h2{margin:14px 0 4px;font-size:14pt}"
        "@media print{h2{break-after:avoid}tr{break-inside:avoid}}",
        lang);
    h += "<h1>" + HtmlEscape(table.title) + "</h1>";
    if (!table.subtitle.empty()) {
        h += "<p>" + HtmlEscape(table.subtitle) + "</p>";
    }
    auto header = [&] {
        std::string s = "<table><tr>";
        for (const std::string& c : table.header) {
            s += "<th>" + HtmlEscape(c) + "</th>";
        }
        return s + "</tr>";
    };
    bool open = false;
    std::string section = "\x01";
    for (const ListTableRow& row : table.rows) {
        if (!open || row.section != section) {
            if (open) {
                h += "</table>";
            }
            section = row.section;
            if (!section.empty()) {
                h += "<h2>" + HtmlEscape(section) + "</h2>";
            }
            h += header();
            open = true;
        }
        h += "<tr>";
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const bool number =
                row.number_cells && i >= 2 && !row.cells[i].empty() && AllAsciiDigits(row.cells[i]);
            h += number ? "<td class=\"n\">" : "<td>";
            h += HtmlEscape(row.cells[i]) + "</td>";
        }
        h += "</tr>";
    }
    if (!open) {
        h += header();
    }
    h += "</table>";
    if (!table.footer.empty()) {
        h += "<p>" + HtmlEscape(table.footer) + "</p>";
    }
    return h + "</body></html>";
}

XlsxSheet ListTableSheet(const ListTable& table, std::string_view sheet_name) {
    XlsxSheet sheet;
    sheet.name = std::string(sheet_name);
    sheet.rows.push_back({XlsxCell::Text(table.title)});
    if (!table.subtitle.empty()) {
        sheet.rows.push_back({XlsxCell::Text(table.subtitle)});
    }
    const bool sections = !table.rows.empty() && !table.rows.front().section.empty();
    std::vector<XlsxCell> header;
    if (sections) {
        header.push_back(XlsxCell::Text(""));
    }
    for (const std::string& h : table.header) {
        header.push_back(XlsxCell::Text(h));
    }
    const size_t columns = header.size();
    sheet.rows.push_back(std::move(header));
    for (const ListTableRow& row : table.rows) {
        std::vector<XlsxCell> cells;
        if (sections) {
            cells.push_back(XlsxCell::Text(row.section));
        }
        for (size_t i = 0; i < row.cells.size(); ++i) {
            const std::string& v = row.cells[i];
            const bool numeric = row.number_cells && i >= 2 && !v.empty() && v.size() < 12 &&
                                 v.find_first_not_of("0123456789.") == std::string::npos &&
                                 v.front() != '.' && v.find('.') == v.rfind('.');
            cells.push_back(numeric ? XlsxCell::Number(std::strtod(v.c_str(), nullptr))
                                    : XlsxCell::Text(v));
        }
        sheet.rows.push_back(std::move(cells));
    }
    if (!table.footer.empty()) {
        sheet.rows.push_back({});
        sheet.rows.push_back({XlsxCell::Text(table.footer)});
    }
    sheet.column_widths.assign(columns, 12.0);
    return sheet;
}

std::string SafeFileName(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const bool bad = c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                         c == '<' || c == '>' || c == '|' || static_cast<unsigned char>(c) < 0x20;
        out += bad ? '-' : c;
    }
    return out.empty() ? "linli" : out;
}

} // namespace linli
