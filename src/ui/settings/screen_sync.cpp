// Settings → 同步: the server, user and password, 立即同步, the status line, and the
// conflicts replication found (both versions side by side, a one-tap choice).
// Sections: status text; settings form; conflicts.
#include <imgui.h>
#include <set>
#include <string>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {
namespace {

// ---------------------------------------------------------------- status text

const char* WhyText(const UiContext& ui, sync::Failure failure) {
    switch (failure) {
    case sync::Failure::None:
        return "";
    case sync::Failure::BadUrl:
        return ui.T(SyncText::WhyBadUrl);
    case sync::Failure::Unreachable:
        return ui.T(SyncText::WhyUnreachable);
    case sync::Failure::WrongPassword:
        return ui.T(SyncText::WhyWrongPassword);
    case sync::Failure::NoPermission:
        return ui.T(SyncText::WhyNoPermission);
    case sync::Failure::NotCouch:
        return ui.T(SyncText::WhyNotCouch);
    case sync::Failure::NoDatabase:
        return ui.T(SyncText::WhyNoDatabase);
    case sync::Failure::BadReply:
        return ui.T(SyncText::WhyBadReply);
    case sync::Failure::ServerError:
        return ui.T(SyncText::WhyServerError);
    case sync::Failure::LocalWrite:
        return ui.T(SyncText::WhyLocalWrite);
    case sync::Failure::TooLarge:
        return ui.T(SyncText::WhyTooLarge);
    case sync::Failure::NotAllowed:
        return ui.T(SyncText::WhyNotAllowed);
    }
    return "";
}

std::string WhenText(const UiContext& ui, int64_t ms) {
    return ms == 0 ? std::string(ui.T(SyncText::NeverSynced))
                   : DayLabel(ui, ms) + " " + ClockLabel(ms);
}

} // namespace

std::string SyncStatusLine(const UiContext& ui, bool& is_error) {
    const SyncService& sync = ui.data.Sync();
    const sync::Status& s = sync.Status();
    is_error = false;
    if (!sync.Configured()) {
        return ui.T(SyncText::StatusOff);
    }
    if (s.phase == sync::Phase::Failed || s.phase == sync::Phase::Waiting) {
        is_error = true;
        if (s.phase == sync::Phase::Waiting) {
            const int64_t wait = std::max<int64_t>(0, s.retry_at_ms - ui.platform.NowMs());
            return Format(ui.T(SyncText::StatusRetry), WhyText(ui, s.failure),
                          static_cast<int>((wait + 999) / 1000));
        }
        return Format(ui.T(SyncText::StatusFailed), WhyText(ui, s.failure));
    }
    if (sync.PasswordNeeded()) {
        is_error = true;
        return ui.T(SyncText::PasswordNeeded);
    }
    const bool running = sync.Running() || s.phase == sync::Phase::Off;
    const int64_t last = sync.LastCompleteMs();
    if (running && (s.phase != sync::Phase::Off || last == 0)) {
        if (s.phase != sync::Phase::Off) {
            return ui.T(SyncText::StatusRunning);
        }
    }
    if (last == 0) {
        return ui.T(SyncText::StatusRunning);
    }
    if (s.pending_up > 0) {
        return Format(ui.T(SyncText::StatusDonePending), WhenText(ui, last).c_str(),
                      static_cast<int>(s.pending_up));
    }
    return Format(ui.T(SyncText::StatusDone), WhenText(ui, last).c_str());
}

namespace {

// ---------------------------------------------------------------- settings form

void DrawSyncForm(UiContext& ui, AppState& state) {
    SyncFormState& form = state.settings.sync;
    SyncService& sync = ui.data.Sync();
    if (!form.loaded) {
        form.url = sync.Url();
        form.user = sync.User();
        form.loaded = true;
    }
    TextField(ui, "sync-url", ui.T(SyncText::ServerLabel), ui.T(SyncText::ServerHint), form.url);
    if (form.problems.Has(SyncProblem::UrlNotHttp)) {
        ErrorText(ui, "sync-url-problem", ui.T(SyncText::ProblemUrl));
    }
    TextField(ui, "sync-user", ui.T(SyncText::UserLabel), ui.T(SyncText::UserHint), form.user);
    PasswordField(ui, "sync-password", ui.T(SyncText::PasswordLabel), ui.T(SyncText::PasswordHint),
                  form.password);
    if (form.problems.Has(SyncProblem::UserWithoutPassword)) {
        ErrorText(ui, "sync-password-problem", ui.T(SyncText::ProblemPassword));
    } else if (sync.HasPassword() && form.password.empty() && form.user == sync.User()) {
        MutedText(ui.T(SyncText::PasswordKept));
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    const bool changed =
        form.url != sync.Url() || form.user != sync.User() || !form.password.empty();
    const int64_t now = ui.platform.NowMs();
    // One button: what was typed is saved first (a server typed in and 立即同步 is the
    // natural way to start), then the run begins.
    if (PrimaryButton(ui, ui.T(SyncText::SyncNow), "sync-now", half)) {
        if (changed || !sync.Configured()) {
            Outcome saved = sync.Configure(form.url, form.user, form.password, now);
            form.problems = saved.problems;
            if (saved.ok) {
                form.password.clear(); // sealed by the platform, not kept in the form
                form.url = sync.Url();
                form.user = sync.User();
            }
        } else {
            form.problems = Problems{};
            sync.SyncNow(now);
        }
    }
    bool is_error = false;
    const std::string line = SyncStatusLine(ui, is_error);
    StatusText(ui, "sync-status", line.c_str(), is_error ? colors::kDanger : 0);
    if (const sync::Status* v = sync.VolunteersStatus()) {
        const bool failed = v->phase == sync::Phase::Failed || v->phase == sync::Phase::Waiting;
        const std::string side =
            failed ? Format(ui.T(SyncText::VolunteersDbFailed), WhyText(ui, v->failure))
            : v->last_complete_ms != 0 ? std::string(ui.T(SyncText::VolunteersDbDone))
                                       : std::string(ui.T(SyncText::VolunteersDbRunning));
        StatusText(ui, "sync-volunteers-status", side.c_str(), failed ? colors::kDanger : 0);
    } else if (sync.Configured() && sync.Role() == SyncRole::Volunteer) {
        StatusText(ui, "sync-role", ui.T(SyncText::VolunteerRoleNote), 0);
    }
    const sync::Status& s = sync.Status();
    if (s.pulled + s.pushed > 0) {
        MutedText(Format(ui.T(SyncText::StatusCounts), static_cast<int>(s.pulled),
                         static_cast<int>(s.pushed))
                      .c_str());
    }
}

// ---------------------------------------------------------------- conflicts

std::string ValueText(const UiContext& ui, const store::Json& body, const std::string& key) {
    if (body.empty()) {
        return ui.T(SyncText::ConflictDeleted);
    }
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        return "—";
    }
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// The fields that differ, as "field: value" lines for one side.
std::string SideText(const UiContext& ui, const ConflictView& c, const store::Json& side) {
    std::set<std::string> keys;
    for (const store::Json* body : {&c.shown, &c.other}) {
        for (auto it = body->begin(); it != body->end(); ++it) {
            keys.insert(it.key());
        }
    }
    std::string out;
    for (const std::string& key : keys) {
        if (key == "schema" || key == "updated_at" || key == "type") {
            continue;
        }
        const auto a = c.shown.find(key), b = c.other.find(key);
        const bool same = a != c.shown.end() && b != c.other.end() && *a == *b;
        if (same) {
            continue;
        }
        if (!out.empty()) {
            out += "\n";
        }
        out += Format(ui.T(SyncText::ConflictField), key.c_str(), ValueText(ui, side, key).c_str());
    }
    return out;
}

// Both versions side by side (the fields that differ) and the one-tap choice.
bool DrawConflictCard(UiContext& ui, AppState& state, const ConflictView& c) {
    bool chosen = false;
    SyncFormState& form = state.settings.sync;
    ImGui::PushID(c.conflict_id.c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (ImGui::BeginTable("sides", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui.T(SyncText::ConflictShown));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui.T(SyncText::ConflictOther));
        if (!c.other_device.empty()) {
            MutedText(Format(ui.T(SyncText::ConflictFromDevice), c.other_device.c_str()).c_str());
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", SideText(ui, c, c.shown).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", SideText(ui, c, c.other).c_str());
        ImGui::EndTable();
    }
    const int64_t now = ui.platform.NowMs();
    if (TouchButton(ui, ui.T(SyncText::ConflictKeepShown), "keep-shown", half)) {
        form.resolve_write.Track(ui.data.Sync().Resolve(c.conflict_id, false, now));
        form.resolve_message = ui.T(SyncText::ConflictChosen);
        chosen = true;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SyncText::ConflictKeepOther), "keep-other", half)) {
        form.resolve_write.Track(ui.data.Sync().Resolve(c.conflict_id, true, now));
        form.resolve_message = ui.T(SyncText::ConflictChosen);
        chosen = true;
    }
    ImGui::PopID();
    return chosen;
}

void DrawConflicts(UiContext& ui, AppState& state) {
    SyncFormState& form = state.settings.sync;
    switch (form.resolve_write.Poll(ui.data)) {
    case WriteState::Failed:
        form.resolve_message = ui.T(SyncText::ConflictNotSaved);
        break;
    case WriteState::Durable:
        form.resolve_message.clear();
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    const auto conflicts = ui.data.Sync().Conflicts();
    if (conflicts.empty() && form.resolve_message.empty()) {
        return;
    }
    SectionTitle(
        ui, Format(ui.T(SyncText::ConflictsTitle), static_cast<int>(conflicts.size())).c_str());
    if (!form.resolve_message.empty()) {
        StatusText(ui, "conflict-status", form.resolve_message.c_str());
    }
    if (conflicts.empty()) {
        return;
    }
    MutedText(ui.T(SyncText::ConflictsExplain));
    for (size_t i = 0; i < conflicts.size() && i < 20; ++i) {
        const std::string name = store::StringField(conflicts[i].shown, "name");
        ImGui::Separator();
        ImGui::TextUnformatted(
            (name.empty() ? conflicts[i].doc_id : name + " · " + conflicts[i].doc_id).c_str());
        DrawConflictCard(ui, state, conflicts[i]);
    }
}

} // namespace

bool DrawConflictHere(UiContext& ui, AppState& state, const std::string& doc_id) {
    const auto conflict = doc_id.empty() ? std::nullopt : ui.data.Sync().ConflictOf(doc_id);
    if (!conflict) {
        return false;
    }
    ErrorText(ui, ("conflict-here-" + doc_id).c_str(), ui.T(SyncText::ConflictHere));
    return DrawConflictCard(ui, state, *conflict);
}

void DrawSyncSection(UiContext& ui, AppState& state) {
    SectionTitle(ui, ui.T(SyncText::SyncTitle));
    MutedText(ui.T(SyncText::SyncExplain));
    DrawSyncForm(ui, state);
    DrawConflicts(ui, state);
}

} // namespace linli::ui
