// Supply orders in the app layer: a pasted chain previewed against the roster (matched,
// not in the roster, ambiguous, unrecognised), imported in one transaction, pasted again
// longer (updates, never duplicates), limits and caps, deliveries door to door, and what a
// round adds up to.
#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "core/supplies/round_totals.hpp"
#include "io/supply_lists.hpp"
#include "unit/test_support.hpp"

using namespace linli;

namespace {

Resident Person(std::string b, std::string u, std::string r, std::string name,
                std::string phone = "") {
    Resident p;
    p.building = std::move(b);
    p.unit = std::move(u);
    p.room = std::move(r);
    p.name = std::move(name);
    p.phone = std::move(phone);
    return p;
}

struct Desk {
    ImmediatePersistence persistence;
    AppData data{persistence, "dev1"};
    Desk() {
        persistence.data = &data;
        REQUIRE(data.Sampling()
                    .ImportResidents({Person("1", "1", "102", "魏华芳", "13800001102"),
                                      Person("1", "1", "302", "曹红涵", "13800001302"),
                                      Person("1", "2", "202", "史淼妤", "13800001202"),
                                      Person("2", "1", "101", "闫军丽"),
                                      Person("2", "1", "101", "闫小军", "13900002101"),
                                      Person("3", "1", "1502", "莫兰轩"),
                                      Person("3", "2", "1502", "宋国玥")})
                    .ok);
    }
    SuppliesService& supplies() { return data.Supplies(); }
};

const std::string kHeader = "#接龙\n"
                            "幸福里 第3期 保供团购\n"
                            "1号 蔬菜包 约6斤 39.9元/份\n"
                            "2号 肉蛋包 69元/份\n"
                            "3号 牛奶 24盒 59元/箱  每户限2箱\n"
                            "周三晚上9点截单\n"
                            "\n";

const PreviewRow& Row(const JielongPreview& p, int number) {
    for (const PreviewRow& r : p.rows) {
        if (r.number == number) {
            return r;
        }
    }
    FAIL("no row " << number);
    return p.rows.front();
}

const Order* OrderAt(const SuppliesModel& m, const std::string& round, const std::string& b,
                     const std::string& u, const std::string& r) {
    return m.FindOrder(OrderId(round, b, u, r));
}

} // namespace

TEST_CASE("supplies: a pasted chain is previewed against the roster and writes nothing") {
    Desk desk;
    const size_t docs_before = desk.data.DocumentCount();
    const std::string chain = kHeader + "1. 1-1-102 魏华芳 1号×1\n"
                                        "2. 1号楼1单元302 曹红涵 1号1份 2号1份\n"
                                        "3. 9-9-909 路人甲 2号×1\n"
                                        "4. 3栋1502 莫兰轩 1号×1\n"
                                        "5. 2栋101 闫军丽 3号 两箱（独居老人）\n"
                                        "6. 团长，牛奶还有吗？\n"
                                        "7. 1-2-202 史淼妤\n";
    const JielongPreview p = desk.supplies().PreviewJielong(chain, "");
    CHECK(p.error == PreviewError::None);
    CHECK(p.new_round);
    CHECK(p.round.title == "幸福里 第3期 保供团购");
    CHECK(p.round.cutoff == "周三晚上9点截单");
    REQUIRE(p.round.offers.size() == 3);
    CHECK(Row(p, 1).match == EntryMatch::Household);
    CHECK(Row(p, 2).match == EntryMatch::Household);
    CHECK(Row(p, 3).match == EntryMatch::NotInRoster);
    CHECK(Row(p, 4).match == EntryMatch::Ambiguous); // building 3 has 1502 in units 1 and 2
    CHECK(Row(p, 5).match == EntryMatch::Household); // the only unit with 101 in building 2
    CHECK(Row(p, 5).unit == "1");
    CHECK(Row(p, 6).match == EntryMatch::NoAddress);
    CHECK(Row(p, 7).match == EntryMatch::NoItems);
    CHECK(p.unrecognised == 3);
    CHECK(p.orders.size() == 4);
    CHECK(p.ToWrite() == 4);
    CHECK(p.Count(OrderChange::Add) == 4);
    const Order& stranger = p.orders[static_cast<size_t>(Row(p, 3).order)].order;
    CHECK_FALSE(stranger.in_roster);
    const Order& elderly = p.orders[static_cast<size_t>(Row(p, 5).order)].order;
    CHECK(elderly.phone == "13900002101"); // the household's phone, for the door
    CHECK(elderly.note == "独居老人");
    CHECK(desk.data.DocumentCount() == docs_before); // a preview writes nothing
}

TEST_CASE("supplies: import writes the round and orders, and a longer re-post updates them") {
    Desk desk;
    const std::string first = kHeader + "1. 1-1-102 魏华芳 1号×1\n"
                                        "2. 1-1-302 曹红涵 2号×1\n";
    const Outcome imported =
        desk.supplies().ImportJielong(desk.supplies().PreviewJielong(first, ""), 5000);
    REQUIRE(imported.ok);
    const std::string round_id = imported.id;
    const SuppliesModel& m = desk.supplies().Model();
    REQUIRE(m.Rounds().size() == 1);
    CHECK(m.Rounds()[0]->state == RoundState::Open);
    CHECK(m.OrdersOf(round_id).size() == 2);

    // The chain grows: two old entries repeated, one changed, one new, one cancelled.
    const std::string second = first + "3. 1-2-202 史淼妤 3号×1\n"
                                       "4. 1-1-302 曹红涵 改为2份\n"
                                       "5. 1-1-102 魏华芳 取消\n";
    const JielongPreview again = desk.supplies().PreviewJielong(second, "");
    CHECK_FALSE(again.new_round); // the open round with this title
    CHECK(again.round.id == round_id);
    CHECK(again.Count(OrderChange::Add) == 1);
    CHECK(again.Count(OrderChange::Update) == 1);
    CHECK(again.Count(OrderChange::Cancel) == 1);
    REQUIRE(desk.supplies().ImportJielong(again, 6000).ok);
    CHECK(desk.supplies().Model().Rounds().size() == 1);
    CHECK(m.OrdersOf(round_id).size() == 3); // never duplicated
    const Order* cao = OrderAt(m, round_id, "1", "1", "302");
    REQUIRE(cao != nullptr);
    CHECK(cao->lines == std::vector<OrderLine>{{"2号", 2}});
    CHECK(cao->entries == std::vector<int>{2, 4});
    CHECK(OrderAt(m, round_id, "1", "1", "102")->status == OrderStatus::Cancelled);

    // The same text a third time: nothing to write.
    const JielongPreview third = desk.supplies().PreviewJielong(second, "");
    CHECK(third.ToWrite() == 0);
    CHECK(third.Count(OrderChange::Unchanged) == 3);
    CHECK_FALSE(desk.supplies().ImportJielong(third, 7000).ok);
}

TEST_CASE("supplies: household limits and the round's cap cut quantities, and say so") {
    Desk desk;
    const std::string header = "#接龙\n限量团\n1号 大米 10斤 50元/袋 每户限1袋\n"
                               "2号 鸡蛋 30个 30元/盒\n\n";
    const JielongPreview first =
        desk.supplies().PreviewJielong(header + "1. 1-1-102 魏华芳 1号×3 2号×2\n", "");
    REQUIRE(first.orders.size() == 1);
    CHECK(first.orders[0].order.lines == std::vector<OrderLine>{{"1号", 1}, {"2号", 2}});
    REQUIRE(first.orders[0].problems.size() == 1);
    CHECK(first.orders[0].problems[0].problem == LineProblem::OverHouseholdLimit);
    CHECK(first.orders[0].problems[0].allowed == 1);

    // A cap: the round takes 3 boxes of eggs in all; the second household gets what is
    // left, the third nothing (its row makes no order).
    const Outcome made = desk.supplies().ImportJielong(
        desk.supplies().PreviewJielong(header + "1. 1-1-102 魏华芳 2号×2\n", ""), 1000);
    REQUIRE(made.ok);
    OrderRound round = *desk.supplies().Model().FindRound(made.id);
    round.offers[1].total_cap = 3;
    REQUIRE(desk.supplies().UpdateRound(round).ok);
    const JielongPreview p = desk.supplies().PreviewJielong(
        header + "1. 1-1-102 魏华芳 2号×2\n2. 1-1-302 曹红涵 2号×2\n3. 1-2-202 史淼妤 2号×1\n", "");
    REQUIRE(p.orders.size() == 2);
    CHECK(p.orders[0].change == OrderChange::Unchanged);
    CHECK(p.orders[1].change == OrderChange::Add);
    CHECK(p.orders[1].order.lines == std::vector<OrderLine>{{"2号", 1}});
    REQUIRE(p.orders[1].problems.size() == 1);
    CHECK(p.orders[1].problems[0].problem == LineProblem::OverTotalCap);
    CHECK(p.orders[1].problems[0].allowed == 1);
    CHECK(Row(p, 3).order == -1);
    CHECK(Row(p, 3).match == EntryMatch::Household);
    CHECK(p.unrecognised == 0);
    // A round that is no longer open takes no chain.
    REQUIRE(desk.supplies().SetRoundState(made.id, RoundState::Closed).ok);
    CHECK(desk.supplies().PreviewJielong(header + "4. 2-1-101 闫军丽 2号×1\n", made.id).error ==
          PreviewError::RoundNotOpen);
}

TEST_CASE("supplies: a delivered order is not changed by a later paste, and deliveries add up") {
    Desk desk;
    const std::string chain = kHeader + "1. 1-1-102 魏华芳 1号×1\n"
                                        "2. 1-1-302 曹红涵 2号×1\n"
                                        "3. 1-2-202 史淼妤 3号×2\n"
                                        "4. 2-1-101 闫军丽 1号×2\n";
    const Outcome made =
        desk.supplies().ImportJielong(desk.supplies().PreviewJielong(chain, ""), 1000);
    REQUIRE(made.ok);
    const std::string round = made.id;
    const std::string wei = OrderId(round, "1", "1", "102");
    const std::string cao = OrderId(round, "1", "1", "302");
    const std::string shi = OrderId(round, "1", "2", "202");
    REQUIRE(desk.supplies().SetPayment(cao, Payment::CashOnDelivery, 0, 1100).ok);
    REQUIRE(desk.supplies().MarkDrop(wei, DropOutcome::Delivered, 0, "", "小王", 2000).ok);
    REQUIRE(desk.supplies().MarkDrop(cao, DropOutcome::LeftAtDoor, 6900, "", "小王", 2100).ok);
    REQUIRE(desk.supplies().MarkDrop(shi, DropOutcome::NotHome, 0, "敲门无人", "小王", 2200).ok);
    const SuppliesModel& m = desk.supplies().Model(); // brought up to date
    CHECK(m.FindOrder(wei)->status == OrderStatus::Delivered);
    CHECK(m.FindOrder(shi)->status == OrderStatus::Problem);
    CHECK(m.FindOrder(shi)->delivery.note == "敲门无人");

    const JielongPreview later =
        desk.supplies().PreviewJielong(chain + "5. 1-1-102 魏华芳 改为3份\n", "");
    CHECK(later.Count(OrderChange::Locked) == 1);
    CHECK(later.ToWrite() == 0);

    const RoundTotals t = AggregateRound(*m.FindRound(round), m.OrdersOf(round));
    CHECK(t.orders == 4);
    CHECK(t.delivered == 2);
    CHECK(t.problems == 1);
    CHECK(t.items[0] == ItemTotal{"1号", 3, 3 * 3990});
    CHECK(t.items[1] == ItemTotal{"2号", 1, 6900});
    CHECK(t.items[2] == ItemTotal{"3号", 2, 2 * 5900});
    CHECK(t.amount == 3 * 3990 + 6900 + 2 * 5900);
    CHECK(t.cash_expected == 6900);
    CHECK(t.cash_collected == 6900);
    REQUIRE(t.buildings.size() == 2);
    CHECK(t.buildings[0].building == "1");
    CHECK(t.buildings[0].orders == 3);
    CHECK(t.buildings[1].items == std::vector<ItemTotal>{{"1号", 2, 2 * 3990}});

    // Undoing a mark made by mistake.
    REQUIRE(desk.supplies().MarkDrop(shi, DropOutcome::None, 0, "", "小王", 2300).ok);
    desk.supplies().Model();
    CHECK(m.FindOrder(shi)->delivery.outcome == DropOutcome::None);
    CHECK(m.FindOrder(shi)->status == OrderStatus::Confirmed);
}

TEST_CASE("supplies: walking order is building, unit, floor, room") {
    CHECK(FloorOf("1502") == 15);
    CHECK(FloorOf("302") == 3);
    CHECK(FloorOf("2-1502") == 15);
    CHECK(FloorOf("1502室") == 15);
    CHECK(FloorOf("12") == 1);
    CHECK(FloorOf("商铺") == 0);
    auto order = [](std::string b, std::string u, std::string r) {
        Order o;
        o.building = std::move(b);
        o.unit = std::move(u);
        o.room = std::move(r);
        o.id = o.building + o.unit + o.room;
        return o;
    };
    const std::vector<Order> all = {order("10", "1", "101"), order("2", "1", "1001"),
                                    order("2", "1", "201"),  order("2", "1", "202"),
                                    order("2", "2", "101"),  order("2", "1", "101")};
    std::vector<const Order*> ptrs;
    for (const Order& o : all) {
        ptrs.push_back(&o);
    }
    const auto walk = WalkingOrder(ptrs);
    std::vector<std::string> ids;
    for (const Order* o : walk) {
        ids.push_back(o->id);
    }
    CHECK(ids == std::vector<std::string>{"21101", "21201", "21202", "211001", "22101", "101101"});
    CHECK(WalkingOrder(ptrs, "10").size() == 1);
}

TEST_CASE("supplies: damaged stored orders read as defaults and never throw") {
    store::Document doc;
    doc.id = "order:x|1|1|101";
    doc.body = store::Json::parse(
        R"({"type":"order","round":7,"lines":[{"code":"1号","quantity":"two"},{"code":"2号","quantity":2},5],
            "status":"teleported","payment":null,"delivery":"yes","entries":["a",3]})");
    const Order o = OrderFromDoc(doc);
    CHECK(o.round_id.empty());
    CHECK(o.lines == std::vector<OrderLine>{{"2号", 2}});
    CHECK(o.status == OrderStatus::New);
    CHECK(o.payment == Payment::Unpaid);
    CHECK(o.delivery.outcome == DropOutcome::None);
    CHECK(o.entries == std::vector<int>{3});
}

TEST_CASE("supplies: catalog items are checked, saved, and a new chain's offers link to them") {
    Desk desk;
    CatalogItem bad;
    bad.name = "  ";
    const Outcome refused = desk.supplies().SaveCatalogItem(bad, 1000);
    CHECK_FALSE(refused.ok);
    CHECK(refused.problems.Has(CatalogProblem::NameMissing));
    CHECK(refused.problems.Has(CatalogProblem::PriceMissing));
    CHECK(desk.supplies().Model().Items().empty());

    CatalogItem veg;
    veg.name = "蔬菜包";
    veg.spec = "约6斤";
    veg.price = 3990;
    veg.supplier = "绿源农场";
    veg.supplier_phone = "13700000001";
    veg.min_order = 5;
    veg.aliases = "1号";
    const Outcome saved = desk.supplies().SaveCatalogItem(veg, 1000);
    REQUIRE(saved.ok);
    REQUIRE(desk.supplies().Model().Items().size() == 1);

    // The chain's 1号 蔬菜包 is the catalog's; 2号 and 3号 are proposed and added on import.
    const JielongPreview p =
        desk.supplies().PreviewJielong(kHeader + "1. 1-1-102 魏华芳 1号×2 2号×1\n", "");
    REQUIRE(p.round.offers.size() == 3);
    CHECK(p.round.offers[0].item_id == saved.id);
    CHECK(p.round.offers[1].item_id.empty());
    const Outcome imported = desk.supplies().ImportJielong(p, 2000);
    REQUIRE(imported.ok);
    const SuppliesModel& m = desk.supplies().Model();
    CHECK(m.Items().size() == 3);
    const OrderRound* round = m.FindRound(imported.id);
    REQUIRE(round != nullptr);
    for (const Offer& o : round->offers) {
        CHECK(m.FindItem(o.item_id) != nullptr);
    }

    // The purchase list: 绿源农场's 蔬菜包 is 3 short of its minimum of 5.
    const RoundTotals totals = AggregateRound(*round, m.OrdersOf(round->id));
    const std::vector<SupplierPurchase> list = PurchaseList(*round, totals, m.Items());
    REQUIRE(list.size() == 2);
    CHECK(list[0].supplier == "绿源农场");
    CHECK(list[0].phone == "13700000001");
    REQUIRE(list[0].lines.size() == 1);
    CHECK(list[0].lines[0].quantity == 2);
    CHECK(list[0].lines[0].Short() == 3);
    CHECK_FALSE(list[0].AllMet());
    CHECK(list[1].supplier.empty()); // the proposed items have no supplier yet
    CHECK(list[1].lines.size() == 2);
    CHECK(list[1].AllMet());
}

TEST_CASE("supplies: a supplier's sheet is read with its columns guessed and re-imports update") {
    Desk desk;
    std::vector<CsvRow> rows = {
        {1, {"绿源农场 报价单"}},
        {2, {"品名", "规格", "单位", "单价（元）", "起送量", "供应商", "联系电话", "套餐内容"}},
        {3,
         {"蔬菜包", "约6斤", "份", "39.9", "50", "绿源农场", "137-0000-0001", "土豆,白菜,胡萝卜"}},
        {4, {"东北大米", "10kg", "袋", "￥65", "20", "", "", ""}},
        {5, {"", "", "", "", "", "", "", ""}},
        {6, {"鸡蛋", "30枚", "盒", "", "", "", "", ""}},
    };
    const CatalogImportPreview p = desk.supplies().PreviewCatalogImport(rows);
    REQUIRE(p.error == CatalogImportError::None);
    CHECK(p.header_line == 2);
    CHECK(p.adds == 2);
    CHECK(p.with_problems == 1); // 鸡蛋 has no price
    REQUIRE(p.rows.size() == 3);
    CHECK(p.rows[1].row.item.supplier == "绿源农场"); // the row below takes the sheet's supplier
    CHECK(p.rows[1].row.item.price == 6500);
    CHECK(p.rows[0].row.item.min_order == 50);
    CHECK(p.rows[0].row.item.supplier_phone == "13700000001");
    REQUIRE(desk.supplies().ImportCatalog(p, 1000).ok);
    CHECK(desk.supplies().Model().Items().size() == 2);

    // The same sheet again changes nothing; a new price updates the one item.
    const CatalogImportPreview again = desk.supplies().PreviewCatalogImport(rows);
    CHECK(again.adds == 0);
    CHECK(again.unchanged == 2);
    CHECK(again.ToWrite() == 0);
    rows[3].cells[3] = "68";
    const CatalogImportPreview newer = desk.supplies().PreviewCatalogImport(rows);
    CHECK(newer.updates == 1);
    REQUIRE(desk.supplies().ImportCatalog(newer, 2000).ok);
    CHECK(desk.supplies().Model().Items().size() == 2);

    // No header at all: said, nothing written.
    const CatalogImportPreview none = desk.supplies().PreviewCatalogImport({{1, {"a", "b"}}});
    CHECK(none.error == CatalogImportError::NoHeader);
    CHECK_FALSE(desk.supplies().ImportCatalog(none, 3000).ok);
}

TEST_CASE(
    "supplies: an order typed in by hand keeps limits and caps, and the calling list shrinks") {
    Desk desk;
    REQUIRE(desk.data.Sampling().SetBuildingLevel("1", ControlLevel::Sealed).ok);
    OrderRound r;
    r.title = "第4期";
    Offer milk;
    milk.code = "牛奶";
    milk.price = 5900;
    milk.household_limit = 2;
    milk.total_cap = 3;
    r.offers.push_back(milk);
    CHECK(desk.supplies().CreateRound(OrderRound{}, 1).problems.Has(RoundProblem::TitleMissing));
    const Outcome made = desk.supplies().CreateRound(r, 1000);
    REQUIRE(made.ok);

    // Sealed building 1 has three households and none has ordered yet.
    CHECK(desk.supplies().CallingList(made.id).size() == 3);

    Order o;
    o.round_id = made.id;
    o.building = "1号楼";
    o.unit = "1";
    o.room = "102";
    o.channel = OrderChannel::Phone;
    o.lines = {{"牛奶", 3}};
    CHECK(desk.supplies().SaveOrder(o, 2000).problems.Has(OrderProblem::OverLimit));
    o.lines = {{"牛奶", 2}};
    o.note = "耳背，先打电话";
    const Outcome first = desk.supplies().SaveOrder(o, 2000);
    REQUIRE(first.ok);
    const Order* stored = desk.supplies().Model().FindOrder(first.id);
    REQUIRE(stored != nullptr);
    CHECK(stored->building == "1");
    CHECK(stored->in_roster);
    CHECK(stored->channel == OrderChannel::Phone);
    CHECK(desk.supplies().CallingList(made.id).size() == 2);

    // The cap of 3: another household may take only 1 more.
    Order other = o;
    other.room = "302";
    other.lines = {{"牛奶", 2}};
    CHECK(desk.supplies().SaveOrder(other, 3000).problems.Has(OrderProblem::OverCap));
    // An address the roster does not have is allowed and flagged.
    Order stranger = o;
    stranger.building = "9";
    stranger.room = "909";
    stranger.lines = {{"牛奶", 1}};
    const Outcome flagged = desk.supplies().SaveOrder(stranger, 3000);
    REQUIRE(flagged.ok);
    CHECK_FALSE(desk.supplies().Model().FindOrder(flagged.id)->in_roster);
    // Saving the household's order again replaces it (one order per household).
    o.lines = {{"牛奶", 1}};
    REQUIRE(desk.supplies().SaveOrder(o, 4000).ok);
    CHECK(desk.supplies().Model().OrdersOf(made.id).size() == 2);
    CHECK(desk.supplies().Model().FindOrder(first.id)->lines[0].quantity == 1);

    // Closed rounds take no more orders.
    REQUIRE(desk.supplies().SetRoundState(made.id, RoundState::Closed).ok);
    CHECK(desk.supplies().SaveOrder(o, 5000).problems.Has(OrderProblem::RoundNotOpen));
}

TEST_CASE("supplies: cash per volunteer and late orders") {
    OrderRound round;
    round.offers = {Offer{"A", "蔬菜包", "", "份", 4000, 0, 0, ""}};
    round.delivery_date = "2026-12-01";
    Order a, b, c;
    a.id = "a", b.id = "b", c.id = "c";
    a.lines = b.lines = c.lines = {{"A", 1}};
    a.payment = b.payment = Payment::CashOnDelivery;
    a.delivery = {DropOutcome::Delivered, 1, "小李", 4000, "", {}};
    b.delivery = {DropOutcome::Delivered, 1, "小李", 3000, "少找零", {}};
    c.payment = Payment::Paid;
    c.volunteer = "小王";
    const std::vector<const Order*> orders = {&a, &b, &c};
    const std::vector<VolunteerCash> cash = CashByVolunteer(round, orders);
    REQUIRE(cash.size() == 1);
    CHECK(cash[0] == VolunteerCash{"小李", 2, 8000, 7000});
    const std::vector<const Order*> left = Undelivered(orders);
    REQUIRE(left.size() == 1);
    CHECK(left[0]->id == "c");
    CHECK(IsLate(round, "2026-12-02"));
    CHECK_FALSE(IsLate(round, "2026-12-01"));
}

TEST_CASE("supplies: a shortage at the door is recorded per line and shows on the manifest") {
    Desk desk;
    const JielongPreview p =
        desk.supplies().PreviewJielong(kHeader + "1. 1-1-102 魏华芳 1号×2 2号×1\n", "");
    const Outcome imported = desk.supplies().ImportJielong(p, 1000);
    REQUIRE(imported.ok);
    const std::string id = OrderId(imported.id, "1", "1", "102");
    // More than ordered is refused and changes nothing.
    const Outcome refused =
        desk.supplies().MarkDrop(id, DropOutcome::Delivered, 0, "", "小王", 2000, {{"1号", 3}});
    CHECK(refused.problems.Has(OrderProblem::OverLimit));
    CHECK(desk.supplies().Model().FindOrder(id)->delivery.outcome == DropOutcome::None);
    // One vegetable pack short, an egg box instead of the meat pack.
    REQUIRE(desk.supplies()
                .MarkDrop(id, DropOutcome::Delivered, 0, "肉蛋包缺货，换成鸡蛋", "小王", 2000,
                          {{"1号", 1}, {"2号", 0}})
                .ok);
    const Order* o = desk.supplies().Model().FindOrder(id);
    REQUIRE(o != nullptr);
    CHECK(o->delivery.delivered == std::vector<OrderLine>{{"1号", 1}, {"2号", 0}});
    CHECK(o->lines == std::vector<OrderLine>{{"1号", 2}, {"2号", 1}}); // the order stays
    const OrderRound& round = *desk.supplies().Model().FindRound(imported.id);
    const ListTable manifest =
        ManifestTable(round, desk.supplies().Model().OrdersOf(round.id), "1", Language::Chinese);
    REQUIRE(manifest.rows.size() == 1);
    CHECK(manifest.rows[0].cells[5] == "实送 1号×1 2号×0 · 肉蛋包缺货，换成鸡蛋");
    CHECK(manifest.rows[0].cells[2] == "138****1102");
    // Handed over as ordered stores nothing extra.
    REQUIRE(desk.supplies()
                .MarkDrop(id, DropOutcome::Delivered, 0, "", "小王", 3000, {{"1号", 2}, {"2号", 1}})
                .ok);
    CHECK(desk.supplies().Model().FindOrder(id)->delivery.delivered.empty());
}
