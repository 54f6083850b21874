#pragma once
// FlatMap: the object type of the store's JSON (store/document.hpp). A sorted vector of
// key/value pairs with std::map's meaning (unique keys, kept sorted, so dump() stays
// canonical and equal objects compare equal), but one allocation per object instead of
// one tree node per key: 30,000 residents' bodies take about half the memory, and parsing
// our own dumps (keys already sorted) appends instead of rebalancing a tree.
//
// It offers what nlohmann::basic_json asks of its ObjectType (emplace, find, at,
// operator[], erase, insert, count and the vector's iteration), with transparent lookups
// (std::less<>), so json.find(std::string_view) works as with std::map.
#include <algorithm>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace linli::store {

template <class Key, class T, class IgnoredLess = std::less<>,
          class Allocator = std::allocator<std::pair<const Key, T>>>
class FlatMap : public std::vector<std::pair<const Key, T>, Allocator> {
  public:
    using key_type = Key;
    using mapped_type = T;
    using Container = std::vector<std::pair<const Key, T>, Allocator>;
    using iterator = typename Container::iterator;
    using const_iterator = typename Container::const_iterator;
    using size_type = typename Container::size_type;
    using value_type = typename Container::value_type;
    using key_compare = std::less<>;

    FlatMap() noexcept(noexcept(Container())) : Container{} {}
    explicit FlatMap(const Allocator& alloc) : Container{alloc} {}
    template <class It>
    FlatMap(It first, It last, const Allocator& alloc = Allocator()) : Container{alloc} {
        insert(first, last);
    }
    FlatMap(std::initializer_list<value_type> init, const Allocator& alloc = Allocator())
        : Container{alloc} {
        insert(init.begin(), init.end());
    }

    template <class K, class... Args> std::pair<iterator, bool> emplace(K&& key, Args&&... args) {
        // Appending is the common case: parsing a dump, whose keys come sorted.
        if (this->empty() || Less(this->back().first, key)) {
            Append(std::forward<K>(key), std::forward<Args>(args)...);
            return {std::prev(this->end()), true};
        }
        const auto at = LowerBound(key);
        if (at != this->end() && !Less(key, at->first)) {
            return {at, false};
        }
        const auto offset = at - this->begin();
        Append(std::forward<K>(key), std::forward<Args>(args)...);
        RotateLastTo(this->begin() + offset);
        return {this->begin() + offset, true};
    }

    template <class K> T& operator[](K&& key) {
        return emplace(std::forward<K>(key), T{}).first->second;
    }
    template <class K> const T& operator[](const K& key) const { return at(key); }

    template <class K> T& at(const K& key) {
        const auto it = find(key);
        if (it == this->end()) {
            throw std::out_of_range("key not found");
        }
        return it->second;
    }
    template <class K> const T& at(const K& key) const {
        const auto it = find(key);
        if (it == this->end()) {
            throw std::out_of_range("key not found");
        }
        return it->second;
    }

    template <class K> iterator find(const K& key) {
        const auto it = LowerBound(key);
        return it != this->end() && !Less(key, it->first) ? it : this->end();
    }
    template <class K> const_iterator find(const K& key) const {
        const auto it = std::lower_bound(this->begin(), this->end(), key, KeyBelow());
        return it != this->end() && !Less(key, it->first) ? it : this->end();
    }
    template <class K> size_type count(const K& key) const {
        return find(key) == this->end() ? 0 : 1;
    }

    template <class K> size_type erase(const K& key) {
        const auto it = find(key);
        if (it == this->end()) {
            return 0;
        }
        erase(it);
        return 1;
    }
    iterator erase(iterator pos) { return erase(pos, std::next(pos)); }
    iterator erase(iterator first, iterator last) {
        if (first == last) {
            return first;
        }
        // pair<const Key, T> cannot be assigned: the tail is rebuilt in place, as
        // nlohmann's own ordered_map does.
        const auto removed = last - first;
        const auto offset = first - this->begin();
        for (auto it = first; it + removed != this->end(); ++it) {
            it->~value_type();
            new (&*it) value_type{std::move(*(it + removed))};
        }
        for (auto n = removed; n > 0; --n) {
            Container::pop_back();
        }
        return this->begin() + offset;
    }

    template <class It> void insert(It first, It last) {
        for (; first != last; ++first) {
            emplace(first->first, first->second);
        }
    }
    std::pair<iterator, bool> insert(const value_type& value) {
        return emplace(value.first, value.second);
    }
    std::pair<iterator, bool> insert(value_type&& value) {
        return emplace(value.first, std::move(value.second));
    }

  private:
    template <class K, class... Args> void Append(K&& key, Args&&... args) {
        Container::emplace_back(std::piecewise_construct,
                                std::forward_as_tuple(std::forward<K>(key)),
                                std::forward_as_tuple(std::forward<Args>(args)...));
    }
    template <class A, class B> static bool Less(const A& a, const B& b) {
        return std::less<>{}(a, b);
    }
    struct KeyBelow {
        template <class K> bool operator()(const value_type& element, const K& key) const {
            return Less(element.first, key);
        }
    };
    template <class K> iterator LowerBound(const K& key) {
        return std::lower_bound(this->begin(), this->end(), key, KeyBelow());
    }
    // Moves the last element to pos, shifting the ones from pos on by one.
    void RotateLastTo(iterator pos) {
        if (pos == std::prev(this->end())) {
            return;
        }
        value_type moved{std::move(this->back())};
        for (auto it = std::prev(this->end()); it != pos; --it) {
            it->~value_type();
            new (&*it) value_type{std::move(*std::prev(it))};
        }
        pos->~value_type();
        new (&*pos) value_type{std::move(moved)};
    }
};

} // namespace linli::store
