#include <doctest/doctest.h>

#include "app/shell/a11y.hpp"

using namespace linli;

namespace {
A11yNode Node(uint32_t id, Role role, const char* name, Rect rect) {
    A11yNode n;
    n.id = id;
    n.role = role;
    n.name = name;
    n.rect = rect;
    return n;
}
} // namespace

TEST_CASE("visible labels drop ImGui's id suffix") {
    CHECK(VisibleLabel("保存##vol-3") == "保存");
    CHECK(VisibleLabel("###only-id").empty());
    CHECK(VisibleLabel("Plain") == "Plain");
    CHECK(VisibleLabel("").empty());
}

TEST_CASE("roles from ImGui status flags") {
    CHECK(RoleFromStatus(true, false) == Role::TextBox);
    CHECK(RoleFromStatus(false, true) == Role::CheckBox);
    CHECK(RoleFromStatus(false, false) == Role::Button);
    CHECK(RoleName(Role::Tab) == "tab");
    CHECK(RoleName(Role::Radio) == "radio");
    CHECK(RoleName(Role::TextBox) == "textbox");
}

TEST_CASE("only visible, named items are mirrored, clipped to the screen") {
    std::vector<A11yNode> nodes(4);
    nodes[0] = Node(1, Role::Button, "OK", Rect{10, 10, 100, 48});
    nodes[1] = Node(2, Role::Button, "", Rect{10, 70, 100, 48});     // unnamed button: dropped
    nodes[2] = Node(3, Role::Button, "Far", Rect{10, 900, 100, 48}); // off screen: dropped
    nodes[3] = Node(4, Role::TextBox, "", Rect{10, 820, 100, 48});   // partly visible field: kept
    const auto out = VisibleNodes(nodes, Rect{0, 0, 390, 844});
    REQUIRE(out.size() == 2);
    CHECK(out[0].id == 1);
    CHECK(out[1].id == 4);
    CHECK(out[1].rect.h == doctest::Approx(24)); // clipped at the bottom edge
}

TEST_CASE("JSON for the page escapes names and carries state") {
    A11yNode tab = Node(7, Role::Tab, "采样", Rect{0, 780, 97.5f, 64});
    tab.selected = true;
    A11yNode field = Node(8, Role::TextBox, "Name \"quoted\"", Rect{1, 2, 3, 4});
    field.value = "张三\n";
    field.focused = true;
    A11yNode box = Node(9, Role::CheckBox, "Away", Rect{0, 0, 10, 10});
    box.checked = true;
    const std::string json = A11yJson({tab, field, box});
    CHECK(json ==
          "[{\"id\":7,\"role\":\"tab\",\"name\":\"采样\",\"x\":0.0,\"y\":780.0,\"w\":97.5,"
          "\"h\":64.0,\"selected\":true},"
          "{\"id\":8,\"role\":\"textbox\",\"name\":\"Name \\\"quoted\\\"\",\"x\":1.0,\"y\":2.0,"
          "\"w\":3.0,\"h\":4.0,\"value\":\"张三\\n\",\"focused\":true},"
          "{\"id\":9,\"role\":\"checkbox\",\"name\":\"Away\",\"x\":0.0,\"y\":0.0,\"w\":10.0,"
          "\"h\":10.0,\"checked\":true}]");
    CHECK(A11yJson({}) == "[]");
}

TEST_CASE("control characters are escaped as \\u00XX") {
    std::string out;
    AppendJsonString(out, std::string("a\x01"
                                      "b\\",
                                      4));
    CHECK(out == "\"a\\u0001b\\\\\"");
}
