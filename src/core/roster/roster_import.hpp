#pragma once
// From a roster spreadsheet (already decoded and split into cells) to residents: which
// column holds what, one row to one resident, and a plan of what an import would add,
// update or skip given the residents already stored. Pure: nothing is saved here.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster/address.hpp"
#include "core/roster/roster.hpp"

namespace linli {

enum class ImportField {
    Ignore,
    Building,
    Unit,
    Room,
    Address, // building, unit and room in one cell ("3号楼2单元1502室")
    Name,
    Phone,
    BirthYear,
    Age,
    IdNumber,
    Relation,
    Flags,
    Note,
};

// A field for each header cell from common Chinese and English names (楼栋, 楼号, 单元号,
// 门牌号, 联系电话, building, phone, ...). Each field goes to the first column that names
// it; unknown and repeated ones are Ignore.
std::vector<ImportField> GuessMapping(const std::vector<std::string>& header);

// ResidentFlag bits named in free text (独居老人, 卧床, 轮椅, 高血压, 孕妇, 婴幼儿, 残疾,
// 外出未归, "lives alone", "wheelchair", ...).
uint32_t FlagsFromText(std::string_view text);

enum class RowProblem { None, NoName, NoAddress, BadBirthYear, DuplicateInFile, NameTooLong };

struct ImportRow {
    size_t line = 0; // source line, for messages
    Resident resident;
    RowProblem problem = RowProblem::None;
};

// One spreadsheet row. Cells are trimmed plain text; missing cells (ragged rows) are
// empty. An empty unit is fine; a missing building or room is NoAddress. Birth years
// accept "1941", "1941年", "1941-05-06", "1941/5/6"; ages "55", "55岁" (birth year =
// current_year - age). Flags come from a flags column (text it does not explain goes to
// the note) and from the note.
ImportRow ConvertRow(const std::vector<std::string>& cells, const std::vector<ImportField>& mapping,
                     int current_year, size_t line);

enum class ImportAction { Add, Update, Unchanged, Skip };

struct PlannedRow {
    size_t line = 0;
    ImportAction action = ImportAction::Skip;
    Resident resident; // Update and Unchanged: the stored resident (id and rev kept), merged
    RowProblem problem = RowProblem::None;
    size_t duplicate_of_line = 0; // DuplicateInFile: the line of the row that is kept
};

struct ImportPlan {
    std::vector<PlannedRow> rows;
    size_t added = 0, updated = 0, unchanged = 0, skipped = 0;
};

// What importing `rows` would do to `existing`. A row is the stored resident with the
// same ID number, else the same household and name, else the same name and phone (they
// moved). Updates keep what the file leaves empty and never remove a flag, so importing
// the same file twice changes nothing the second time.
ImportPlan PlanImport(const std::vector<ImportRow>& rows, const std::vector<Resident>& existing);

} // namespace linli
