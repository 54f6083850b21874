// The app's sync service over the fake CouchDB: settings and their problems, the sealed
// password across a reload, the device's "last synced", conflicts shown and resolved.
#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "unit/fake_couch.hpp"
#include "unit/test_support.hpp"

using namespace linli;
using store::Json;
using testing::FakeCouch;

namespace {

struct Desk {
    Desk(FakeCouch& couch, std::string tag) : data(disk, std::move(tag)) {
        disk.data = &data;
        data.Sync().Attach(couch, 1000);
    }
    void Settle(int64_t now) {
        for (int i = 0; i < 200; ++i) {
            data.Sync().Step(now);
            if (!data.Sync().Running()) {
                break;
            }
        }
    }
    DiskPersistence disk;
    AppData data;
};

} // namespace

TEST_CASE("sync service: settings are checked, saved on this device only, and a run completes") {
    FakeCouch couch;
    couch.users["staff"] = "secret";
    Desk desk(couch, "devA");
    CHECK_FALSE(desk.data.Sync().Configured());
    auto bad = desk.data.Sync().Configure("ftp://x/linli", "", "", 1000);
    CHECK(bad.problems.Has(SyncProblem::UrlNotHttp));
    auto no_password = desk.data.Sync().Configure(couch.Url(), "staff", "", 1000);
    CHECK(no_password.problems.Has(SyncProblem::UserWithoutPassword));
    CHECK_FALSE(desk.data.Sync().Configured());

    REQUIRE(desk.data.Volunteers().Add("张三", "13800138000", 1000).ok);
    REQUIRE(desk.data.Sync().Configure(couch.Url(), "staff", "secret", 1000).ok);
    desk.Settle(2000);
    CHECK(desk.data.Sync().Status().failure == sync::Failure::None);
    CHECK(desk.data.Sync().LastCompleteMs() == 2000);
    CHECK(desk.data.Sync().Status().pending_up == 0);
    // The volunteer and the device document went up; the settings did not.
    CHECK(couch.DocCount() == 2);
    CHECK_FALSE(couch.Has("syncconfig:this"));
    CHECK(couch.WinnerLeaf("device:devA")["last_sync_ms"] == 1000);
    // The password is not among what the device stored.
    for (const auto& [key, doc] : desk.disk.stored) {
        CHECK(doc.dump().find("secret") == std::string::npos);
    }
    // The platform seals it; the sealed form is what is kept.
    const auto to_seal = desk.data.Sync().TakeToSeal();
    REQUIRE(to_seal);
    CHECK(*to_seal == "secret");
    CHECK_FALSE(desk.data.Sync().TakeToSeal()); // taken once
    desk.data.Sync().Sealed("SEALED-BLOB", 2000);
    CHECK(desk.disk.stored["syncconfig:this"]["sealed_password"] == "SEALED-BLOB");
}

TEST_CASE("sync service: after a reload the sealed password is opened first, then sync runs") {
    FakeCouch couch;
    couch.users["staff"] = "secret";
    DiskPersistence disk;
    {
        AppData data(disk, "devA");
        disk.data = &data;
        data.Sync().Attach(couch, 1000);
        REQUIRE(data.Sync().Configure(couch.Url(), "staff", "secret", 1000).ok);
        data.Sync().Sealed("SEALED", 1000);
        disk.data = nullptr;
    }
    AppData again(disk, "devA");
    disk.data = &again;
    again.Load(disk.Records());
    again.Sync().Attach(couch, 5000);
    CHECK(again.Sync().Url() == couch.Url());
    CHECK(again.Sync().User() == "staff");
    CHECK(again.Sync().LastCompleteMs() == 0);
    const size_t before = couch.log.size();
    again.Sync().Step(5000);
    CHECK(couch.log.size() == before); // nothing sent without the password
    const auto sealed = again.Sync().TakeToUnseal();
    REQUIRE(sealed);
    CHECK(*sealed == "SEALED");
    again.Sync().Unsealed("secret", 5000);
    for (int i = 0; i < 100 && (again.Sync().Running() || i == 0); ++i) {
        again.Sync().Step(5000);
    }
    CHECK(again.Sync().Status().failure == sync::Failure::None);
    CHECK(again.Sync().LastCompleteMs() == 5000);
    // A key that is gone (site data cleared in part): the password is asked again.
    AppData third(disk, "devA");
    third.Load(disk.Records());
    third.Sync().Attach(couch, 6000);
    REQUIRE(third.Sync().TakeToUnseal());
    third.Sync().UnsealFailed(6000);
    CHECK(third.Sync().PasswordNeeded());
    CHECK(third.Sync().LastCompleteMs() == 5000); // as saved
}

TEST_CASE("sync service: a conflict is listed with both versions, and the choice replicates") {
    FakeCouch couch;
    Desk a(couch, "devA"), b(couch, "devB");
    REQUIRE(a.data.Sync().Configure(couch.Url(), "", "", 1000).ok);
    REQUIRE(b.data.Sync().Configure(couch.Url(), "", "", 1000).ok);
    auto added = a.data.Volunteers().Add("张三", "13800138000", 1000);
    REQUIRE(added.ok);
    a.Settle(1000);
    b.Settle(1000);
    REQUIRE(b.data.Volunteers().Find(added.id));
    // Both edit offline.
    couch.offline = true;
    Volunteer on_a = *a.data.Volunteers().Find(added.id);
    on_a.phone = "13800000001";
    REQUIRE(a.data.Volunteers().Update(on_a, 2000).ok);
    Volunteer on_b = *b.data.Volunteers().Find(added.id);
    on_b.phone = "13900000002";
    REQUIRE(b.data.Volunteers().Update(on_b, 2000).ok);
    couch.offline = false;
    for (int round = 0; round < 3; ++round) {
        a.data.Sync().SyncNow(3000);
        a.Settle(3000);
        b.data.Sync().SyncNow(3000);
        b.Settle(3000);
    }
    // Both show the same version, and both list the conflict with the other one.
    REQUIRE(a.data.Sync().ConflictCount() == 1);
    REQUIRE(b.data.Sync().ConflictCount() == 1);
    const auto conflict = a.data.Sync().ConflictOf(added.id);
    REQUIRE(conflict);
    const std::string shown = store::StringField(conflict->shown, "phone");
    const std::string other = store::StringField(conflict->other, "phone");
    CHECK(shown != other);
    CHECK(a.data.Volunteers().Find(added.id)->phone == shown);
    CHECK(b.data.Volunteers().Find(added.id)->phone == shown);
    // a keeps the other version; b follows after a sync, with no conflict left.
    const auto chosen = a.data.Sync().Resolve(conflict->conflict_id, /*keep_other=*/true, 4000);
    REQUIRE(chosen.ok);
    CHECK(a.data.Sync().ConflictCount() == 0);
    CHECK(a.data.Volunteers().Find(added.id)->phone == other);
    for (int round = 0; round < 2; ++round) {
        a.data.Sync().SyncNow(5000);
        a.Settle(5000);
        b.data.Sync().SyncNow(5000);
        b.Settle(5000);
    }
    CHECK(b.data.Sync().ConflictCount() == 0);
    CHECK(b.data.Volunteers().Find(added.id)->phone == other);
    CHECK(couch.LiveLeaves(added.id).size() == 1);
    // A stale resolution (already resolved) changes nothing.
    CHECK_FALSE(a.data.Sync().Resolve(conflict->conflict_id, false, 6000).ok);
}

namespace {

struct Synced {
    Synced(testing::FakeServer& server, std::string tag) : data(disk, std::move(tag)) {
        disk.data = &data;
        data.Sync().Attach(server, 1000);
    }
    // Steps until nothing runs, `now` moving on so the exchange gets its passes.
    void Settle(int64_t& now) {
        for (int i = 0; i < 300; ++i) {
            data.Sync().Step(now);
            now += 500;
            if (!data.Sync().Running() && i > 8) {
                break;
            }
        }
    }
    DiskPersistence disk;
    AppData data;
};

} // namespace

TEST_CASE("sync service: a volunteer's phone signs up through the volunteers' database and "
          "sees staff's answer, and carries nothing else") {
    testing::FakeServer server;
    FakeCouch& staff_db = server.Add("linli");
    FakeCouch& volunteer_db = server.Add("linli-volunteers");
    staff_db.users = volunteer_db.users = {{"desk", "d-pass"}, {"li", "l-pass"}};
    // The server's validate_doc_update: a volunteer writes only their own sign-ups.
    volunteer_db.accept_write = [](const Json& doc) {
        const std::string id = doc.value("_id", "");
        return !id.starts_with("vsignup:") || doc.value("by", "") == "li";
    };
    const int64_t monday = 1'796'169'600'000; // a midnight (UTC)
    int64_t now = monday - kHourMs;

    Synced desk(server, "desk");
    PostDraft gate;
    gate.name = "东门卡口";
    gate.place = "小区东门";
    gate.max_people = 1;
    gate.days = 2;
    gate.first_day_start = monday;
    REQUIRE(desk.data.Shifts().CreatePost(gate, now).ok);
    REQUIRE(desk.data.Volunteers().Add("王五", "13800000005", now).ok);
    REQUIRE(desk.data.Sync().Configure(staff_db.Url(), "desk", "d-pass", now).ok);
    CHECK(desk.data.Sync().Role() == SyncRole::Staff);
    desk.Settle(now);
    CHECK(desk.data.Sync().Status().failure == sync::Failure::None);
    REQUIRE(desk.data.Sync().VolunteersStatus() != nullptr);
    CHECK(desk.data.Sync().VolunteersStatus()->failure == sync::Failure::None);
    CHECK_FALSE(desk.data.Sync().Running()); // both caught up: the status line says 同步完成
    CHECK(desk.data.Sync().Status().pending_up == 0);
    // The desk published its open shifts, and only there; the staff database has no
    // exchange document, the volunteers' one nothing else.
    CHECK(volunteer_db.Has("voffer:desk"));
    CHECK_FALSE(staff_db.Has("voffer:desk"));
    CHECK(staff_db.Has("post:" + PostKeyOf(desk.data.Shifts().Model().Posts().front()->post.id)));
    CHECK(volunteer_db.DocCount() == 1);

    Synced phone(server, "phone");
    REQUIRE(phone.data.Sync().Configure(volunteer_db.Url(), "li", "l-pass", now).ok);
    CHECK(phone.data.Sync().Role() == SyncRole::Volunteer);
    CHECK(phone.data.Sync().VolunteersStatus() == nullptr);
    phone.Settle(now);
    CHECK(phone.data.Sync().Status().failure == sync::Failure::None);
    const auto open = phone.data.Shifts().OpenShifts(now);
    REQUIRE(open.size() == 6); // two days of three shifts, from the published offer
    CHECK(open.front().post.name == "东门卡口");
    // No roster, no volunteer list on the phone: only what the desk published.
    CHECK(phone.data.Volunteers().List("").empty());
    CHECK(phone.data.Shifts().Model().Posts().empty());

    // A post made later is published by itself and arrives on the phone.
    PostDraft second = gate;
    second.name = "核酸点秩序";
    REQUIRE(desk.data.Shifts().CreatePost(second, now).ok);
    desk.Settle(now);
    phone.Settle(now);
    CHECK(phone.data.Shifts().OpenShifts(now).size() == 12);

    const Outcome signed_up = phone.data.Shifts().SignUpHere(
        open.front().post.key, open.front().shift.start_ms, "李四", "13900000004", 42, now);
    REQUIRE(signed_up.ok);
    phone.Settle(now);
    const std::string vsignup = "vsignup:li:" + signed_up.id.substr(signed_up.id.find(':') + 1);
    CHECK(volunteer_db.Has(vsignup));
    CHECK(volunteer_db.DocCount() == 2); // the offer and this sign-up, nothing of the phone's own

    desk.Settle(now);
    // The desk took the sign-up as it takes a reply code...
    const auto li = desk.data.Volunteers().FindByPhone("13900000004");
    REQUIRE(li);
    const auto& signups = desk.data.Shifts().Model().SignUpsOfVolunteer(li->id);
    REQUIRE(signups.size() == 1);
    CHECK(signups.front()->signup.state == SignUpState::Confirmed);
    // ...told it back, and published one place fewer.
    CHECK(volunteer_db.DocCount() == 3);
    phone.Settle(now);
    REQUIRE(phone.data.Shifts().Model().FindMine(signed_up.id));
    CHECK(phone.data.Shifts().Model().FindMine(signed_up.id)->state == MyState::Confirmed);
    // The sign-up reached the staff database as the desk's own sign-up record.
    bool staff_has_signup = false;
    for (const auto& [id, leaves] : staff_db.AllIds()) {
        staff_has_signup |= id.starts_with("signup:");
        CHECK_FALSE(VolunteerExchange::IsExchangeId(id));
    }
    CHECK(staff_has_signup);
}
