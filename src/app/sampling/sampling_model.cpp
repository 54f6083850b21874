#include "app/sampling/sampling_model.hpp"

#include <algorithm>

namespace linli {

using store::StringField;

SamplingModel::SamplingModel() {
    projection_.On("resident", [this](const store::Document& doc) {
        if (doc.deleted) {
            residents_.erase(doc.id);
        } else {
            residents_[doc.id] = ResidentFromDoc(doc);
        }
    });
    projection_.On("building", [this](const store::Document& doc) {
        const std::string name = StringField(doc.body, "name");
        std::erase_if(building_docs_, [&](const auto& kv) { return kv.second.id == doc.id; });
        if (!doc.deleted && !name.empty()) {
            building_docs_[name] = BuildingFromDoc(doc);
        }
    });
    projection_.On("round", [this](const store::Document& doc) {
        if (doc.deleted) {
            rounds_.erase(doc.id);
        } else {
            rounds_[doc.id] = RoundFromDoc(doc);
        }
    });
    projection_.On("mark", [this](const store::Document& doc) {
        if (const auto old = marks_.find(doc.id); old != marks_.end()) {
            marks_by_round_[old->second.round_id].erase(old->second.resident_id);
            if (doc.deleted) {
                marks_.erase(old);
            }
        }
        if (!doc.deleted) {
            Mark& m = marks_[doc.id];
            m = MarkFromDoc(doc);
            marks_by_round_[m.round_id][m.resident_id] = &m;
        }
    });
    projection_.On("tube", [this](const store::Document& doc) {
        if (doc.deleted) {
            tubes_.erase(doc.id);
        } else {
            tubes_[doc.id] = TubeFromDoc(doc);
        }
    });
}

void SamplingModel::Refresh(const store::DocumentStore& store) {
    const store::Projection::Changed changed = projection_.Refresh(store);
    if (changed.Has("resident") || changed.Has("building")) {
        ++roster_version_;
        RebuildOrder();
    }
    if (changed.Has("round") || changed.Has("mark") || changed.Has("tube")) {
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
