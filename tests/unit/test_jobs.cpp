// Jobs across frames, natively and without ImGui: the roster import in batches, a write
// that fails in the middle (the batches already written stay), a re-import that finishes
// the job, and cancelling. Also the pending-write helper and the projection mechanism.
#include <doctest/doctest.h>

#include <deque>

#include "app/app_data.hpp"
#include "app/pending_write.hpp"
#include "app/sampling/import_job.hpp"
#include "store/projection.hpp"

using namespace linli;

namespace {

// Writes complete when the test says so (as IndexedDB does, a moment later), or fail.
class QueuedPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string&) override { queue.push_back(txn); }
    void CompleteAll() {
        while (!queue.empty()) {
            const uint64_t txn = queue.front();
            queue.pop_front();
            if (fail_at_write == ++completed) {
                data->WriteFailed(txn, store::FailureKind::Quota, "QuotaExceededError", "[]");
            } else {
                data->WriteCommitted(txn);
            }
        }
    }
    AppData* data = nullptr;
    std::deque<uint64_t> queue;
    int completed = 0;
    int fail_at_write = 0; // 1-based write to refuse (0: none)
};

CsvResult Roster(size_t people) {
    CsvResult csv;
    csv.rows.push_back({1, {"楼栋", "单元", "房号", "姓名"}});
    for (size_t i = 0; i < people; ++i) {
        csv.rows.push_back({i + 2,
                            {std::to_string(1 + i / 100), "1", std::to_string(101 + i % 100),
                             "居民" + std::to_string(i)}});
    }
    return csv;
}

const std::vector<ImportField> kMapping = {ImportField::Building, ImportField::Unit,
                                           ImportField::Room, ImportField::Name};

// Steps the runner like the main loop, completing writes between frames.
int RunFrames(AppData& data, QueuedPersistence& p, int max_frames = 100) {
    int frames = 0;
    while (data.Jobs().Busy() && frames < max_frames) {
        data.Jobs().Step(frames);
        p.CompleteAll();
        ++frames;
    }
    return frames;
}

} // namespace

TEST_CASE("roster import job: plans first, then one batch per step, done when durable") {
    QueuedPersistence p;
    AppData data(p, "devA");
    p.data = &data;
    auto job = std::make_shared<RosterImportJob>(data, Roster(2500), kMapping, 2026, 1000);
    data.Jobs().Start(job);
    CHECK(job->Progress().total == 2500); // the file's rows until planned
    data.Jobs().Step(1);
    CHECK(job->Planned());
    CHECK(p.queue.empty()); // the planning step writes nothing
    data.Jobs().Step(2);
    CHECK(p.queue.size() == 1);
    CHECK(job->Written() == 0); // written, not yet durable
    p.CompleteAll();
    RunFrames(data, p);
    CHECK(job->Status() == JobStatus::Done);
    CHECK(p.completed == 3); // 1000 + 1000 + 500
    CHECK(job->Written() == 2500);
    CHECK(job->Plan().added == 2500);
    CHECK(data.Sampling().Model().Residents().size() == 2500);
    CHECK_FALSE(data.Jobs().Busy());
}

TEST_CASE("roster import job: a failed batch keeps the batches before it, a re-import finishes") {
    QueuedPersistence p;
    AppData data(p, "devA");
    p.data = &data;
    p.fail_at_write = 2;
    auto job = std::make_shared<RosterImportJob>(data, Roster(2500), kMapping, 2026, 1000);
    data.Jobs().Start(job);
    RunFrames(data, p);
    CHECK(job->Status() == JobStatus::Failed);
    CHECK(job->Written() == 1000);
    // The failed batch was rolled back and the job stopped: the first batch stays.
    const size_t kept = data.Sampling().Model().Residents().size();
    CHECK(kept == 1000);

    p.fail_at_write = 0;
    auto again = std::make_shared<RosterImportJob>(data, Roster(2500), kMapping, 2026, 1000);
    data.Jobs().Start(again);
    RunFrames(data, p);
    CHECK(again->Status() == JobStatus::Done);
    CHECK(again->Plan().unchanged == kept);
    CHECK(again->Plan().added == 2500 - kept);
    CHECK(data.Sampling().Model().Residents().size() == 2500);
}

TEST_CASE("roster import job: cancelled between batches, what was written stays") {
    QueuedPersistence p;
    AppData data(p, "devA");
    p.data = &data;
    auto job = std::make_shared<RosterImportJob>(data, Roster(2500), kMapping, 2026, 1000);
    data.Jobs().Start(job);
    data.Jobs().Step(1); // plan
    data.Jobs().Step(2); // first batch
    p.CompleteAll();
    job->Cancel();
    RunFrames(data, p);
    CHECK(job->Status() == JobStatus::Cancelled);
    CHECK(job->Written() == 1000);
    CHECK(data.Sampling().Model().Residents().size() == 1000);
}

TEST_CASE("pending write: pending until durable, then forgotten, a failure reported once") {
    QueuedPersistence p;
    AppData data(p, "devA");
    p.data = &data;
    PendingWrite pending;
    CHECK(pending.Poll(data) == WriteState::Nothing);
    const Outcome out = data.Volunteers().Add("张三", "13800138000", 1);
    REQUIRE(out.ok);
    CHECK(out.txn != 0);
    pending.Track(out);
    CHECK(pending.Poll(data) == WriteState::Pending);
    p.CompleteAll();
    CHECK(pending.Poll(data) == WriteState::Durable);
    CHECK_FALSE(pending.Waiting());

    p.fail_at_write = 2;
    pending.Track(data.Volunteers().Add("李四", "13900139000", 2));
    p.CompleteAll();
    CHECK(pending.Poll(data) == WriteState::Failed);
    CHECK(pending.Poll(data) == WriteState::Nothing);
    // An outcome that wrote nothing (input to fix) is not waited for.
    const Outcome refused = data.Volunteers().Add("", "1", 3);
    CHECK_FALSE(refused.ok);
    pending.Track(refused);
    CHECK_FALSE(pending.Waiting());
}

TEST_CASE("projection: each type's handler sees its changes once, deletions and vanished ids") {
    store::DocumentStore store;
    store::Projection projection;
    std::vector<std::string> seen;
    projection.On(
        "a", [&](const store::Document& d) { seen.push_back(d.id + (d.deleted ? " gone" : "")); });
    CHECK_FALSE(projection.Refresh(store).Any());
    auto a1 = store.Put("a:1", store::Json{{"type", "a"}}, "");
    store.Put("b:1", store::Json{{"type", "b"}}, "");
    const auto changed = projection.Refresh(store);
    CHECK(changed.Has("a"));
    CHECK_FALSE(changed.Has("b")); // no handler: not this model's business
    CHECK(seen == std::vector<std::string>{"a:1"});
    CHECK_FALSE(projection.Refresh(store).Any()); // nothing new
    store.Remove("a:1", a1.value->doc.rev);
    auto a2 = store.Put("a:2", store::Json{{"type", "a"}}, "");
    store.Rollback(*a2.value); // a creation undone leaves no tombstone
    projection.Refresh(store);
    // Vanished ids first, then the changes in sequence order.
    CHECK(seen == std::vector<std::string>{"a:1", "a:2 gone", "a:1 gone"});
}
