// Benchmark (prints numbers, asserts nothing) of supply orders in native code, Release
// build without sanitizers: a community of 6,000 residents with 3,000 orders in one round.
//   aggregation (totals, purchase list, cash per volunteer, walking order, calling list)
//   parse + preview of a 500-entry 接龙, and importing it
// Run: python3 tools/build.py bench (tests/bench/run.sh does). LINLI_BENCH_REPEAT sets the
// repetitions (short mode 5, full 30).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app_data.hpp"
#include "core/supplies/round_totals.hpp"
#include "unit/test_support.hpp"

using namespace linli;

namespace {

using Clock = std::chrono::steady_clock;
// Results land here so that the optimiser cannot drop the work.
volatile size_t g_sink = 0;

double Ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

struct Stats {
    std::vector<double> xs;
    std::string Text() {
        std::sort(xs.begin(), xs.end());
        char buf[128];
        std::snprintf(buf, sizeof buf, "median %.2f ms, max %.2f ms (%zu runs)", xs[xs.size() / 2],
                      xs.back(), xs.size());
        return buf;
    }
    double Median() {
        std::sort(xs.begin(), xs.end());
        return xs[xs.size() / 2];
    }
};

template <typename F> Stats Time(int repeat, F f) {
    Stats s;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = Clock::now();
        f();
        s.xs.push_back(Ms(t0, Clock::now()));
    }
    return s;
}

// 6,000 residents: 20 buildings, 3 units, 18 floors, 3 doors, about 5.5 people per 3 doors.
std::vector<Resident> Residents() {
    std::vector<Resident> out;
    const char* surnames = "王李张刘陈杨黄赵吴周";
    for (int i = 0; out.size() < 6000; ++i) {
        Resident r;
        const int household = i / 2;
        r.building = std::to_string(1 + household / 150);
        r.unit = std::to_string(1 + (household % 150) / 50);
        r.room = std::to_string(100 * (1 + (household % 50) / 3) + 1 + household % 3);
        r.name = std::string(surnames + 3 * (i % 10), 3) + "某" + std::to_string(i);
        r.phone = "139" + std::to_string(10000000 + i);
        r.flags = i % 37 == 0 ? static_cast<uint32_t>(kFlagLivesAlone) : 0u;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

int main() {
    const char* env = std::getenv("LINLI_BENCH_REPEAT");
    const char* mode = std::getenv("LINLI_BENCH");
    const bool full = mode != nullptr && std::string(mode) == "full";
    const int repeat = env != nullptr ? std::max(1, std::atoi(env)) : (full ? 30 : 5);
    std::printf("# supplies_bench: %s mode (%d runs); Release, no sanitizers\n",
                full ? "full" : "short", repeat);

    ImmediatePersistence persistence;
    AppData data(persistence, "bench");
    persistence.data = &data;
    const std::vector<Resident> residents = Residents();
    if (!data.Sampling().ImportResidents(residents).ok) {
        std::printf("could not import the residents\n");
        return 1;
    }
    data.Sampling().SetBuildingLevel("1", ControlLevel::Sealed);

    // A round of 5 offers and 3,000 household orders, written as one chain import.
    std::string chain = "#接龙\n幸福里 第9期\n1号 蔬菜包 39.9元/份\n2号 肉蛋包 69元/份\n"
                        "3号 牛奶 59元/箱 每户限2箱\n4号 大米 65元/袋\n5号 鸡蛋 30元/盒\n\n";
    std::vector<std::string> households;
    for (size_t i = 0; i < residents.size() && households.size() < 3000; i += 2) {
        const Resident& r = residents[i];
        households.push_back(r.building + "-" + r.unit + "-" + r.room + " " + r.name);
    }
    for (size_t i = 0; i < households.size(); ++i) {
        chain += std::to_string(i + 1) + ". " + households[i] + " " + std::to_string(1 + i % 5) +
                 "号×" + std::to_string(1 + i % 2) + (i % 3 == 0 ? " 3号×1" : "") + "\n";
    }
    auto t0 = Clock::now();
    const JielongPreview big = data.Supplies().PreviewJielong(chain, "");
    auto t1 = Clock::now();
    const Outcome imported = data.Supplies().ImportJielong(big, 1'764'640'000'000);
    auto t2 = Clock::now();
    if (!imported.ok) {
        std::printf("could not import the round\n");
        return 1;
    }
    std::printf(
        "3,000-entry chain against 6,000 residents: parse + preview %.1f ms, import %.1f ms "
        "(%zu orders)\n",
        Ms(t0, t1), Ms(t1, t2), big.ToWrite());
    // Pay and deliver a third, for cash and undelivered to have something to count.
    const SuppliesModel& model = data.Supplies().Model();
    const std::vector<const Order*> all = model.OrdersOf(imported.id);
    for (size_t i = 0; i < all.size(); i += 3) {
        const std::string id = all[i]->id;
        data.Supplies().SetPayment(id, Payment::CashOnDelivery, 0, 1);
        data.Supplies().MarkDrop(id, DropOutcome::Delivered, 3990, "",
                                 "志愿者" + std::to_string(i % 7), 2);
    }
    data.Supplies().Model(); // refreshed with the payments and deliveries
    const OrderRound& round = *model.FindRound(imported.id);
    const std::vector<const Order*> orders = model.OrdersOf(round.id);
    const std::vector<const CatalogItem*> catalog = model.Items();

    Stats agg = Time(repeat, [&] { g_sink = AggregateRound(round, orders).items.size(); });
    std::printf("aggregation of %zu orders (totals, per building, cash): %s; target < 16 ms (one "
                "frame)\n",
                orders.size(), agg.Text().c_str());
    const RoundTotals totals = AggregateRound(round, orders);
    Stats purchase = Time(repeat, [&] { g_sink = PurchaseList(round, totals, catalog).size(); });
    std::printf("purchase list per supplier: %s\n", purchase.Text().c_str());
    Stats cash = Time(repeat, [&] { g_sink = CashByVolunteer(round, orders).size(); });
    std::printf("cash per volunteer (%zu volunteers): %s\n", CashByVolunteer(round, orders).size(),
                cash.Text().c_str());
    Stats walk = Time(repeat, [&] { g_sink = WalkingOrder(orders, "7").size(); });
    std::printf("walking order of one building (of 20): %s\n", walk.Text().c_str());
    Stats calls = Time(repeat, [&] { g_sink = data.Supplies().CallingList(round.id).size(); });
    std::printf("calling list (6,000 residents): %s\n", calls.Text().c_str());

    // A 500-entry chain pasted again into the open round: parse + preview.
    std::string chain500 = "#接龙\n幸福里 第9期\n\n";
    for (size_t i = 0; i < 500; ++i) {
        chain500 += std::to_string(i + 1) + "、" + households[i] + " " + std::to_string(1 + i % 5) +
                    "号" + (i % 4 == 0 ? "两份" : "×1") + "\n";
    }
    Stats preview = Time(
        repeat, [&] { g_sink = data.Supplies().PreviewJielong(chain500, round.id).orders.size(); });
    std::printf("parse + preview of a 500-entry chain (3,000 orders in the round): %s; target < "
                "200 ms (a tap)\n",
                preview.Text().c_str());
    return 0;
}
