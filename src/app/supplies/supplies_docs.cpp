// Supply documents <-> the core's structs. Unknown keys from a newer app read as the
// first value and never throw.
#include "app/supplies/supplies_docs.hpp"

namespace linli {

using store::BoolField;
using store::EnumFromKey;
using store::IntField;
using store::Json;
using store::StringField;

namespace {

std::vector<std::string> StringList(const Json& obj, std::string_view key) {
    std::vector<std::string> out;
    if (!obj.is_object()) {
        return out;
    }
    if (const auto it = obj.find(key); it != obj.end() && it->is_array()) {
        for (const Json& s : *it) {
            if (s.is_string()) {
                out.push_back(s.get<std::string>());
            }
        }
    }
    return out;
}

int Quantity(int64_t q) {
    return static_cast<int>(std::clamp<int64_t>(q, 0, 1'000'000));
}

} // namespace

std::string OrderId(std::string_view round_id, std::string_view building, std::string_view unit,
                    std::string_view room) {
    std::string id = "order:";
    id += round_id;
    id += '|';
    id += building;
    id += '|';
    id += unit;
    id += '|';
    id += room;
    return id;
}

void RegisterSuppliesTypes(store::SchemaRegistry& schemas) {
    schemas.Register("order_round", {});  // version 1
    schemas.Register("order", {});        // version 1
    schemas.Register("catalog_item", {}); // version 1
}

const char* RoundStateKey(RoundState s) {
    switch (s) {
    case RoundState::Open:
        return "open";
    case RoundState::Closed:
        return "closed";
    case RoundState::Ordered:
        return "ordered";
    case RoundState::Delivering:
        return "delivering";
    case RoundState::Done:
        return "done";
    }
    return "open";
}

const char* OrderChannelKey(OrderChannel c) {
    switch (c) {
    case OrderChannel::Jielong:
        return "jielong";
    case OrderChannel::Phone:
        return "phone";
    case OrderChannel::InPerson:
        return "in_person";
    case OrderChannel::OnBehalf:
        return "on_behalf";
    }
    return "jielong";
}

const char* PaymentKey(Payment p) {
    switch (p) {
    case Payment::Unpaid:
        return "unpaid";
    case Payment::Paid:
        return "paid";
    case Payment::CashOnDelivery:
        return "cod";
    case Payment::Subsidised:
        return "subsidised";
    }
    return "unpaid";
}

const char* OrderStatusKey(OrderStatus s) {
    switch (s) {
    case OrderStatus::New:
        return "new";
    case OrderStatus::Confirmed:
        return "confirmed";
    case OrderStatus::Packed:
        return "packed";
    case OrderStatus::OutForDelivery:
        return "out";
    case OrderStatus::Delivered:
        return "delivered";
    case OrderStatus::Problem:
        return "problem";
    case OrderStatus::Cancelled:
        return "cancelled";
    }
    return "new";
}

const char* DropOutcomeKey(DropOutcome d) {
    switch (d) {
    case DropOutcome::None:
        return "";
    case DropOutcome::Delivered:
        return "delivered";
    case DropOutcome::LeftAtDoor:
        return "left_at_door";
    case DropOutcome::NotHome:
        return "not_home";
    case DropOutcome::Refused:
        return "refused";
    case DropOutcome::WrongAddress:
        return "wrong_address";
    case DropOutcome::Problem:
        return "problem";
    }
    return "";
}

OrderRound OrderRoundFromDoc(const store::Document& doc) {
    OrderRound r;
    r.id = doc.id;
    r.rev = doc.rev;
    const Json& b = doc.body;
    r.title = StringField(b, "title");
    r.cutoff = StringField(b, "cutoff");
    r.delivery_date = StringField(b, "delivery_date");
    r.buildings = StringList(b, "buildings");
    r.state = EnumFromKey(StringField(b, "state"), kAllRoundStates, RoundStateKey);
    r.created_at = IntField(b, "created_at");
    if (const auto it = b.find("offers"); it != b.end() && it->is_array()) {
        for (const Json& o : *it) {
            Offer offer;
            offer.code = StringField(o, "code");
            if (offer.code.empty()) {
                continue;
            }
            offer.name = StringField(o, "name");
            offer.spec = StringField(o, "spec");
            offer.unit = StringField(o, "unit");
            offer.price = std::max<int64_t>(0, IntField(o, "price"));
            offer.household_limit = Quantity(IntField(o, "household_limit"));
            offer.total_cap = Quantity(IntField(o, "total_cap"));
            offer.item_id = StringField(o, "item");
            r.offers.push_back(std::move(offer));
        }
    }
    return r;
}

Json OrderRoundBody(const OrderRound& r) {
    Json offers = Json::array();
    for (const Offer& o : r.offers) {
        offers.push_back({{"code", o.code},
                          {"name", o.name},
                          {"spec", o.spec},
                          {"unit", o.unit},
                          {"price", o.price},
                          {"household_limit", o.household_limit},
                          {"total_cap", o.total_cap},
                          {"item", o.item_id}});
    }
    return Json{{"type", "order_round"},
                {"title", r.title},
                {"offers", offers},
                {"cutoff", r.cutoff},
                {"delivery_date", r.delivery_date},
                {"buildings", r.buildings},
                {"state", RoundStateKey(r.state)},
                {"created_at", r.created_at}};
}

Order OrderFromDoc(const store::Document& doc) {
    Order o;
    o.id = doc.id;
    o.rev = doc.rev;
    const Json& b = doc.body;
    o.round_id = StringField(b, "round");
    o.building = StringField(b, "building");
    o.unit = StringField(b, "unit");
    o.room = StringField(b, "room");
    o.name = StringField(b, "name");
    o.phone = StringField(b, "phone");
    o.in_roster = !BoolField(b, "not_in_roster");
    if (const auto it = b.find("lines"); it != b.end() && it->is_array()) {
        for (const Json& l : *it) {
            const std::string code = StringField(l, "code");
            const int q = Quantity(IntField(l, "quantity"));
            if (!code.empty() && q > 0) {
                o.lines.push_back({code, q});
            }
        }
    }
    o.channel = EnumFromKey(StringField(b, "channel"), kAllOrderChannels, OrderChannelKey);
    o.payment = EnumFromKey(StringField(b, "payment"), kAllPayments, PaymentKey);
    o.received = std::max<int64_t>(0, IntField(b, "received"));
    o.status = EnumFromKey(StringField(b, "status"), kAllOrderStatuses, OrderStatusKey);
    o.volunteer = StringField(b, "volunteer");
    o.note = StringField(b, "note");
    if (const auto it = b.find("entries"); it != b.end() && it->is_array()) {
        for (const Json& e : *it) {
            if (e.is_number_integer()) {
                o.entries.push_back(static_cast<int>(e.get<int64_t>()));
            }
        }
    }
    if (const auto it = b.find("delivery"); it != b.end() && it->is_object()) {
        o.delivery.outcome =
            EnumFromKey(StringField(*it, "outcome"), kAllDropOutcomes, DropOutcomeKey);
        o.delivery.at = IntField(*it, "at");
        o.delivery.by = StringField(*it, "by");
        o.delivery.cash = std::max<int64_t>(0, IntField(*it, "cash"));
        o.delivery.note = StringField(*it, "note");
        if (const auto d = it->find("delivered"); d != it->end() && d->is_array()) {
            for (const Json& l : *d) {
                const std::string code = StringField(l, "code");
                if (!code.empty()) {
                    o.delivery.delivered.push_back({code, Quantity(IntField(l, "quantity"))});
                }
            }
        }
    }
    o.updated_at = IntField(b, "updated_at");
    return o;
}

Json OrderBody(const Order& o) {
    Json lines = Json::array();
    for (const OrderLine& l : o.lines) {
        lines.push_back({{"code", l.code}, {"quantity", l.quantity}});
    }
    Json body{{"type", "order"},
              {"round", o.round_id},
              {"building", o.building},
              {"unit", o.unit},
              {"room", o.room},
              {"name", o.name},
              {"phone", o.phone},
              {"lines", lines},
              {"channel", OrderChannelKey(o.channel)},
              {"payment", PaymentKey(o.payment)},
              {"received", o.received},
              {"status", OrderStatusKey(o.status)},
              {"volunteer", o.volunteer},
              {"note", o.note},
              {"entries", o.entries},
              {"updated_at", o.updated_at}};
    if (!o.in_roster) {
        body["not_in_roster"] = true;
    }
    if (o.delivery.outcome != DropOutcome::None) {
        body["delivery"] = {{"outcome", DropOutcomeKey(o.delivery.outcome)},
                            {"at", o.delivery.at},
                            {"by", o.delivery.by},
                            {"cash", o.delivery.cash},
                            {"note", o.delivery.note}};
        if (!o.delivery.delivered.empty()) {
            Json delivered = Json::array();
            for (const OrderLine& l : o.delivery.delivered) {
                delivered.push_back({{"code", l.code}, {"quantity", l.quantity}});
            }
            body["delivery"]["delivered"] = delivered;
        }
    }
    return body;
}

CatalogItem CatalogItemFromDoc(const store::Document& doc) {
    CatalogItem item;
    item.id = doc.id;
    item.rev = doc.rev;
    const Json& b = doc.body;
    item.name = StringField(b, "name");
    item.spec = StringField(b, "spec");
    item.unit = StringField(b, "unit");
    item.category = StringField(b, "category");
    item.price = std::max<int64_t>(0, IntField(b, "price"));
    item.supplier = StringField(b, "supplier");
    item.supplier_phone = StringField(b, "supplier_phone");
    item.min_order = Quantity(IntField(b, "min_order"));
    item.contents = StringField(b, "contents");
    item.aliases = StringField(b, "aliases");
    item.active = !BoolField(b, "inactive");
    return item;
}

Json CatalogItemBody(const CatalogItem& item) {
    return Json{{"type", "catalog_item"},      {"name", item.name},
                {"spec", item.spec},           {"unit", item.unit},
                {"category", item.category},   {"price", item.price},
                {"supplier", item.supplier},   {"supplier_phone", item.supplier_phone},
                {"min_order", item.min_order}, {"contents", item.contents},
                {"aliases", item.aliases},     {"inactive", !item.active}};
}

} // namespace linli
