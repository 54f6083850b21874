// Sampling documents: their ids (one rule per type, here) and their bodies <-> the
// core's structs. Unknown keys from a newer app read as the first value and never throw.
#include "app/sampling/sampling_docs.hpp"

#include "base/hash.hpp"
#include "store/ids.hpp"

namespace linli {

using store::BoolField;
using store::EnumFromKey;
using store::IntField;
using store::Json;
using store::StringField;

namespace {

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

std::string ImportedResidentId(const Resident& r) {
    // The seed is a digit short of FNV's offset basis; kept, since residents stored on
    // devices have ids made with it.
    constexpr uint64_t kResidentIdSeed = 1469598103934665603ull;
    return "resident:i" +
           store::Base36(Fnv1a64(HouseholdKey(r) + "\x1f" + r.name, kResidentIdSeed), 13);
}

std::string BuildingId(std::string_view name) {
    return "building:" + std::string(name);
}

std::string MarkId(std::string_view round_id, std::string_view resident_id) {
    // Deterministic, so two phones marking the same person update one document (and a
    // disagreement becomes a visible conflict) instead of making two.
    return "mark:" + std::string(round_id) + "|" + std::string(resident_id);
}

std::string TubeId(std::string_view round_id, std::string_view number) {
    return "tube:" + std::string(round_id) + "|" + std::string(number);
}

void RegisterSamplingTypes(store::SchemaRegistry& schemas) {
    for (const char* type : {"resident", "building", "round", "mark", "tube"}) {
        schemas.Register(type, {}); // version 1
    }
}

} // namespace linli
