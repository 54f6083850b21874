// AppData's sampling actions: residents, buildings, rounds, marks and tubes. Each action
// is one transaction; several documents changed together (a sample that fills its tube)
// are written together or not at all.
#include <set>

#include "app/data.hpp"

namespace linli {

using store::Json;

namespace {

uint64_t Fnv1a64(std::string_view text) {
    uint64_t h = 1469598103934665603ull;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

std::vector<ResidentProblem> ValidateResident(const Resident& r, int current_year) {
    std::vector<ResidentProblem> problems;
    const std::string name = TrimSpaces(r.name);
    if (name.empty()) {
        problems.push_back(ResidentProblem::NameMissing);
    } else if (CountCharacters(name) > kMaxNameCharacters) {
        problems.push_back(ResidentProblem::NameTooLong);
    }
    if (TrimSpaces(r.building).empty()) {
        problems.push_back(ResidentProblem::BuildingMissing);
    }
    if (TrimSpaces(r.room).empty()) {
        problems.push_back(ResidentProblem::RoomMissing);
    }
    if (r.birth_year != 0 && (r.birth_year < 1890 || r.birth_year > current_year)) {
        problems.push_back(ResidentProblem::BirthYear);
    }
    return problems;
}

std::string ImportedResidentId(const Resident& r) {
    return "resident:i" + store::Base36(Fnv1a64(HouseholdKey(r) + "\x1f" + r.name), 13);
}

const SamplingModel& AppData::Sampling() {
    sampling_.Refresh(store_);
    return sampling_;
}

namespace {

// Commits all changes as one transaction, or undoes the ones already made in memory when
// one of them is refused.
SamplingOutcome CommitAll(store::DocumentStore& store, store::Database& db,
                          std::vector<store::Result<store::Change>> results) {
    SamplingOutcome out;
    std::vector<store::Change> changes;
    for (auto& result : results) {
        if (!result.ok()) {
            out.error = out.error ? out.error : std::optional(result.error);
            continue;
        }
        changes.push_back(std::move(*result.value));
    }
    if (out.error) {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            store.Rollback(*it);
        }
        return out;
    }
    if (!changes.empty()) {
        out.id = changes.front().doc.id;
    }
    out.txn = db.Commit(std::move(changes));
    out.ok = true;
    return out;
}

// The change that closes a tube (full, replaced by the next one, or closed by hand).
store::Result<store::Change> PutClosed(store::DocumentStore& store, Tube tube) {
    tube.closed = true;
    return store.Put(tube.id, TubeBody(tube), tube.rev);
}

Resident Cleaned(const Resident& r) {
    Resident c = r;
    c.name = TrimSpaces(r.name);
    c.phone = TrimSpaces(r.phone);
    c.building = NormalizeBuilding(r.building);
    c.unit = NormalizeUnit(r.unit);
    c.room = NormalizeRoom(r.room);
    c.id_number = TrimSpaces(r.id_number);
    c.relation = TrimSpaces(r.relation);
    c.note = TrimSpaces(r.note);
    return c;
}

} // namespace

SamplingOutcome AppData::SaveResident(const Resident& edited, int current_year, int64_t now_ms) {
    SamplingOutcome out;
    const Resident r = Cleaned(edited);
    out.problems = ValidateResident(r, current_year);
    if (!out.problems.empty()) {
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    if (r.id.empty()) {
        std::string id = ImportedResidentId(r);
        const store::Document* existing = store_.Get(id);
        if (existing != nullptr && !existing->deleted) {
            // Someone of that name already lives there: a second person, not the same.
            id = ids_.Make("resident", now_ms);
        }
        results.push_back(store_.Put(id, ResidentBody(r), ""));
    } else {
        const store::Document* doc = store_.Get(r.id);
        if (doc == nullptr || doc->deleted) {
            out.error = store::EditError::NotFound;
            return out;
        }
        Json body = doc->body; // keep fields this version does not edit
        const Json edited_body = ResidentBody(r);
        for (auto& [key, value] : edited_body.items()) {
            body[key] = value;
        }
        for (const char* optional : {"birth_year", "id_number", "relation", "note"}) {
            if (!edited_body.contains(optional)) {
                body.erase(optional); // cleared in the form
            }
        }
        results.push_back(store_.Put(r.id, body, r.rev));
    }
    if (!sampling_.FindBuilding(r.building) && !store_.Get("building:" + r.building)) {
        const Json building{{"type", "building"},
                            {"name", r.building},
                            {"level", ControlLevelKey(ControlLevel::Precaution)}};
        results.push_back(store_.Put("building:" + r.building, building, ""));
    }
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::RemoveResident(const std::string& id, const std::string& rev) {
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Remove(id, rev));
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::SetBuildingLevel(const std::string& building, ControlLevel level) {
    const std::string id = "building:" + building;
    const store::Document* doc = store_.Get(id);
    Json body = doc != nullptr && !doc->deleted ? doc->body : Json::object();
    body["type"] = "building";
    body["name"] = building;
    body["level"] = ControlLevelKey(level);
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Put(id, body, doc != nullptr && !doc->deleted ? doc->rev : ""));
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::RenameBuilding(const std::string& from, std::string_view to) {
    SamplingOutcome out;
    const std::string name = NormalizeBuilding(to);
    if (name.empty()) {
        out.problems.push_back(ResidentProblem::BuildingMissing);
        return out;
    }
    if (name == from) {
        out.ok = true;
        return out;
    }
    const SamplingModel& model = Sampling();
    if (model.FindBuildingRef(name) != nullptr) {
        out.error = store::EditError::Conflict; // merging two buildings is not a rename
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    for (const Resident& r : model.Residents()) {
        if (r.building != from) {
            continue;
        }
        const store::Document* doc = store_.Get(r.id);
        Json body = doc->body;
        body["building"] = name;
        results.push_back(store_.Put(r.id, body, r.rev));
    }
    const Building* old = model.FindBuilding(from);
    const Json building{{"type", "building"},
                        {"name", name},
                        {"level", ControlLevelKey(old ? old->level : ControlLevel::Precaution)}};
    const store::Document* existing = store_.Get("building:" + name);
    results.push_back(store_.Put("building:" + name, building,
                                 existing && !existing->deleted ? existing->rev : ""));
    if (old != nullptr) {
        results.push_back(store_.Remove(old->id, old->rev));
    }
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::RemoveBuilding(const std::string& building) {
    const SamplingModel& model = Sampling();
    std::vector<store::Result<store::Change>> results;
    for (const Resident& r : model.Residents()) {
        if (r.building == building) {
            results.push_back(store_.Remove(r.id, r.rev));
        }
    }
    if (const Building* b = model.FindBuilding(building)) {
        results.push_back(store_.Remove(b->id, b->rev));
    }
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::ImportResidents(const std::vector<Resident>& batch) {
    std::vector<store::Result<store::Change>> results;
    results.reserve(batch.size());
    std::set<std::string> new_buildings;
    for (const Resident& input : batch) {
        const Resident r = Cleaned(input);
        if (r.id.empty()) {
            std::string id = ImportedResidentId(r);
            const store::Document* existing = store_.Get(id);
            // A deleted one is re-created (its history continues); a live one of the same
            // name in the same household is another person.
            if (existing != nullptr && !existing->deleted) {
                id = ids_.Make("resident", 0);
            }
            results.push_back(store_.Put(id, ResidentBody(r), ""));
        } else {
            const store::Document* doc = store_.Get(r.id);
            Json body = doc != nullptr ? doc->body : Json::object();
            const Json imported = ResidentBody(r);
            for (auto& [key, value] : imported.items()) {
                body[key] = value;
            }
            results.push_back(store_.Put(r.id, body, r.rev));
        }
        const std::string building_id = "building:" + r.building;
        const store::Document* b = store_.Get(building_id);
        if ((b == nullptr || b->deleted) && new_buildings.insert(r.building).second) {
            results.push_back(store_.Put(building_id,
                                         Json{{"type", "building"},
                                              {"name", r.building},
                                              {"level", ControlLevelKey(ControlLevel::Precaution)}},
                                         ""));
        }
    }
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::CreateRound(Round round, int64_t now_ms) {
    SamplingOutcome out;
    round.date = TrimSpaces(round.date);
    if (round.date.empty() ||
        (round.pool_size != 1 && round.pool_size != 10 && round.pool_size != 20)) {
        out.error = store::EditError::Invalid;
        return out;
    }
    round.created_at = now_ms;
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Put(ids_.Make("round", now_ms), RoundBody(round), ""));
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::UpdateRound(const Round& edited) {
    SamplingOutcome out;
    const SamplingModel& model = Sampling();
    const Round* stored = model.FindRound(edited.id);
    if (stored == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Round round = edited;
    round.date = TrimSpaces(round.date);
    if (round.date.empty() ||
        (round.pool_size != 1 && round.pool_size != 10 && round.pool_size != 20)) {
        out.error = store::EditError::Invalid;
        return out;
    }
    if (!model.TubesOf(round.id).empty()) {
        round.pool_size = stored->pool_size; // tubes were opened with it
    }
    round.created_at = stored->created_at;
    Json body = store_.Get(round.id)->body; // keep fields this version does not edit
    const Json edited_body = RoundBody(round);
    for (auto& [key, value] : edited_body.items()) {
        body[key] = value;
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Put(round.id, body, edited.rev));
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::RemoveRound(const std::string& round_id) {
    SamplingOutcome out;
    const SamplingModel& model = Sampling();
    const Round* round = model.FindRound(round_id);
    if (round == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Remove(round->id, round->rev));
    for (const auto& [resident, mark] : model.MarksOf(round_id)) {
        results.push_back(store_.Remove(mark->id, mark->rev));
    }
    for (const Tube* tube : model.TubesOf(round_id)) {
        results.push_back(store_.Remove(tube->id, tube->rev));
    }
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::MarkResident(const std::string& round_id, const std::string& resident_id,
                                      MarkStatus status, int64_t now_ms) {
    SamplingOutcome out;
    const SamplingModel& model = Sampling();
    const Round* round = model.FindRound(round_id);
    if (round == nullptr || model.FindResident(resident_id) == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    const Mark* existing = model.FindMark(round_id, resident_id);
    Mark mark;
    mark.id = MarkId(round_id, resident_id);
    mark.round_id = round_id;
    mark.resident_id = resident_id;
    mark.status = status;
    mark.at_ms = now_ms;
    mark.by = DeviceName().empty() ? DeviceTag() : DeviceName(); // who, for the record
    std::vector<store::Result<store::Change>> results;
    if (IsSampled(status)) {
        if (existing != nullptr && existing->status == status && !existing->tube.empty()) {
            out.ok = true; // tapped twice: already in a tube
            return out;
        }
        const Tube* open = model.OpenTubeOf(round_id, DeviceTag());
        if (open == nullptr && status == MarkStatus::Sampled) {
            out.tube = TubeProblem::NoOpenTube;
            return out;
        }
        if (open != nullptr) {
            const size_t count = model.TubeCount(round_id, open->number);
            if (count >= static_cast<size_t>(open->capacity)) {
                out.tube = TubeProblem::TubeFull;
                return out;
            }
            mark.tube = open->number;
            if (count + 1 >= static_cast<size_t>(open->capacity)) {
                results.push_back(PutClosed(store_, *open));
                out.tube_closed = true;
            }
        }
    }
    const std::string expected = existing != nullptr ? existing->rev : std::string();
    results.insert(results.begin(), store_.Put(mark.id, MarkBody(mark), expected));
    const bool closed = out.tube_closed;
    out = CommitAll(store_, db_, std::move(results));
    out.tube_closed = closed && out.ok;
    return out;
}

SamplingOutcome AppData::OpenTube(const std::string& round_id, std::string_view typed_number,
                                  int64_t now_ms) {
    SamplingOutcome out;
    const SamplingModel& model = Sampling();
    const Round* round = model.FindRound(round_id);
    if (round == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    const std::string number = NormalizeTubeNumber(typed_number);
    if (number.empty()) {
        out.tube = TubeProblem::NumberMissing;
        return out;
    }
    if (model.FindTube(round_id, number) != nullptr) {
        out.tube = TubeProblem::NumberTaken;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    // One open tube per sampler: the previous one is closed as it is (partly filled).
    if (const Tube* previous = model.OpenTubeOf(round_id, DeviceTag())) {
        results.push_back(PutClosed(store_, *previous));
    }
    Tube tube;
    tube.id = TubeId(round_id, number);
    tube.round_id = round_id;
    tube.number = number;
    tube.capacity = round->pool_size;
    tube.opened_by = DeviceTag();
    tube.opened_at = now_ms;
    results.insert(results.begin(), store_.Put(tube.id, TubeBody(tube), ""));
    return CommitAll(store_, db_, std::move(results));
}

SamplingOutcome AppData::CloseTube(const std::string& round_id, const std::string& number) {
    return EditTube(round_id, number, [](Tube& t) { t.closed = true; });
}

SamplingOutcome AppData::SetTubeResult(const std::string& round_id, const std::string& number,
                                       TubeResult result) {
    return EditTube(round_id, number, [result](Tube& t) {
        t.result = result;
        t.closed = true; // a tube with a result is at the lab
    });
}

SamplingOutcome AppData::EditTube(const std::string& round_id, const std::string& number,
                                  const std::function<void(Tube&)>& change) {
    SamplingOutcome out;
    const Tube* tube = Sampling().FindTube(round_id, number);
    if (tube == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Tube changed = *tube;
    change(changed);
    std::vector<store::Result<store::Change>> results;
    results.push_back(store_.Put(changed.id, TubeBody(changed), changed.rev));
    return CommitAll(store_, db_, std::move(results));
}

} // namespace linli
