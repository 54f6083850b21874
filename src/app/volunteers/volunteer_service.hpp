#pragma once
// Volunteers: the actions and the list the screens read. Document type "volunteer",
// made ids ("volunteer:<time>-<device>-<n>"), indexed by phone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/outcome.hpp"
#include "app/writer.hpp"
#include "core/volunteers/volunteer.hpp"
#include "store/document.hpp"

namespace linli {

class VolunteerService {
  public:
    explicit VolunteerService(Writer& writer) : writer_(writer) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);
    static void AddIndexes(store::DocumentStore& store);

    std::vector<Volunteer> List(std::string_view query) const;
    std::optional<Volunteer> Find(const std::string& id) const;
    // The volunteer with this phone (digits compared), or nullopt.
    std::optional<Volunteer> FindByPhone(std::string_view phone) const;
    Outcome Add(const Volunteer& v, int64_t now_ms);
    Outcome Add(std::string_view name, std::string_view phone, int64_t now_ms) {
        Volunteer v;
        v.name = std::string(name);
        v.phone = std::string(phone);
        return Add(v, now_ms);
    }
    Outcome Update(const Volunteer& edited, int64_t now_ms);
    // The body of a new volunteer (checked and trimmed), for actions that write one in
    // their own transaction (a reply code from someone new).
    store::Json NewBody(const Volunteer& v, int64_t now_ms) const;
    Outcome Remove(const std::string& id, const std::string& rev);
    // Adds the sheet's volunteers in one write; one whose phone is known already updates
    // that volunteer's category, skills, test date and note where the sheet has them.
    // outcome.effects is empty; added and updated are counted into the arguments.
    Outcome ImportSheet(const VolunteerSheet& sheet, int64_t now_ms, int& added, int& updated);

  private:
    Writer& writer_;
};

} // namespace linli
