#include "ui/shell/drafts.hpp"

#include <cstdlib>

#include "store/document.hpp"

namespace linli::ui {
namespace {

constexpr int kDraftVersion = 1;

using store::Json;

std::string Text(const Json& obj, std::string_view key) {
    return store::StringField(obj, key);
}

Json ResidentDraft(const ResidentForm& form) {
    const Resident& r = form.resident;
    return Json{{"id", r.id},
                {"rev", r.rev},
                {"building", r.building},
                {"unit", r.unit},
                {"room", r.room},
                {"name", r.name},
                {"phone", r.phone},
                {"birth_year", form.birth_year},
                {"id_number", r.id_number},
                {"relation", r.relation},
                {"flags", r.flags},
                {"note", r.note},
                {"back_to", static_cast<int>(form.back_to)}};
}

Json VolunteerDraft(const VolunteerForm& form) {
    const Volunteer& v = form.volunteer;
    return Json{{"id", v.id},
                {"rev", v.rev},
                {"name", v.name},
                {"phone", v.phone},
                {"category", v.category},
                {"skills", v.skills},
                {"note", v.note},
                {"code_key", std::to_string(v.code_key)},
                {"last_negative_test", v.last_negative_test},
                {"test_date", form.test_date},
                {"more", form.more}};
}

void RestoreResident(AppState& state, const Json& d) {
    ResidentForm form;
    Resident& r = form.resident;
    r.id = Text(d, "id");
    r.rev = Text(d, "rev");
    r.building = Text(d, "building");
    r.unit = Text(d, "unit");
    r.room = Text(d, "room");
    r.name = Text(d, "name");
    r.phone = Text(d, "phone");
    form.birth_year = Text(d, "birth_year");
    r.id_number = Text(d, "id_number");
    r.relation = Text(d, "relation");
    r.flags = static_cast<uint32_t>(store::IntField(d, "flags"));
    r.note = Text(d, "note");
    const int64_t back = store::IntField(d, "back_to");
    form.back_to = back == static_cast<int>(SamplingView::Building) ? SamplingView::Building
                                                                    : SamplingView::Home;
    state.sampling.resident_form = std::move(form);
    state.sampling.view = SamplingView::ResidentForm;
    state.area = Area::Sampling;
}

void RestoreVolunteer(AppState& state, const Json& d) {
    VolunteerForm form;
    form.open = true;
    Volunteer& v = form.volunteer;
    v.id = Text(d, "id");
    v.rev = Text(d, "rev");
    v.name = Text(d, "name");
    v.phone = Text(d, "phone");
    v.category = Text(d, "category");
    if (const auto it = d.find("skills"); it != d.end() && it->is_array()) {
        for (const Json& skill : *it) {
            if (skill.is_string()) {
                v.skills.push_back(skill.get<std::string>());
            }
        }
    }
    v.note = Text(d, "note");
    v.code_key = std::strtoull(Text(d, "code_key").c_str(), nullptr, 10);
    v.last_negative_test = store::IntField(d, "last_negative_test");
    form.test_date = Text(d, "test_date");
    form.more = store::BoolField(d, "more");
    state.volunteers.form = std::move(form);
    state.volunteers.view = VolunteersView::People;
    state.area = Area::Volunteers;
}

} // namespace

std::string DraftOf(const AppState& state) {
    Json draft;
    if (state.sampling.view == SamplingView::ResidentForm) {
        draft = Json{{"form", "resident"}, {"fields", ResidentDraft(state.sampling.resident_form)}};
    } else if (state.volunteers.form.open) {
        draft = Json{{"form", "volunteer"}, {"fields", VolunteerDraft(state.volunteers.form)}};
    } else {
        return "";
    }
    draft["v"] = kDraftVersion;
    return draft.dump();
}

bool RestoreDraft(AppState& state, std::string_view text) {
    const Json draft = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!draft.is_object() || store::IntField(draft, "v") != kDraftVersion) {
        return false;
    }
    const auto fields = draft.find("fields");
    if (fields == draft.end() || !fields->is_object()) {
        return false;
    }
    const std::string form = Text(draft, "form");
    if (form == "resident") {
        RestoreResident(state, *fields);
        return true;
    }
    if (form == "volunteer") {
        RestoreVolunteer(state, *fields);
        return true;
    }
    return false;
}

} // namespace linli::ui
