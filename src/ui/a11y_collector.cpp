#include "ui/a11y_collector.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace linli {
namespace {

Rect ToRect(const ImRect& r) {
    return Rect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
}

A11yCollector* CollectorOf(ImGuiContext* ctx) {
    return ctx ? static_cast<A11yCollector*>(ctx->TestEngine) : nullptr;
}

} // namespace

void A11yCollector::Attach(ImGuiContext* ctx) {
    ctx_ = ctx;
    ctx->TestEngine = this;
    ctx->TestEngineHookItems = true;
}

void A11yCollector::BeginFrame() {
    seen_.clear();
    nodes_.clear();
    clips_.clear();
    ctx_->TestEngineHookItems = true; // ImGui clears it when no hook asked in a frame
}

void A11yCollector::OnItemAdd(uint32_t id, const Rect& rect, const Rect& clip) {
    seen_[id] = Seen{rect, clip};
}

void A11yCollector::OnItemInfo(uint32_t id, const char* label, int status_flags) {
    if (ImGui::FindWindowByID(id) != nullptr) {
        return; // windows report themselves too; they are not controls
    }
    auto it = seen_.find(id);
    if (it == seen_.end()) {
        return;
    }
    A11yNode node;
    node.id = id;
    node.role = RoleFromStatus((status_flags & ImGuiItemStatusFlags_Inputable) != 0,
                               (status_flags & ImGuiItemStatusFlags_Checkable) != 0);
    node.name = VisibleLabel(label ? label : "");
    node.rect = it->second.rect;
    node.checked = (status_flags & ImGuiItemStatusFlags_Checked) != 0;
    if (A11yNode* existing = Find(id)) {
        *existing = node; // an item may report twice in a frame; the last report wins
        return;
    }
    nodes_.push_back(node);
    clips_.push_back(it->second.clip);
}

A11yNode* A11yCollector::Find(uint32_t id) {
    for (auto& n : nodes_) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

void A11yCollector::AnnotateLastItem(Role role, bool selected) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->role = role;
        n->selected = selected;
        n->checked = role == Role::Radio ? selected : n->checked;
    }
}

void A11yCollector::AnnotateLastItemName(const std::string& name) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->name = name;
    }
}

void A11yCollector::AnnotateLastItemValue(const std::string& value, bool focused) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->value = value;
        n->focused = focused;
    }
}

void A11yCollector::AddStatus(uint32_t id, const std::string& text, const Rect& rect) {
    A11yNode node;
    node.id = id;
    node.role = Role::Status;
    node.name = text;
    node.value = text;
    node.rect = rect;
    nodes_.push_back(node);
    clips_.push_back(rect);
}

std::string A11yCollector::EndFrame(const Rect& display) {
    std::vector<A11yNode> clipped;
    clipped.reserve(nodes_.size());
    for (size_t i = 0; i < nodes_.size(); ++i) {
        auto one = VisibleNodes({nodes_[i]}, clips_[i]);
        if (!one.empty()) {
            clipped.push_back(std::move(one.front()));
        }
    }
    visible_ = VisibleNodes(std::move(clipped), display);
    std::string json = A11yJson(visible_);
    if (json == last_json_) {
        return {};
    }
    last_json_ = json;
    return json;
}

} // namespace linli

// Dear ImGui's test-engine hooks (see imgui_internal.h): every item of every frame passes
// through here when ctx->TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb,
                                 const ImGuiLastItemData* item_data) {
    linli::A11yCollector* c = linli::CollectorOf(ctx);
    if (c == nullptr || ctx->CurrentWindow == nullptr) {
        return;
    }
    const ImRect rect = item_data ? item_data->Rect : bb;
    c->OnItemAdd(id, linli::ToRect(rect), linli::ToRect(ctx->CurrentWindow->ClipRect));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label,
                                  ImGuiItemStatusFlags flags) {
    if (linli::A11yCollector* c = linli::CollectorOf(ctx)) {
        c->OnItemInfo(id, label, flags);
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
