#include "ui/kit/a11y_collector.hpp"

#include <algorithm>

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
    index_.clear();
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
    index_[id] = nodes_.size();
    nodes_.push_back(node);
    clips_.push_back(it->second.clip);
}

A11yNode* A11yCollector::Find(uint32_t id) {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : &nodes_[it->second];
}

void A11yCollector::AnnotateLastItem(Role role, bool selected) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->role = role;
        n->selected = selected;
        n->checked = role == Role::Radio || role == Role::CheckBox ? selected : n->checked;
    }
}

void A11yCollector::AnnotateLastItemName(const std::string& name) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->name = name;
    }
}

void A11yCollector::AnnotateLastItemValue(const std::string& value, bool focused, bool multiline) {
    if (A11yNode* n = Find(ImGui::GetItemID())) {
        n->value = value;
        n->focused = focused;
        n->multiline = multiline;
    }
}

void A11yCollector::AddStatus(uint32_t id, const std::string& text, const Rect& rect) {
    A11yNode node;
    node.id = id;
    node.role = Role::Status;
    node.name = text;
    node.value = text;
    node.rect = rect;
    index_[id] = nodes_.size();
    nodes_.push_back(node);
    clips_.push_back(rect);
}

std::string A11yCollector::EndFrame(const Rect& display) {
    visible_.clear();
    for (size_t i = 0; i < nodes_.size(); ++i) {
        const Rect& c = clips_[i];
        const float x0 = std::max(c.x, display.x);
        const float y0 = std::max(c.y, display.y);
        const float x1 = std::min(c.x + c.w, display.x + display.w);
        const float y1 = std::min(c.y + c.h, display.y + display.h);
        if (auto kept = ClipNode(nodes_[i], Rect{x0, y0, x1 - x0, y1 - y0})) {
            visible_.push_back(std::move(*kept));
        }
    }
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
