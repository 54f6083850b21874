// Sections: the generated community · loading · removing.
#include "app/sample/sample_data.hpp"

#include <set>

#include "app/sampling/sampling_docs.hpp"
#include "app/supplies/supplies_docs.hpp"
#include "base/civil_date.hpp"

namespace linli {

namespace {

// ----------------------------------------------------------- the generated community

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                     "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
constexpr const char* kGiven[] = {"建国", "秀英", "桂兰", "志强", "丽娟", "文博", "佳怡", "子涵",
                                  "海燕", "国平", "春梅", "浩然", "雨桐", "德胜", "淑珍", "梓萱"};

// A small deterministic generator: the same sample on every device and run.
struct Lcg {
    uint32_t state = 20221202;
    uint32_t Next() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
    uint32_t Below(uint32_t n) { return Next() % n; }
};

std::vector<Resident> SampleResidents() {
    std::vector<Resident> out;
    Lcg rng;
    for (int building = 1; building <= 3; ++building) {
        for (int unit = 1; unit <= 2; ++unit) {
            for (int floor = 1; floor <= 6; ++floor) {
                for (int door = 1; door <= 2; ++door) {
                    const std::string room = std::to_string(floor * 100 + door);
                    const int people = 1 + static_cast<int>(rng.Below(3));
                    const std::string surname = kSurnames[rng.Below(20)];
                    for (int p = 0; p < people; ++p) {
                        Resident r;
                        r.building = std::to_string(building);
                        r.unit = std::to_string(unit);
                        r.room = room;
                        r.name = (p == 1 ? std::string(kSurnames[rng.Below(20)]) : surname) +
                                 kGiven[rng.Below(16)];
                        r.phone = "1380000" + std::to_string(building) + std::to_string(unit) +
                                  room.substr(0, room.size() - 2) + room.substr(room.size() - 1);
                        while (r.phone.size() < 11) {
                            r.phone += std::to_string(p);
                        }
                        r.birth_year = 1940 + static_cast<int>(rng.Below(75));
                        r.relation = p == 0 ? "户主" : (p == 1 ? "配偶" : "子女");
                        if (people == 1 && r.birth_year < 1960) {
                            r.flags |= kFlagLivesAlone;
                            r.note = "独居，上门前先打电话";
                        }
                        if (rng.Below(9) == 0) {
                            r.flags |= kFlagChronic;
                        }
                        if (rng.Below(25) == 0) {
                            r.flags |= kFlagBedridden;
                        }
                        out.push_back(std::move(r));
                    }
                }
            }
        }
    }
    return out;
}

CatalogItem Item(const char* name, const char* spec, const char* unit, const char* category,
                 Fen price, const char* supplier, const char* phone, int min_order,
                 const char* contents, const char* aliases) {
    CatalogItem i;
    i.name = name;
    i.spec = spec;
    i.unit = unit;
    i.category = category;
    i.price = price;
    i.supplier = supplier;
    i.supplier_phone = phone;
    i.min_order = min_order;
    i.contents = contents;
    i.aliases = aliases;
    return i;
}

std::string DateOf(int64_t ms) {
    // UTC calendar date from Unix ms.
    const CivilDate date = CivilFromDays(ms / 86'400'000);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

} // namespace

void SampleData::RegisterTypes(store::SchemaRegistry& schemas) {
    schemas.Register("sample_manifest", {}); // version 1
}

bool SampleData::Present() const {
    return writer_.Live(kSampleManifestId) != nullptr;
}

// ------------------------------------------------------------------------------ loading

Outcome SampleData::Load(int64_t now_ms, SampleSummary* summary) {
    Outcome refused;
    if (Present() || !sampling_.Model().Residents().empty()) {
        refused.error = store::EditError::Conflict; // only into an empty roster
        return refused;
    }
    std::vector<std::string> made;
    auto keep = [&](const Outcome& out) {
        if (out.ok && !out.id.empty()) {
            made.push_back(out.id);
        }
        return out.ok;
    };

    const std::vector<Resident> residents = SampleResidents();
    if (!sampling_.ImportResidents(residents).ok) {
        return refused;
    }
    for (const Resident& r : residents) {
        made.push_back(ImportedResidentId(r));
    }
    for (const char* b : {"1", "2", "3"}) {
        made.push_back(BuildingId(b));
    }
    sampling_.SetBuildingLevel("2", ControlLevel::Sealed);

    // A testing round today, half of the first building sampled in tubes of 10.
    Round round;
    round.date = DateOf(now_ms + 8 * 3'600'000); // Beijing time
    round.pool_size = 10;
    round.sites = {{"东门广场", "08:00-11:00"}};
    const Outcome made_round = sampling_.CreateRound(round, now_ms);
    if (keep(made_round)) {
        const std::string& round_id = made_round.id;
        int tube = 0;
        int in_tube = 10;
        size_t n = 0;
        for (const Resident& r : sampling_.Model().Residents()) {
            if (r.building != "1" || ++n % 2 == 0) {
                continue;
            }
            if (in_tube == 10) {
                const std::string number = "S" + std::to_string(++tube);
                if (sampling_.OpenTube(round_id, number, now_ms).ok) {
                    made.push_back(TubeId(round_id, number));
                }
                in_tube = 0;
            }
            const std::string id = ImportedResidentId(r);
            if (sampling_.MarkResident(round_id, id, MarkStatus::Sampled, now_ms).ok) {
                made.push_back(MarkId(round_id, id));
                ++in_tube;
            }
        }
    }

    // A catalog from two suppliers, and an open group buy with orders.
    const CatalogItem items[] = {
        Item("蔬菜包", "约6斤", "份", "蔬菜", 3990, "绿源农场", "13700000001", 40,
             "土豆、白菜、胡萝卜、洋葱", "1号"),
        Item("肉蛋包", "猪肉1斤+鸡蛋15枚", "份", "肉蛋", 6900, "绿源农场", "13700000001", 20, "",
             "2号"),
        Item("牛奶", "24盒", "箱", "乳品", 5900, "康源乳业", "13700000002", 10, "", "3号"),
        Item("东北大米", "10kg", "袋", "粮油", 6500, "康源乳业", "13700000002", 10, "", "4号"),
        Item("婴儿奶粉", "800g", "罐", "婴幼儿", 25800, "康源乳业", "13700000002", 0, "", "5号"),
    };
    OrderRound group;
    group.title = "幸福里 第1期 保供团购（示例）";
    group.cutoff = "明晚9点截单";
    group.delivery_date = DateOf(now_ms + 8 * 3'600'000 + 86'400'000);
    for (const CatalogItem& item : items) {
        const Outcome out = supplies_.SaveCatalogItem(item, now_ms);
        if (keep(out)) {
            CatalogItem stored = item;
            stored.id = out.id;
            Offer offer = OfferFromCatalog(stored);
            offer.household_limit = item.name == std::string("牛奶") ? 2 : 0;
            group.offers.push_back(std::move(offer));
        }
    }
    const Outcome made_group = supplies_.CreateRound(group, now_ms);
    size_t orders = 0;
    if (keep(made_group)) {
        Lcg rng;
        std::set<std::string> households;
        for (const Resident& r : sampling_.Model().Residents()) {
            const std::string key = HouseholdKey(r);
            if (!households.insert(key).second || rng.Below(3) == 0) {
                continue;
            }
            Order o;
            o.round_id = made_group.id;
            o.building = r.building;
            o.unit = r.unit;
            o.room = r.room;
            o.name = r.name;
            o.phone = r.phone;
            o.note = r.note;
            // Buildings 1 and 2 have a delivery volunteer each; building 3 has none yet.
            o.volunteer = r.building == "1" ? "小李" : (r.building == "2" ? "小王" : "");
            o.channel =
                (r.flags & kFlagLivesAlone) != 0 ? OrderChannel::OnBehalf : OrderChannel::Jielong;
            o.payment = rng.Below(2) == 0 ? Payment::Paid : Payment::CashOnDelivery;
            o.lines.push_back({group.offers[0].code, 1 + static_cast<int>(rng.Below(2))});
            if (rng.Below(2) == 0) {
                o.lines.push_back({group.offers[2].code, 1});
            }
            const Outcome out = supplies_.SaveOrder(o, now_ms);
            if (keep(out)) {
                ++orders;
                if (r.building == "1" && r.unit == "1" && orders % 2 == 0) {
                    const Fen cash =
                        o.payment == Payment::CashOnDelivery
                            ? OrderTotal(*supplies_.Model().FindRound(made_group.id), o)
                            : 0;
                    supplies_.MarkDrop(out.id, DropOutcome::Delivered, cash, "", "小李", now_ms);
                }
            }
        }
    }

    // Two medicine requests: someone with a chronic illness, someone living alone.
    bool chronic_done = false, alone_done = false;
    for (const Resident& r : sampling_.Model().Residents()) {
        const bool chronic = (r.flags & kFlagChronic) != 0 && !chronic_done;
        const bool alone = (r.flags & kFlagLivesAlone) != 0 && !alone_done && !chronic;
        if (!chronic && !alone) {
            continue;
        }
        MedicineRequest request;
        request.resident_id = ImportedResidentId(r);
        request.drug = chronic ? "硝苯地平控释片" : "布洛芬缓释胶囊";
        request.dose_note = chronic ? "30mg 每日一次，一个月的量" : "发烧时吃，一盒";
        request.needs_medical_card = chronic;
        request.urgency = chronic ? Urgency::Today : Urgency::Now;
        if (keep(medicine_.Create(request, now_ms))) {
            (chronic ? chronic_done : alone_done) = true;
        }
        if (chronic_done && alone_done) {
            break;
        }
    }

    store::Json ids = store::Json::array();
    for (const std::string& id : made) {
        ids.push_back(id);
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(
        kSampleManifestId, store::Json{{"type", "sample_manifest"}, {"ids", ids}}, ""));
    Outcome out = writer_.Commit(std::move(results));
    out.id = kSampleManifestId;
    if (summary != nullptr) {
        summary->residents = residents.size();
        summary->orders = orders;
        summary->items = std::size(items);
        summary->buildings = 3;
    }
    return out;
}

// ----------------------------------------------------------------------------- removing

Outcome SampleData::Remove() {
    Outcome out;
    const store::Document* manifest = writer_.Live(kSampleManifestId);
    if (manifest == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    std::set<std::string> seen;
    if (const auto it = manifest->body.find("ids"); it != manifest->body.end() && it->is_array()) {
        for (const store::Json& id : *it) {
            if (!id.is_string() || !seen.insert(id.get<std::string>()).second) {
                continue;
            }
            const std::string doc_id = id.get<std::string>();
            if (const store::Document* doc = writer_.Live(doc_id)) {
                results.push_back(writer_.Store().Remove(doc_id, doc->rev));
            }
        }
    }
    // Requests and checks recorded since for the sample's residents go with them.
    const MedicineModel& medicine = medicine_.Model();
    for (const MedicineRequest* r : medicine.Requests()) {
        if (seen.count(r->resident_id) > 0 && seen.insert(r->id).second) {
            if (const store::Document* doc = writer_.Live(r->id)) {
                results.push_back(writer_.Store().Remove(r->id, doc->rev));
            }
        }
    }
    for (const std::string& resident : medicine.Asked()) {
        const MedicineCheck* check = medicine.FindCheck(resident);
        if (check != nullptr && seen.count(resident) > 0 && seen.insert(check->id).second) {
            if (const store::Document* doc = writer_.Live(check->id)) {
                results.push_back(writer_.Store().Remove(check->id, doc->rev));
            }
        }
    }
    results.push_back(writer_.Store().Remove(kSampleManifestId, manifest->rev));
    return writer_.Commit(std::move(results));
}

} // namespace linli
