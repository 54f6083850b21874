#include "store/json_reader.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace linli::store {
namespace {

// nlohmann's SAX events turned into Json values. Open objects and arrays share two scratch
// stacks (members and items): a nested value's entries sit above its parent's and are
// taken off when it closes, so the scratch memory is reused from one record to the next.
class Builder {
  public:
    explicit Builder(const std::function<void(Json&)>* visit_elements) : visit_(visit_elements) {}

    bool null() { return Add(Json(nullptr)); }
    bool boolean(bool v) { return Add(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return Add(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return Add(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string&) { return Add(Json(v)); }
    bool string(std::string& v) { return Add(Json(std::move(v))); }
    bool binary(Json::binary_t& v) { return Add(Json::binary(std::move(v))); }
    bool start_object(std::size_t) {
        frames_.push_back({true, members_.size(), {}});
        return Allowed();
    }
    bool key(std::string& k) {
        frames_.back().key = std::move(k);
        return true;
    }
    bool end_object() {
        const size_t first = frames_.back().first;
        frames_.pop_back();
        Json object = Json::object();
        auto& map = object.get_ref<Json::object_t&>();
        const auto begin = members_.begin() + static_cast<std::ptrdiff_t>(first);
        SortByKey(begin, members_.end());
        map.reserve(members_.size() - first);
        for (auto it = begin; it != members_.end(); ++it) {
            if (!map.empty() && map.back().first == it->first) {
                map.back().second = std::move(it->second); // a repeated key: the last wins
            } else {
                map.emplace(std::move(it->first), std::move(it->second)); // appends: sorted
            }
        }
        members_.erase(begin, members_.end());
        return Add(std::move(object));
    }
    bool start_array(std::size_t) {
        frames_.push_back({false, items_.size(), {}});
        return Allowed();
    }
    bool end_array() {
        const size_t first = frames_.back().first;
        frames_.pop_back();
        Json array = Json::array();
        auto& list = array.get_ref<Json::array_t&>();
        const auto begin = items_.begin() + static_cast<std::ptrdiff_t>(first);
        list.reserve(items_.size() - first);
        std::move(begin, items_.end(), std::back_inserter(list));
        items_.erase(begin, items_.end());
        return Add(std::move(array));
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

    Json root;
    bool streamed_array = false; // visit_ saw the elements of a root array

  private:
    struct Frame {
        bool object;
        size_t first; // where this value's entries start in members_ or items_
        std::string key;
    };
    using Member = std::pair<std::string, Json>;

    // Streaming wants an array at the root; anything else is refused at once.
    bool Allowed() const { return visit_ == nullptr || !frames_.front().object; }

    bool Add(Json value) {
        if (frames_.empty()) {
            if (visit_ != nullptr && !value.is_array()) {
                return false;
            }
            root = std::move(value);
            return true;
        }
        Frame& top = frames_.back();
        if (top.object) {
            members_.emplace_back(std::move(top.key), std::move(value));
        } else if (visit_ != nullptr && frames_.size() == 1) {
            (*visit_)(value);
            streamed_array = true;
        } else {
            items_.push_back(std::move(value));
        }
        return true;
    }

    // Members usually come sorted (the app writes them so); small objects are sorted by
    // insertion, which keeps repeated keys in their order (the last one wins above).
    static void SortByKey(std::vector<Member>::iterator begin, std::vector<Member>::iterator end) {
        const auto by_key = [](const Member& a, const Member& b) { return a.first < b.first; };
        if (std::is_sorted(begin, end, by_key)) {
            return;
        }
        if (end - begin > 32) {
            std::stable_sort(begin, end, by_key);
            return;
        }
        for (auto it = begin + 1; it < end; ++it) {
            Member moving = std::move(*it);
            auto hole = it;
            for (; hole > begin && moving.first < (hole - 1)->first; --hole) {
                *hole = std::move(*(hole - 1));
            }
            *hole = std::move(moving);
        }
    }

    const std::function<void(Json&)>* visit_;
    std::vector<Frame> frames_;
    std::vector<Member> members_;
    std::vector<Json> items_;
};

} // namespace

Json ParseJson(std::string_view text) {
    Builder builder(nullptr);
    if (!Json::sax_parse(text, &builder, nlohmann::detail::input_format_t::json, true)) {
        return Json(Json::value_t::discarded);
    }
    return std::move(builder.root);
}

bool ForEachElement(std::string_view text, const std::function<void(Json&)>& visit) {
    Builder builder(&visit);
    return Json::sax_parse(text, &builder, nlohmann::detail::input_format_t::json, true);
}

} // namespace linli::store
