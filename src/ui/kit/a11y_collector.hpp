#pragma once
// Collects each frame's interactive items from Dear ImGui's item hooks
// (IMGUI_ENABLE_TEST_ENGINE, implemented in a11y_collector.cpp) for the DOM mirror.
#include <string>
#include <unordered_map>
#include <vector>

#include "app/shell/a11y.hpp"

struct ImGuiContext;

namespace linli {

class A11yCollector {
  public:
    // Installs the hooks on ctx; the collector must outlive the context's use of them.
    void Attach(ImGuiContext* ctx);
    void BeginFrame();
    // After the last item of the frame: the JSON of visible nodes if it differs from the
    // last one returned, else empty.
    std::string EndFrame(const Rect& display);

    // Widgets that know better than the status flags say what the last item is.
    void AnnotateLastItem(Role role, bool selected = false);
    void AnnotateLastItemName(const std::string& name);
    void AnnotateLastItemValue(const std::string& value, bool focused, bool multiline = false);
    // A status line (e.g. save state) that is not an ImGui item of its own.
    void AddStatus(uint32_t id, const std::string& text, const Rect& rect);

    // Called by the hooks.
    void OnItemAdd(uint32_t id, const Rect& rect, const Rect& clip);
    void OnItemInfo(uint32_t id, const char* label, int status_flags);

    const std::vector<A11yNode>& Nodes() const { return visible_; }

  private:
    A11yNode* Find(uint32_t id);
    struct Seen {
        Rect rect;
        Rect clip;
    };
    ImGuiContext* ctx_ = nullptr;
    std::unordered_map<uint32_t, Seen> seen_;
    std::vector<A11yNode> nodes_;
    std::vector<Rect> clips_;
    std::unordered_map<uint32_t, size_t> index_; // id -> position in nodes_
    std::vector<A11yNode> visible_;
    std::string last_json_;
};

} // namespace linli
