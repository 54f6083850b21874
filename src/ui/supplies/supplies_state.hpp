#pragma once
// What the supplies screens show or edit between frames.
#include <optional>
#include <string>

#include "app/pending_write.hpp"
#include "app/supplies/supplies_service.hpp"
#include "ui/supplies/medicine_state.hpp"

namespace linli {

enum class SuppliesView { Home, Paste, Round, Medicine, MedicineForm };
enum class OrderRoundTab { Orders, Totals, Delivery };

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

struct SuppliesState {
    SuppliesView view = SuppliesView::Home;
    PasteState paste;
    std::string round_id; // the round being looked at
    OrderRoundTab tab = OrderRoundTab::Orders;
    std::string search;
    std::string building;    // the delivery walk's building
    std::string outcome_for; // the order whose "other" outcomes are open
    std::string message;     // the last action's result
    bool message_is_error = false;
    bool confirm_next = false; // the round's next step was tapped once
    MedicineState medicine;    // medicine and urgent needs (ui/supplies/screen_medicine*.cpp)
};

} // namespace linli
