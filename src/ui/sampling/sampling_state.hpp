#pragma once
// What the sampling screens show or edit between frames: which view, forms being
// filled, the import in progress, and cached search results.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/app_data.hpp"
#include "app/pending_write.hpp"
#include "app/sampling/import_job.hpp"
#include "app/sampling/round_views.hpp"
#include "core/roster/roster_import.hpp"
#include "io/csv.hpp"
#include "io/text_decode.hpp"

namespace linli {

enum class SamplingView { Home, Building, Round, RoundForm, ResidentForm, Import };
enum class RoundTab { Progress, Missing, HomeVisits, Tubes };

struct ResidentForm {
    Resident resident;      // id empty when adding
    std::string birth_year; // as typed
    std::vector<ResidentProblem> problems;
    std::string error;
    bool confirm_delete = false;
    PendingWrite saving; // the form stays until its write is durable
    SamplingView back_to = SamplingView::Home;
};

struct RoundForm {
    Round round; // id empty when creating
    std::vector<SiteWindow> sites{SiteWindow{}};
    bool all_buildings = true;
    std::vector<std::string> chosen; // buildings in scope when not all
    std::string error;
};

enum class ImportPhase { ChooseFile, Preview, Writing, Done, Failed };

struct ImportState {
    ImportPhase phase = ImportPhase::ChooseFile;
    std::string file_name;
    DecodedText decoded;
    size_t cleaned_cells = 0;             // cells whose control characters were removed
    CsvResult csv;                        // from a CSV file, or an .xlsx file's first sheet
    std::string xlsx_sheet;               // the sheet read, when the file was .xlsx
    std::vector<ImportField> mapping;     // one per column of the header row
    int editing_column = -1;              // the column whose field chooser is open
    std::string error;                    // why the file cannot be imported
    std::shared_ptr<RosterImportJob> job; // Writing and Done: the import (app/sampling)
};

struct SamplingState {
    SamplingView view = SamplingView::Home;
    SamplingView drawn_view = SamplingView::Home; // a new view starts at its top
    std::string drawn_building;
    std::string building; // the building being walked
    std::string round_id; // the round being marked ("" = none)
    RoundTab round_tab = RoundTab::Progress;
    bool only_missing = false;
    bool building_edit = false; // rename/delete open
    std::string building_new_name;
    bool confirm_building_delete = false;
    bool confirm_round_delete = false;
    bool all_rounds = false;  // the home screen lists every round, not just the newest three
    std::string status_sheet; // resident whose status chooser is open
    std::string tube_number;  // typed for the next tube
    std::string tube_detail;  // the tube the round's tube tab lists the people of
    std::string message;      // the result of the last action on these screens
    bool message_is_error = false;
    ResidentForm resident_form;
    RoundForm round_form;
    ImportState import;

    // Search results (indexes into the model's residents), kept until the query or the
    // roster changes.
    std::string search;
    std::string cached_query;
    uint64_t cached_version = UINT64_MAX;
    std::vector<size_t> results;
    WalkRowsCache walk;
    RoundListsCache lists;
};

} // namespace linli
