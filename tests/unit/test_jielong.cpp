// The group-buy chain (接龙) as residents answer it: offers from the header, every entry
// shape (numbering, addresses, item names and aliases, quantities, notes), changes and
// cancellations, orders per household, and the group-buy rules (limits, caps, totals).
#include <doctest/doctest.h>

#include "core/supplies/jielong.hpp"

using namespace linli;

namespace {

// The shapes of ../shared/fixtures/jielong_sample.txt (written out here, so that this test
// runs without the fixtures).
const char* kChain = "#接龙\n"
                     "幸福里小区 第3期 保供团购（周四送达）\n"
                     "1号 蔬菜包 约6斤 39.9元/份\n"
                     "2号 肉蛋包（猪肉2斤+鸡蛋20个）69元/份\n"
                     "3号 牛奶 24盒 59元/箱  每户限2箱\n"
                     "周三晚上9点截单，周四上午各楼栋门口自取或志愿者送上门，老人独居的请备注\n"
                     "\n"
                     "1. 1-1-102 魏华芳 1号×1\n"
                     "2. 1号楼1单元302 曹红涵 1号1份 2号1份\n"
                     "3. 1-1-502 程梅红 3号 2箱\n"
                     "4、1-2-202 史淼妤 1号*2\n"
                     "5. 1栋2单元402 董桂 2号×1 放门口就行，不用敲门\n"
                     "6. 2-1-101 闫军丽（独居老人，电话联系）1号×1\n"
                     "7. 2-1-302 侯丽静 3号×3\n"
                     "8. 2-1-502 邵浩文 1号x2 2号x1 3号x1\n"
                     "9. 2号楼2单元202室 谢建 2号 两份\n"
                     "10. 2-2-501 覃建轩 1号+2号\n"
                     "11. 3-1-102 莫兰轩 1号×1\n"
                     "12. 3-1-401 覃玥建 2号×1\n"
                     "13. 3-1-601 夏喆家 1号×1 3号×1（卧床老人，请送上门）\n"
                     "14. 3-2-201 宋国玥 3号×1\n"
                     "15. 3-2-401 孙燕涵 1号×1\n"
                     "16. 2-1-302 侯丽静 改成3号×2\n"
                     "17. 团长，3号牛奶还有吗？\n"
                     "18. 3-2-401 孙燕涵 取消\n";

const JielongEntry& Entry(const JielongPost& post, int number) {
    for (const JielongEntry& e : post.entries) {
        if (e.number == number) {
            return e;
        }
    }
    FAIL("no entry " << number);
    return post.entries.front();
}

std::vector<JielongItem> Items(std::initializer_list<JielongItem> items) {
    return items;
}

} // namespace

TEST_CASE("jielong: the offer is read from the header") {
    const JielongPost post = ParseJielong(kChain);
    CHECK(post.title == "幸福里小区 第3期 保供团购(周四送达)");
    REQUIRE(post.offers.size() == 3);
    CHECK(post.offers[0].code == "1号");
    CHECK(post.offers[0].name == "蔬菜包");
    CHECK(post.offers[0].spec == "约6斤");
    CHECK(post.offers[0].price == 3990);
    CHECK(post.offers[0].unit == "份");
    CHECK(post.offers[1].name == "肉蛋包");
    CHECK(post.offers[1].spec == "猪肉2斤+鸡蛋20个");
    CHECK(post.offers[1].price == 6900);
    CHECK(post.offers[2].name == "牛奶");
    CHECK(post.offers[2].unit == "箱");
    CHECK(post.offers[2].household_limit == 2);
    CHECK(post.offers[0].household_limit == 0);
    REQUIRE(post.header_text.size() == 1); // the cut-off line
    CHECK(post.entries.size() == 18);
}

TEST_CASE("jielong: every entry shape of the sample") {
    const JielongPost post = ParseJielong(kChain);
    CHECK(Entry(post, 1).address.building == "1");
    CHECK(Entry(post, 1).address.unit == "1");
    CHECK(Entry(post, 1).address.room == "102");
    CHECK(Entry(post, 1).name == "魏华芳");
    CHECK(Entry(post, 1).items == Items({{"1号", 1}}));
    CHECK(Entry(post, 2).address.room == "302");
    CHECK(Entry(post, 2).items == Items({{"1号", 1}, {"2号", 1}}));
    CHECK(Entry(post, 3).items == Items({{"3号", 2}}));
    CHECK(Entry(post, 4).items == Items({{"1号", 2}})); // 4、 and *2
    CHECK(Entry(post, 5).address.unit == "2");
    // Notes are read half-width, as the rest of the entry (full-width commas become ",").
    CHECK(Entry(post, 5).note == "放门口就行,不用敲门");
    CHECK(Entry(post, 6).name == "闫军丽");
    CHECK(Entry(post, 6).note == "独居老人,电话联系");
    CHECK(Entry(post, 8).items == Items({{"1号", 2}, {"2号", 1}, {"3号", 1}}));
    CHECK(Entry(post, 9).address.building == "2");
    CHECK(Entry(post, 9).address.room == "202");
    CHECK(Entry(post, 9).items == Items({{"2号", 2}}));              // 两份
    CHECK(Entry(post, 10).items == Items({{"1号", 1}, {"2号", 1}})); // 1号+2号
    CHECK(Entry(post, 13).note == "卧床老人,请送上门");
    CHECK(Entry(post, 16).edit == JielongEdit::Change);
    CHECK(Entry(post, 16).items == Items({{"3号", 2}}));
    CHECK(Entry(post, 17).problem == JielongProblem::NoAddress); // a question, no order
    CHECK(Entry(post, 18).edit == JielongEdit::Cancel);
    CHECK(Entry(post, 18).problem == JielongProblem::None);
}

TEST_CASE("jielong: orders per household apply changes and cancellations") {
    const std::vector<JielongOrder> orders = OrdersFromJielong(ParseJielong(kChain));
    REQUIRE(orders.size() == 15); // entries 1-15, one household each
    size_t live = 0;
    for (const JielongOrder& o : orders) {
        live += o.cancelled ? 0 : 1;
        if (o.name == "侯丽静") {
            CHECK(o.lines == std::vector<OrderLine>{{"3号", 2}}); // 3 changed to 2 by entry 16
            CHECK(o.entries == std::vector<int>{7, 16});
        }
        if (o.name == "孙燕涵") {
            CHECK(o.cancelled); // entry 18
        }
    }
    CHECK(live == 14);
}

TEST_CASE("jielong: other shapes (full width, letters, aliases, +1, 改为, no spaces)") {
    const char* chain = "#接龙 阳光小区团购\n"
                        "A套餐 58元（白菜、土豆、番茄）\n"
                        "B套餐 88元 限量100份\n"
                        "大米 10kg ￥65\n"
                        "１．３－２－１５０２ 张三 A套餐×２\n"
                        "2、3号楼2单元1501 李四 A +1\n"
                        "3) 3栋1502 王五 58元套餐 大米X1\n"
                        "4. 5-1-101王小明B套餐2份🙏\n"
                        "5. 3-2-1502 张三 改为1份\n"
                        "6. 6-1-101 赵六 一份面条\n"
                        "你好，还有吗\n";
    const JielongPost post = ParseJielong(chain);
    REQUIRE(post.offers.size() == 3);
    CHECK(post.offers[0].code == "A套餐");
    CHECK(post.offers[0].spec == "白菜、土豆、番茄");
    CHECK(post.offers[1].total_cap == 100);
    CHECK(post.offers[2].code == "大米");
    CHECK(post.offers[2].price == 6500);
    CHECK(Entry(post, 1).address.room == "1502"); // full-width digits and dash
    CHECK(Entry(post, 1).items == Items({{"A套餐", 2}}));
    CHECK(Entry(post, 2).address.room == "1501");
    CHECK(Entry(post, 2).items == Items({{"A套餐", 1}})); // the letter alone, then +1
    CHECK(Entry(post, 3).address.unit.empty());
    CHECK(Entry(post, 3).items == Items({{"A套餐", 1}, {"大米", 1}})); // 58元套餐
    CHECK(Entry(post, 4).name == "王小明"); // no spaces, and an emoji after
    CHECK(Entry(post, 4).items == Items({{"B套餐", 2}}));
    CHECK(Entry(post, 5).edit == JielongEdit::Change);
    CHECK(Entry(post, 6).problem == JielongProblem::NoItems);        // nothing offered is named
    CHECK(post.entries.back().problem == JielongProblem::NoAddress); // a reply between entries
    const std::vector<JielongOrder> orders = OrdersFromJielong(post);
    REQUIRE(orders.size() == 4);
    CHECK(orders[0].name == "张三");
    CHECK(orders[0].lines == std::vector<OrderLine>{{"A套餐", 1}}); // 改为1份
}

TEST_CASE("jielong: a longer re-post gives the same orders plus the new ones") {
    const std::string first = std::string(kChain).substr(0, std::string(kChain).find("11. "));
    const auto before = OrdersFromJielong(ParseJielong(first));
    const auto after = OrdersFromJielong(ParseJielong(kChain));
    REQUIRE(before.size() == 10);
    for (size_t i = 0; i < before.size(); ++i) {
        CHECK(before[i].address.room == after[i].address.room);
        CAPTURE(before[i].name);
        if (before[i].name != "侯丽静") { // changed later by entry 16
            CHECK(before[i].lines == after[i].lines);
        }
    }
    // The same entry twice (pasted twice into one text) adds nothing.
    const std::string twice = std::string(kChain) + "19. 1-1-102 魏华芳 1号×1\n";
    const auto again = OrdersFromJielong(ParseJielong(twice));
    CHECK(again.size() == after.size());
    CHECK(again[0].lines == std::vector<OrderLine>{{"1号", 1}});
}

TEST_CASE("jielong: broken and empty text") {
    CHECK(ParseJielong("").entries.empty());
    CHECK(ParseJielong("#接龙\n").offers.empty());
    const JielongPost junk = ParseJielong("\xFF\xFE garbage\n1. \n2. ???\n3. 1-1-101\n");
    REQUIRE(junk.entries.size() == 3);
    CHECK(junk.entries[0].problem == JielongProblem::NoAddress);
    CHECK(junk.entries[1].problem == JielongProblem::NoAddress);
    CHECK(junk.entries[2].problem == JielongProblem::NoItems); // no offer to name
    CHECK(OrdersFromJielong(junk).empty());
}

TEST_CASE("group buy: totals, household limits and caps") {
    OrderRound round;
    round.offers = {Offer{"1号", "蔬菜包", "", "份", 3990, 0, 0, ""},
                    Offer{"3号", "牛奶", "", "箱", 5900, 2, 10, ""}};
    Order order;
    order.lines = {{"1号", 2}, {"3号", 1}};
    CHECK(OrderTotal(round, order) == 2 * 3990 + 5900);
    CHECK(YuanText(OrderTotal(round, order)) == "138.8");
    CHECK(YuanText(5900) == "59");
    CHECK(YuanText(3995) == "39.95");
    CHECK(CheckOrderLines(round, order, {}).empty());
    order.lines = {{"3号", 3}, {"9号", 1}, {"1号", 0}};
    CHECK(CheckOrderLines(round, order, {}) ==
          std::vector<OrderLineProblem>{{"3号", LineProblem::OverHouseholdLimit, 2},
                                        {"9号", LineProblem::UnknownItem, 0},
                                        {"1号", LineProblem::NotPositive, 0}});
    order.lines = {{"3号", 2}};
    CHECK(CheckOrderLines(round, order, {{"3号", 9}}) ==
          std::vector<OrderLineProblem>{{"3号", LineProblem::OverTotalCap, 1}});
}
