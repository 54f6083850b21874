#pragma once
// What the volunteers screen shows or edits between frames.
#include <string>
#include <vector>

#include "app/pending_write.hpp"
#include "core/volunteers/volunteer.hpp"

namespace linli {

// The volunteer being added or edited.
struct VolunteerForm {
    bool open = false;
    std::string id; // empty when adding
    std::string rev;
    std::string name;
    std::string phone;
    std::vector<VolunteerProblem> problems;
    bool confirm_delete = false;
    std::string error; // why the last save was refused
    // The write of the last save: the form stays (with what was typed) until it is
    // durable, so a failed write loses nothing.
    PendingWrite saving;
};

struct VolunteersState {
    std::string search;
    VolunteerForm form;
};

} // namespace linli
