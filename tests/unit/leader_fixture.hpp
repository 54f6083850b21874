#pragma once
// A desk with one day of everything the leader's overview reads, made through the
// services' own actions: what test_leader.cpp checks and leader_report_sample.cpp writes
// as a workbook for openpyxl. The day is 2026-12-02 in UTC (offset 0), read at 14:00.
//
//   residents  building 1: 3 (households 101, 102), building 2 (sealed): 2, building 3: 1
//   sampling   today's round: 2 of building 1 and 1 of building 2 sampled (3 of 6);
//              yesterday's round has everyone sampled (it does not count)
//   supplies   "第1期" delivery yesterday: 1-1-101 delivered today, 1-1-102 and 2-1-101 not
//              (late), 3-1-101 cancelled; "第2期" delivery today: 1-1-101 delivered today,
//              1-1-102 delivered yesterday, 3-1-101 not; "第0期" done with one undelivered
//   medicine   one "now" delivered today, one "now" still new, one "this week" cannot get
//   shifts     东门卡口, three 8-hour shifts a day for two days, at least 2 people: two
//              confirmed 08-16 today (one checked in 08:00, out 12:00), one 16-24
//   devices    this one named 前台电脑 (never synced), 小李的手机 synced at 13:30,
//              dev3 with no name and no sync
#include <memory>
#include <string>

#include "app/app_data.hpp"
#include "app/sampling/sampling_docs.hpp"
#include "app/volunteers/shift_docs.hpp"
#include "unit/test_support.hpp"

namespace linli::leader_fixture {

inline constexpr int64_t kDayStart = 1'796'169'600'000; // 2026-12-02 00:00 UTC
inline constexpr int64_t kNow = kDayStart + 14 * kHourMs;

inline LocalDay Today() {
    LocalDay day;
    day.date = "2026-12-02";
    day.start_ms = kDayStart;
    day.end_ms = kDayStart + 24 * kHourMs;
    day.now_ms = kNow;
    day.utc_offset_minutes = 0;
    return day;
}

inline Resident Person(const char* b, const char* room, const char* name) {
    Resident p;
    p.building = b;
    p.unit = "1";
    p.room = room;
    p.name = name;
    return p;
}

// Returns false (and says which step) when an action of the fixture was refused.
struct Desk {
    DiskPersistence disk;
    std::unique_ptr<AppData> data = std::make_unique<AppData>(disk, "dev1");
    std::string failed; // the step that did not work, "" when all did

    Desk() { disk.data = data.get(); }

    bool Step(const char* what, bool ok) {
        if (!ok && failed.empty()) {
            failed = what;
        }
        return ok;
    }

    std::string IdOf(const std::string& name) {
        for (const Resident& r : data->Sampling().Model().Residents()) {
            if (r.name == name) {
                return r.id;
            }
        }
        return {};
    }

    std::string OrderFor(const std::string& round_id, const char* b, const char* room) {
        Order o;
        o.round_id = round_id;
        o.building = b;
        o.unit = "1";
        o.room = room;
        o.name = "住户";
        o.lines = {{"A", 1}};
        const Outcome out = data->Supplies().SaveOrder(o, kDayStart - 48 * kHourMs);
        Step("order", out.ok);
        return out.id;
    }

    std::string GroupBuy(const char* title, const char* delivery_date) {
        OrderRound r;
        r.title = title;
        r.delivery_date = delivery_date;
        r.offers = {Offer{"A", "蔬菜包", "", "份", 3990, 0, 0, ""}};
        const Outcome out = data->Supplies().CreateRound(r, kDayStart - 72 * kHourMs);
        Step("group buy", out.ok);
        return out.id;
    }

    // Everything the header says.
    void Fill() {
        AppData& d = *data;
        Step("residents",
             d.Sampling()
                 .ImportResidents({Person("1", "101", "王建国"), Person("1", "101", "李秀英"),
                                   Person("1", "102", "张志强"), Person("2", "101", "刘丽娟"),
                                   Person("2", "102", "陈文博"), Person("3", "101", "杨佳怡")})
                 .ok);
        Step("sealed", d.Sampling().SetBuildingLevel("2", ControlLevel::Sealed).ok);

        Round yesterday;
        yesterday.date = "2026-12-01";
        yesterday.pool_size = 10;
        const Outcome old = d.Sampling().CreateRound(yesterday, kDayStart - 20 * kHourMs);
        Step("yesterday's round", old.ok);
        Step("yesterday's tube", d.Sampling().OpenTube(old.id, "Y1", kDayStart - 19 * kHourMs).ok);
        for (const Resident& r : d.Sampling().Model().Residents()) {
            const std::string id = r.id;
            Step("yesterday's marks",
                 d.Sampling()
                     .MarkResident(old.id, id, MarkStatus::Sampled, kDayStart - 18 * kHourMs)
                     .ok);
        }
        Round today;
        today.date = "2026-12-02";
        today.pool_size = 10;
        const Outcome round = d.Sampling().CreateRound(today, kDayStart + 7 * kHourMs);
        Step("today's round", round.ok);
        Step("today's tube", d.Sampling().OpenTube(round.id, "T1", kDayStart + 8 * kHourMs).ok);
        for (const char* name : {"王建国", "张志强", "陈文博"}) {
            Step("today's marks", d.Sampling()
                                      .MarkResident(round.id, IdOf(name), MarkStatus::Sampled,
                                                    kDayStart + 9 * kHourMs)
                                      .ok);
        }
        Step("an absent resident", d.Sampling()
                                       .MarkResident(round.id, IdOf("刘丽娟"), MarkStatus::Absent,
                                                     kDayStart + 9 * kHourMs)
                                       .ok);

        const std::string late = GroupBuy("第1期", "2026-12-01");
        const std::string late_101 = OrderFor(late, "1", "101");
        OrderFor(late, "1", "102");
        OrderFor(late, "2", "101");
        const std::string late_cancelled = OrderFor(late, "3", "101");
        Step("cancel",
             d.Supplies().SetOrderStatus(late_cancelled, OrderStatus::Cancelled, kDayStart).ok);
        Step("drop", d.Supplies()
                         .MarkDrop(late_101, DropOutcome::Delivered, 0, "", "小李",
                                   kDayStart + 10 * kHourMs)
                         .ok);
        const std::string due = GroupBuy("第2期", "2026-12-02");
        Step("drop", d.Supplies()
                         .MarkDrop(OrderFor(due, "1", "101"), DropOutcome::LeftAtDoor, 0, "",
                                   "小李", kDayStart + 11 * kHourMs)
                         .ok);
        Step("drop", d.Supplies()
                         .MarkDrop(OrderFor(due, "1", "102"), DropOutcome::Delivered, 0, "", "小李",
                                   kDayStart - 2 * kHourMs)
                         .ok);
        OrderFor(due, "3", "101");
        const std::string done = GroupBuy("第0期", "2026-11-20");
        OrderFor(done, "2", "102");
        Step("done", d.Supplies().SetRoundState(done, RoundState::Done).ok);

        auto need = [&](const char* name, Urgency urgency) {
            MedicineRequest r;
            r.resident_id = IdOf(name);
            r.drug = "硝苯地平控释片";
            r.urgency = urgency;
            const Outcome out = d.Medicine().Create(r, kDayStart - 5 * kHourMs);
            Step("medicine", out.ok);
            return out.id;
        };
        Step("delivered", d.Medicine()
                              .SetStatus(need("王建国", Urgency::Now), MedicineStatus::Delivered,
                                         kDayStart + 12 * kHourMs)
                              .ok);
        need("陈文博", Urgency::Now);
        Step("cannot get", d.Medicine()
                               .SetStatus(need("杨佳怡", Urgency::ThisWeek),
                                          MedicineStatus::CannotGet, kDayStart + 13 * kHourMs)
                               .ok);

        PostDraft gate;
        gate.name = "东门卡口";
        gate.min_people = 2;
        gate.max_people = 3;
        gate.days = 2;
        gate.first_day_start = kDayStart;
        const Outcome post = d.Shifts().CreatePost(gate, kDayStart - 24 * kHourMs);
        Step("post", post.ok);
        const std::string key = PostKeyOf(post.id);
        const std::string morning = ShiftIdFor(key, kDayStart + 8 * kHourMs);
        const std::string evening = ShiftIdFor(key, kDayStart + 16 * kHourMs);
        const std::string a = d.Volunteers().Add("钱七", "13600136000", kDayStart).id;
        const std::string b = d.Volunteers().Add("孙八", "13600136001", kDayStart).id;
        Step("assign", d.Shifts().Assign(morning, a, kDayStart, true).ok);
        Step("assign", d.Shifts().Assign(morning, b, kDayStart, true).ok);
        Step("assign", d.Shifts().Assign(evening, b, kDayStart, true).ok);
        Step("check in", d.Shifts().CheckIn(SignUpIdFor(morning, a), kDayStart + 8 * kHourMs).ok);
        Step("check out",
             d.Shifts().CheckOut(SignUpIdFor(morning, a), kDayStart + 12 * kHourMs).ok);

        Step("device name", d.Settings().SetDeviceName("前台电脑", kDayStart).ok);
        // Other devices' documents arrive as another tab (or, later, the sync) stores them.
        const std::string others =
            R"([["device:dev2",{"_id":"device:dev2","_rev":"1-a1","type":"device",)"
            R"("name":"小李的手机","last_sync_ms":)" +
            std::to_string(kDayStart + 13 * kHourMs + 30 * 60'000) +
            R"(}],["device:dev3",{"_id":"device:dev3","_rev":"1-b2","type":"device"}]])";
        Step("other devices", d.ApplyExternal(others) == 2);
    }
};

} // namespace linli::leader_fixture
