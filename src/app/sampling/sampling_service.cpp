// The sampling service's actions: residents, buildings, rounds, marks and tubes. Each action
// is one transaction; several documents changed together (a sample that fills its tube)
// are written together or not at all.
// Sections: validation and helpers; residents (save, remove, import); buildings (level,
// rename, remove); rounds (create, update, remove); marks (MarkResident); tubes (open,
// close, result).
#include <set>

#include "app/sampling/sampling_service.hpp"

namespace linli {

using store::Json;

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

namespace {

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

Outcome SamplingService::SaveResident(const Resident& edited, int current_year, int64_t now_ms) {
    Outcome out;
    const Resident r = Cleaned(edited);
    out.problems.AddAll(ValidateResident(r, current_year));
    if (!out.problems.empty()) {
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    if (r.id.empty()) {
        std::string id = ImportedResidentId(r);
        const store::Document* existing = store().Get(id);
        if (existing != nullptr && !existing->deleted) {
            // Someone of that name already lives there: a second person, not the same.
            id = writer_.Ids().Make("resident", now_ms);
        }
        results.push_back(store().Put(id, ResidentBody(r), ""));
    } else {
        const store::Document* doc = store().Get(r.id);
        if (doc == nullptr || doc->deleted) {
            out.error = store::EditError::NotFound;
            return out;
        }
        Json body = doc->body; // keep fields this version does not edit
        const Json edited_body = ResidentBody(r);
        store::OverlayFields(body, edited_body);
        for (const char* optional : {"birth_year", "id_number", "relation", "note"}) {
            if (!edited_body.contains(optional)) {
                body.erase(optional); // cleared in the form
            }
        }
        results.push_back(store().Put(r.id, body, r.rev));
    }
    if (!Model().FindBuilding(r.building) && !store().Get(BuildingId(r.building))) {
        const Json building{{"type", "building"},
                            {"name", r.building},
                            {"level", ControlLevelKey(ControlLevel::Precaution)}};
        results.push_back(store().Put(BuildingId(r.building), building, ""));
    }
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::RemoveResident(const std::string& id, const std::string& rev) {
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Remove(id, rev));
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::SetBuildingLevel(const std::string& building, ControlLevel level) {
    const std::string id = BuildingId(building);
    const store::Document* doc = store().Get(id);
    Json body = doc != nullptr && !doc->deleted ? doc->body : Json::object();
    body["type"] = "building";
    body["name"] = building;
    body["level"] = ControlLevelKey(level);
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Put(id, body, doc != nullptr && !doc->deleted ? doc->rev : ""));
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::RenameBuilding(const std::string& from, std::string_view to) {
    Outcome out;
    const std::string name = NormalizeBuilding(to);
    if (name.empty()) {
        out.problems.Add(ResidentProblem::BuildingMissing);
        return out;
    }
    if (name == from) {
        out.ok = true;
        return out;
    }
    const SamplingModel& model = Model();
    if (model.FindBuildingRef(name) != nullptr) {
        out.error = store::EditError::Conflict; // merging two buildings is not a rename
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    for (const Resident& r : model.Residents()) {
        if (r.building != from) {
            continue;
        }
        const store::Document* doc = store().Get(r.id);
        Json body = doc->body;
        body["building"] = name;
        results.push_back(store().Put(r.id, body, r.rev));
    }
    const Building* old = model.FindBuilding(from);
    const Json building{{"type", "building"},
                        {"name", name},
                        {"level", ControlLevelKey(old ? old->level : ControlLevel::Precaution)}};
    const store::Document* existing = store().Get(BuildingId(name));
    results.push_back(store().Put(BuildingId(name), building,
                                  existing && !existing->deleted ? existing->rev : ""));
    if (old != nullptr) {
        results.push_back(store().Remove(old->id, old->rev));
    }
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::RemoveBuilding(const std::string& building) {
    const SamplingModel& model = Model();
    std::vector<store::Result<store::Change>> results;
    for (const Resident& r : model.Residents()) {
        if (r.building == building) {
            results.push_back(store().Remove(r.id, r.rev));
        }
    }
    if (const Building* b = model.FindBuilding(building)) {
        results.push_back(store().Remove(b->id, b->rev));
    }
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::ImportResidents(const std::vector<Resident>& batch) {
    std::vector<store::Result<store::Change>> results;
    results.reserve(batch.size());
    std::set<std::string> new_buildings;
    for (const Resident& input : batch) {
        const Resident r = Cleaned(input);
        if (r.id.empty()) {
            std::string id = ImportedResidentId(r);
            const store::Document* existing = store().Get(id);
            // A deleted one is re-created (its history continues); a live one of the same
            // name in the same household is another person.
            if (existing != nullptr && !existing->deleted) {
                id = writer_.Ids().Make("resident", 0);
            }
            results.push_back(store().Put(id, ResidentBody(r), ""));
        } else {
            const store::Document* doc = store().Get(r.id);
            Json body = doc != nullptr ? doc->body : Json::object();
            const Json imported = ResidentBody(r);
            store::OverlayFields(body, imported);
            results.push_back(store().Put(r.id, body, r.rev));
        }
        const std::string building_id = BuildingId(r.building);
        const store::Document* b = store().Get(building_id);
        if ((b == nullptr || b->deleted) && new_buildings.insert(r.building).second) {
            results.push_back(
                store().Put(building_id,
                            Json{{"type", "building"},
                                 {"name", r.building},
                                 {"level", ControlLevelKey(ControlLevel::Precaution)}},
                            ""));
        }
    }
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::CreateRound(Round round, int64_t now_ms) {
    Outcome out;
    round.date = TrimSpaces(round.date);
    if (round.date.empty() ||
        (round.pool_size != 1 && round.pool_size != 10 && round.pool_size != 20)) {
        out.error = store::EditError::Invalid;
        return out;
    }
    round.created_at = now_ms;
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Put(writer_.Ids().Make("round", now_ms), RoundBody(round), ""));
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::UpdateRound(const Round& edited) {
    Outcome out;
    const SamplingModel& model = Model();
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
    Json body = store().Get(round.id)->body; // keep fields this version does not edit
    const Json edited_body = RoundBody(round);
    store::OverlayFields(body, edited_body);
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Put(round.id, body, edited.rev));
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::RemoveRound(const std::string& round_id) {
    Outcome out;
    const SamplingModel& model = Model();
    const Round* round = model.FindRound(round_id);
    if (round == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Remove(round->id, round->rev));
    for (const auto& [resident, mark] : model.MarksOf(round_id)) {
        results.push_back(store().Remove(mark->id, mark->rev));
    }
    for (const Tube* tube : model.TubesOf(round_id)) {
        results.push_back(store().Remove(tube->id, tube->rev));
    }
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::MarkResident(const std::string& round_id, const std::string& resident_id,
                                      MarkStatus status, int64_t now_ms) {
    Outcome out;
    const SamplingModel& model = Model();
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
    mark.by = settings_.DeviceLabel(); // who, for the record
    std::vector<store::Result<store::Change>> results;
    if (IsSampled(status)) {
        if (existing != nullptr && existing->status == status && !existing->tube.empty()) {
            out.ok = true; // tapped twice: already in a tube
            return out;
        }
        const Tube* open = model.OpenTubeOf(round_id, writer_.DeviceTag());
        if (open == nullptr && status == MarkStatus::Sampled) {
            out.problems.Add(TubeProblem::NoOpenTube);
            return out;
        }
        if (open != nullptr) {
            const size_t count = model.TubeCount(round_id, open->number);
            if (count >= static_cast<size_t>(open->capacity)) {
                out.problems.Add(TubeProblem::TubeFull);
                return out;
            }
            mark.tube = open->number;
            if (count + 1 >= static_cast<size_t>(open->capacity)) {
                results.push_back(PutClosed(store(), *open));
                out.effects.push_back({Effect::TubeClosed, open->number});
            }
        }
    }
    const std::string expected = existing != nullptr ? existing->rev : std::string();
    results.insert(results.begin(), store().Put(mark.id, MarkBody(mark), expected));
    const std::vector<EffectOn> effects = out.effects;
    out = writer_.Commit(std::move(results));
    if (out.ok) {
        out.effects = effects;
    }
    return out;
}

Outcome SamplingService::OpenTube(const std::string& round_id, std::string_view typed_number,
                                  int64_t now_ms) {
    Outcome out;
    const SamplingModel& model = Model();
    const Round* round = model.FindRound(round_id);
    if (round == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    const std::string number = NormalizeTubeNumber(typed_number);
    if (number.empty()) {
        out.problems.Add(TubeProblem::NumberMissing);
        return out;
    }
    if (model.FindTube(round_id, number) != nullptr) {
        out.problems.Add(TubeProblem::NumberTaken);
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    // One open tube per sampler: the previous one is closed as it is (partly filled).
    if (const Tube* previous = model.OpenTubeOf(round_id, writer_.DeviceTag())) {
        results.push_back(PutClosed(store(), *previous));
    }
    Tube tube;
    tube.id = TubeId(round_id, number);
    tube.round_id = round_id;
    tube.number = number;
    tube.capacity = round->pool_size;
    tube.opened_by = writer_.DeviceTag();
    tube.opened_at = now_ms;
    results.insert(results.begin(), store().Put(tube.id, TubeBody(tube), ""));
    return writer_.Commit(std::move(results));
}

Outcome SamplingService::CloseTube(const std::string& round_id, const std::string& number) {
    return EditTube(round_id, number, [](Tube& t) { t.closed = true; });
}

Outcome SamplingService::SetTubeResult(const std::string& round_id, const std::string& number,
                                       TubeResult result) {
    return EditTube(round_id, number, [result](Tube& t) {
        t.result = result;
        t.closed = true; // a tube with a result is at the lab
    });
}

Outcome SamplingService::EditTube(const std::string& round_id, const std::string& number,
                                  const std::function<void(Tube&)>& change) {
    Outcome out;
    const Tube* tube = Model().FindTube(round_id, number);
    if (tube == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Tube changed = *tube;
    change(changed);
    std::vector<store::Result<store::Change>> results;
    results.push_back(store().Put(changed.id, TubeBody(changed), changed.rev));
    return writer_.Commit(std::move(results));
}

} // namespace linli
