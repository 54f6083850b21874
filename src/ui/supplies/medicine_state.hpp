#pragma once
// What the medicine screens (药品需求) show or edit between frames.
#include <cstdint>
#include <string>
#include <vector>

#include "app/pending_write.hpp"
#include "app/supplies/medicine_service.hpp"

namespace linli {

enum class MedicineTab { Requests, ToAsk };

struct MedicineForm {
    MedicineRequest request;  // id empty when adding
    bool choosing = true;     // picking the resident (search shown)
    std::string search;       // the resident search
    std::string cached_query; // results kept until the query or the roster changes
    uint64_t cached_version = UINT64_MAX;
    std::vector<size_t> results; // indexes into the roster's residents
    std::vector<MedicineProblem> problems;
    std::string error;
    PendingWrite saving; // the form stays until its write is durable
};

struct MedicineState {
    MedicineTab tab = MedicineTab::Requests;
    MedicineForm form;
    std::string message; // the last action's result
    bool message_is_error = false;
    std::string undo_asked;  // the resident just marked asked (撤销 takes it back)
    bool scroll_top = false; // a view just opened: start at its top
};

} // namespace linli
