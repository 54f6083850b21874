// Sections: the roster's households (matching chain addresses) · preview · import ·
// order actions · catalog · rounds and orders by hand.
#include "app/supplies/supplies_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.hpp"
#include "core/roster/roster.hpp"

namespace linli {

namespace {

// ------------------------------------------------------------ the roster's households

struct HouseholdIndex {
    // HouseholdKey -> the household's residents.
    std::map<std::string, std::vector<const Resident*>> households;
    // building \x1f room -> units that have that room.
    std::map<std::string, std::vector<std::string>> units_with_room;

    explicit HouseholdIndex(const std::vector<Resident>& residents) {
        for (const Resident& r : residents) {
            auto& people = households[HouseholdKey(r)];
            if (people.empty()) {
                units_with_room[r.building + "\x1f" + r.room].push_back(r.unit);
            }
            people.push_back(&r);
        }
    }

    // Fills the unit when the entry left it out and the building has one such room.
    EntryMatch Resolve(AddressParts& a) const {
        if (households.count(HouseholdKey(a.building, a.unit, a.room)) > 0) {
            return EntryMatch::Household;
        }
        if (a.unit.empty()) {
            const auto it = units_with_room.find(a.building + "\x1f" + a.room);
            if (it != units_with_room.end()) {
                if (it->second.size() > 1) {
                    return EntryMatch::Ambiguous;
                }
                a.unit = it->second.front();
                return EntryMatch::Household;
            }
        }
        return EntryMatch::NotInRoster;
    }

    // The phone to call at the door: the one who ordered, else anyone of the household.
    std::string PhoneOf(const AddressParts& a, const std::string& name) const {
        const auto it = households.find(HouseholdKey(a.building, a.unit, a.room));
        if (it == households.end()) {
            return {};
        }
        for (const Resident* r : it->second) {
            if (r->name == name && !r->phone.empty()) {
                return r->phone;
            }
        }
        for (const Resident* r : it->second) {
            if (!r->phone.empty()) {
                return r->phone;
            }
        }
        return {};
    }
};

bool IsLocked(const Order& o) {
    return o.status == OrderStatus::Packed || o.status == OrderStatus::OutForDelivery ||
           o.status == OrderStatus::Delivered || o.delivery.outcome != DropOutcome::None;
}

std::string CutoffOf(const std::vector<std::string>& header_text) {
    for (const std::string& line : header_text) {
        if (line.find("截单") != std::string::npos || line.find("截止") != std::string::npos) {
            return line;
        }
    }
    return {};
}

// Quantities within the household limit and what the cap leaves; `taken` is what the
// round's other orders already take (updated with this order's lines).
std::vector<OrderLineProblem> FitLines(const OrderRound& round, std::vector<OrderLine>& lines,
                                       std::map<std::string, int>& taken) {
    std::vector<OrderLineProblem> problems;
    for (OrderLine& line : lines) {
        const Offer* offer = FindOffer(round, line.code);
        if (offer == nullptr) {
            problems.push_back({line.code, LineProblem::UnknownItem, 0});
            line.quantity = 0;
            continue;
        }
        if (offer->household_limit > 0 && line.quantity > offer->household_limit) {
            problems.push_back(
                {line.code, LineProblem::OverHouseholdLimit, offer->household_limit});
            line.quantity = offer->household_limit;
        }
        int& already = taken[line.code];
        if (offer->total_cap > 0 && already + line.quantity > offer->total_cap) {
            const int left = std::max(0, offer->total_cap - already);
            problems.push_back({line.code, LineProblem::OverTotalCap, left});
            line.quantity = left;
        }
        already += line.quantity;
    }
    std::erase_if(lines, [](const OrderLine& l) { return l.quantity <= 0; });
    return problems;
}

bool SameOrderContent(const Order& a, const Order& b) {
    return a.lines == b.lines && a.name == b.name && a.note == b.note &&
           a.in_roster == b.in_roster && a.entries == b.entries &&
           (a.status == OrderStatus::Cancelled) == (b.status == OrderStatus::Cancelled) &&
           (a.phone == b.phone || b.phone.empty());
}

} // namespace

void SuppliesService::RegisterTypes(store::SchemaRegistry& schemas) {
    RegisterSuppliesTypes(schemas);
}

size_t JielongPreview::Count(OrderChange change) const {
    return static_cast<size_t>(std::count_if(orders.begin(), orders.end(),
                                             [&](const auto& o) { return o.change == change; }));
}

size_t JielongPreview::ToWrite() const {
    return Count(OrderChange::Add) + Count(OrderChange::Update) + Count(OrderChange::Cancel);
}

// ------------------------------------------------------------------------------ preview

JielongPreview SuppliesService::PreviewJielong(std::string_view text, const std::string& round_id) {
    const SuppliesModel& model = Model();
    JielongPreview preview;
    preview.text = std::string(text);

    const OrderRound* target = round_id.empty() ? nullptr : model.FindRound(round_id);
    JielongPost post =
        ParseJielong(text, target != nullptr ? target->offers : std::vector<Offer>{});
    if (target == nullptr) {
        target = model.OpenRoundTitled(post.title);
        if (target != nullptr) {
            post = ParseJielong(text, target->offers);
        }
    }
    preview.header_text = post.header_text;
    if (target != nullptr) {
        preview.round = *target;
        if (target->state != RoundState::Open) {
            preview.error = PreviewError::RoundNotOpen;
        }
    } else {
        preview.new_round = true;
        preview.round.title = post.title;
        preview.round.offers = post.offers;
        preview.round.cutoff = CutoffOf(post.header_text);
        // Offers the catalog has are linked to it; the others are proposed as new items.
        const std::vector<const CatalogItem*> catalog = model.Items();
        for (Offer& offer : preview.round.offers) {
            if (const CatalogItem* item = MatchCatalog(offer, catalog)) {
                offer.item_id = item->id;
            }
        }
    }
    if (preview.round.offers.empty()) {
        preview.error = PreviewError::NoOffers;
    } else if (post.entries.empty() && preview.error == PreviewError::None) {
        preview.error = PreviewError::NoEntries;
    }

    // Match every entry to a household; only matched (or flagged) ones make orders.
    const HouseholdIndex roster(sampling_.Model().Residents());
    JielongPost usable = post;
    usable.entries.clear();
    std::vector<size_t> row_of_usable;
    for (JielongEntry& e : post.entries) {
        PreviewRow row;
        row.line = e.line;
        row.number = e.number;
        row.text = e.text;
        row.name = e.name;
        row.items = e.items;
        row.edit = e.edit;
        if (e.problem == JielongProblem::NoAddress) {
            row.match = EntryMatch::NoAddress;
        } else {
            row.match = roster.Resolve(e.address);
            if (row.match != EntryMatch::Ambiguous && e.problem == JielongProblem::NoItems) {
                row.match = EntryMatch::NoItems;
            }
        }
        row.building = e.address.building;
        row.unit = e.address.unit;
        row.room = e.address.room;
        if (row.match == EntryMatch::Household || row.match == EntryMatch::NotInRoster) {
            row_of_usable.push_back(preview.rows.size());
            usable.entries.push_back(e);
        }
        preview.rows.push_back(std::move(row));
    }

    // What the round's orders from elsewhere (phone, by hand, other chains) already take.
    std::map<std::string, int> taken;
    std::set<std::string> chain_ids;
    const std::vector<JielongOrder> orders = OrdersFromJielong(usable);
    if (!preview.new_round) {
        for (const JielongOrder& jo : orders) {
            chain_ids.insert(
                OrderId(preview.round.id, jo.address.building, jo.address.unit, jo.address.room));
        }
        for (const Order* o : model.OrdersOf(preview.round.id)) {
            if (chain_ids.count(o->id) == 0 && o->status != OrderStatus::Cancelled) {
                for (const OrderLine& l : o->lines) {
                    taken[l.code] += l.quantity;
                }
            }
        }
    }

    for (const JielongOrder& jo : orders) {
        PreviewOrder po;
        Order& o = po.order;
        o.round_id = preview.round.id;
        o.building = jo.address.building;
        o.unit = jo.address.unit;
        o.room = jo.address.room;
        o.name = jo.name;
        o.note = jo.note;
        o.entries = jo.entries;
        o.lines = jo.lines;
        o.phone = roster.PhoneOf(jo.address, jo.name);
        o.channel = OrderChannel::Jielong;
        const bool in_roster =
            roster.households.count(HouseholdKey(o.building, o.unit, o.room)) > 0;
        o.in_roster = in_roster;
        if (jo.cancelled) {
            o.status = OrderStatus::Cancelled; // its lines stay, for the record
        } else {
            po.problems = FitLines(preview.round, o.lines, taken);
        }
        const Order* stored = nullptr;
        if (!preview.new_round) {
            o.id = OrderId(preview.round.id, o.building, o.unit, o.room);
            stored = model.FindOrder(o.id);
        }
        if (stored != nullptr) {
            o.rev = stored->rev;
            if (SameOrderContent(*stored, o)) {
                po.change = OrderChange::Unchanged;
            } else if (IsLocked(*stored)) {
                po.change = OrderChange::Locked; // packed or at the door: a person decides
            } else {
                po.change = jo.cancelled ? OrderChange::Cancel : OrderChange::Update;
            }
        } else if (jo.cancelled || o.lines.empty()) {
            continue; // nothing to write: cancelled before it was imported, or all cut
        } else {
            po.change = OrderChange::Add;
        }
        const int index = static_cast<int>(preview.orders.size());
        for (size_t r : row_of_usable) {
            PreviewRow& row = preview.rows[r];
            if (row.building == o.building && row.unit == o.unit && row.room == o.room) {
                row.order = index;
            }
        }
        preview.orders.push_back(std::move(po));
    }
    for (const PreviewRow& row : preview.rows) {
        if (row.order < 0 && row.match != EntryMatch::Household &&
            row.match != EntryMatch::NotInRoster) {
            ++preview.unrecognised;
        }
    }
    return preview;
}

// ------------------------------------------------------------------------------- import

Outcome SuppliesService::ImportJielong(const JielongPreview& preview, int64_t now_ms) {
    Outcome out;
    if (preview.error != PreviewError::None || preview.ToWrite() == 0) {
        out.error = store::EditError::Invalid;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    std::string round_id = preview.round.id;
    if (preview.new_round) {
        OrderRound round = preview.round;
        round_id = writer_.Ids().Make("order_round", now_ms);
        round.created_at = now_ms;
        for (Offer& offer : round.offers) {
            if (offer.item_id.empty()) {
                CatalogItem item;
                item.name = offer.name.empty() ? offer.code : offer.name;
                item.spec = offer.spec;
                item.unit = offer.unit;
                item.price = offer.price;
                item.aliases = offer.code != item.name ? offer.code : std::string();
                offer.item_id = writer_.Ids().Make("catalog_item", now_ms);
                results.push_back(writer_.Store().Put(offer.item_id, CatalogItemBody(item), ""));
            }
        }
        results.push_back(writer_.Store().Put(round_id, OrderRoundBody(round), ""));
    }
    for (const PreviewOrder& po : preview.orders) {
        if (po.change == OrderChange::Unchanged || po.change == OrderChange::Locked) {
            continue;
        }
        Order o = po.order;
        o.round_id = round_id;
        o.id = OrderId(round_id, o.building, o.unit, o.room);
        o.updated_at = now_ms;
        store::Json body = OrderBody(o);
        if (const store::Document* doc = writer_.Live(o.id); doc != nullptr) {
            // Keep what the chain does not say: payment, volunteer, delivery, status.
            const Order stored = OrderFromDoc(*doc);
            Order merged = stored;
            merged.lines = o.lines;
            merged.name = o.name;
            merged.note = o.note;
            merged.entries = o.entries;
            merged.in_roster = o.in_roster;
            if (!o.phone.empty()) {
                merged.phone = o.phone;
            }
            if (o.status == OrderStatus::Cancelled) {
                merged.status = OrderStatus::Cancelled;
            } else if (stored.status == OrderStatus::Cancelled) {
                merged.status = OrderStatus::New; // ordered again after a cancellation
            }
            merged.updated_at = now_ms;
            body = doc->body; // fields of a newer app stay
            store::OverlayFields(body, OrderBody(merged));
        }
        results.push_back(writer_.Store().Put(o.id, std::move(body), po.order.rev));
    }
    out = writer_.Commit(std::move(results));
    if (out.ok) {
        out.id = round_id;
    }
    return out;
}

// ------------------------------------------------------------------------ order actions

Outcome SuppliesService::UpdateRound(const OrderRound& edited) {
    Outcome out;
    const store::Document* doc = writer_.Live(edited.id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    OrderRound round = edited;
    round.created_at = OrderRoundFromDoc(*doc).created_at;
    store::Json body = doc->body;
    store::OverlayFields(body, OrderRoundBody(round));
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(edited.id, std::move(body), edited.rev));
    out = writer_.Commit(std::move(results));
    out.id = edited.id;
    return out;
}

Outcome SuppliesService::SetRoundState(const std::string& round_id, RoundState state) {
    Outcome out;
    const store::Document* doc = writer_.Live(round_id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    store::Json body = doc->body;
    body["state"] = RoundStateKey(state);
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(round_id, std::move(body), doc->rev));
    return writer_.Commit(std::move(results));
}

Outcome SuppliesService::EditOrder(const std::string& order_id, int64_t now_ms,
                                   const std::function<void(Order&)>& change) {
    Outcome out;
    const store::Document* doc = writer_.Live(order_id);
    if (doc == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Order order = OrderFromDoc(*doc);
    change(order);
    order.updated_at = now_ms;
    store::Json body = doc->body;
    store::OverlayFields(body, OrderBody(order));
    if (order.delivery.outcome == DropOutcome::None) {
        body.erase("delivery");
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(order_id, std::move(body), doc->rev));
    out = writer_.Commit(std::move(results));
    out.id = order_id;
    return out;
}

Outcome SuppliesService::SetOrderStatus(const std::string& order_id, OrderStatus status,
                                        int64_t now_ms) {
    return EditOrder(order_id, now_ms, [&](Order& o) { o.status = status; });
}

Outcome SuppliesService::SetPayment(const std::string& order_id, Payment payment, Fen received,
                                    int64_t now_ms) {
    return EditOrder(order_id, now_ms, [&](Order& o) {
        o.payment = payment;
        o.received = std::max<Fen>(0, received);
    });
}

Outcome SuppliesService::MarkDrop(const std::string& order_id, DropOutcome outcome, Fen cash,
                                  std::string_view note, std::string_view by, int64_t now_ms,
                                  const std::vector<OrderLine>& delivered) {
    // What was handed over, when it differs from the order: one quantity per ordered line,
    // never more than ordered; the same as ordered is stored as nothing.
    std::vector<OrderLine> handed;
    if (const Order* order = Model().FindOrder(order_id); order != nullptr && !delivered.empty()) {
        bool same = true;
        for (const OrderLine& ordered : order->lines) {
            int q = ordered.quantity;
            for (const OrderLine& d : delivered) {
                q = d.code == ordered.code ? d.quantity : q;
            }
            if (q < 0 || q > ordered.quantity) {
                Outcome out;
                out.problems.Add(OrderProblem::OverLimit);
                return out;
            }
            same = same && q == ordered.quantity;
            handed.push_back({ordered.code, q});
        }
        if (same) {
            handed.clear();
        }
    }
    return EditOrder(order_id, now_ms, [&](Order& o) {
        o.delivery.outcome = outcome;
        o.delivery.at = outcome == DropOutcome::None ? 0 : now_ms;
        o.delivery.by = outcome == DropOutcome::None ? std::string() : std::string(by);
        o.delivery.cash = outcome == DropOutcome::None ? 0 : std::max<Fen>(0, cash);
        o.delivery.delivered = outcome == DropOutcome::None ? std::vector<OrderLine>{} : handed;
        o.delivery.note = std::string(note);
        if (outcome == DropOutcome::None) {
            o.status = OrderStatus::Confirmed;
        } else {
            o.status = IsDropDone(outcome) ? OrderStatus::Delivered : OrderStatus::Problem;
        }
    });
}

// ------------------------------------------------------------------------------ catalog

Outcome SuppliesService::SaveCatalogItem(const CatalogItem& edited, int64_t now_ms) {
    Outcome out;
    CatalogItem item = edited;
    item.name = TrimSpaces(item.name);
    out.problems.AddAll(CheckCatalogItem(item));
    if (!out.problems.empty()) {
        return out;
    }
    std::string id = item.id;
    store::Json body = CatalogItemBody(item);
    if (id.empty()) {
        id = writer_.Ids().Make("catalog_item", now_ms);
    } else if (const store::Document* doc = writer_.Live(id); doc != nullptr) {
        store::Json merged = doc->body;
        store::OverlayFields(merged, body);
        body = std::move(merged);
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(id, std::move(body), item.rev));
    out = writer_.Commit(std::move(results));
    out.id = id;
    return out;
}

CatalogImportPreview SuppliesService::PreviewCatalogImport(const std::vector<CsvRow>& rows) {
    CatalogImportPreview preview;
    size_t header = rows.size();
    for (size_t i = 0; i < rows.size() && i < 20; ++i) {
        if (LooksLikeCatalogHeader(rows[i].cells)) {
            header = i;
            break;
        }
    }
    if (header == rows.size()) {
        preview.error = CatalogImportError::NoHeader;
        return preview;
    }
    preview.header_line = rows[header].line;
    preview.mapping = GuessCatalogMapping(rows[header].cells);
    std::vector<std::vector<std::string>> cells;
    std::vector<size_t> lines;
    for (size_t i = header + 1; i < rows.size(); ++i) {
        cells.push_back(rows[i].cells);
        lines.push_back(rows[i].line);
    }
    const std::vector<const CatalogItem*> catalog = Model().Items();
    for (CatalogRow& row : CatalogRowsFrom(cells, lines, preview.mapping)) {
        CatalogImportRow r;
        r.existing = SameCatalogItem(row.item, catalog);
        if (!row.problems.empty()) {
            ++preview.with_problems;
        } else if (r.existing == nullptr) {
            ++preview.adds;
        } else {
            CatalogItem same = row.item;
            same.id = r.existing->id;
            same.rev = r.existing->rev;
            same.active = r.existing->active;
            if (same.aliases.empty()) {
                same.aliases = r.existing->aliases;
            }
            if (same.category.empty()) {
                same.category = r.existing->category;
            }
            row.item = same;
            r.changed = !(same == *r.existing);
            ++(r.changed ? preview.updates : preview.unchanged);
        }
        r.row = std::move(row);
        preview.rows.push_back(std::move(r));
    }
    if (preview.rows.empty()) {
        preview.error = CatalogImportError::NoRows;
    }
    return preview;
}

Outcome SuppliesService::ImportCatalog(const CatalogImportPreview& preview, int64_t now_ms) {
    Outcome out;
    if (preview.error != CatalogImportError::None || preview.ToWrite() == 0) {
        out.error = store::EditError::Invalid;
        return out;
    }
    std::vector<store::Result<store::Change>> results;
    for (const CatalogImportRow& r : preview.rows) {
        if (!r.row.problems.empty() || !r.changed) {
            continue;
        }
        if (r.existing == nullptr) {
            const std::string id = writer_.Ids().Make("catalog_item", now_ms);
            results.push_back(writer_.Store().Put(id, CatalogItemBody(r.row.item), ""));
        } else {
            const store::Document* doc = writer_.Live(r.row.item.id);
            store::Json body = doc != nullptr ? doc->body : store::Json::object();
            store::OverlayFields(body, CatalogItemBody(r.row.item));
            results.push_back(writer_.Store().Put(r.row.item.id, std::move(body), r.row.item.rev));
        }
    }
    return writer_.Commit(std::move(results));
}

// ------------------------------------------------------------- rounds and orders by hand

Outcome SuppliesService::CreateRound(const OrderRound& edited, int64_t now_ms) {
    Outcome out;
    OrderRound round = edited;
    round.title = TrimSpaces(round.title);
    if (round.title.empty()) {
        out.problems.Add(RoundProblem::TitleMissing);
    }
    if (round.offers.empty()) {
        out.problems.Add(RoundProblem::NoOffers);
    }
    std::set<std::string> codes;
    for (const Offer& o : round.offers) {
        if (!codes.insert(o.code).second && !out.problems.Has(RoundProblem::OfferCodeRepeated)) {
            out.problems.Add(RoundProblem::OfferCodeRepeated);
        }
        if (o.price <= 0 && !out.problems.Has(RoundProblem::OfferPriceMissing)) {
            out.problems.Add(RoundProblem::OfferPriceMissing);
        }
    }
    if (!out.problems.empty()) {
        return out;
    }
    const std::string id = writer_.Ids().Make("order_round", now_ms);
    round.state = RoundState::Open;
    round.created_at = now_ms;
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(id, OrderRoundBody(round), ""));
    out = writer_.Commit(std::move(results));
    out.id = id;
    return out;
}

Outcome SuppliesService::SaveOrder(const Order& edited, int64_t now_ms) {
    Outcome out;
    const SuppliesModel& model = Model();
    const OrderRound* round = model.FindRound(edited.round_id);
    if (round == nullptr) {
        out.error = store::EditError::NotFound;
        return out;
    }
    Order order = edited;
    order.building = NormalizeBuilding(order.building);
    order.unit = NormalizeUnit(order.unit);
    order.room = NormalizeRoom(order.room);
    if (round->state != RoundState::Open) {
        out.problems.Add(OrderProblem::RoundNotOpen);
    }
    if (order.building.empty() || order.room.empty()) {
        out.problems.Add(OrderProblem::NoAddress);
    }
    std::vector<OrderLine> lines;
    for (const OrderLine& l : order.lines) {
        if (l.quantity > 0) {
            lines.push_back(l);
        }
    }
    order.lines = lines;
    if (lines.empty() && order.status != OrderStatus::Cancelled) {
        out.problems.Add(OrderProblem::NoLines);
    }
    order.id = OrderId(round->id, order.building, order.unit, order.room);
    std::vector<OrderLine> taken;
    for (const Order* o : model.OrdersOf(round->id)) {
        if (o->id != order.id && o->status != OrderStatus::Cancelled) {
            taken.insert(taken.end(), o->lines.begin(), o->lines.end());
        }
    }
    for (const OrderLineProblem& p : CheckOrderLines(*round, order, taken)) {
        const OrderProblem op = p.problem == LineProblem::OverTotalCap ? OrderProblem::OverCap
                                                                       : OrderProblem::OverLimit;
        if (!out.problems.Has(op)) {
            out.problems.Add(op);
        }
    }
    if (!out.problems.empty()) {
        return out;
    }
    bool in_roster = false;
    for (const Resident& r : sampling_.Model().Residents()) {
        if (r.building == order.building && r.unit == order.unit && r.room == order.room) {
            in_roster = true;
            break;
        }
    }
    order.in_roster = in_roster;
    order.updated_at = now_ms;
    store::Json body = OrderBody(order);
    std::string rev;
    if (const store::Document* doc = writer_.Live(order.id); doc != nullptr) {
        const Order stored = OrderFromDoc(*doc);
        Order merged = order;
        merged.delivery = stored.delivery; // the door's record stays
        merged.entries = stored.entries;
        body = doc->body;
        store::OverlayFields(body, OrderBody(merged));
        rev = edited.rev.empty() ? doc->rev : edited.rev; // a form on an old copy is stale
    }
    std::vector<store::Result<store::Change>> results;
    results.push_back(writer_.Store().Put(order.id, std::move(body), rev));
    out = writer_.Commit(std::move(results));
    out.id = order.id;
    return out;
}

std::vector<HouseholdToCall> SuppliesService::CallingList(const std::string& round_id) {
    const SuppliesModel& model = Model();
    const OrderRound* round = model.FindRound(round_id);
    if (round == nullptr) {
        return {};
    }
    const SamplingModel& roster = sampling_.Model();
    return HouseholdsToCall(*round, model.OrdersOf(round_id), roster.Residents(),
                            [&](const std::string& b) { return roster.LevelOf(b); });
}

} // namespace linli
