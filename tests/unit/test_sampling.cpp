// Rounds, marks, pooled tubes, progress and the missing list: the pure rules and the
// actions that write them (with an in-memory persistence that can also refuse writes).
// Sections: fixture; roster model; residents; rounds and marks; tubes; progress and the
// missing list; buildings (rename, delete); rounds (edit, delete).
#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "app/sampling/round_views.hpp"

using namespace linli;
using store::Json;

namespace {

class TestPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string& batch) override {
        ++writes;
        last_batch = batch;
        if (data == nullptr) {
            return;
        }
        if (fail_next) {
            fail_next = false;
            data->WriteFailed(txn, store::FailureKind::Quota, "QuotaExceededError", "[]");
        } else {
            data->WriteCommitted(txn);
        }
    }
    AppData* data = nullptr;
    bool fail_next = false;
    int writes = 0;
    std::string last_batch;
};

Resident Person(std::string building, std::string unit, std::string room, std::string name,
                uint32_t flags = 0) {
    Resident r;
    r.building = std::move(building);
    r.unit = std::move(unit);
    r.room = std::move(room);
    r.name = std::move(name);
    r.flags = flags;
    return r;
}

struct Fixture {
    TestPersistence p;
    AppData data{p, "devA"};
    Fixture() {
        p.data = &data;
        std::vector<Resident> batch = {Person("1", "1", "101", "赵一"),
                                       Person("1", "1", "101", "钱二"),
                                       Person("1", "1", "102", "孙三", kFlagBedridden),
                                       Person("1", "2", "201", "李四"),
                                       Person("2", "1", "101", "周五"),
                                       Person("10", "1", "101", "吴六")};
        REQUIRE(data.Sampling().ImportResidents(batch).ok);
    }
    std::string Id(const std::string& name) {
        for (const Resident& r : data.Sampling().Model().Residents()) {
            if (r.name == name) {
                return r.id;
            }
        }
        FAIL("no resident " << name);
        return {};
    }
    std::string NewRound(int pool, std::vector<std::string> buildings = {},
                         std::string date = "2026-11-22") {
        Round r;
        r.date = std::move(date);
        r.pool_size = pool;
        r.buildings = std::move(buildings);
        r.sites = {{"东门广场", "08:00-11:00"}};
        auto out = data.Sampling().CreateRound(r, 1000);
        REQUIRE(out.ok);
        return out.id;
    }
};

} // namespace

TEST_CASE("roster model: walking order, households, buildings with a document") {
    Fixture f;
    const auto& model = f.data.Sampling().Model();
    REQUIRE(model.Residents().size() == 6);
    // Natural order: building 2 before 10.
    std::vector<std::string> buildings;
    for (const BuildingRef& b : model.Buildings()) {
        buildings.push_back(b.name);
    }
    CHECK(buildings == std::vector<std::string>{"1", "2", "10"});
    const BuildingRef* one = model.FindBuildingRef("1");
    REQUIRE(one != nullptr);
    CHECK(one->units.size() == 2);
    CHECK(one->households == 3);
    CHECK(one->units[0].households[0].count == 2);
    // Every building got a document with the default control level.
    CHECK(model.LevelOf("1") == ControlLevel::Precaution);
    REQUIRE(f.data.Sampling().SetBuildingLevel("1", ControlLevel::Sealed).ok);
    CHECK(f.data.Sampling().Model().LevelOf("1") == ControlLevel::Sealed);
    const uint64_t roster = f.data.Sampling().Model().RosterVersion();
    // A mark does not rebuild the roster.
    const std::string round = f.NewRound(10);
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("李四"), MarkStatus::Absent, 2000).ok);
    CHECK(f.data.Sampling().Model().RosterVersion() == roster);
}

TEST_CASE("roster: add, edit and remove a resident, problems are reported") {
    Fixture f;
    Resident bad = Person(" ", "1", "", "");
    bad.birth_year = 1700;
    auto refused = f.data.Sampling().SaveResident(bad, 2026, 1);
    CHECK_FALSE(refused.ok);
    CHECK(refused.problems == std::vector<ResidentProblem>{
                                  ResidentProblem::NameMissing, ResidentProblem::BuildingMissing,
                                  ResidentProblem::RoomMissing, ResidentProblem::BirthYear});
    Resident added = Person("3号楼", "2单元", "1502室", " 王小明 ");
    added.phone = "13800001234";
    auto saved = f.data.Sampling().SaveResident(added, 2026, 1);
    REQUIRE(saved.ok);
    const Resident* r = f.data.Sampling().Model().FindResident(saved.id);
    REQUIRE(r != nullptr);
    CHECK(r->building == "3");
    CHECK(r->unit == "2");
    CHECK(r->room == "1502");
    CHECK(r->name == "王小明");
    CHECK(f.data.Sampling().Model().FindBuildingRef("3") != nullptr);
    Resident edited = *r;
    edited.note = "耳背，上门前先打电话";
    edited.flags = kFlagLivesAlone;
    REQUIRE(f.data.Sampling().SaveResident(edited, 2026, 2).ok);
    r = f.data.Sampling().Model().FindResident(saved.id);
    CHECK(r->note == "耳背，上门前先打电话");
    CHECK(r->flags == kFlagLivesAlone);
    // The old revision cannot overwrite the new one.
    CHECK(f.data.Sampling().SaveResident(edited, 2026, 3).error == store::EditError::Conflict);
    REQUIRE(f.data.Sampling().RemoveResident(r->id, r->rev).ok);
    CHECK(f.data.Sampling().Model().FindResident(saved.id) == nullptr);
    CHECK(f.data.Sampling().Model().Residents().size() == 6);
}

TEST_CASE("imported ids are the same on every device, a failed write leaves nothing behind") {
    Fixture f;
    TestPersistence p2;
    AppData other(p2, "devB");
    p2.data = &other;
    REQUIRE(other.Sampling().ImportResidents({Person("1", "1", "101", "赵一")}).ok);
    CHECK(other.Sampling().Model().Residents()[0].id == f.Id("赵一"));

    f.p.fail_next = true;
    auto out = f.data.Sampling().ImportResidents({Person("9", "1", "901", "郑七")});
    CHECK(out.ok); // written, then the write failed and was rolled back
    CHECK(f.data.SaveState().status == store::SaveStatus::Failed);
    const auto& model = f.data.Sampling().Model();
    CHECK(model.Residents().size() == 6);
    CHECK(model.FindBuildingRef("9") == nullptr);
}

TEST_CASE("round: statuses, home-visit list, progress and missing list") {
    Fixture f;
    const std::string round = f.NewRound(10, {"1"});
    const auto& model = f.data.Sampling().Model();
    const Round* r = model.FindRound(round);
    REQUIRE(r != nullptr);
    CHECK(r->sites.size() == 1);
    RoundProgress p = model.ProgressOf(*r);
    // Scope is building 1 only: 4 residents in 3 households.
    CHECK(p.total.residents == 4);
    CHECK(p.total.households == 3);
    CHECK(p.total.households_incomplete == 3);
    CHECK(p.total.needs_home_visit == 1); // 孙三 is bedridden
    CHECK(StatusOf(*model.FindResident(f.Id("孙三")), nullptr) == MarkStatus::NeedsHomeVisit);

    // Sampling needs an open tube.
    auto no_tube = f.data.Sampling().MarkResident(round, f.Id("赵一"), MarkStatus::Sampled, 2000);
    CHECK_FALSE(no_tube.ok);
    CHECK(no_tube.First<TubeProblem>() == TubeProblem::NoOpenTube);
    REQUIRE(
        f.data.Sampling().OpenTube(round, "Ｔ０００１", 2000).ok); // full-width, as an IME types
    REQUIRE(f.data.Sampling().Model().OpenTubeOf(round, "devA") != nullptr);
    CHECK(f.data.Sampling().Model().OpenTubeOf(round, "devA")->number == "T0001");
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("赵一"), MarkStatus::Sampled, 2100).ok);
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("钱二"), MarkStatus::Sampled, 2200).ok);
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("李四"), MarkStatus::Absent, 2300).ok);
    p = f.data.Sampling().Model().ProgressOf(*r);
    CHECK(p.total.sampled == 2);
    CHECK(p.total.accounted == 3);
    CHECK(p.total.households_incomplete == 1); // room 102: 孙三 needs a home visit
    REQUIRE(p.buildings.size() == 1);
    REQUIRE(p.buildings[0].units.size() == 2);
    CHECK(p.buildings[0].units[1].progress.households_incomplete == 0);

    auto missing = MissingList(*r, f.data.Sampling().Model().Residents(),
                               f.data.Sampling().Model().MarksOf(round));
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].room == "102");
    CHECK(missing[0].residents[0]->name == "孙三");

    REQUIRE(
        f.data.Sampling().MarkResident(round, f.Id("孙三"), MarkStatus::HomeVisitDone, 2400).ok);
    p = f.data.Sampling().Model().ProgressOf(*r);
    CHECK(p.total.sampled == 3);
    CHECK(p.total.households_incomplete == 0);
    CHECK(f.data.Sampling().Model().TubeCount(round, "T0001") == 3);

    // Undo: back to pending leaves the tube.
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("钱二"), MarkStatus::Pending, 2500).ok);
    CHECK(f.data.Sampling().Model().TubeCount(round, "T0001") == 2);
    CHECK(f.data.Sampling().Model().ProgressOf(*r).total.households_incomplete == 1);
}

TEST_CASE("tubes: fill and close, duplicate numbers, results list people to re-test") {
    Fixture f;
    const std::string round = f.NewRound(10);
    // A pool of 10 with 2 seats left is easier to test with a 1-person pool round too.
    const std::string single = f.NewRound(1, {}, "2026-11-23");
    REQUIRE(f.data.Sampling().OpenTube(single, "S1", 1).ok);
    auto first = f.data.Sampling().MarkResident(single, f.Id("赵一"), MarkStatus::Sampled, 2);
    REQUIRE(first.ok);
    CHECK(first.Did(Effect::TubeClosed));
    REQUIRE(first.SubjectOf(Effect::TubeClosed) != nullptr);
    CHECK(*first.SubjectOf(Effect::TubeClosed) == "S1"); // the outcome names the tube it closed
    CHECK(f.data.Sampling().Model().OpenTubeOf(single, "devA") == nullptr);
    CHECK(f.data.Sampling()
              .MarkResident(single, f.Id("钱二"), MarkStatus::Sampled, 3)
              .First<TubeProblem>() == TubeProblem::NoOpenTube);
    CHECK(f.data.Sampling().OpenTube(single, "S1", 4).First<TubeProblem>() ==
          TubeProblem::NumberTaken);
    CHECK(f.data.Sampling().OpenTube(single, "  ", 4).First<TubeProblem>() ==
          TubeProblem::NumberMissing);

    REQUIRE(f.data.Sampling().OpenTube(round, "A1", 10).ok);
    for (const char* name : {"赵一", "钱二", "周五"}) {
        REQUIRE(f.data.Sampling().MarkResident(round, f.Id(name), MarkStatus::Sampled, 11).ok);
    }
    // Tapping sampled twice does not add the person twice.
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("周五"), MarkStatus::Sampled, 12).ok);
    CHECK(f.data.Sampling().Model().TubeCount(round, "A1") == 3);
    // Opening the next tube closes the partly filled one.
    REQUIRE(f.data.Sampling().OpenTube(round, "A2", 20).ok);
    CHECK(f.data.Sampling().Model().FindTube(round, "A1")->closed);
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("吴六"), MarkStatus::Sampled, 21).ok);
    CHECK(f.data.Sampling().Model().FindMark(round, f.Id("吴六"))->tube == "A2");

    REQUIRE(f.data.Sampling().SetTubeResult(round, "A1", TubeResult::Abnormal).ok);
    const auto members = f.data.Sampling().Model().TubeMembers(round, "A1");
    REQUIRE(members.size() == 3);
    CHECK(members[0]->name == "赵一"); // walking order: 1-1-101 first
    CHECK(members[2]->name == "周五"); // building 2
    CHECK(f.data.Sampling().Model().FindTube(round, "A1")->result == TubeResult::Abnormal);
    CHECK(f.data.Sampling().Model().TubesOf(round).size() == 2);
    // The previous round for comparison.
    const Round* later = f.data.Sampling().Model().FindRound(single);
    REQUIRE(f.data.Sampling().Model().PreviousRound(*later) != nullptr);
    CHECK(f.data.Sampling().Model().PreviousRound(*later)->id == round);
}

TEST_CASE("tube: the sample that fills it closes it in the same transaction") {
    Fixture f;
    const std::string round = f.NewRound(10);
    REQUIRE(f.data.Sampling().OpenTube(round, "B7", 1).ok);
    // Fill 9 seats by hand-made marks of other people is not possible with 6 residents;
    // add residents to reach 10.
    std::vector<Resident> more;
    for (int i = 0; i < 6; ++i) {
        more.push_back(Person("5", "1", std::to_string(100 + i), "住户" + std::to_string(i)));
    }
    REQUIRE(f.data.Sampling().ImportResidents(more).ok);
    const auto residents = f.data.Sampling().Model().Residents();
    int marked = 0;
    const int writes_before = f.p.writes;
    for (const Resident& r : residents) {
        auto out = f.data.Sampling().MarkResident(round, r.id, MarkStatus::Sampled, 2 + marked);
        REQUIRE(out.ok);
        ++marked;
        CHECK(out.Did(Effect::TubeClosed) == (marked == 10));
        if (marked == 10) {
            const Json batch = Json::parse(f.p.last_batch);
            CHECK(batch.size() == 2); // the mark and the closed tube, one transaction
            break;
        }
    }
    CHECK(f.p.writes - writes_before == 10);
    CHECK(f.data.Sampling().Model().FindTube(round, "B7")->closed);
    CHECK(f.data.Sampling().Model().TubeCount(round, "B7") == 10);
}

TEST_CASE("model drops documents whose creation was rolled back") {
    Fixture f;
    const std::string round = f.NewRound(10);
    (void)f.data.Sampling().Model();
    f.p.fail_next = true;
    REQUIRE(f.data.Sampling().MarkResident(round, f.Id("李四"), MarkStatus::Refused, 5).ok);
    CHECK(f.data.Sampling().Model().FindMark(round, f.Id("李四")) == nullptr);
    CHECK(f.data.Sampling()
              .Model()
              .ProgressOf(*f.data.Sampling().Model().FindRound(round))
              .total.refused == 0);
}

TEST_CASE("tube numbers typed with full-width characters and spaces") {
    CHECK(NormalizeTubeNumber(" １２３ ") == "123");
    CHECK(NormalizeTubeNumber("ａｂ-12") == "ab-12");
    CHECK(NormalizeTubeNumber("") == "");
}

TEST_CASE("buildings: rename moves everyone, a taken name is refused, delete removes all") {
    Fixture f;
    REQUIRE(f.data.Sampling().SetBuildingLevel("1", ControlLevel::Sealed).ok);
    CHECK(f.data.Sampling().RenameBuilding("1", "2号楼").error == store::EditError::Conflict);
    CHECK(f.data.Sampling().RenameBuilding("1", " ").problems.size() == 1);
    REQUIRE(f.data.Sampling().RenameBuilding("1", "A座").ok);
    const auto& model = f.data.Sampling().Model();
    CHECK(model.FindBuildingRef("1") == nullptr);
    REQUIRE(model.FindBuildingRef("A") != nullptr);
    CHECK(model.FindBuildingRef("A")->residents == 4);
    CHECK(model.LevelOf("A") == ControlLevel::Sealed); // the level moves too
    CHECK(model.FindBuilding("1") == nullptr);
    REQUIRE(f.data.Sampling().RemoveBuilding("A").ok);
    CHECK(f.data.Sampling().Model().FindBuildingRef("A") == nullptr);
    CHECK(f.data.Sampling().Model().Residents().size() == 2);
    // Tombstones, not erasure: replication must learn of the deletion.
    CHECK(f.data.Store().Get("building:A")->deleted);
}

TEST_CASE("a resident known to be away counts as absent until marked") {
    Resident r;
    r.flags = kFlagAway;
    CHECK(StatusOf(r, nullptr) == MarkStatus::Absent);
    r.flags = kFlagAway | kFlagImmobile;
    CHECK(StatusOf(r, nullptr) == MarkStatus::NeedsHomeVisit);
    Mark sampled;
    sampled.status = MarkStatus::Sampled;
    CHECK(StatusOf(r, &sampled) == MarkStatus::Sampled);
}

TEST_CASE("a round made by mistake is deleted with its marks and tubes") {
    Fixture f;
    const std::string keep = f.NewRound(10, {}, "2026-11-21");
    const std::string wrong = f.NewRound(10);
    REQUIRE(f.data.Sampling().OpenTube(wrong, "W1", 1).ok);
    REQUIRE(f.data.Sampling().MarkResident(wrong, f.Id("赵一"), MarkStatus::Sampled, 2).ok);
    REQUIRE(f.data.Sampling().MarkResident(keep, f.Id("赵一"), MarkStatus::Absent, 3).ok);
    REQUIRE(f.data.Sampling().RemoveRound(wrong).ok);
    const auto& model = f.data.Sampling().Model();
    CHECK(model.FindRound(wrong) == nullptr);
    CHECK(model.MarksOf(wrong).empty());
    CHECK(model.TubesOf(wrong).empty());
    CHECK(f.data.Store().Get(MarkId(wrong, f.Id("赵一")))->deleted);
    // The other round is untouched.
    REQUIRE(model.FindMark(keep, f.Id("赵一")) != nullptr);
    CHECK(model.FindMark(keep, f.Id("赵一"))->status == MarkStatus::Absent);
    CHECK(f.data.Sampling().RemoveRound(wrong).error == store::EditError::NotFound);
}

TEST_CASE("a round's date, sites and scope can be edited, its pooling only before tubes") {
    Fixture f;
    const std::string id = f.NewRound(10);
    Round edited = *f.data.Sampling().Model().FindRound(id);
    edited.sites = {{"西门", "14:00-17:00"}, {"上门组", ""}};
    edited.buildings = {"2"};
    edited.pool_size = 20;
    REQUIRE(f.data.Sampling().UpdateRound(edited).ok);
    const Round* r = f.data.Sampling().Model().FindRound(id);
    CHECK(r->sites.size() == 2);
    CHECK(r->pool_size == 20);
    CHECK(f.data.Sampling().Model().ProgressOf(*r).total.residents == 1); // building 2 only
    // The old revision cannot overwrite the new one.
    CHECK(f.data.Sampling().UpdateRound(edited).error == store::EditError::Conflict);
    REQUIRE(f.data.Sampling().OpenTube(id, "P1", 5).ok);
    Round again = *f.data.Sampling().Model().FindRound(id);
    again.pool_size = 1;
    again.date = "2026-11-23";
    REQUIRE(f.data.Sampling().UpdateRound(again).ok);
    CHECK(f.data.Sampling().Model().FindRound(id)->pool_size == 20); // tubes were opened with it
    CHECK(f.data.Sampling().Model().FindRound(id)->date == "2026-11-23");
    again = *f.data.Sampling().Model().FindRound(id);
    again.date = " ";
    CHECK(f.data.Sampling().UpdateRound(again).error == store::EditError::Invalid);
}

TEST_CASE("round views: door-to-door rows of a building and a round's lists, rebuilt on change") {
    Fixture f;
    const std::string round_id = f.NewRound(10);
    const Round* round = f.data.Sampling().Model().FindRound(round_id);
    REQUIRE(round != nullptr);
    WalkRowsCache walk;
    const WalkRowHeights heights{10.0f, 20.0f, 30.0f};
    const auto& all = UpdateWalkRows(walk, f.data.Sampling().Model(), "1", round, false, heights);
    // Building 1: unit 1 (101: 赵一 钱二; 102: 孙三), unit 2 (201: 李四).
    using K = WalkRow::Kind;
    std::vector<K> kinds;
    for (const WalkRow& row : all.rows) {
        kinds.push_back(row.kind);
    }
    CHECK(kinds == std::vector<K>{K::Unit, K::Household, K::Resident, K::Resident, K::Household,
                                  K::Resident, K::Unit, K::Household, K::Resident});
    CHECK(all.total_height == doctest::Approx(2 * 10 + 3 * 20 + 4 * 30));
    CHECK(all.rows[2].top == doctest::Approx(30.0f)); // after a unit and a household row
    // Household 201 done: with only the missing ones, unit 2 disappears.
    REQUIRE(f.data.Sampling().MarkResident(round_id, f.Id("李四"), MarkStatus::Absent, 5).ok);
    const auto& missing =
        UpdateWalkRows(walk, f.data.Sampling().Model(), "1", round, true, heights);
    CHECK(missing.rows.size() == 6);
    CHECK(missing.rows.back().kind == K::Resident);

    RoundListsCache lists;
    const auto& l = UpdateRoundLists(lists, f.data.Sampling().Model(), *round);
    // Everyone but 李四 is missing; 孙三 is bedridden, so a home visit.
    size_t people = 0;
    for (const MissingHousehold& h : l.missing) {
        people += h.residents.size();
    }
    CHECK(people == 5);
    REQUIRE(l.home_visits.size() == 1);
    CHECK(l.home_visits[0]->name == "孙三");
    REQUIRE(
        f.data.Sampling().MarkResident(round_id, f.Id("孙三"), MarkStatus::HomeVisitDone, 6).ok);
    const Round* again = f.data.Sampling().Model().FindRound(round_id);
    CHECK(UpdateRoundLists(lists, f.data.Sampling().Model(), *again).home_visits.empty());
}
