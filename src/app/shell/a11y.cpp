#include "app/shell/a11y.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace linli {

std::string_view RoleName(Role role) {
    switch (role) {
    case Role::Button:
        return "button";
    case Role::TextBox:
        return "textbox";
    case Role::CheckBox:
        return "checkbox";
    case Role::Radio:
        return "radio";
    case Role::Tab:
        return "tab";
    case Role::Option:
        return "option";
    case Role::Status:
        return "status";
    }
    return "button";
}

std::string VisibleLabel(std::string_view imgui_label) {
    const size_t hashes = imgui_label.find("##");
    return std::string(imgui_label.substr(0, hashes));
}

Role RoleFromStatus(bool inputable, bool checkable) {
    if (inputable) {
        return Role::TextBox;
    }
    if (checkable) {
        return Role::CheckBox;
    }
    return Role::Button;
}

std::optional<A11yNode> ClipNode(A11yNode node, const Rect& clip) {
    const float x0 = std::max(node.rect.x, clip.x);
    const float y0 = std::max(node.rect.y, clip.y);
    const float x1 = std::min(node.rect.x + node.rect.w, clip.x + clip.w);
    const float y1 = std::min(node.rect.y + node.rect.h, clip.y + clip.h);
    if (x1 - x0 < 1.0f || y1 - y0 < 1.0f) {
        return std::nullopt;
    }
    const bool may_be_unnamed = node.role == Role::TextBox || node.role == Role::Status;
    if (node.name.empty() && !may_be_unnamed) {
        return std::nullopt;
    }
    node.rect = Rect{x0, y0, x1 - x0, y1 - y0};
    return node;
}

std::vector<A11yNode> VisibleNodes(std::vector<A11yNode> nodes, const Rect& clip) {
    std::vector<A11yNode> out;
    out.reserve(nodes.size());
    for (auto& node : nodes) {
        if (auto kept = ClipNode(std::move(node), clip)) {
            out.push_back(std::move(*kept));
        }
    }
    return out;
}

void AppendJsonString(std::string& out, std::string_view s) {
    out.push_back('"');
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

namespace {
void AppendNumber(std::string& out, float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::isfinite(v) ? v : 0.0f);
    out += buf;
}
} // namespace

std::string A11yJson(const std::vector<A11yNode>& nodes) {
    std::string out = "[";
    for (size_t i = 0; i < nodes.size(); ++i) {
        const A11yNode& n = nodes[i];
        if (i > 0) {
            out.push_back(',');
        }
        out += "{\"id\":" + std::to_string(n.id) + ",\"role\":";
        AppendJsonString(out, RoleName(n.role));
        out += ",\"name\":";
        AppendJsonString(out, n.name);
        out += ",\"x\":";
        AppendNumber(out, n.rect.x);
        out += ",\"y\":";
        AppendNumber(out, n.rect.y);
        out += ",\"w\":";
        AppendNumber(out, n.rect.w);
        out += ",\"h\":";
        AppendNumber(out, n.rect.h);
        if (n.role == Role::CheckBox || n.role == Role::Radio) {
            out += n.checked ? ",\"checked\":true" : ",\"checked\":false";
        }
        if (n.role == Role::Tab || n.role == Role::Option) {
            out += n.selected ? ",\"selected\":true" : ",\"selected\":false";
        }
        if (n.role == Role::TextBox || n.role == Role::Status) {
            out += ",\"value\":";
            AppendJsonString(out, n.value);
        }
        if (n.focused) {
            out += ",\"focused\":true";
        }
        if (n.multiline) {
            out += ",\"multiline\":true";
        }
        out.push_back('}');
    }
    out.push_back(']');
    return out;
}

} // namespace linli
