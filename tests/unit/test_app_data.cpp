#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "unit/test_support.hpp"

using namespace linli;
using store::Json;

TEST_CASE("volunteers: add, edit, delete, search") {
    ImmediatePersistence p;
    AppData data(p, "dev1");
    p.data = &data;
    auto bad = data.Volunteers().Add("", "1", 1000);
    CHECK_FALSE(bad.ok);
    CHECK(bad.problems.size() == 2);
    CHECK(p.writes == 0);

    auto added = data.Volunteers().Add(" 张三 ", "13800138000", 1000);
    REQUIRE(added.ok);
    CHECK(data.SaveState().status == store::SaveStatus::Saved);
    auto list = data.Volunteers().List("");
    REQUIRE(list.size() == 1);
    CHECK(list[0].name == "张三");
    const Json stored = Json::parse(p.last_batch)[0]["doc"];
    CHECK(stored["type"] == "volunteer");
    CHECK(stored["schema"] == 1);
    CHECK(stored["device"] == "dev1");

    Volunteer edit = list[0];
    edit.name = "张三丰";
    REQUIRE(data.Volunteers().Update(edit, 2000).ok);
    CHECK(data.Volunteers().List("三丰").size() == 1);
    // An edit based on the old revision is refused, not applied over the newer one.
    auto stale = data.Volunteers().Update(list[0], 3000);
    CHECK_FALSE(stale.ok);
    CHECK(stale.error == store::EditError::Conflict);

    data.Volunteers().Add("李四", "13900001111", 4000);
    CHECK(data.Volunteers().List("1111").size() == 1);
    const auto current = *data.Volunteers().Find(edit.id);
    REQUIRE(data.Volunteers().Remove(current.id, current.rev).ok);
    CHECK(data.Volunteers().List("").size() == 1);
    CHECK_FALSE(data.Volunteers().Find(edit.id).has_value());
}

TEST_CASE("device name") {
    ImmediatePersistence p;
    AppData data(p, "dev9");
    p.data = &data;
    CHECK(data.Settings().DeviceName().empty());
    REQUIRE(data.Settings().SetDeviceName("居委会办公室 1", 1).ok);
    REQUIRE(data.Settings().SetDeviceName("居委会办公室 2", 2).ok);
    CHECK(data.Settings().DeviceName() == "居委会办公室 2");
    CHECK(data.Store().Get("device:dev9")->Generation() == 2);
}

TEST_CASE("backup round trip merges into another device") {
    ImmediatePersistence p1, p2;
    AppData one(p1, "dev1"), two(p2, "dev2");
    p1.data = &one;
    p2.data = &two;
    one.Volunteers().Add("张三", "13800138000", 1000);
    one.Volunteers().Add("淼淼", "13800138001", 1001);
    two.Volunteers().Add("李四", "13900139000", 1002);
    const std::string file = one.Settings().ExportBackup(5000);
    const auto report = two.Settings().Restore(file);
    CHECK(report.error == BackupError::None);
    CHECK(report.added == 2);
    CHECK(two.Volunteers().List("").size() == 3); // merged, not wiped
    const auto again = two.Settings().Restore(file);
    CHECK(again.unchanged == 2);
    CHECK(again.added == 0);
}

TEST_CASE("the start loads in chunks and the report adds them up") {
    DiskPersistence disk;
    AppData one(disk, "dev1");
    disk.data = &one;
    one.Volunteers().Add("张三", "13800138000", 1000);
    one.Volunteers().Add("李四", "13900139000", 1001);
    one.Volunteers().Add("王五", "13700137000", 1002);
    // The page sends the records as several arrays; one of them holds a broken record.
    Json all = Json::parse(disk.Records());
    REQUIRE(all.size() == 3);
    const std::string first = Json::array({all[0], all[1]}).dump();
    const std::string second = Json::array({all[2], Json::array({"volunteer:x", 5})}).dump();
    ImmediatePersistence p;
    AppData reloaded(p, "dev1");
    CHECK(reloaded.Load(first).loaded == 2);
    const auto report = reloaded.Load(second);
    CHECK(report.loaded == 1);
    CHECK(report.corrupted.size() == 1);
    CHECK(reloaded.LastLoad().loaded == 3);
    CHECK(reloaded.LastLoad().corrupted.size() == 1);
    CHECK(reloaded.Volunteers().List("").size() == 3);
}

TEST_CASE("a corrupted or foreign backup changes nothing and says why") {
    ImmediatePersistence p;
    AppData data(p, "dev1");
    p.data = &data;
    data.Volunteers().Add("张三", "13800138000", 1000);
    const int writes = p.writes;
    CHECK(data.Settings().Restore("not json").error == BackupError::NotJson);
    CHECK(data.Settings().Restore(R"({"hello":"world"})").error == BackupError::NotLinliBackup);
    CHECK(
        data.Settings().Restore(R"({"format":"linli-backup","version":7,"documents":[]})").error ==
        BackupError::NewerFormat);
    const auto bad = data.Settings().Restore(
        R"({"format":"linli-backup","version":1,"documents":[{"_id":"volunteer:9","_rev":"1-aa","name":"ok"},{"_id":"volunteer:8"}]})");
    CHECK(bad.error == BackupError::BadDocument);
    CHECK(bad.bad_index == 1);
    CHECK(bad.bad_reason == "no _rev");
    CHECK(data.Volunteers().List("").size() == 1); // the good first document was not merged either
    CHECK(p.writes == writes);
}

TEST_CASE("records from another tab are merged without writing") {
    ImmediatePersistence p1, p2;
    AppData one(p1, "dev1"), two(p2, "dev1");
    p1.data = &one;
    p2.data = &two;
    auto added = one.Volunteers().Add("张三", "13800138000", 1000);
    const Json batch = Json::parse(p1.last_batch);
    Json records = Json::array();
    for (const auto& r : batch) {
        records.push_back(Json::array({r["key"], r["doc"]}));
    }
    CHECK(two.ApplyExternal(records.dump()) == 1);
    CHECK(two.Volunteers().List("").size() == 1);
    CHECK(p2.writes == 0);
    CHECK(two.ApplyExternal(records.dump()) == 0);
    CHECK(two.ApplyExternal("garbage") == 0);
}
