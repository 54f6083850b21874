// The 接龙 pasted in: the chain's text, 识别 (read), a preview (the offer, one row per
// entry with the household it matched or why not, fixable by tapping), and 导入 N 单,
// the only step that writes.
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/supplies/supplies_widgets.hpp"

namespace linli::ui {

namespace {

SupplyText ChangeText(OrderChange c) {
    switch (c) {
    case OrderChange::Add:
        return SupplyText::ChangeAdd;
    case OrderChange::Update:
        return SupplyText::ChangeUpdate;
    case OrderChange::Unchanged:
        return SupplyText::ChangeUnchanged;
    case OrderChange::Cancel:
        return SupplyText::ChangeCancel;
    case OrderChange::Locked:
        return SupplyText::ChangeLocked;
    }
    return SupplyText::ChangeAdd;
}

void Recognise(UiContext& ui, PasteState& p) {
    p.preview = ui.data.Supplies().PreviewJielong(p.text, p.round_id);
    p.fixing_row = -1;
    p.error.clear();
    switch (p.preview->error) {
    case PreviewError::None:
        break;
    case PreviewError::NoOffers:
        p.error = ui.T(SupplyText::ErrNoOffers);
        break;
    case PreviewError::NoEntries:
        p.error = ui.T(SupplyText::ErrNoEntries);
        break;
    case PreviewError::RoundNotOpen:
        p.error = ui.T(SupplyText::ErrRoundNotOpen);
        break;
    }
}

// Replaces one line (1-based) of the pasted text.
void ReplaceLine(std::string& text, size_t line, const std::string& with) {
    size_t start = 0;
    for (size_t n = 1; n < line; ++n) {
        const size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            return;
        }
        start = nl + 1;
    }
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
        end = text.size();
    }
    if (end > start && text[end - 1] == '\r') {
        --end;
    }
    text.replace(start, end - start, with);
}

std::string RowDetail(UiContext& ui, const JielongPreview& preview, const PreviewRow& row) {
    switch (row.match) {
    case EntryMatch::NoAddress:
        return ui.T(SupplyText::MatchNoAddress);
    case EntryMatch::NoItems:
        return ui.T(SupplyText::MatchNoItems);
    case EntryMatch::Ambiguous:
        return ui.T(SupplyText::MatchAmbiguous);
    case EntryMatch::Household:
    case EntryMatch::NotInRoster:
        break;
    }
    if (row.order < 0) {
        return row.edit == JielongEdit::None ? ui.T(SupplyText::RowCut) : "";
    }
    const PreviewOrder& po = preview.orders[static_cast<size_t>(row.order)];
    std::string detail = OrderAddress(po.order) + " " + LinesText(po.order.lines);
    detail += " · ";
    detail += ui.T(ChangeText(po.change));
    if (!po.order.in_roster) {
        detail += " · ";
        detail += ui.T(SupplyText::MatchNotInRoster);
    }
    for (const OrderLineProblem& problem : po.problems) {
        detail += " · ";
        detail +=
            Format(ui.T(problem.problem == LineProblem::OverTotalCap ? SupplyText::OverCapCut
                                                                     : SupplyText::OverLimitCut),
                   problem.code.c_str(), problem.allowed);
    }
    return detail;
}

void DrawOffers(UiContext& ui, const OrderRound& round) {
    SectionTitle(ui, ui.T(SupplyText::OffersTitle));
    for (const Offer& o : round.offers) {
        std::string line = o.code + " " + o.name;
        if (!o.spec.empty()) {
            line += " " + o.spec;
        }
        line += " " + Money(o.price);
        if (!o.unit.empty()) {
            line += "/" + o.unit;
        }
        if (o.household_limit > 0) {
            line += " · " + Format(ui.T(SupplyText::LimitPerHousehold), o.household_limit);
        }
        if (o.total_cap > 0) {
            line += " · " + Format(ui.T(SupplyText::TotalCap), o.total_cap);
        }
        MutedText(line.c_str());
    }
}

void DrawFix(UiContext& ui, PasteState& p, const PreviewRow& row) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float button = 112.0f;
    InlineTextField(ui, "fix-line", ui.T(SupplyText::FixLine), row.text.c_str(), p.fix_text,
                    ImGui::GetContentRegionAvail().x - button - gap);
    ImGui::SameLine();
    if (PrimaryButton(ui, ui.T(SupplyText::FixApply), "fix-apply", button)) {
        ReplaceLine(p.text, row.line, p.fix_text);
        Recognise(ui, p);
    }
}

void DrawPreview(UiContext& ui, AppState& state) {
    PasteState& p = state.supplies.paste;
    const JielongPreview& preview = *p.preview;
    const std::string& title = preview.round.title.empty()
                                   ? std::string(ui.T(SupplyText::UntitledRound))
                                   : preview.round.title;
    StatusText(ui, "preview-round",
               Format(ui.T(preview.new_round ? SupplyText::NewRoundFrom : SupplyText::IntoRound),
                      title.c_str())
                   .c_str());
    StatusText(ui, "preview-summary",
               Format(ui.T(SupplyText::PreviewSummary), static_cast<int>(preview.orders.size()),
                      static_cast<int>(preview.Count(OrderChange::Add)),
                      static_cast<int>(preview.Count(OrderChange::Update)),
                      static_cast<int>(preview.Count(OrderChange::Cancel)),
                      static_cast<int>(preview.Count(OrderChange::Unchanged)))
                   .c_str());
    if (preview.unrecognised > 0) {
        StatusText(
            ui, "preview-unrecognised",
            Format(ui.T(SupplyText::Unrecognised), static_cast<int>(preview.unrecognised)).c_str(),
            colors::kWarning);
    } else {
        StatusText(ui, "preview-unrecognised", ui.T(SupplyText::AllRecognised), colors::kPrimary);
    }
    if (const size_t locked = preview.Count(OrderChange::Locked); locked > 0) {
        StatusText(ui, "preview-locked",
                   Format(ui.T(SupplyText::PreviewLocked), static_cast<int>(locked)).c_str(),
                   colors::kWarning);
    }
    const int to_write = static_cast<int>(preview.ToWrite());
    const bool waiting = p.importing.Waiting();
    if (to_write == 0 || waiting) {
        ImGui::BeginDisabled();
    }
    const std::string label = to_write == 0 ? std::string(ui.T(SupplyText::NothingToImport))
                                            : Format(ui.T(SupplyText::ImportOrders), to_write);
    if (PrimaryButton(ui, label.c_str(), "import-orders", -FLT_MIN) && to_write > 0) {
        const Outcome out = ui.data.Supplies().ImportJielong(preview, ui.platform.NowMs());
        if (out.ok) {
            p.importing.Track(out);
            p.imported = to_write;
            state.supplies.round_id = out.id;
        } else {
            p.error = ui.T(SupplyText::ImportStale);
        }
    }
    if (to_write == 0 || waiting) {
        ImGui::EndDisabled();
    }
    DrawOffers(ui, preview.round);

    SectionTitle(ui, ui.T(SupplyText::EntriesTitle));
    for (size_t i = 0; i < preview.rows.size(); ++i) {
        const PreviewRow& row = preview.rows[i];
        const std::string id = "row-" + std::to_string(i);
        const bool problem =
            row.match != EntryMatch::Household && row.match != EntryMatch::NotInRoster;
        if (problem) {
            ImGui::PushStyleColor(ImGuiCol_Text, colors::kDanger);
        }
        const bool tapped = ListRow(ui, id.c_str(), row.text, RowDetail(ui, preview, row));
        if (problem) {
            ImGui::PopStyleColor();
        }
        if (tapped) {
            p.fixing_row = static_cast<int>(i);
            p.fix_text = row.text;
        }
        if (p.fixing_row == static_cast<int>(i)) {
            DrawFix(ui, p, row);
            if (!p.preview) {
                return;
            }
        }
    }
}

} // namespace

void DrawJielongPaste(UiContext& ui, AppState& state) {
    SuppliesState& s = state.supplies;
    PasteState& p = s.paste;
    switch (p.importing.Poll(ui.data)) {
    case WriteState::Durable:
        s.message = Format(ui.T(SupplyText::Imported), p.imported);
        s.message_is_error = false;
        p = PasteState{};
        s.view = SuppliesView::Round;
        s.tab = OrderRoundTab::Orders;
        return;
    case WriteState::Failed:
        // Nothing was saved; the preview stays, so importing again is one tap.
        Recognise(ui, p);
        p.error = ui.T(SupplyText::ImportNotSaved);
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "paste-back")) {
        s.view = p.round_id.empty() ? SuppliesView::Home : SuppliesView::Round;
        return;
    }
    Heading(ui, ui.T(SupplyText::PasteJielong));
    MutedText(ui.T(SupplyText::JielongExplain));
    const float height = p.preview ? 120.0f : 260.0f;
    if (TextArea(ui, "jielong-text", ui.T(SupplyText::JielongText), ui.T(SupplyText::JielongHint),
                 p.text, height) &&
        p.preview) {
        p.preview.reset(); // the text changed: read it again before importing
        p.error.clear();
    }
    if (PrimaryButton(ui, ui.T(SupplyText::Recognise), "recognise", -FLT_MIN)) {
        Recognise(ui, p);
    }
    if (!p.error.empty()) {
        ErrorText(ui, "paste-error", p.error.c_str());
    }
    if (p.preview && p.preview->error == PreviewError::None) {
        DrawPreview(ui, state);
    }
}

} // namespace linli::ui
