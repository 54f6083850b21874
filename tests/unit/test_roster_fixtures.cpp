// The shared roster fixtures (../shared/fixtures) imported end to end: decode, parse,
// map, convert, plan. Built into their own executable, which tests/CMakeLists.txt adds to
// ctest only when the fixtures are there (the project must not depend on them).
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/roster/roster_import.hpp"
#include "core/supplies/jielong.hpp"
#include "io/csv.hpp"
#include "io/text_decode.hpp"

using namespace linli;

namespace {
using F = ImportField;
constexpr int kYear = 2026; // "now" for ages, fixed so the tests do not age
const std::vector<ImportField> kSimple = {F::Building, F::Unit,      F::Room, F::Name,
                                          F::Phone,    F::BirthYear, F::Note};
} // namespace

namespace {

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct FixtureImport {
    DecodedText decoded;
    CsvResult csv;
    std::vector<ImportField> mapping;
    std::vector<ImportRow> rows;
    ImportPlan plan;
};

FixtureImport ImportFixture(const std::string& bytes) {
    FixtureImport out;
    out.decoded = DecodeSpreadsheetText(bytes);
    out.csv = ParseCsv(out.decoded.utf8);
    if (out.csv.rows.empty()) {
        return out;
    }
    out.mapping = GuessMapping(out.csv.rows[0].cells);
    for (size_t i = 1; i < out.csv.rows.size(); ++i) {
        out.rows.push_back(
            ConvertRow(out.csv.rows[i].cells, out.mapping, kYear, out.csv.rows[i].line));
    }
    out.plan = PlanImport(out.rows, {});
    return out;
}

size_t CountFlag(const ImportPlan& plan, uint32_t flag) {
    size_t count = 0;
    for (const PlannedRow& row : plan.rows) {
        count += (row.resident.flags & flag) != 0;
    }
    return count;
}

// Planned adds stored with ids, as the app would keep them.
std::vector<Resident> StoreAdds(const ImportPlan& plan) {
    std::vector<Resident> stored;
    for (const PlannedRow& row : plan.rows) {
        if (row.action == ImportAction::Add) {
            stored.push_back(row.resident);
            stored.back().id = "resident:" + std::to_string(stored.size());
            stored.back().rev = "1-a";
        }
    }
    return stored;
}

const std::filesystem::path kFixtures = LINLI_FIXTURES_DIR;

} // namespace

// Expected counts were computed independently with Python: csv.reader over
// open(...).read().decode("utf-8-sig" / "gbk") (iconv -f gbk agrees that the file is clean
// GBK), counting data rows, empty names/addresses, repeated (building, unit, room, name) or
// ID numbers, distinct households, flag words per column and the sum of birth years / ages.
TEST_CASE("fixture: roster_small_utf8bom.csv (Excel CSV UTF-8)") {
    const std::filesystem::path path = kFixtures / "roster_small_utf8bom.csv";
    REQUIRE_MESSAGE(std::filesystem::exists(path), path.string() << " is not there");
    const FixtureImport in = ImportFixture(ReadFile(path));
    CHECK(in.decoded.encoding == TextEncoding::Utf8Bom);
    CHECK(in.decoded.invalid_sequences == 0);
    CHECK(in.csv.error == CsvError::None);
    CHECK(in.csv.delimiter == ',');
    CHECK(in.mapping == kSimple);
    REQUIRE(in.rows.size() == 156);
    // The quoted note with a comma and a line break (file lines 7-8); the next row is on 9.
    CHECK(in.rows[5].line == 7);
    CHECK(in.rows[5].resident.name == "邵辉");
    CHECK(in.rows[5].resident.note == "独居老人, 耳背\n上门前先打电话");
    CHECK(in.rows[6].line == 9);

    CHECK(in.plan.added == 156);
    CHECK(in.plan.skipped == 0);
    std::set<std::string> households, buildings;
    long birth_year_sum = 0;
    for (const PlannedRow& row : in.plan.rows) {
        households.insert(HouseholdKey(row.resident));
        buildings.insert(row.resident.building);
        birth_year_sum += row.resident.birth_year;
    }
    CHECK(households.size() == 61);
    CHECK(buildings == std::set<std::string>{"1", "2", "3"});
    CHECK(birth_year_sum == 308071);
    CHECK(CountFlag(in.plan, kFlagLivesAlone) == 9);
    CHECK(CountFlag(in.plan, kFlagAway) == 7);
    CHECK(CountFlag(in.plan, kFlagBedridden) == 5);
    CHECK(CountFlag(in.plan, kFlagInfant) == 6);

    const ImportPlan again = PlanImport(in.rows, StoreAdds(in.plan));
    CHECK(again.unchanged == 156);
    CHECK(again.added + again.updated + again.skipped == 0);
}

TEST_CASE("fixture: roster_community_gbk.csv (Excel CSV on Chinese Windows)") {
    const std::filesystem::path path = kFixtures / "roster_community_gbk.csv";
    REQUIRE_MESSAGE(std::filesystem::exists(path), path.string() << " is not there");
    const FixtureImport in = ImportFixture(ReadFile(path));
    CHECK(in.decoded.encoding == TextEncoding::Gb18030);
    CHECK(in.decoded.invalid_sequences == 0);
    CHECK(in.csv.error == CsvError::None);
    CHECK(in.mapping == std::vector<ImportField>{F::Building, F::Unit, F::Room, F::Name,
                                                 F::Relation, F::IdNumber, F::Phone, F::Age,
                                                 F::Flags});
    REQUIRE(in.rows.size() == 5908);
    CHECK(in.rows.back().line == 5909);
    CHECK(in.rows[0].resident.name == "邹军花");
    CHECK(in.rows[0].resident.relation == "户主");
    CHECK(in.rows[0].resident.birth_year == kYear - 55);
    CHECK(in.rows[1].resident.id_number == "99703520080816289X");

    CHECK(in.plan.added == 5908);
    CHECK(in.plan.skipped == 0);
    std::set<std::string> households, buildings;
    long age_sum = 0;
    size_t with_phone = 0, with_id = 0, heads = 0;
    for (const PlannedRow& row : in.plan.rows) {
        households.insert(HouseholdKey(row.resident));
        buildings.insert(row.resident.building);
        age_sum += kYear - row.resident.birth_year;
        with_phone += !row.resident.phone.empty();
        with_id += !row.resident.id_number.empty();
        heads += row.resident.relation == "户主";
    }
    CHECK(households.size() == 2181);
    CHECK(heads == 2181);
    CHECK(buildings.size() == 22);
    CHECK(age_sum == 291239);
    CHECK(with_phone == 5908 - 557);
    CHECK(with_id == 5908 - 1782);
    CHECK(CountFlag(in.plan, kFlagLivesAlone) == 242);
    CHECK(CountFlag(in.plan, kFlagBedridden) == 212);
    CHECK(CountFlag(in.plan, kFlagChronic) == 181);
    CHECK(CountFlag(in.plan, kFlagInfant) == 171);
    CHECK(CountFlag(in.plan, kFlagAway) == 169);
    CHECK(CountFlag(in.plan, kFlagImmobile) == 164);
    CHECK(CountFlag(in.plan, kFlagDisability) == 164);
    CHECK(CountFlag(in.plan, kFlagPregnant) == 150);
    // The flags column is fully explained by its words: nothing spills into notes.
    for (const PlannedRow& row : in.plan.rows) {
        if (!row.resident.note.empty()) {
            FAIL_CHECK("unexpected note on line " << row.line << ": " << row.resident.note);
            break;
        }
    }

    const ImportPlan again = PlanImport(in.rows, StoreAdds(in.plan));
    CHECK(again.unchanged == 5908);
    CHECK(again.added + again.updated + again.skipped == 0);
}

TEST_CASE("fixture: the 接龙 sample gives 15 households, 14 live orders") {
    const std::string text =
        ReadFile(std::filesystem::path(LINLI_FIXTURES_DIR) / "jielong_sample.txt");
    REQUIRE_FALSE(text.empty());
    const JielongPost post = ParseJielong(text);
    CHECK(post.offers.size() == 3);
    const std::vector<JielongOrder> orders = OrdersFromJielong(post);
    CHECK(orders.size() == 15);
    size_t live = 0;
    for (const JielongOrder& o : orders) {
        live += o.cancelled ? 0 : 1;
        if (o.name == "侯丽静") {
            CHECK(o.lines == std::vector<OrderLine>{{"3号", 2}}); // entry 16 changed entry 7
        }
    }
    CHECK(live == 14);
}
