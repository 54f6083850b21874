// One group buy: its state (and the next step), its orders (searchable, tap to edit, or
// type one in), what it adds up to (the purchase list per supplier against minimums, per
// building, cash per volunteer, undelivered; exported and printed), the delivery walk
// (per building, door by door in walking order, one tap per door; the building's pick
// list and manifest printed), and the households to call.
// Sections: header · totals cache · orders · totals · delivery (the walk and the outcome sheet) ·
// to call.
#include <imgui.h>

#include "core/roster/roster.hpp"
#include "core/supplies/round_totals.hpp"
#include "io/roster_text.hpp"
#include "io/supply_lists.hpp"
#include "io/xlsx_exchange.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

namespace {

bool HasNextState(RoundState s) {
    return s != RoundState::Done;
}
RoundState NextState(RoundState s) {
    return s == RoundState::Done ? s : static_cast<RoundState>(static_cast<int>(s) + 1);
}

bool OrderMatches(const Order& o, std::string_view query) {
    if (query.empty()) {
        return true;
    }
    const std::string q(query);
    if (o.name.find(q) != std::string::npos || OrderAddress(o).find(q) != std::string::npos ||
        o.room == q) {
        return true;
    }
    return q.size() >= 3 && o.phone.size() >= q.size() &&
           o.phone.compare(o.phone.size() - q.size(), q.size(), q) == 0;
}

// ------------------------------------------------------------------------------ header

void DrawHeader(UiContext& ui, AppState& state, const OrderRound& round) {
    SuppliesState& s = state.supplies;
    Heading(ui, round.title.empty() ? ui.T(SupplyText::UntitledRound) : round.title.c_str());
    std::string line = ui.T(RoundStateText(round.state));
    if (!round.cutoff.empty()) {
        line += " · " + round.cutoff;
    }
    StatusText(ui, "round-state", line.c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    bool same_line = false;
    if (round.state == RoundState::Open) {
        if (PrimaryButton(ui, ui.T(SupplyText::PasteJielong), "round-paste", half)) {
            OpenJielongPaste(state, round.id);
        }
        same_line = true;
    }
    if (HasNextState(round.state)) {
        if (same_line) {
            ImGui::SameLine();
        }
        // Two taps: a round closed by mistake stops taking orders.
        const RoundState next = NextState(round.state);
        const std::string label =
            Format(ui.T(s.confirm_next ? SupplyText::ConfirmNextState : SupplyText::NextState),
                   ui.T(RoundStateText(next)));
        if (TouchButton(ui, label.c_str(), "round-next", same_line ? half : -FLT_MIN)) {
            if (s.confirm_next) {
                SayOutcome(ui, s, ui.data.Supplies().SetRoundState(round.id, next),
                           ui.T(RoundStateText(next)));
            }
            s.confirm_next = !s.confirm_next;
        }
    }
    if (s.tab == OrderRoundTab::Orders || s.tab == OrderRoundTab::ToCall) {
        DrawSuppliesMessage(ui, s); // the walk and the totals show it beside their buttons
    }
    const float quarter = (ImGui::GetContentRegionAvail().x - 3 * gap) / 4.0f;
    const std::pair<OrderRoundTab, SupplyText> tabs[] = {
        {OrderRoundTab::Orders, SupplyText::TabOrders},
        {OrderRoundTab::Totals, SupplyText::TabTotals},
        {OrderRoundTab::Delivery, SupplyText::TabDelivery},
        {OrderRoundTab::ToCall, SupplyText::TabToCall}};
    for (size_t i = 0; i < 4; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = "tab-" + std::to_string(i);
        if (SegmentOption(ui, ui.T(tabs[i].second), id.c_str(), s.tab == tabs[i].first, quarter)) {
            s.tab = tabs[i].first;
            s.outcome_for.clear();
            s.confirm_next = false;
        }
    }
}

// ------------------------------------------------------------------------------ totals cache

const RoundTotals& CachedTotals(UiContext& ui, SuppliesState& s, const OrderRound& round,
                                const std::vector<const Order*>& orders) {
    RoundTotalsCache& cache = s.round_totals;
    const uint64_t version = ui.data.Supplies().Model().Version();
    if (!cache.valid || cache.round_id != round.id || cache.version != version) {
        cache = RoundTotalsCache{true, round.id, version, AggregateRound(round, orders)};
    }
    return cache.totals;
}

// ------------------------------------------------------------------------------ orders

void DrawOrders(UiContext& ui, AppState& state, const OrderRound& round,
                const std::vector<const Order*>& orders) {
    SuppliesState& s = state.supplies;
    if (round.state == RoundState::Open &&
        TouchButton(ui, ui.T(SupplyText::OrderOnBehalf), "order-add", -FLT_MIN)) {
        Order o;
        o.round_id = round.id;
        o.channel = OrderChannel::Phone;
        OpenOrderForm(state, o);
        return;
    }
    TextField(ui, "order-search", ui.T(ShellText::SearchLabel), "3-2-1502", s.search);
    if (orders.empty()) {
        MutedText(ui.T(SupplyText::NoOrders));
        return;
    }
    OrderRowsCache& cache = s.order_rows;
    const uint64_t version = ui.data.Supplies().Model().Version();
    if (!cache.valid || cache.round_id != round.id || cache.query != s.search ||
        cache.version != version) {
        cache = OrderRowsCache{true, round.id, s.search, version, {}};
        for (const Order* o : WalkingOrder(orders)) {
            if (OrderMatches(*o, s.search)) {
                cache.rows.push_back(o);
            }
        }
    }
    // Only the rows on screen are built: 10,000 orders cost as much as 20.
    const float row_height = ui.metrics.touch_target + 16.0f + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(cache.rows.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Order* o = cache.rows[static_cast<size_t>(i)];
            std::string title = OrderAddress(*o) + " " + o->name;
            if (!o->in_roster) {
                title += " · " + std::string(ui.T(SupplyText::NotInRosterTag));
            }
            std::string detail = LinesText(o->lines) + " · " + Money(OrderTotal(round, *o)) +
                                 " · " + ui.T(OrderStatusText(o->status));
            if (!o->note.empty()) {
                detail += " · " + o->note;
            }
            if (ListRow(ui, o->id.c_str(), title, detail)) {
                const Order chosen = *o;
                clipper.End();
                OpenOrderForm(state, chosen);
                return;
            }
        }
    }
}

// ------------------------------------------------------------------------------ totals

void Print(UiContext& ui, SuppliesState& s, const ListTable& table) {
    ui.platform.OpenPrintable(ListTableHtml(table, ui.lang));
    s.message = ui.T(SupplyText::PrintOpened);
    s.message_is_error = false;
}

// Several lists in one file: one sheet each in Excel, one after another in CSV.
void ExportMany(UiContext& ui, SuppliesState& s, const std::vector<ListTable>& tables,
                const std::string& name) {
    if (tables.empty()) {
        s.message = ui.T(SupplyText::NoOrders);
        s.message_is_error = true;
        return;
    }
    const std::string base = SafeFileName(name);
    if (s.export_csv) {
        std::string csv;
        for (const ListTable& t : tables) {
            const std::string one = ListTableCsv(t);
            csv += csv.empty() ? one : one.substr(kUtf8Bom.size()) + "\r\n";
        }
        ui.platform.DownloadFile(base + ".csv", "text/csv;charset=utf-8", csv);
        s.message = Format(ui.T(SupplyText::Exported), (base + ".csv").c_str());
        s.message_is_error = false;
        return;
    }
    std::vector<XlsxSheet> sheets;
    std::vector<std::string> taken;
    for (const ListTable& t : tables) {
        const std::string sheet_name =
            SanitizeSheetName(t.short_name.empty() ? t.title : t.short_name, taken);
        taken.push_back(sheet_name);
        sheets.push_back(ListTableSheet(t, sheet_name));
    }
    const XlsxWriteResult book = MakeXlsx(sheets);
    if (!book.error.empty()) {
        s.message = Format(ui.T(SupplyText::ExportFailed), book.error.c_str());
        s.message_is_error = true;
        return;
    }
    ui.platform.DownloadFile(base + ".xlsx", std::string(kXlsxMime), book.bytes);
    s.message = Format(ui.T(SupplyText::Exported), (base + ".xlsx").c_str());
    s.message_is_error = false;
}

// One list as Excel (numbers as numbers, phones as text) or, when chosen, CSV.
void Export(UiContext& ui, SuppliesState& s, ListTable table, const std::string& name,
            const char* sheet_name) {
    table.short_name = sheet_name;
    ExportMany(ui, s, {std::move(table)}, name);
}

std::string RoundName(UiContext& ui, const OrderRound& round) {
    return round.title.empty() ? ui.T(SupplyText::UntitledRound) : round.title;
}

void DrawTotals(UiContext& ui, AppState& state, const OrderRound& round,
                const std::vector<const Order*>& orders) {
    SuppliesState& s = state.supplies;
    SuppliesService& supplies = ui.data.Supplies();
    const RoundTotals& t = CachedTotals(ui, state.supplies, round, orders);
    StatusText(
        ui, "round-totals",
        Format(ui.T(SupplyText::TotalsLine), t.orders, YuanText(t.amount).c_str(), t.delivered)
            .c_str());
    MutedText(Format(ui.T(SupplyText::CashLine), YuanText(t.cash_expected).c_str(),
                     YuanText(t.cash_collected).c_str(), YuanText(t.paid).c_str(),
                     YuanText(t.subsidised).c_str())
                  .c_str());
    const std::vector<const Order*> undelivered = Undelivered(orders);
    if (!undelivered.empty()) {
        const bool late = IsLate(round, TodayDate(ui.platform.NowMs()));
        StatusText(ui, "round-undelivered",
                   Format(ui.T(late ? SupplyText::UndeliveredLate : SupplyText::Undelivered),
                          static_cast<int>(undelivered.size()))
                       .c_str(),
                   late ? colors::kDanger : colors::kWarning);
        // The ones that need someone: a door outcome to follow up, or a problem.
        int shown = 0;
        for (const Order* o : undelivered) {
            if (o->delivery.outcome == DropOutcome::None && o->status != OrderStatus::Problem) {
                continue;
            }
            if (++shown > 20) {
                break;
            }
            const std::string why = o->delivery.outcome != DropOutcome::None
                                        ? ui.T(DropOutcomeText(o->delivery.outcome))
                                        : ui.T(OrderStatusText(o->status));
            std::string detail = why;
            if (!o->delivery.note.empty()) {
                detail += " · " + o->delivery.note;
            }
            if (ListRow(ui, ("follow-" + o->id).c_str(), OrderAddress(*o) + " " + o->name,
                        detail)) {
                OpenOrderForm(state, *o);
                return;
            }
        }
    }

    const std::vector<SupplierPurchase> purchase = PurchaseList(round, t, supplies.Model().Items());
    SectionTitle(ui, ui.T(SupplyText::PurchaseList));
    for (const SupplierPurchase& sp : purchase) {
        std::string head = sp.supplier.empty() ? ui.T(SupplyText::NoSupplier) : sp.supplier;
        if (!sp.phone.empty()) {
            head += " " + sp.phone;
        }
        MutedText(head.c_str());
        for (const PurchaseLine& l : sp.lines) {
            std::string line =
                Format(ui.T(SupplyText::ItemTotalLine), OfferLabel(l.code, l.name).c_str(),
                       l.quantity, l.unit.c_str(), YuanText(l.amount).c_str());
            unsigned int colour = 0;
            if (l.min_order > 0) {
                line += " · ";
                line += l.MinMet() ? Format(ui.T(SupplyText::MinMet), l.min_order)
                                   : Format(ui.T(SupplyText::MinShort), l.min_order, l.Short());
                colour = l.MinMet() ? colors::kPrimary : colors::kWarning;
            }
            StatusText(ui, ("total-" + l.code).c_str(), line.c_str(), colour);
        }
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    const std::string name = RoundName(ui, round);
    SectionTitle(ui, ui.T(SupplyText::ListsTitle));
    if (SegmentOption(ui, "Excel (.xlsx)", "format-xlsx", !s.export_csv, half)) {
        s.export_csv = false;
    }
    ImGui::SameLine();
    if (SegmentOption(ui, "CSV", "format-csv", s.export_csv, half)) {
        s.export_csv = true;
    }
    const std::string purchase_name = name + "-" + ui.T(SupplyText::PurchaseList);
    if (TouchButton(ui, ui.T(SupplyText::ExportPurchase), "export-purchase", half)) {
        Export(ui, s, PurchaseListTable(round, purchase, ui.lang), purchase_name,
               ui.T(SupplyText::PurchaseList));
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::PrintPurchase), "print-purchase", half)) {
        Print(ui, s, PurchaseListTable(round, purchase, ui.lang));
    }
    if (TouchButton(ui, ui.T(SupplyText::ExportPickAll), "export-pick-all", half)) {
        Export(ui, s, PickListTable(round, orders, "", ui.lang),
               name + "-" + ui.T(SupplyText::PickName), ui.T(SupplyText::PickName));
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::PrintPickAll), "print-pick-all", half)) {
        Print(ui, s, PickListTable(round, orders, "", ui.lang));
    }
    if (TouchButton(ui, ui.T(SupplyText::ExportManifestAll), "export-manifest-all", half)) {
        Export(ui, s, ManifestTable(round, orders, "", ui.lang),
               name + "-" + ui.T(SupplyText::ManifestName), ui.T(SupplyText::ManifestName));
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::PrintManifestAll), "print-manifest-all", half)) {
        Print(ui, s, ManifestTable(round, orders, "", ui.lang));
    }
    if (TouchButton(ui, ui.T(SupplyText::ExportPerVolunteer), "export-per-volunteer", -FLT_MIN)) {
        ExportMany(ui, s, ManifestsPerVolunteer(round, orders, ui.lang),
                   name + "-" + ui.T(SupplyText::PerVolunteerName));
    }
    DrawSuppliesMessage(ui, s);

    SectionTitle(ui, ui.T(SupplyText::PerBuilding));
    for (const BuildingTotal& b : t.buildings) {
        const std::string head =
            Format(ui.T(SupplyText::BuildingOrders), BuildingLabel(b.building, ui.lang).c_str(),
                   b.orders, b.delivered);
        std::vector<OrderLine> lines;
        for (const ItemTotal& item : b.items) {
            lines.push_back({item.code, item.quantity});
        }
        StatusText(ui, ("building-total-" + b.building).c_str(),
                   (head + " · " + LinesText(lines)).c_str());
    }

    const std::vector<VolunteerCash> cash = CashByVolunteer(round, orders);
    if (!cash.empty()) {
        SectionTitle(ui, ui.T(SupplyText::CashTitle));
        for (const VolunteerCash& v : cash) {
            const std::string who = v.volunteer.empty() ? ui.T(SupplyText::NobodyYet) : v.volunteer;
            const Fen diff = v.collected - v.expected;
            const std::string line =
                Format(ui.T(SupplyText::CashPerVolunteer), who.c_str(), v.orders,
                       YuanText(v.expected).c_str(), YuanText(v.collected).c_str()) +
                (diff == 0 ? ""
                           : " · " + Format(ui.T(SupplyText::CashDifference), diff < 0 ? "-" : "+",
                                            YuanText(diff < 0 ? -diff : diff).c_str()));
            StatusText(ui, ("cash-" + who).c_str(), line.c_str(),
                       diff == 0 ? 0u : colors::kWarning);
        }
        if (TouchButton(ui, ui.T(SupplyText::ExportCash), "export-cash", -FLT_MIN)) {
            Export(ui, s, CashTable(round, cash, ui.lang), name + "-" + ui.T(SupplyText::CashTitle),
                   ui.T(SupplyText::CashTitle));
        }
    }
}

// ---------------------------------------------------------------------------- delivery

void DrawOutcomeSheet(UiContext& ui, AppState& state, const Order& order) {
    SuppliesState& s = state.supplies;
    const ImVec2 content_pos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    ImGui::SetNextWindowPos(ImVec2(content_pos.x, content_pos.y + ImGui::GetWindowHeight()),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::kSurface);
    ImGui::PushStyleColor(ImGuiCol_Border, colors::kPrimary);
    ImGui::Begin("##drop-sheet", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    SectionTitle(ui, (OrderAddress(order) + " " + order.name).c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    TextField(ui, "drop-cash", ui.T(SupplyText::FieldCashCollected), "0", s.drop_cash);
    // What is handed over, per line: fewer when something ran short.
    for (OrderLine& line : s.drop_lines) {
        int ordered = 0;
        for (const OrderLine& l : order.lines) {
            ordered = l.code == line.code ? l.quantity : ordered;
        }
        Stepper(ui, ("handed-" + line.code).c_str(),
                Format(ui.T(SupplyText::HandedOver), line.code.c_str(), ordered), line.quantity, 0,
                ordered, Format(ui.T(SupplyText::LessOf), line.code.c_str()),
                Format(ui.T(SupplyText::MoreOf), line.code.c_str()));
    }
    TextField(ui, "drop-note", ui.T(SamplingText::FieldNote), ui.T(SupplyText::DropNoteHint),
              s.drop_note);
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    int column = 0;
    for (const DropOutcome option : kAllDropOutcomes) {
        if (option == DropOutcome::None && order.delivery.outcome == DropOutcome::None) {
            continue;
        }
        if (column == 1) {
            ImGui::SameLine();
        }
        const std::string id = std::string("drop-") + DropOutcomeKey(option);
        if (SegmentOption(ui, ui.T(DropOutcomeText(option)), id.c_str(),
                          option == order.delivery.outcome && option != DropOutcome::None, half)) {
            const Outcome out = ui.data.Supplies().MarkDrop(
                order.id, option, ParseYuan(s.drop_cash).value_or(0), TrimSpaces(s.drop_note),
                ui.data.Settings().DeviceLabel(), ui.platform.NowMs(), s.drop_lines);
            SayOutcome(ui, s, out,
                       Format(ui.T(SupplyText::DropMarked), OrderAddress(order).c_str(),
                              ui.T(DropOutcomeText(option))));
            s.outcome_for.clear();
        }
        column = 1 - column;
    }
    if (column == 1) {
        ImGui::NewLine();
    }
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "drop-close", -FLT_MIN)) {
        s.outcome_for.clear();
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void DrawDoor(UiContext& ui, AppState& state, const Order& o, Fen total, float width) {
    SuppliesState& s = state.supplies;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Buttons as wide as their words need (English ones are longer), at least a thumb.
    const float done_w =
        std::max(76.0f, ImGui::CalcTextSize(ui.T(SupplyText::DropDelivered)).x + 24.0f);
    const float more_w =
        std::max(60.0f, ImGui::CalcTextSize(ui.T(SupplyText::DropOther)).x + 24.0f);
    const float text_w = width - done_w - more_w - 2 * gap;
    ImGui::PushID(o.id.c_str());
    // The unit is the heading above; the room number says the floor.
    const std::string title = RoomLabel(o.room, ui.lang) + " " + o.name;
    std::string detail = LinesText(o.lines);
    if (!o.phone.empty()) {
        detail += " · " + MaskPhone(o.phone);
    }
    if (o.payment == Payment::CashOnDelivery) {
        detail += " · " + Format(ui.T(SupplyText::CashDue), YuanText(total).c_str());
    }
    if (!o.note.empty()) {
        detail += " · " + o.note;
    }
    if (!o.delivery.delivered.empty()) {
        detail +=
            " · " + Format(ui.T(SupplyText::HandedShort), LinesText(o.delivery.delivered).c_str());
    }
    const bool marked = o.delivery.outcome != DropOutcome::None;
    ImVec2 pos;
    const std::string status = marked ? ui.T(DropOutcomeText(o.delivery.outcome)) : "";
    Card(ui, text_w, ui.metrics.touch_target + 16.0f,
         title + " " + detail + (marked ? " " + status : ""), pos);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 12.0f;
    const ImVec4 clip(pos.x, pos.y, pos.x + text_w - pad, pos.y + ui.metrics.touch_target + 16.0f);
    dl->AddText(ImGui::GetFont(), ui.metrics.body_font, ImVec2(pos.x + pad, pos.y + 8.0f),
                colors::kText, title.c_str(), nullptr, 0.0f, &clip);
    const std::string second = marked ? status + " · " + detail : detail;
    dl->AddText(ImGui::GetFont(), ui.metrics.body_font - 2.0f,
                ImVec2(pos.x + pad, pos.y + 12.0f + ui.metrics.body_font),
                marked ? (IsDropDone(o.delivery.outcome) ? colors::kPrimary : colors::kWarning)
                       : colors::kTextMuted,
                second.c_str(), nullptr, 0.0f, &clip);
    ImGui::SameLine();
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + 8.0f);
    if (marked) {
        ImGui::BeginDisabled();
        TouchButton(ui, ui.T(OrderStatusText(o.status)), "dropped", done_w);
        ImGui::EndDisabled();
    } else if (PrimaryButton(ui, ui.T(SupplyText::DropDelivered), "deliver", done_w)) {
        // Cash on delivery: one tap records the amount due as collected.
        const Fen cash = o.payment == Payment::CashOnDelivery ? total : 0;
        const Outcome out =
            ui.data.Supplies().MarkDrop(o.id, DropOutcome::Delivered, cash, "",
                                        ui.data.Settings().DeviceLabel(), ui.platform.NowMs());
        SayOutcome(ui, s, out,
                   Format(ui.T(SupplyText::DropMarked), OrderAddress(o).c_str(),
                          ui.T(SupplyText::DropDelivered)));
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(y + 8.0f);
    if (TouchButton(ui, ui.T(SupplyText::DropOther), "other", more_w)) {
        s.outcome_for = o.id;
        const Fen cash = o.delivery.outcome != DropOutcome::None ? o.delivery.cash
                         : o.payment == Payment::CashOnDelivery  ? total
                                                                 : 0;
        s.drop_cash = cash > 0 ? YuanText(cash) : "";
        s.drop_note = o.delivery.note;
        s.drop_lines = o.delivery.delivered.empty() ? o.lines : o.delivery.delivered;
    }
    ImGui::PopID();
}

void DrawDelivery(UiContext& ui, AppState& state, const OrderRound& round,
                  const std::vector<const Order*>& orders) {
    SuppliesState& s = state.supplies;
    const RoundTotals& t = CachedTotals(ui, state.supplies, round, orders);
    if (t.buildings.empty()) {
        MutedText(ui.T(SupplyText::NoOrders));
        return;
    }
    bool known = false;
    for (const BuildingTotal& b : t.buildings) {
        known = known || b.building == s.building;
    }
    if (!known) {
        s.building = t.buildings.front().building;
    }
    // The buildings as chips, wrapping.
    MutedText(ui.T(SupplyText::ChooseBuilding));
    const float avail = ImGui::GetContentRegionAvail().x;
    float used = 0.0f;
    for (const BuildingTotal& b : t.buildings) {
        const std::string label = BuildingLabel(b.building, ui.lang);
        const float w = ImGui::CalcTextSize(label.c_str()).x + 28.0f;
        if (used > 0.0f && used + w <= avail) {
            ImGui::SameLine();
        } else {
            used = 0.0f;
        }
        used += w + ImGui::GetStyle().ItemSpacing.x;
        const std::string id = "pick-" + b.building;
        if (SegmentOption(ui, label.c_str(), id.c_str(), b.building == s.building, w)) {
            s.building = b.building;
            s.outcome_for.clear();
        }
    }
    const std::vector<const Order*> doors = WalkingOrder(orders, s.building);
    int left = 0;
    for (const Order* o : doors) {
        left += IsDropDone(o->delivery.outcome) ? 0 : 1;
    }
    StatusText(ui, "doors-left", Format(ui.T(SupplyText::DoorsLeft), left).c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (TouchButton(ui, ui.T(SupplyText::PrintPick), "print-pick", half)) {
        Print(ui, s, PickListTable(round, orders, s.building, ui.lang));
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SupplyText::PrintManifest), "print-manifest", half)) {
        Print(ui, s, ManifestTable(round, orders, s.building, ui.lang));
    }
    DrawSuppliesMessage(ui, s);
    const float width = ImGui::GetContentRegionAvail().x;
    const Order* sheet = nullptr;
    const std::string* unit = nullptr;
    for (const Order* o : doors) {
        if (unit == nullptr || *unit != o->unit) {
            unit = &o->unit;
            SectionTitle(ui, o->unit.empty() ? BuildingLabel(o->building, ui.lang).c_str()
                                             : UnitLabel(o->unit, ui.lang).c_str());
        }
        DrawDoor(ui, state, *o, OrderTotal(round, *o), width);
        if (o->id == s.outcome_for) {
            sheet = o;
        }
    }
    if (sheet != nullptr) {
        DrawOutcomeSheet(ui, state, *sheet);
    }
}

// ----------------------------------------------------------------------------- to call

void DrawToCall(UiContext& ui, AppState& state, const OrderRound& round) {
    const std::vector<HouseholdToCall> calls = ui.data.Supplies().CallingList(round.id);
    StatusText(ui, "to-call",
               Format(ui.T(SupplyText::ToCallCount), static_cast<int>(calls.size())).c_str());
    MutedText(ui.T(SupplyText::ToCallExplain));
    for (const HouseholdToCall& h : calls) {
        Order o;
        o.round_id = round.id;
        o.building = h.building;
        o.unit = h.unit;
        o.room = h.room;
        std::string names;
        std::string phones;
        for (const Resident* r : h.people) {
            names += (names.empty() ? "" : "、") + r->name;
            if (!r->phone.empty() && phones.empty()) {
                phones = r->phone;
            }
        }
        std::string detail =
            h.lives_alone ? ui.T(SupplyText::LivesAloneTag) : ui.T(SupplyText::SealedTag);
        if (!phones.empty()) {
            detail += " · " + phones; // staff call this number: shown in full
        }
        if (ListRow(ui, ("call-" + OrderAddress(o)).c_str(), OrderAddress(o) + " " + names,
                    detail) &&
            round.state == RoundState::Open) {
            o.name = h.people.front()->name;
            o.phone = phones;
            o.channel = h.lives_alone ? OrderChannel::OnBehalf : OrderChannel::Phone;
            o.note = h.people.front()->note;
            OpenOrderForm(state, o);
            return;
        }
    }
}

} // namespace

void DrawOrderRound(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    const SuppliesModel& model = ui.data.Supplies().Model();
    const OrderRound* round = model.FindRound(s.round_id);
    if (BackButton(ui, "round-back") || round == nullptr) {
        s.view = SuppliesView::Home;
        s.outcome_for.clear();
        return;
    }
    DrawHeader(ui, state, *round);
    const std::vector<const Order*> orders = model.OrdersOf(round->id);
    switch (s.tab) {
    case OrderRoundTab::Orders:
        DrawOrders(ui, state, *round, orders);
        break;
    case OrderRoundTab::Totals:
        DrawTotals(ui, state, *round, orders);
        break;
    case OrderRoundTab::ToCall:
        DrawToCall(ui, state, *round);
        break;
    case OrderRoundTab::Delivery:
        DrawDelivery(ui, state, *round, orders);
        break;
    }
}

} // namespace linli::ui
