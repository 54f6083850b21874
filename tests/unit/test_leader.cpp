// The leader's overview (总览) and daily report (日报): the day's rules on plain structs
// (rounds merged, late and due orders, medicine handled, shifts and hours, devices), the
// summary the app makes from a desk built through the services (tests/unit/
// leader_fixture.hpp), the report's text in both languages and the workbook's cells; and
// the edge cases: nothing today, a late order, a device that never synced.
// Sections: the rules on plain structs · the desk's summary · the report's text · nothing
// today and a late order · the workbook.
#include <doctest/doctest.h>

#include "io/leader_report.hpp"
#include "unit/leader_fixture.hpp"

using namespace linli;
using namespace linli::leader_fixture;

namespace {

bool HasHanzi(const std::string& s) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0xE4 && b <= 0xE9) {
            return true;
        }
    }
    return false;
}

Order Drop(const char* room, DropOutcome outcome, int64_t at, OrderStatus status) {
    Order o;
    o.building = "1";
    o.unit = "1";
    o.room = room;
    o.status = status;
    o.delivery.outcome = outcome;
    o.delivery.at = at;
    return o;
}

} // namespace

TEST_CASE("leader: today's rounds are merged per building, other days' are not") {
    std::vector<Resident> residents(3);
    residents[0].id = "a";
    residents[0].building = "1";
    residents[1].id = "b";
    residents[1].building = "1";
    residents[2].id = "c";
    residents[2].building = "2";
    residents[2].flags = kFlagBedridden; // pending: a home visit, not sampled
    Round everyone;
    everyone.id = "r1";
    Round retest;
    retest.id = "r2";
    retest.buildings = {"1"};
    Mark a1{"m1", "", "r1", "a", MarkStatus::Sampled, 1, "", ""};
    Mark b2{"m2", "", "r2", "b", MarkStatus::HomeVisitDone, 1, "", ""};
    const MarksByResident first{{"a", &a1}};
    const MarksByResident second{{"b", &b2}};
    const SamplingToday t = SampleToday({&everyone, &retest}, residents, {&first, &second});
    CHECK(t.round_ids == std::vector<std::string>{"r1", "r2"});
    CHECK(t.sampled == 2);
    CHECK(t.to_sample == 3);
    REQUIRE(t.buildings.size() == 2);
    CHECK(t.buildings[0].building == "1");
    CHECK(t.buildings[0].sampled == 2);
    CHECK(t.buildings[0].to_sample == 2);
    CHECK(t.buildings[1].sampled == 0);
    CHECK(t.buildings[1].to_sample == 1);

    const SamplingToday none = SampleToday({}, residents, {});
    CHECK(none.round_ids.empty());
    CHECK(none.to_sample == 0);
    CHECK(none.buildings.empty());
}

TEST_CASE("leader: undelivered, late (delivery date before today), due today, supplied") {
    const LocalDay day = Today();
    OrderRound late;
    late.id = "late";
    late.delivery_date = "2026-12-01";
    OrderRound due;
    due.id = "due";
    due.delivery_date = "2026-12-02";
    OrderRound later;
    later.id = "later";
    later.delivery_date = "2026-12-05";
    OrderRound done = late;
    done.id = "done";
    done.state = RoundState::Done;
    const Order waiting = Drop("101", DropOutcome::None, 0, OrderStatus::New);
    const Order not_home = Drop("102", DropOutcome::NotHome, kNow, OrderStatus::Problem);
    const Order today_drop =
        Drop("103", DropOutcome::Delivered, kNow - kHourMs, OrderStatus::Delivered);
    const Order same_household = Drop("103", DropOutcome::LeftAtDoor, kNow, OrderStatus::Delivered);
    const Order yesterday_drop =
        Drop("104", DropOutcome::Delivered, day.start_ms - 1, OrderStatus::Delivered);
    const Order cancelled = Drop("105", DropOutcome::None, 0, OrderStatus::Cancelled);
    const OrdersToday o = SummarizeOrders({{&later, {&waiting}},
                                           {&late, {&waiting, &not_home, &today_drop, &cancelled}},
                                           {&due, {&waiting, &same_household, &yesterday_drop}},
                                           {&done, {&waiting}}},
                                          day);
    CHECK(o.undelivered == 4); // later 1, late 2 (a door not answered is not delivered), due 1
    CHECK(o.late == 2);
    CHECK(o.due_today == 1);
    CHECK(o.orders_delivered == 2);
    CHECK(o.households_supplied == 1); // two orders of one household
    REQUIRE(o.rounds.size() == 3);
    CHECK(o.rounds[0].round_id == "late");
    CHECK(o.rounds[0].late);
    CHECK(o.rounds[1].round_id == "due");
    CHECK(o.rounds[1].due_today);
    CHECK(o.rounds[2].round_id == "later");
    CHECK_FALSE(o.rounds[2].late);

    // A round with no delivery date is never late.
    OrderRound undated;
    undated.id = "undated";
    CHECK_FALSE(SummarizeOrders({{&undated, {&waiting}}}, day).rounds.at(0).late);
}

TEST_CASE("leader: medicine open and handled today, shifts and hours, devices in order") {
    const LocalDay day = Today();
    MedicineRequest open_now, handled, handled_yesterday, cannot;
    open_now.urgency = Urgency::Now;
    handled.status = MedicineStatus::Delivered;
    handled.updated_at = kNow;
    handled.urgency = Urgency::Now;
    handled_yesterday.status = MedicineStatus::Delivered;
    handled_yesterday.updated_at = day.start_ms - 1;
    cannot.status = MedicineStatus::CannotGet;
    cannot.updated_at = kNow;
    const MedicineToday m =
        SummarizeMedicine({&open_now, &handled, &handled_yesterday, &cannot}, day);
    CHECK(m.open == 1);
    CHECK(m.open_now == 1);
    CHECK(m.handled == 1);
    CHECK(m.handled_now == 1);
    CHECK(m.cannot_get == 1);

    const std::vector<Shift> shifts = {
        {"s1", "p", day.start_ms + 8 * kHourMs, day.start_ms + 16 * kHourMs, 2, 3},
        {"s0", "p", day.start_ms - 8 * kHourMs, day.start_ms, 1, 1}, // yesterday's
        {"s2", "p", day.start_ms + 22 * kHourMs, day.start_ms + 30 * kHourMs, 1, 1},
    };
    const int64_t in = day.start_ms + 8 * kHourMs;
    const std::vector<SignUp> signups = {
        {"s1", "v1", SignUpState::Confirmed, 0, in, in + 3 * kHourMs + 30 * 60'000},
        {"s1", "v2", SignUpState::Waitlist, 0, 0, 0},
        {"s0", "v1", SignUpState::Confirmed, 0, day.start_ms - kHourMs, day.start_ms},
        {"s2", "v3", SignUpState::Confirmed, 0, 0, 0},
    };
    const ShiftsToday v = SummarizeShifts(shifts, signups, day);
    CHECK(v.shifts == 2);
    CHECK(v.people == 2);
    CHECK(v.checked_in == 1);
    CHECK(v.under_min == 1);
    CHECK(v.planned_hours == doctest::Approx(16.0));
    CHECK(v.worked_hours == doctest::Approx(3.5));
    CHECK(HoursText(3.5) == "3.5");
    CHECK(HoursText(16.0) == "16");
    CHECK(HoursText(0.04) == "0");
    CHECK(PercentOf(1, 3) == 33);
    CHECK(PercentOf(2, 3) == 67);
    CHECK(PercentOf(0, 0) == 0);

    std::vector<DeviceSync> devices = {
        {"d4", "", std::nullopt, false},     {"d2", "小王", 100, false},
        {"d3", "小李", 200, false},          {"d1", "前台", std::nullopt, true},
        {"d5", "阿姨", std::nullopt, false},
    };
    SortDevices(devices);
    CHECK(devices[0].tag == "d1"); // this device first, even never synced
    CHECK(devices[1].tag == "d3"); // then the latest sync
    CHECK(devices[2].tag == "d2");
    CHECK(devices[3].tag == "d4"); // never synced last, by name (the tag when unnamed)
    CHECK(devices[4].tag == "d5");
}

TEST_CASE("leader: the summary of a desk built through the services") {
    Desk desk;
    desk.Fill();
    REQUIRE_MESSAGE(desk.failed.empty(), desk.failed);
    const DailySummary& s = desk.data->Leader().Summary(Today());
    CHECK(s.sampling.round_ids.size() == 1); // yesterday's round is not today's
    CHECK(s.sampling.sampled == 3);
    CHECK(s.sampling.to_sample == 6);
    REQUIRE(s.sampling.buildings.size() == 3);
    CHECK(s.sampling.buildings[0].sampled == 2);
    CHECK(s.sampling.buildings[0].to_sample == 3);
    CHECK(s.sampling.buildings[1].level == ControlLevel::Sealed);
    CHECK(s.sampling.buildings[1].sampled == 1);
    CHECK(s.sampling.buildings[2].sampled == 0);
    CHECK(s.sealed == std::vector<std::string>{"2"});

    CHECK(s.orders.undelivered == 3); // the done round's order is not waited for
    CHECK(s.orders.late == 2);
    CHECK(s.orders.due_today == 1);
    CHECK(s.orders.orders_delivered == 2);
    CHECK(s.orders.households_supplied == 1);
    REQUIRE(s.orders.rounds.size() == 2);
    CHECK(s.orders.rounds[0].title == "第1期");
    CHECK(s.orders.rounds[0].late);

    CHECK(s.medicine.open == 1);
    CHECK(s.medicine.open_now == 1);
    CHECK(s.medicine.handled == 1);
    CHECK(s.medicine.cannot_get == 1);

    CHECK(s.shifts.shifts == 3);
    CHECK(s.shifts.people == 3);
    CHECK(s.shifts.checked_in == 1);
    CHECK(s.shifts.under_min == 2);
    CHECK(s.shifts.planned_hours == doctest::Approx(24.0));
    CHECK(s.shifts.worked_hours == doctest::Approx(4.0));
    REQUIRE(s.gaps.size() == 3); // 16-24 today, 00-08 and 08-16 tomorrow
    CHECK(s.gaps[0].post == "东门卡口");
    CHECK(s.gaps[0].start == kDayStart + 16 * kHourMs);
    CHECK(s.gaps[0].confirmed == 1);
    CHECK(s.gaps[0].min_people == 2);

    REQUIRE(s.devices.size() == 3);
    CHECK(s.devices[0].tag == "dev1");
    CHECK(s.devices[0].this_device);
    CHECK(s.devices[0].name == "前台电脑");
    CHECK_FALSE(s.devices[0].last_sync_ms.has_value());
    CHECK(s.devices[1].name == "小李的手机");
    CHECK(s.devices[1].last_sync_ms == kDayStart + 13 * kHourMs + 30 * 60'000);
    CHECK(s.devices[2].tag == "dev3");
    CHECK_FALSE(s.devices[2].last_sync_ms.has_value());
    CHECK_FALSE(s.sample_data);

    // Cached until something changes; a new write is seen at once.
    CHECK(&desk.data->Leader().Summary(Today()) == &s);
    const std::string id = desk.IdOf("杨佳怡");
    const std::string round = s.sampling.round_ids.front();
    REQUIRE(desk.data->Sampling().MarkResident(round, id, MarkStatus::Sampled, kNow).ok);
    CHECK(desk.data->Leader().Summary(Today()).sampling.sampled == 4);
}

TEST_CASE("leader: the daily report's text, in Chinese and in English") {
    Desk desk;
    desk.Fill();
    REQUIRE_MESSAGE(desk.failed.empty(), desk.failed);
    const DailySummary& s = desk.data->Leader().Summary(Today());
    CHECK(DailyReportText(s, Language::Chinese) ==
          "邻里日报 2026-12-02（截至 14:00）\n"
          "【核酸采样】今日已采 3 人，应采 6 人（50%）\n"
          "1号楼 2/3；2号楼 1/2（封控）；3号楼 0/1\n"
          "【封控楼栋】1 栋：2号楼\n"
          "【物资配送】今日送达 1 户（2 单）；未送 3 单，其中逾期 2 单\n"
          "【紧急需求】今日办结药品需求 1 件（其中立即 1 件）；仍未办 1 件（其中立即 1 件）\n"
          "【志愿者】今日 3 个班次、3 人次上岗，已签退 4 小时（计划 24 小时）；未来 24 "
          "小时 3 个班次缺人\n");
    const std::string en = DailyReportText(s, Language::English);
    CHECK(en == "Linli daily report 2026-12-02 (as of 14:00)\n"
                "[Sampling] sampled today: 3 of 6 residents (50%)\n"
                "Building 1 2/3; Building 2 1/2 (sealed); Building 3 0/1\n"
                "[Sealed buildings] 1: Building 2\n"
                "[Supplies] households supplied today: 1 (orders: 2); undelivered orders: 3, "
                "late: 2\n"
                "[Urgent needs] medicine requests handled today: 1 (marked now: 1); still open: "
                "1 (marked now: 1)\n"
                "[Volunteers] shifts today: 3, people on them: 3, hours worked: 4 (planned: 24); "
                "shifts short of people in the next 24 hours: 3\n");
    CHECK_FALSE(HasHanzi(en));
    CHECK(DailyReportFileName(s, Language::Chinese) == "日报-2026-12-02.xlsx");
    CHECK(DailyReportFileName(s, Language::English) == "daily-report-2026-12-02.xlsx");
}

TEST_CASE("leader: nothing today, and a late order on an otherwise quiet day") {
    DiskPersistence disk;
    AppData data(disk, "dev9");
    disk.data = &data;
    const DailySummary& s = data.Leader().Summary(Today());
    CHECK(s.sampling.round_ids.empty());
    CHECK(s.sealed.empty());
    CHECK(s.orders.undelivered == 0);
    CHECK(s.gaps.empty());
    REQUIRE(s.devices.size() == 1); // this device, though it has no document
    CHECK(s.devices[0].tag == "dev9");
    CHECK(s.devices[0].this_device);
    CHECK_FALSE(s.devices[0].last_sync_ms.has_value());
    CHECK(DailyReportText(s, Language::Chinese) ==
          "邻里日报 2026-12-02（截至 14:00）\n"
          "【核酸采样】今天没有检测轮次\n"
          "【封控楼栋】无\n"
          "【物资配送】今日送达 0 户（0 单）；未送 0 单，其中逾期 0 单\n"
          "【紧急需求】今日办结药品需求 0 件（其中立即 0 件）；仍未办 0 件（其中立即 0 件）\n"
          "【志愿者】今日 0 个班次、0 人次上岗，已签退 0 小时（计划 0 小时）\n");
    const std::vector<XlsxSheet> empty = DailyReportSheets(s, Language::Chinese);
    REQUIRE(empty.size() == 4);
    CHECK(empty[1].rows.size() == 1); // the header only
    CHECK(empty[2].rows.size() == 1);
    CHECK(empty[3].rows.size() == 1);
    CHECK(DailyReportXlsx(s, Language::Chinese).error.empty());

    // One order, delivery yesterday, not delivered: late.
    REQUIRE(data.Sampling().ImportResidents({Person("5", "301", "周淑珍")}).ok);
    OrderRound r;
    r.title = "第9期";
    r.delivery_date = "2026-12-01";
    r.offers = {Offer{"A", "大米", "", "袋", 6500, 0, 0, ""}};
    const Outcome made = data.Supplies().CreateRound(r, kDayStart - 48 * kHourMs);
    REQUIRE(made.ok);
    Order o;
    o.round_id = made.id;
    o.building = "5";
    o.unit = "1";
    o.room = "301";
    o.name = "周淑珍";
    o.lines = {{"A", 1}};
    REQUIRE(data.Supplies().SaveOrder(o, kDayStart - 40 * kHourMs).ok);
    const DailySummary& late = data.Leader().Summary(Today());
    CHECK(late.orders.undelivered == 1);
    CHECK(late.orders.late == 1);
    REQUIRE(late.orders.rounds.size() == 1);
    CHECK(late.orders.rounds[0].late);
    CHECK(DailyReportText(late, Language::Chinese)
              .find("【物资配送】今日送达 0 户（0 单）；未送 1 单，其中逾期 1 单\n") !=
          std::string::npos);
    const std::vector<XlsxSheet> sheets = DailyReportSheets(late, Language::English);
    REQUIRE(sheets[2].rows.size() == 2);
    CHECK(sheets[2].rows[1][0].text == "第9期");
    CHECK(sheets[2].rows[1][2].is_number);
    CHECK(sheets[2].rows[1][2].number == 1);
    CHECK(sheets[2].rows[1][3].text == "late");
}

TEST_CASE("leader: the workbook holds the report's numbers as numbers") {
    Desk desk;
    desk.Fill();
    REQUIRE_MESSAGE(desk.failed.empty(), desk.failed);
    const DailySummary& s = desk.data->Leader().Summary(Today());
    const XlsxWriteResult book = DailyReportXlsx(s, Language::Chinese);
    REQUIRE(book.error.empty());
    const XlsxReadResult read = ReadXlsx(book.bytes);
    REQUIRE(read.error == XlsxReadError::None);
    REQUIRE(read.sheets.size() == 4);
    CHECK(read.sheets[0].name == "日报");
    CHECK(read.sheets[1].name == "各楼采样");
    CHECK(read.sheets[2].name == "未送订单");
    CHECK(read.sheets[3].name == "缺人班次");
    const auto& rows = read.sheets[0].rows;
    REQUIRE(rows.size() == 18);
    CHECK(rows[0].cells[0] == "邻里日报 2026-12-02（截至 14:00）");
    CHECK(rows[2].cells == std::vector<std::string>{"今日已采（人）", "3"});
    CHECK(rows[3].cells == std::vector<std::string>{"今日应采（人）", "6"});
    CHECK(rows[5].cells == std::vector<std::string>{"封控楼栋名单", "2号楼"});
    CHECK(rows[15].cells == std::vector<std::string>{"已签退（小时）", "4"});
    const auto& gaps = read.sheets[3].rows;
    REQUIRE(gaps.size() == 4);
    CHECK(gaps[1].cells == std::vector<std::string>{"东门卡口", "12-02 16:00-24:00", "1", "2"});
}
