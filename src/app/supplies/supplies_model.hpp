#pragma once
// Rounds and orders as the screens read them, kept up to date from the store's change
// sequence through one projection (only documents changed since the last refresh are
// converted).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/supplies/supplies_docs.hpp"
#include "store/projection.hpp"
#include "store/store.hpp"

namespace linli {

class SuppliesModel {
  public:
    SuppliesModel();
    SuppliesModel(const SuppliesModel&) = delete; // the projection's handlers point here
    SuppliesModel& operator=(const SuppliesModel&) = delete;

    void Refresh(const store::DocumentStore& store);
    // Bumped whenever a round or an order changes.
    uint64_t Version() const { return version_; }

    // Newest first.
    std::vector<const OrderRound*> Rounds() const;
    const OrderRound* FindRound(const std::string& id) const;
    // An open round with this title (a chain posted again), or nullptr.
    const OrderRound* OpenRoundTitled(const std::string& title) const;
    // A round's orders, cancelled ones included, in id order.
    std::vector<const Order*> OrdersOf(const std::string& round_id) const;
    const Order* FindOrder(const std::string& id) const;
    // The catalog by category, then name (inactive items included).
    std::vector<const CatalogItem*> Items() const;
    const CatalogItem* FindItem(const std::string& id) const;

  private:
    store::Projection projection_;
    std::map<std::string, OrderRound> rounds_;
    std::map<std::string, Order> orders_;
    std::map<std::string, CatalogItem> items_;
    std::map<std::string, std::map<std::string, const Order*>> by_round_;
    uint64_t version_ = 0;
};

} // namespace linli
