// The sample community: loaded into an empty app through the features' own actions,
// marked present, and removed in one transaction that leaves everything else alone.
#include <doctest/doctest.h>

#include "app/app_data.hpp"
#include "core/supplies/round_totals.hpp"
#include "unit/test_support.hpp"

using namespace linli;

TEST_CASE("sample data: loads a community, removes only what it made") {
    ImmediatePersistence persistence;
    AppData data(persistence, "dev1");
    persistence.data = &data;
    CHECK_FALSE(data.Sample().Present());
    SampleSummary summary;
    const Outcome loaded = data.Sample().Load(1'764'640'000'000, &summary);
    REQUIRE(loaded.ok);
    CHECK(data.StateOf(loaded.txn) == WriteState::Durable);
    CHECK(data.Sample().Present());
    CHECK(summary.residents == data.Sampling().Model().Residents().size());
    CHECK(summary.residents > 60);
    CHECK(data.Sampling().Model().Buildings().size() == 3);
    CHECK(data.Sampling().Model().LevelOf("2") == ControlLevel::Sealed);
    REQUIRE(data.Sampling().Model().Rounds().size() == 1);
    const SuppliesModel& supplies = data.Supplies().Model();
    CHECK(supplies.Items().size() == 5);
    REQUIRE(supplies.Rounds().size() == 1);
    const OrderRound& round = *supplies.Rounds()[0];
    CHECK(round.state == RoundState::Open);
    const RoundTotals totals = AggregateRound(round, supplies.OrdersOf(round.id));
    CHECK(totals.orders == static_cast<int>(summary.orders));
    CHECK(totals.orders > 10);
    CHECK(totals.delivered > 0);
    CHECK(totals.delivered < totals.orders);
    CHECK(data.Medicine().Model().OpenRequests().size() == 2);
    // A check recorded on a sample resident goes with the sample.
    const std::string someone = data.Sampling().Model().Residents().front().id;
    REQUIRE(data.Medicine().MarkAsked(someone, "", "dev1", 1'764'640'000'000).ok);
    // A second load is refused: the roster is not empty.
    CHECK_FALSE(data.Sample().Load(1'764'640'000'000).ok);

    // Someone real is added while the sample is there; removing the sample keeps them.
    Resident real;
    real.building = "9";
    real.room = "101";
    real.name = "真实住户";
    REQUIRE(data.Sampling().SaveResident(real, 2026, 1'764'650'000'000).ok);
    const Outcome removed = data.Sample().Remove();
    REQUIRE(removed.ok);
    CHECK_FALSE(data.Sample().Present());
    CHECK(data.Sampling().Model().Residents().size() == 1);
    CHECK(data.Sampling().Model().Residents()[0].name == "真实住户");
    CHECK(data.Supplies().Model().Rounds().empty());
    CHECK(data.Supplies().Model().Items().empty());
    CHECK(data.Sampling().Model().Rounds().empty());
    CHECK(data.Medicine().Model().Requests().empty());
    CHECK(data.Medicine().Model().FindCheck(someone) == nullptr);
}
