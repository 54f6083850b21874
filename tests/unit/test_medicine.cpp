// Medicine and urgent needs in the app layer: requests created, edited and moved through
// their statuses (surviving a reload from what was written), the open list's order, the
// list of flagged residents nobody has asked yet, and input that is refused.
#include <doctest/doctest.h>

#include <map>

#include "app/app_data.hpp"
#include "unit/test_support.hpp"

using namespace linli;
using store::Json;

namespace {

Resident Person(std::string b, std::string u, std::string r, std::string name, uint32_t flags,
                std::string phone = "") {
    Resident p;
    p.building = std::move(b);
    p.unit = std::move(u);
    p.room = std::move(r);
    p.name = std::move(name);
    p.flags = flags;
    p.phone = std::move(phone);
    return p;
}

struct Desk {
    DiskPersistence disk;
    std::unique_ptr<AppData> data = std::make_unique<AppData>(disk, "dev1");
    Desk() {
        disk.data = data.get();
        REQUIRE(data->Sampling()
                    .ImportResidents({
                        Person("10", "1", "101", "魏华芳", kFlagChronic, "13800010101"),
                        Person("2", "1", "1502", "曹红涵", kFlagLivesAlone, "13800021502"),
                        Person("2", "1", "302", "史淼妤", kFlagChronic | kFlagLivesAlone),
                        Person("2", "1", "302", "史小军", 0),
                        Person("3", "2", "201", "闫军丽", kFlagBedridden),
                        Person("3", "1", "201", "莫兰轩", 0),
                    })
                    .ok);
    }
    // A new app over what was written (a reload of the page).
    void Reload() {
        disk.data = nullptr;
        data.reset();
        data = std::make_unique<AppData>(disk, "dev1");
        disk.data = data.get();
        const store::LoadReport report = data->Load(disk.Records());
        REQUIRE(report.loaded == disk.stored.size());
    }
    MedicineService& medicine() { return data->Medicine(); }
    std::string Id(const std::string& name) {
        for (const Resident& r : data->Sampling().Model().Residents()) {
            if (r.name == name) {
                return r.id;
            }
        }
        FAIL("no resident " << name);
        return {};
    }
    std::vector<std::string> ToAskNames() {
        std::vector<std::string> names;
        for (const Resident& r : medicine().ToAsk()) {
            names.push_back(r.name);
        }
        return names;
    }
};

MedicineRequest Request(const std::string& resident_id, std::string drug, Urgency urgency) {
    MedicineRequest r;
    r.resident_id = resident_id;
    r.drug = std::move(drug);
    r.urgency = urgency;
    return r;
}

} // namespace

TEST_CASE("medicine: a request is created, edited and moved on, and survives a reload") {
    Desk desk;
    MedicineRequest r = Request(desk.Id("魏华芳"), "  硝苯地平控释片 ", Urgency::Today);
    r.dose_note = "30mg 每日一次，一个月的量";
    r.needs_medical_card = true;
    r.note = " 先打电话 ";
    const int writes = desk.disk.writes;
    const Outcome created = desk.medicine().Create(r, 1000);
    REQUIRE(created.ok);
    CHECK(created.txn != 0);
    CHECK(desk.disk.writes == writes + 1); // one transaction
    CHECK(created.id.rfind("medicine_request:", 0) == 0);
    const MedicineRequest* stored = desk.medicine().Model().FindRequest(created.id);
    REQUIRE(stored != nullptr);
    CHECK(stored->drug == "硝苯地平控释片"); // trimmed
    CHECK(stored->note == "先打电话");
    // The resident's address, name and phone come from the roster, for the errand.
    CHECK(stored->building == "10");
    CHECK(stored->unit == "1");
    CHECK(stored->room == "101");
    CHECK(stored->name == "魏华芳");
    CHECK(stored->phone == "13800010101");
    CHECK(stored->status == MedicineStatus::New);
    CHECK(stored->created_at == 1000);
    CHECK(desk.data->Store().Get(created.id)->body["type"] == "medicine_request");

    // A handler is named and the urgency raised: a new request with a handler is assigned.
    MedicineRequest edit = *stored;
    edit.handler = "王淼";
    edit.urgency = Urgency::Now;
    edit.dose_note = "30mg 每日一次，两周的量";
    const Outcome updated = desk.medicine().Update(edit, 2000);
    REQUIRE(updated.ok);
    stored = desk.medicine().Model().FindRequest(created.id);
    REQUIRE(stored != nullptr);
    CHECK(stored->status == MedicineStatus::Assigned);
    CHECK(stored->handler == "王淼");
    CHECK(stored->urgency == Urgency::Now);
    CHECK(stored->created_at == 1000); // kept
    CHECK(stored->updated_at == 2000);

    REQUIRE(desk.medicine().SetStatus(created.id, MedicineStatus::Bought, 3000).ok);
    CHECK(desk.medicine().Model().FindRequest(created.id)->status == MedicineStatus::Bought);

    desk.Reload();
    const MedicineRequest* again = desk.medicine().Model().FindRequest(created.id);
    REQUIRE(again != nullptr);
    CHECK(again->drug == "硝苯地平控释片");
    CHECK(again->dose_note == "30mg 每日一次，两周的量");
    CHECK(again->needs_medical_card);
    CHECK(again->urgency == Urgency::Now);
    CHECK(again->handler == "王淼");
    CHECK(again->status == MedicineStatus::Bought);
    CHECK(again->note == "先打电话");
    CHECK(again->created_at == 1000);
    CHECK(again->updated_at == 3000);
    CHECK(desk.medicine().Model().OpenRequests().size() == 1);

    // Delivered: done, off the open list, still on record.
    REQUIRE(desk.medicine().SetStatus(created.id, MedicineStatus::Delivered, 4000).ok);
    desk.Reload();
    CHECK(desk.medicine().Model().OpenRequests().empty());
    CHECK(desk.medicine().Model().RequestsOf(desk.Id("魏华芳")).size() == 1);
}

TEST_CASE("medicine: the to-ask list holds flagged residents nobody asked, in address order") {
    Desk desk;
    // Chronic or living alone, by building (2 before 10), unit and room; bedridden only
    // and unflagged residents are not on it.
    CHECK(desk.ToAskNames() == std::vector<std::string>{"史淼妤", "曹红涵", "魏华芳"});

    // A request takes a resident off the list, whatever becomes of it.
    const Outcome created =
        desk.medicine().Create(Request(desk.Id("曹红涵"), "胰岛素", Urgency::Now), 1000);
    REQUIRE(created.ok);
    CHECK(desk.ToAskNames() == std::vector<std::string>{"史淼妤", "魏华芳"});
    REQUIRE(desk.medicine().SetStatus(created.id, MedicineStatus::CannotGet, 1500).ok);
    CHECK(desk.ToAskNames() == std::vector<std::string>{"史淼妤", "魏华芳"});

    // "Asked, needs nothing" does too; asking again updates the one record.
    REQUIRE(desk.medicine().MarkAsked(desk.Id("史淼妤"), " 药还够两周 ", "居委会 1", 2000).ok);
    CHECK(desk.ToAskNames() == std::vector<std::string>{"魏华芳"});
    REQUIRE(desk.medicine().MarkAsked(desk.Id("史淼妤"), "", "居委会 2", 3000).ok);
    const MedicineCheck* check = desk.medicine().Model().FindCheck(desk.Id("史淼妤"));
    REQUIRE(check != nullptr);
    CHECK(check->at == 3000);
    CHECK(check->by == "居委会 2");
    CHECK(desk.data->Store().OfType("medicine_check").size() == 1);
    CHECK(desk.data->Store().Get(MedicineCheckId(desk.Id("史淼妤")))->Generation() == 2);

    // An "asked" tapped on the wrong row is taken back.
    REQUIRE(desk.medicine().MarkAsked(desk.Id("魏华芳"), "", "居委会 1", 3500).ok);
    CHECK(desk.ToAskNames().empty());
    REQUIRE(desk.medicine().UnmarkAsked(desk.Id("魏华芳")).ok);
    CHECK(desk.ToAskNames() == std::vector<std::string>{"魏华芳"});
    CHECK(desk.medicine().UnmarkAsked(desk.Id("魏华芳")).error == store::EditError::NotFound);

    desk.Reload();
    CHECK(desk.ToAskNames() == std::vector<std::string>{"魏华芳"});

    // A resident newly flagged in the roster joins the list.
    Resident mo = *desk.data->Sampling().Model().FindResident(desk.Id("莫兰轩"));
    mo.flags |= kFlagLivesAlone;
    REQUIRE(desk.data->Sampling().SaveResident(mo, 2026, 4000).ok);
    CHECK(desk.ToAskNames() == std::vector<std::string>{"莫兰轩", "魏华芳"});
}

TEST_CASE("medicine: open requests list the most urgent first, then the oldest") {
    Desk desk;
    const std::string wei = desk.Id("魏华芳");
    const std::string cao = desk.Id("曹红涵");
    auto make = [&](const std::string& who, const char* drug, Urgency u, int64_t at) {
        const Outcome out = desk.medicine().Create(Request(who, drug, u), at);
        REQUIRE(out.ok);
        return out.id;
    };
    const std::string week = make(wei, "钙片", Urgency::ThisWeek, 1000);
    const std::string today_late = make(cao, "降压药", Urgency::Today, 3000);
    const std::string now_late = make(wei, "速效救心丸", Urgency::Now, 4000);
    const std::string today_early = make(wei, "二甲双胍", Urgency::Today, 2000);
    const std::string now_early = make(cao, "胰岛素", Urgency::Now, 3500);
    const std::string done = make(cao, "退烧药", Urgency::Now, 500);
    REQUIRE(desk.medicine().SetStatus(done, MedicineStatus::Delivered, 5000).ok);

    std::vector<std::string> order;
    for (const MedicineRequest* r : desk.medicine().Model().OpenRequests()) {
        order.push_back(r->id);
    }
    CHECK(order == std::vector<std::string>{now_early, now_late, today_early, today_late, week});

    CHECK(IsOpen(MedicineStatus::New));
    CHECK(IsOpen(MedicineStatus::Assigned));
    CHECK(IsOpen(MedicineStatus::Bought));
    CHECK_FALSE(IsOpen(MedicineStatus::Delivered));
    CHECK_FALSE(IsOpen(MedicineStatus::CannotGet));
}

TEST_CASE("medicine: bad input is refused with a problem and writes nothing") {
    Desk desk;
    const int writes = desk.disk.writes;

    const Outcome no_drug =
        desk.medicine().Create(Request(desk.Id("魏华芳"), "  ", Urgency::Now), 1);
    CHECK_FALSE(no_drug.ok);
    CHECK(no_drug.txn == 0);
    CHECK(no_drug.problems == std::vector<MedicineProblem>{MedicineProblem::DrugMissing});

    const Outcome nobody = desk.medicine().Create(Request("", "", Urgency::Now), 1);
    CHECK(nobody.problems == std::vector<MedicineProblem>{MedicineProblem::ResidentMissing,
                                                          MedicineProblem::DrugMissing});

    const Outcome stranger =
        desk.medicine().Create(Request("resident:nobody", "胰岛素", Urgency::Now), 1);
    CHECK_FALSE(stranger.ok);
    CHECK(stranger.problems == std::vector<MedicineProblem>{MedicineProblem::UnknownResident});

    const Outcome long_name = desk.medicine().Create(
        Request(desk.Id("魏华芳"), std::string(kMaxDrugCharacters + 1, 'x'), Urgency::Now), 1);
    CHECK(long_name.problems == std::vector<MedicineProblem>{MedicineProblem::DrugTooLong});

    const Outcome asked_stranger = desk.medicine().MarkAsked("resident:nobody", "", "dev", 1);
    CHECK(asked_stranger.problems ==
          std::vector<MedicineProblem>{MedicineProblem::UnknownResident});

    CHECK(desk.disk.writes == writes);
    CHECK(desk.medicine().Model().Requests().empty());
    CHECK(desk.data->Store().OfType("medicine_check").empty());

    // Editing: a request that is not there, or an edit of an older revision.
    MedicineRequest ghost = Request(desk.Id("魏华芳"), "钙片", Urgency::Today);
    ghost.id = "medicine_request:ghost";
    CHECK(desk.medicine().Update(ghost, 2).error == store::EditError::NotFound);
    CHECK(desk.medicine().SetStatus("medicine_request:ghost", MedicineStatus::Bought, 2).error ==
          store::EditError::NotFound);

    const Outcome created =
        desk.medicine().Create(Request(desk.Id("魏华芳"), "钙片", Urgency::Today), 3);
    REQUIRE(created.ok);
    const MedicineRequest first = *desk.medicine().Model().FindRequest(created.id);
    REQUIRE(desk.medicine().SetStatus(created.id, MedicineStatus::Bought, 4).ok);
    MedicineRequest stale = first;
    stale.drug = "钙片 D3";
    const Outcome refused = desk.medicine().Update(stale, 5);
    CHECK_FALSE(refused.ok);
    CHECK(refused.error == store::EditError::Conflict);
    CHECK(desk.medicine().Model().FindRequest(created.id)->drug == "钙片");
    CHECK(desk.medicine().Model().FindRequest(created.id)->status == MedicineStatus::Bought);
}

TEST_CASE("medicine: documents from a newer app read safely and keep their extra fields") {
    Desk desk;
    const std::string wei = desk.Id("魏华芳");
    const Outcome created = desk.medicine().Create(Request(wei, "钙片", Urgency::ThisWeek), 1);
    REQUIRE(created.ok);
    // A newer app (another tab, or a sync) stored an urgency and a status this one does
    // not know, and a field of its own.
    Json& doc = desk.disk.stored.at(created.id);
    doc["urgency"] = "within_an_hour";
    doc["status"] = "at_pharmacy";
    doc["pharmacy"] = "仁和药房";
    desk.Reload();
    const MedicineRequest* read = desk.medicine().Model().FindRequest(created.id);
    REQUIRE(read != nullptr);
    CHECK(read->urgency == Urgency::Now); // the safe side
    CHECK(read->status == MedicineStatus::New);
    MedicineRequest edit = *read;
    edit.note = "药房说明天到货";
    REQUIRE(desk.medicine().Update(edit, 2).ok);
    CHECK(desk.data->Store().Get(created.id)->body["pharmacy"] == "仁和药房");
}
