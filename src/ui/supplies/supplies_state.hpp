#pragma once
// What the supplies screens show or edit between frames.
#include <optional>
#include <string>

#include "app/pending_write.hpp"
#include "app/supplies/supplies_service.hpp"
#include "core/supplies/round_totals.hpp"
#include "ui/supplies/medicine_state.hpp"

namespace linli {

enum class SuppliesView {
    Home,
    Paste,
    Round,
    Catalog,
    CatalogForm,
    RoundForm,
    OrderForm,
    Medicine,
    MedicineForm
};
enum class OrderRoundTab { Orders, Totals, Delivery, ToCall };

// The chain being pasted, its preview, and the line being fixed.
struct PasteState {
    std::string text;
    std::string round_id; // pasted from a round's screen: into that round
    std::optional<JielongPreview> preview;
    int fixing_row = -1; // index into preview->rows
    std::string fix_text;
    PendingWrite importing;
    int imported = 0; // orders the import writes (said once it is durable)
    std::string error;
};

// A catalog item being added or edited (numbers as typed until saved).
struct CatalogForm {
    CatalogItem item;
    std::string price, min_order;
    std::vector<CatalogProblem> problems;
    std::string error;
    PendingWrite saving;
};

// A supplier's sheet opened in the catalog: what importing it would do.
struct CatalogImportState {
    std::optional<CatalogImportPreview> preview;
    std::string file_name;
    std::string error;
    PendingWrite importing;
    size_t imported = 0;
};

// A round set up by hand: offers picked from the catalog, each with its price and limits
// as typed.
struct RoundOfferInput {
    Offer offer;
    std::string price, limit, cap;
};
struct OrderRoundForm {
    OrderRound round;
    std::vector<RoundOfferInput> offers;
    std::vector<RoundProblem> problems;
    std::string error;
    PendingWrite saving;
};

// An order typed in: the household (from the roster, or an address it lacks), the lines,
// channel, payment, status, volunteer and note.
struct OrderForm {
    Order order;
    std::string search;         // the roster search for a household
    bool address_typed = false; // an address typed by hand (not from the roster)
    std::string received;       // money received, as typed
    std::vector<OrderProblem> problems;
    std::string error;
    PendingWrite saving;
};

// The open round's orders in walking order, filtered by the search: kept between frames
// until the model (its version) or the query changes. Sorting 10,000 orders every frame
// took 17 ms; the pointers stay valid while the version is the same.
struct OrderRowsCache {
    bool valid = false;
    std::string round_id;
    std::string query;
    uint64_t version = 0;
    std::vector<const Order*> rows;
};

// The open round's totals (every order aggregated), kept while the model's version is the
// same: the totals and delivery tabs read them every frame (10,000 orders: ~10 ms each).
struct RoundTotalsCache {
    bool valid = false;
    std::string round_id;
    uint64_t version = 0;
    RoundTotals totals;
};

struct SuppliesState {
    SuppliesView view = SuppliesView::Home;
    OrderRowsCache order_rows;
    RoundTotalsCache round_totals;
    PasteState paste;
    std::string round_id; // the round being looked at
    OrderRoundTab tab = OrderRoundTab::Orders;
    std::string search;
    std::string building;    // the delivery walk's building
    std::string outcome_for; // the order whose "other" outcomes are open
    std::string message;     // the last action's result
    bool message_is_error = false;
    bool confirm_next = false;         // the round's next step was tapped once
    bool export_csv = false;           // lists leave as CSV instead of Excel
    std::string drop_cash;             // the outcome sheet's cash collected, as typed
    std::string drop_note;             // and its note (shortage, substitution)
    std::vector<OrderLine> drop_lines; // and what is handed over, per ordered line
    std::string catalog_search;
    CatalogForm catalog_form;
    CatalogImportState catalog_import;
    OrderRoundForm round_form;
    OrderForm order_form;
    MedicineState medicine; // medicine and urgent needs (ui/supplies/screen_medicine*.cpp)
};

} // namespace linli
