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
