#pragma once
// Supply orders: group-buy rounds, one order per household, the 接龙 chain pasted in
// (preview first, nothing written until imported), and deliveries door to door. Each
// action is one durable transaction through the Writer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/sampling/sampling_service.hpp"
#include "app/supplies/supplies_docs.hpp"
#include "app/supplies/supplies_model.hpp"
#include "app/writer.hpp"
#include "core/supplies/calling_list.hpp"
#include "core/supplies/catalog.hpp"
#include "core/supplies/jielong.hpp"
#include "core/supplies/round_totals.hpp"
#include "io/csv.hpp"

namespace linli {

// How one entry of a chain matched the roster.
enum class EntryMatch {
    Household,   // a household of the roster
    NotInRoster, // a full address the roster does not have: imported, flagged
    Ambiguous,   // "3栋1502" and building 3 has 1502 in several units
    NoAddress,   // no building and room found (or a reply between entries)
    NoItems,     // an address but nothing the round offers
};
enum class OrderChange { Add, Update, Unchanged, Cancel, Locked };

struct PreviewRow {
    size_t line = 0; // 1-based line of the pasted text
    int number = 0;
    std::string text;
    std::string name;
    std::string building, unit, room; // as matched
    std::vector<JielongItem> items;
    JielongEdit edit = JielongEdit::None;
    EntryMatch match = EntryMatch::Household;
    int order = -1; // index into JielongPreview::orders, -1 when it makes none
};

struct PreviewOrder {
    Order order; // id and rev of the stored order when there is one
    OrderChange change = OrderChange::Add;
    std::vector<OrderLineProblem> problems; // lines cut to a household limit or a cap
};

enum class PreviewError { None, NoOffers, NoEntries, RoundNotOpen };

struct JielongPreview {
    std::string text; // as pasted
    OrderRound round; // the target: a stored round (id set) or a new one from the header
    bool new_round = false;
    std::vector<std::string> header_text;
    std::vector<PreviewRow> rows;
    std::vector<PreviewOrder> orders;
    PreviewError error = PreviewError::None;
    size_t unrecognised = 0; // rows that make no order and are no edit (fix them)
    size_t Count(OrderChange change) const;
    // Orders the import writes (added, updated, cancelled).
    size_t ToWrite() const;
};

// A supplier's spreadsheet read against the catalog: nothing is written until imported.
enum class CatalogImportError { None, NoHeader, NoRows };
struct CatalogImportRow {
    CatalogRow row;
    const CatalogItem* existing = nullptr; // same name, spec and supplier
    bool changed = true;                   // false: the stored item already says this
};
struct CatalogImportPreview {
    std::vector<CatalogField> mapping;
    size_t header_line = 0;
    std::vector<CatalogImportRow> rows;
    CatalogImportError error = CatalogImportError::None;
    size_t adds = 0, updates = 0, unchanged = 0, with_problems = 0;
    size_t ToWrite() const { return adds + updates; }
};

class SuppliesService {
  public:
    SuppliesService(Writer& writer, SamplingService& sampling)
        : writer_(writer), sampling_(sampling) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    const SuppliesModel& Model() {
        model_.Refresh(writer_.Store());
        return model_;
    }

    // Reads a pasted chain against a round (round_id empty: the open round with the
    // chain's title, else a new round from the chain's header) and the roster. Writes
    // nothing.
    JielongPreview PreviewJielong(std::string_view text, const std::string& round_id);
    // Writes the preview's round (when new) and its orders in one transaction. A preview
    // made before another device changed one of its orders is refused (EditError::Stale).
    Outcome ImportJielong(const JielongPreview& preview, int64_t now_ms);

    // Saves what a round offers (prices, limits, caps), its dates and scope.
    Outcome UpdateRound(const OrderRound& edited);
    Outcome SetRoundState(const std::string& round_id, RoundState state);
    Outcome SetOrderStatus(const std::string& order_id, OrderStatus status, int64_t now_ms);
    Outcome SetPayment(const std::string& order_id, Payment payment, Fen received, int64_t now_ms);
    // A door outcome: delivered / left at the door make the order delivered, the others a
    // problem to follow up; OutcomeNone undoes a mark made by mistake.
    // delivered: what was handed over when it differs from the order (a shortage, a
    // substitute said in the note), one quantity per ordered line; more than ordered is
    // refused (OrderProblem::OverLimit).
    Outcome MarkDrop(const std::string& order_id, DropOutcome outcome, Fen cash,
                     std::string_view note, std::string_view by, int64_t now_ms,
                     const std::vector<OrderLine>& delivered = {});

    // --- Catalog
    // Saves an item (a new one when its id is empty). Problems: CatalogProblem.
    Outcome SaveCatalogItem(const CatalogItem& item, int64_t now_ms);
    // Rows of a sheet (CSV or XLSX): the header is the first row that names a name column.
    CatalogImportPreview PreviewCatalogImport(const std::vector<CsvRow>& rows);
    // Adds and updates the preview's rows without problems, in one transaction.
    Outcome ImportCatalog(const CatalogImportPreview& preview, int64_t now_ms);

    // --- Rounds and orders by hand
    // A round set up on the phone (offers usually from the catalog). Problems: RoundProblem.
    Outcome CreateRound(const OrderRound& round, int64_t now_ms);
    // An order typed in (phone call, at the desk, for an elderly resident): the
    // household's one order in the round, added or replaced. Lines are checked against
    // the household limits and caps. Problems: OrderProblem.
    Outcome SaveOrder(const Order& order, int64_t now_ms);
    // Households in scope with no order that must be called (sealed, living alone).
    std::vector<HouseholdToCall> CallingList(const std::string& round_id);

  private:
    Outcome EditOrder(const std::string& order_id, int64_t now_ms,
                      const std::function<void(Order&)>& change);

    Writer& writer_;
    SamplingService& sampling_;
    SuppliesModel model_;
};

} // namespace linli
