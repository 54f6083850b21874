#include "app/supplies/supplies_model.hpp"

#include <algorithm>

#include "core/roster/roster.hpp"

namespace linli {

SuppliesModel::SuppliesModel() {
    projection_.On("order_round", [this](const store::Document& doc) {
        if (doc.deleted) {
            rounds_.erase(doc.id);
        } else {
            rounds_[doc.id] = OrderRoundFromDoc(doc);
        }
    });
    projection_.On("order", [this](const store::Document& doc) {
        if (const auto old = orders_.find(doc.id); old != orders_.end()) {
            by_round_[old->second.round_id].erase(doc.id);
            if (doc.deleted) {
                orders_.erase(old);
            }
        }
        if (!doc.deleted) {
            Order& o = orders_[doc.id];
            o = OrderFromDoc(doc);
            by_round_[o.round_id][doc.id] = &o;
        }
    });
    projection_.On("catalog_item", [this](const store::Document& doc) {
        if (doc.deleted) {
            items_.erase(doc.id);
        } else {
            items_[doc.id] = CatalogItemFromDoc(doc);
        }
    });
}

void SuppliesModel::Refresh(const store::DocumentStore& store) {
    if (projection_.Refresh(store).Any()) {
        ++version_;
    }
}

std::vector<const OrderRound*> SuppliesModel::Rounds() const {
    std::vector<const OrderRound*> out;
    for (const auto& [id, r] : rounds_) {
        out.push_back(&r);
    }
    std::stable_sort(out.begin(), out.end(), [](const OrderRound* a, const OrderRound* b) {
        return a->created_at != b->created_at ? a->created_at > b->created_at : a->id > b->id;
    });
    return out;
}

const OrderRound* SuppliesModel::FindRound(const std::string& id) const {
    const auto it = rounds_.find(id);
    return it == rounds_.end() ? nullptr : &it->second;
}

const OrderRound* SuppliesModel::OpenRoundTitled(const std::string& title) const {
    if (title.empty()) {
        return nullptr;
    }
    for (const OrderRound* r : Rounds()) {
        if (r->state == RoundState::Open && r->title == title) {
            return r;
        }
    }
    return nullptr;
}

std::vector<const Order*> SuppliesModel::OrdersOf(const std::string& round_id) const {
    std::vector<const Order*> out;
    if (const auto it = by_round_.find(round_id); it != by_round_.end()) {
        for (const auto& [id, o] : it->second) {
            out.push_back(o);
        }
    }
    return out;
}

const Order* SuppliesModel::FindOrder(const std::string& id) const {
    const auto it = orders_.find(id);
    return it == orders_.end() ? nullptr : &it->second;
}

std::vector<const CatalogItem*> SuppliesModel::Items() const {
    std::vector<const CatalogItem*> out;
    for (const auto& [id, item] : items_) {
        out.push_back(&item);
    }
    std::stable_sort(out.begin(), out.end(), [](const CatalogItem* a, const CatalogItem* b) {
        if (a->category != b->category) {
            return NaturalLess(a->category, b->category);
        }
        return NaturalLess(a->name, b->name);
    });
    return out;
}

const CatalogItem* SuppliesModel::FindItem(const std::string& id) const {
    const auto it = items_.find(id);
    return it == items_.end() ? nullptr : &it->second;
}

} // namespace linli
