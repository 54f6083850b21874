#pragma once
// The accessibility mirror's model: one node per visible interactive item of a frame.
// Built by the UI layer from Dear ImGui's item hooks, serialised to JSON for the DOM
// mirror in the page (shell/bridge/mirror.js). Pure C++ so it is unit-tested natively.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

enum class Role { Button, TextBox, CheckBox, Radio, Tab, Option, Status };

std::string_view RoleName(Role role); // the ARIA role

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool Contains(float px, float py) const {
        return px >= x && py >= y && px < x + w && py < y + h;
    }
    bool operator==(const Rect&) const = default;
};

struct A11yNode {
    uint32_t id = 0;
    Role role = Role::Button;
    std::string name;       // accessible name: the visible label
    Rect rect;              // CSS pixels, relative to the canvas
    bool checked = false;   // checkbox
    bool selected = false;  // tab, option
    bool focused = false;   // text field being edited
    std::string value;      // text field content
    bool multiline = false; // a text box of several lines (mirrored as a textarea)
    bool operator==(const A11yNode&) const = default;
};

// "Save##volunteer-3" -> "Save"; "###id" -> ""; labels without an id suffix unchanged.
std::string VisibleLabel(std::string_view imgui_label);

// The role Dear ImGui's status flags imply, before a widget says better.
Role RoleFromStatus(bool inputable, bool checkable);

// The node clipped to clip, or nothing when too little of it shows or (but for text fields
// and status, which may be named by a hint) it has no name.
std::optional<A11yNode> ClipNode(A11yNode node, const Rect& clip);

// Keeps the nodes that can be seen and named: inside clip, non-empty, and (but for text
// fields and status, which may be named by a hint) with a name. Clips rectangles to clip.
std::vector<A11yNode> VisibleNodes(std::vector<A11yNode> nodes, const Rect& clip);

// JSON array of nodes for the page: [{"id":..,"role":..,"name":..,"x":..,...}, ...]
std::string A11yJson(const std::vector<A11yNode>& nodes);

// Appends s to out as a JSON string literal (quotes included).
void AppendJsonString(std::string& out, std::string_view s);

} // namespace linli
