#include "app/sampling_model.hpp"

#include <algorithm>

namespace linli {

using store::Json;
using store::StringField;

namespace {

int64_t IntField(const Json& obj, std::string_view key, int64_t fallback = 0) {
    if (!obj.is_object()) {
        return fallback;
    }
    const auto it = obj.find(key);
    return it != obj.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

bool BoolField(const Json& obj, std::string_view key) {
    const auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

// Unknown keys (written by a newer app) fall back to the first value, never throw.
template <typename Enum, size_t N>
Enum EnumFromKey(const std::string& key, const Enum (&all)[N], const char* (*name)(Enum)) {
    for (const Enum e : all) {
        if (key == name(e)) {
            return e;
        }
    }
    return all[0];
}

constexpr ControlLevel kLevels[] = {ControlLevel::Precaution, ControlLevel::Sealed,
                                    ControlLevel::Controlled};
constexpr TubeResult kResults[] = {TubeResult::Pending, TubeResult::Negative, TubeResult::Abnormal};

} // namespace

const char* ControlLevelKey(ControlLevel level) {
    switch (level) {
    case ControlLevel::Sealed:
        return "sealed";
    case ControlLevel::Controlled:
        return "controlled";
    case ControlLevel::Precaution:
        return "precaution";
    }
    return "precaution";
}

const char* MarkStatusKey(MarkStatus s) {
    switch (s) {
    case MarkStatus::Pending:
        return "pending";
    case MarkStatus::Sampled:
        return "sampled";
    case MarkStatus::Absent:
        return "absent";
    case MarkStatus::Exempt:
        return "exempt";
    case MarkStatus::Refused:
        return "refused";
    case MarkStatus::NeedsHomeVisit:
        return "needs_home_visit";
    case MarkStatus::HomeVisitDone:
        return "home_visit_done";
    }
    return "pending";
}

const char* RoundKindKey(RoundKind k) {
    switch (k) {
    case RoundKind::Everyone:
        return "everyone";
    case RoundKind::FocusGroups:
        return "focus_groups";
    case RoundKind::Antigen:
        return "antigen";
    case RoundKind::Retest:
        return "retest";
    }
    return "everyone";
}

const char* TubeResultKey(TubeResult r) {
    switch (r) {
    case TubeResult::Pending:
        return "pending";
    case TubeResult::Negative:
        return "negative";
    case TubeResult::Abnormal:
        return "abnormal";
    }
    return "pending";
}

const char* ResidentFlagKey(uint32_t flag) {
    switch (flag) {
    case kFlagLivesAlone:
        return "lives_alone";
    case kFlagBedridden:
        return "bedridden";
    case kFlagImmobile:
        return "immobile";
    case kFlagChronic:
        return "chronic";
    case kFlagPregnant:
        return "pregnant";
    case kFlagInfant:
        return "infant";
    case kFlagDisability:
        return "disability";
    case kFlagAway:
        return "away";
    default:
        return "";
    }
}

Resident ResidentFromDoc(const store::Document& doc) {
    Resident r;
    r.id = doc.id;
    r.rev = doc.rev;
    const Json& b = doc.body;
    r.building = StringField(b, "building");
    r.unit = StringField(b, "unit");
    r.room = StringField(b, "room");
    r.name = StringField(b, "name");
    r.phone = StringField(b, "phone");
    r.birth_year = static_cast<int>(IntField(b, "birth_year"));
    r.id_number = StringField(b, "id_number");
    r.relation = StringField(b, "relation");
    r.note = StringField(b, "note");
    if (const auto it = b.find("flags"); it != b.end() && it->is_array()) {
        for (const Json& f : *it) {
            if (!f.is_string()) {
                continue;
            }
            for (const uint32_t flag : kAllResidentFlags) {
                if (f.get_ref<const std::string&>() == ResidentFlagKey(flag)) {
                    r.flags |= flag;
                }
            }
        }
    }
    return r;
}

Json ResidentBody(const Resident& r) {
    // Flags by name, so a newer app's flags survive and the JSON reads well in a backup.
    Json flags = Json::array();
    for (const uint32_t flag : kAllResidentFlags) {
        if ((r.flags & flag) != 0) {
            flags.push_back(ResidentFlagKey(flag));
        }
    }
    Json body{{"type", "resident"}, {"building", r.building}, {"unit", r.unit}, {"room", r.room},
              {"name", r.name},     {"phone", r.phone},       {"flags", flags}};
    if (r.birth_year != 0) {
        body["birth_year"] = r.birth_year;
    }
    if (!r.id_number.empty()) {
        body["id_number"] = r.id_number;
    }
    if (!r.relation.empty()) {
        body["relation"] = r.relation;
    }
    if (!r.note.empty()) {
        body["note"] = r.note;
    }
    return body;
}

Building BuildingFromDoc(const store::Document& doc) {
    Building b;
    b.id = doc.id;
    b.rev = doc.rev;
    b.name = StringField(doc.body, "name");
    b.level = EnumFromKey(StringField(doc.body, "level"), kLevels, ControlLevelKey);
    return b;
}

Round RoundFromDoc(const store::Document& doc) {
    Round r;
    r.id = doc.id;
    r.rev = doc.rev;
    const Json& b = doc.body;
    r.date = StringField(b, "date");
    r.kind = EnumFromKey(StringField(b, "kind"), kAllRoundKinds, RoundKindKey);
    r.pool_size = static_cast<int>(IntField(b, "pool_size", 10));
    r.created_at = IntField(b, "created_at");
    if (const auto it = b.find("sites"); it != b.end() && it->is_array()) {
        for (const Json& s : *it) {
            r.sites.push_back({StringField(s, "site"), StringField(s, "window")});
        }
    }
    if (const auto it = b.find("buildings"); it != b.end() && it->is_array()) {
        for (const Json& s : *it) {
            if (s.is_string()) {
                r.buildings.push_back(s.get<std::string>());
            }
        }
    }
    return r;
}

Json RoundBody(const Round& r) {
    Json sites = Json::array();
    for (const SiteWindow& s : r.sites) {
        sites.push_back({{"site", s.site}, {"window", s.window}});
    }
    return Json{{"type", "round"},           {"date", r.date}, {"kind", RoundKindKey(r.kind)},
                {"pool_size", r.pool_size},  {"sites", sites}, {"buildings", r.buildings},
                {"created_at", r.created_at}};
}

Mark MarkFromDoc(const store::Document& doc) {
    Mark m;
    m.id = doc.id;
    m.rev = doc.rev;
    const Json& b = doc.body;
    m.round_id = StringField(b, "round");
    m.resident_id = StringField(b, "resident");
    m.status = EnumFromKey(StringField(b, "status"), kAllMarkStatuses, MarkStatusKey);
    m.at_ms = IntField(b, "at");
    m.by = StringField(b, "by");
    m.tube = StringField(b, "tube");
    return m;
}

Json MarkBody(const Mark& m) {
    Json body{{"type", "mark"},
              {"round", m.round_id},
              {"resident", m.resident_id},
              {"status", MarkStatusKey(m.status)},
              {"at", m.at_ms},
              {"by", m.by}};
    if (!m.tube.empty()) {
        body["tube"] = m.tube;
    }
    return body;
}

Tube TubeFromDoc(const store::Document& doc) {
    Tube t;
    t.id = doc.id;
    t.rev = doc.rev;
    const Json& b = doc.body;
    t.round_id = StringField(b, "round");
    t.number = StringField(b, "number");
    t.capacity = static_cast<int>(IntField(b, "capacity", 10));
    t.closed = BoolField(b, "closed");
    t.result = EnumFromKey(StringField(b, "result"), kResults, TubeResultKey);
    t.opened_by = StringField(b, "opened_by");
    t.opened_at = IntField(b, "opened_at");
    return t;
}

Json TubeBody(const Tube& t) {
    return Json{{"type", "tube"},           {"round", t.round_id},
                {"number", t.number},       {"capacity", t.capacity},
                {"closed", t.closed},       {"result", TubeResultKey(t.result)},
                {"opened_by", t.opened_by}, {"opened_at", t.opened_at}};
}

void SamplingModel::Refresh(const store::DocumentStore& store) {
    if (store.Sequence() == seen_seq_) {
        return;
    }
    bool roster_changed = false;
    bool marks_changed = false;
    std::vector<store::Document> erased; // as tombstones, so one path handles both
    for (std::string& id : store.ErasedSince(seen_seq_)) {
        store::Document gone;
        gone.id = std::move(id);
        gone.deleted = true;
        erased.push_back(std::move(gone));
    }
    // Erased first: a document erased and then made again is in both lists.
    std::vector<const store::Document*> changed;
    for (const store::Document& gone : erased) {
        changed.push_back(&gone);
    }
    for (const store::Document* doc : store.ChangesSince(seen_seq_)) {
        changed.push_back(doc);
    }
    for (const store::Document* doc : changed) {
        const std::string_view type = doc->Type();
        if (type == "resident") {
            roster_changed = true;
            if (doc->deleted) {
                residents_.erase(doc->id);
            } else {
                residents_[doc->id] = ResidentFromDoc(*doc);
            }
        } else if (type == "building") {
            roster_changed = true;
            const std::string name = StringField(doc->body, "name");
            std::erase_if(building_docs_, [&](const auto& kv) { return kv.second.id == doc->id; });
            if (!doc->deleted && !name.empty()) {
                building_docs_[name] = BuildingFromDoc(*doc);
            }
        } else if (type == "round") {
            marks_changed = true;
            if (doc->deleted) {
                rounds_.erase(doc->id);
            } else {
                rounds_[doc->id] = RoundFromDoc(*doc);
            }
        } else if (type == "mark") {
            marks_changed = true;
            if (const auto old = marks_.find(doc->id); old != marks_.end()) {
                marks_by_round_[old->second.round_id].erase(old->second.resident_id);
                if (doc->deleted) {
                    marks_.erase(old);
                }
            }
            if (!doc->deleted) {
                Mark& m = marks_[doc->id];
                m = MarkFromDoc(*doc);
                marks_by_round_[m.round_id][m.resident_id] = &m;
            }
        } else if (type == "tube") {
            marks_changed = true;
            if (doc->deleted) {
                tubes_.erase(doc->id);
            } else {
                tubes_[doc->id] = TubeFromDoc(*doc);
            }
        }
    }
    seen_seq_ = store.Sequence();
    if (roster_changed) {
        ++roster_version_;
        RebuildOrder();
    }
    if (marks_changed) {
        ++marks_version_;
    }
}

void SamplingModel::RebuildOrder() {
    ordered_.clear();
    ordered_.reserve(residents_.size());
    for (const auto& [id, r] : residents_) {
        ordered_.push_back(r);
    }
    std::sort(ordered_.begin(), ordered_.end(), RosterOrder);
    position_.clear();
    position_.reserve(ordered_.size());
    buildings_.clear();
    for (size_t i = 0; i < ordered_.size(); ++i) {
        const Resident& r = ordered_[i];
        position_[r.id] = i;
        if (buildings_.empty() || buildings_.back().name != r.building) {
            buildings_.push_back({r.building, {}, 0, 0});
        }
        BuildingRef& b = buildings_.back();
        if (b.units.empty() || b.units.back().unit != r.unit) {
            b.units.push_back({r.unit, {}, 0});
        }
        UnitRef& u = b.units.back();
        if (u.households.empty() || u.households.back().room != r.room) {
            u.households.push_back({r.room, i, 0});
            ++b.households;
        }
        ++u.households.back().count;
        ++u.residents;
        ++b.residents;
    }
    // Buildings that have a document (a control level) but nobody imported yet.
    bool added = false;
    for (const auto& [name, doc] : building_docs_) {
        if (FindBuildingRef(name) == nullptr) {
            buildings_.push_back({name, {}, 0, 0});
            added = true;
        }
    }
    if (added) {
        std::sort(
            buildings_.begin(), buildings_.end(),
            [](const BuildingRef& a, const BuildingRef& b) { return NaturalLess(a.name, b.name); });
    }
}

const Resident* SamplingModel::FindResident(const std::string& id) const {
    const auto it = position_.find(id);
    return it == position_.end() ? nullptr : &ordered_[it->second];
}

const BuildingRef* SamplingModel::FindBuildingRef(const std::string& name) const {
    for (const BuildingRef& b : buildings_) {
        if (b.name == name) {
            return &b;
        }
    }
    return nullptr;
}

const Building* SamplingModel::FindBuilding(const std::string& name) const {
    const auto it = building_docs_.find(name);
    return it == building_docs_.end() ? nullptr : &it->second;
}

ControlLevel SamplingModel::LevelOf(const std::string& building) const {
    const Building* b = FindBuilding(building);
    return b == nullptr ? ControlLevel::Precaution : b->level;
}

std::vector<const Round*> SamplingModel::Rounds() const {
    std::vector<const Round*> out;
    for (const auto& [id, r] : rounds_) {
        out.push_back(&r);
    }
    std::sort(out.begin(), out.end(), [](const Round* a, const Round* b) {
        if (a->date != b->date) {
            return a->date > b->date;
        }
        if (a->created_at != b->created_at) {
            return a->created_at > b->created_at;
        }
        return a->id > b->id;
    });
    return out;
}

const Round* SamplingModel::FindRound(const std::string& id) const {
    const auto it = rounds_.find(id);
    return it == rounds_.end() ? nullptr : &it->second;
}

const Round* SamplingModel::PreviousRound(const Round& round) const {
    const std::vector<const Round*> all = Rounds();
    for (size_t i = 0; i + 1 < all.size(); ++i) {
        if (all[i]->id == round.id) {
            return all[i + 1];
        }
    }
    return nullptr;
}

const MarksByResident& SamplingModel::MarksOf(const std::string& round_id) const {
    static const MarksByResident kNone;
    const auto it = marks_by_round_.find(round_id);
    return it == marks_by_round_.end() ? kNone : it->second;
}

const Mark* SamplingModel::FindMark(const std::string& round_id,
                                    const std::string& resident_id) const {
    const MarksByResident& marks = MarksOf(round_id);
    const auto it = marks.find(resident_id);
    return it == marks.end() ? nullptr : it->second;
}

std::vector<const Tube*> SamplingModel::TubesOf(const std::string& round_id) const {
    std::vector<const Tube*> out;
    for (const auto& [id, t] : tubes_) {
        if (t.round_id == round_id) {
            out.push_back(&t);
        }
    }
    std::sort(out.begin(), out.end(), [](const Tube* a, const Tube* b) {
        return a->opened_at != b->opened_at ? a->opened_at > b->opened_at : a->id > b->id;
    });
    return out;
}

const Tube* SamplingModel::FindTube(const std::string& round_id, const std::string& number) const {
    const auto it = tubes_.find(TubeId(round_id, number));
    return it == tubes_.end() ? nullptr : &it->second;
}

const Tube* SamplingModel::OpenTubeOf(const std::string& round_id,
                                      const std::string& device_tag) const {
    const Tube* newest = nullptr;
    for (const auto& [id, t] : tubes_) {
        if (t.round_id == round_id && !t.closed && t.opened_by == device_tag &&
            (newest == nullptr || t.opened_at > newest->opened_at)) {
            newest = &t;
        }
    }
    return newest;
}

const SamplingModel::TubeMembersCache& SamplingModel::MembersOf(const std::string& round_id) const {
    TubeMembersCache& cache = tube_members_[round_id];
    if (cache.marks_version != marks_version_ || marks_version_ == 0) {
        cache.members.clear();
        for (const auto& [resident, mark] : MarksOf(round_id)) {
            if (!mark->tube.empty() && IsSampled(mark->status)) {
                cache.members[mark->tube].push_back(resident);
            }
        }
        cache.marks_version = marks_version_;
    }
    return cache;
}

std::vector<const Resident*> SamplingModel::TubeMembers(const std::string& round_id,
                                                        const std::string& number) const {
    std::vector<const Resident*> out;
    const auto& members = MembersOf(round_id).members;
    const auto it = members.find(number);
    if (it == members.end()) {
        return out;
    }
    for (const std::string& id : it->second) {
        if (const Resident* r = FindResident(id)) {
            out.push_back(r);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const Resident* a, const Resident* b) { return RosterOrder(*a, *b); });
    return out;
}

size_t SamplingModel::TubeCount(const std::string& round_id, const std::string& number) const {
    const auto& members = MembersOf(round_id).members;
    const auto it = members.find(number);
    return it == members.end() ? 0 : it->second.size();
}

const RoundProgress& SamplingModel::ProgressOf(const Round& round) const {
    ProgressCache& cache = progress_cache_[round.id];
    if (cache.roster_version != roster_version_ || cache.marks_version != marks_version_ ||
        cache.round_rev != round.rev) {
        cache.progress = ComputeProgress(round, ordered_, MarksOf(round.id));
        cache.roster_version = roster_version_;
        cache.marks_version = marks_version_;
        cache.round_rev = round.rev;
    }
    return cache.progress;
}

} // namespace linli
