// The real UI code driven headless: Dear ImGui with no renderer, a recording Platform,
// input through ImGui's own event queue. The browser tests cover the same paths end to
// end; these run in a second under ASan/UBSan and pin the details down.
// Sections: the harness (recording platform, persistence, frames, taps); navigation and
// touch targets; the soft-keyboard bridge; fonts; volunteers and saving; settings and
// backups; sampling (import through the screens, rounds, tubes, forms); the overview.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <imgui.h>
#include <imgui_internal.h>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "io/xlsx.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/app.hpp"
#include "ui/shell/areas.hpp"
#include "ui/shell/drafts.hpp"

using namespace linli;

namespace {

std::vector<unsigned char> ReadFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing test font " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class RecordingPlatform final : public Platform {
  public:
    void PublishA11y(const std::string& json) override { published.push_back(json); }
    void ShowTextInput(const TextEditState& state) override { shown.push_back(state); }
    void HideTextInput() override { ++hidden; }
    void SaveLanguage(Language lang) override { saved.push_back(lang); }
    void SaveTextSize(TextSize size) override { saved_text_sizes.push_back(size); }
    void SaveDraft(const std::string& draft) override { drafts.push_back(draft); }
    void RequestGlyphs(const std::vector<uint32_t>& codepoints) override {
        ++glyph_requests;
        asked.insert(asked.end(), codepoints.begin(), codepoints.end());
    }
    std::string BuildVersion() const override { return "test"; }
    int64_t NowMs() const override { return now_ms; }
    void DownloadFile(const std::string& name, const std::string&,
                      const std::string& content) override {
        downloads.emplace_back(name, content);
    }
    void OpenFile(const std::string&) override { ++open_file_requests; }
    void OpenPrintable(const std::string& html) override { printed.push_back(html); }
    void ApplyUpdate() override { ++updates_applied; }
    void CopyText(const std::string& text) override { copied.push_back(text); }
    uint64_t Random64() override { return ++random; }
    std::string SiteAddress() const override { return "https://linli.test/app/"; }
    void StartScanner() override { ++scanners_started; }
    void StopScanner() override { ++scanners_stopped; }
    std::vector<std::string> copied;
    uint64_t random = 0x5EED;
    int scanners_started = 0;
    int scanners_stopped = 0;

    int64_t now_ms = 1'700'000'000'000;
    std::vector<std::pair<std::string, std::string>> downloads;
    std::vector<std::string> printed;
    int open_file_requests = 0;
    int updates_applied = 0;

    std::vector<std::string> published;
    std::vector<TextEditState> shown;
    int hidden = 0;
    std::vector<Language> saved;
    std::vector<TextSize> saved_text_sizes;
    std::vector<std::string> drafts;
    int glyph_requests = 0;
    std::vector<uint32_t> asked;
};

// Stands in for IndexedDB: every write completes when the test says (or at once).
class TestPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string& batch) override {
        batches.push_back(batch);
        if (complete_at_once && data) {
            data->WriteCommitted(txn);
        } else {
            pending.push_back(txn);
        }
    }
    AppData* data = nullptr;
    bool complete_at_once = true;
    std::vector<std::string> batches;
    std::vector<uint64_t> pending;
};

// One app on a headless ImGui context of the given CSS size.
class Harness {
  public:
    Harness(float width, float height, Language lang, bool full_chinese_subset = true)
        : width_(width), height_(height) {
        ctx_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx_);
        ImGuiIO& io = ImGui::GetIO();
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        data_ = std::make_unique<AppData>(persistence, "testdev");
        persistence.data = data_.get();
        app_ = std::make_unique<App>(platform, *data_, lang);
        app_->Init(ctx_);
        const auto latin = ReadFile(LINLI_TEST_LATIN_FONT);
        // Without the Chinese font as the first slice, every hanzi is a miss (to test the
        // slices fetched on demand); with it, none is.
        const auto cjk =
            ReadFile(full_chinese_subset ? LINLI_TEST_CJK_FONT : LINLI_TEST_LATIN_FONT);
        REQUIRE(app_->Fonts().Load(io, latin.data(), latin.size(), cjk.data(), cjk.size(),
                                   app_->Ui().metrics.body_font));
    }
    ~Harness() {
        ImGui::DestroyContext(ctx_); // first: the atlas still uses the App's font loader
        app_.reset();
        data_.reset();
    }

    // Draws the frames the web main loop would: three after input, and two more after
    // every frame that reports the UI still settling.
    void FramesLikeTheWebLoop() {
        int frames = 3;
        while (frames > 0) {
            --frames;
            if (Frame()) {
                frames = std::max(frames, 2);
            }
        }
    }

    bool Frame(int count = 1) {
        bool settling = false;
        for (int i = 0; i < count; ++i) {
            ImGuiIO& io = ImGui::GetIO();
            io.DisplaySize = ImVec2(width_, height_);
            io.DisplayFramebufferScale = ImVec2(2, 2);
            io.DeltaTime = 1.0f / 60.0f;
            ImGui::NewFrame();
            settling = app_->Frame();
            ImGui::Render();
            // Play the renderer's part: every texture request is served at once.
            for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
                if (tex->Status == ImTextureStatus_WantDestroy) {
                    tex->SetTexID(ImTextureID_Invalid);
                    tex->SetStatus(ImTextureStatus_Destroyed);
                } else if (tex->Status != ImTextureStatus_OK &&
                           tex->Status != ImTextureStatus_Destroyed) {
                    tex->SetTexID(static_cast<ImTextureID>(1));
                    tex->SetStatus(ImTextureStatus_OK);
                }
            }
            app_->AfterFrame();
        }
        return settling;
    }

    void Tap(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x, y);
        Frame();
        io.AddMouseButtonEvent(0, true);
        Frame();
        io.AddMouseButtonEvent(0, false);
        Frame(3);
    }

    // A quick tap as a browser delivers it: position, press and release in one frame.
    void QuickTap(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x, y);
        io.AddMouseButtonEvent(0, true);
        io.AddMouseButtonEvent(0, false);
        FramesLikeTheWebLoop();
    }

    void Drag(float x, float y, float dy, int steps) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(x, y);
        Frame();
        io.AddMouseButtonEvent(0, true);
        Frame();
        for (int i = 1; i <= steps; ++i) {
            io.AddMousePosEvent(x, y + dy * static_cast<float>(i) / static_cast<float>(steps));
            Frame();
        }
        io.AddMouseButtonEvent(0, false);
        Frame(3);
    }

    const A11yNode* Find(Role role, const std::string& name) const {
        for (const auto& n : app_->A11y().Nodes()) {
            if (n.role == role && n.name == name) {
                return &n;
            }
        }
        return nullptr;
    }

    const A11yNode* FindPrefix(Role role, const std::string& prefix) const {
        for (const auto& n : app_->A11y().Nodes()) {
            if (n.role == role && n.name.rfind(prefix, 0) == 0) {
                return &n;
            }
        }
        return nullptr;
    }

    const A11yNode& Require(Role role, const std::string& name) const {
        const A11yNode* n = Find(role, name);
        INFO("looking for ", RoleName(role), " \"", name, "\"; last mirror: ",
             platform.published.empty() ? std::string("(none)") : platform.published.back());
        REQUIRE(n != nullptr);
        return *n;
    }

    // Drags the content up until the item is on screen above the bottom bar (rows below
    // the fold are not mirrored), then taps it.
    void ScrollToAndTap(Role role, const std::string& name) {
        ScrollTo(role, name);
        TapItem(role, name);
    }

    void ScrollTo(Role role, const std::string& name) {
        ScrollUntil([&] { return Find(role, name); });
    }

    // The first item whose name starts with prefix, scrolled on screen (nullptr: none).
    const A11yNode* ScrollToPrefix(Role role, const std::string& prefix) {
        ScrollUntil([&] { return FindPrefix(role, prefix); });
        return FindPrefix(role, prefix);
    }

    template <typename FindItem> void ScrollUntil(FindItem find) {
        // Down first, then back up; the drag starts in the margin, not on a field.
        for (int i = 0; i < 40; ++i) {
            const A11yNode* n = find();
            if (n != nullptr && n->rect.y >= 0 &&
                n->rect.y + n->rect.h < ImGui::GetIO().DisplaySize.y - 70.0f) {
                break;
            }
            Drag(6.0f, 400, i < 15 ? -200.0f : 200.0f, 5);
        }
    }

    void TapItem(Role role, const std::string& name) {
        const A11yNode& n = Require(role, name);
        Tap(n.rect.x + n.rect.w / 2, n.rect.y + n.rect.h / 2);
    }

    App& app() { return *app_; }
    AppData& data() { return *data_; }
    RecordingPlatform platform;
    TestPersistence persistence;

  private:
    float width_, height_;
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<AppData> data_;
    std::unique_ptr<App> app_;
};

} // namespace

TEST_CASE("phone: a bottom bar with the five areas, Sampling first, mirrored as tabs") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    const char* names[] = {"采样", "物资", "志愿者", "总览", "设置"};
    float previous_x = -1;
    for (const char* name : names) {
        const A11yNode& tab = h.Require(Role::Tab, name);
        CHECK(tab.rect.y >= 844 - 64 - 0.5f);
        CHECK(tab.rect.h >= 44);
        CHECK(tab.rect.x > previous_x);
        previous_x = tab.rect.x;
    }
    CHECK(h.Require(Role::Tab, "采样").selected);
    CHECK_FALSE(h.Require(Role::Tab, "设置").selected);
    CHECK(h.Find(Role::TextBox, "搜索") != nullptr);
}

TEST_CASE("laptop: the same areas in a left rail") {
    Harness h(1280, 800, Language::English);
    h.Frame(3);
    for (const char* name : {"Sampling", "Supplies", "Volunteers", "Overview", "Settings"}) {
        const A11yNode& tab = h.Require(Role::Tab, name);
        CHECK(tab.rect.x < 20);
        CHECK(tab.rect.w <= 112);
    }
}

TEST_CASE("tapping a tab switches the area") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Tab, "物资");
    CHECK(h.app().State().area == Area::Supplies);
    CHECK(h.Require(Role::Tab, "物资").selected);
    CHECK_FALSE(h.Require(Role::Tab, "采样").selected);
    CHECK(h.Find(Role::TextBox, "搜索") == nullptr); // the supplies screen has no search yet
    h.TapItem(Role::Tab, "设置");
    CHECK(h.app().State().area == Area::Settings);
}

TEST_CASE("a quick tap (press and release within one frame) still activates a tab") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    const A11yNode& tab = h.Require(Role::Tab, "物资");
    h.QuickTap(tab.rect.x + tab.rect.w / 2, tab.rect.y + tab.rect.h / 2);
    CHECK(h.app().State().area == Area::Supplies);
    // ...and the frames drawn for it include one showing (and mirroring) the result.
    CHECK(h.Require(Role::Tab, "物资").selected);
}

TEST_CASE("the language switch in Settings relabels everything and is saved") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Tab, "设置");
    CHECK(h.Require(Role::Radio, "中文").checked);
    CHECK_FALSE(h.Require(Role::Radio, "English").checked);
    h.TapItem(Role::Radio, "English");
    CHECK(h.app().Ui().lang == Language::English);
    REQUIRE(h.platform.saved.size() == 1);
    CHECK(h.platform.saved.back() == Language::English);
    CHECK(h.Require(Role::Tab, "Settings").selected);
    CHECK(h.Find(Role::Tab, "设置") == nullptr);
    CHECK(h.Require(Role::Radio, "English").checked);
    h.TapItem(Role::Radio, "中文");
    CHECK(h.Require(Role::Tab, "设置").selected);
}

TEST_CASE("every mirrored control is at least a 44 px touch target") {
    for (const AreaRow& row : AreaTable()) {
        Harness h(390, 844, Language::Chinese);
        h.app().State().area = row.id;
        h.Frame(3);
        REQUIRE_FALSE(h.app().A11y().Nodes().empty()); // an empty mirror proves nothing
        for (const auto& n : h.app().A11y().Nodes()) {
            if (n.role == Role::Status) {
                continue; // text, not a control
            }
            CAPTURE(n.name);
            CHECK(n.rect.h >= 44.0f);
            CHECK(n.rect.w >= 44.0f);
        }
    }
}

TEST_CASE("the text size in Settings scales text and targets, is saved, and every screen still "
          "fits a phone") {
    const std::array<std::pair<const char*, TextSize>, 2> sizes = {
        {{"大", TextSize::Large}, {"特大", TextSize::ExtraLarge}}};
    for (const auto& [label, size] : sizes) {
        CAPTURE(label);
        Harness h(390, 844, Language::Chinese);
        h.Frame(3);
        h.TapItem(Role::Tab, "设置");
        CHECK(h.Require(Role::Radio, "标准").checked);
        h.TapItem(Role::Radio, label);
        h.Frame(3);
        CHECK(h.app().Ui().text_size == size);
        REQUIRE_FALSE(h.platform.saved_text_sizes.empty());
        CHECK(h.platform.saved_text_sizes.back() == size);
        CHECK(h.Require(Role::Radio, label).checked);
        CHECK(h.app().Ui().metrics.body_font > MetricsFor(TextSize::Standard).body_font);
        CHECK(ImGui::GetStyle().FontSizeBase == h.app().Ui().metrics.body_font);
        for (const AreaRow& row : AreaTable()) {
            h.app().State().area = row.id;
            h.Frame(3);
            REQUIRE_FALSE(h.app().A11y().Nodes().empty());
            for (const auto& n : h.app().A11y().Nodes()) {
                CAPTURE(n.name);
                CHECK(n.rect.x >= -0.5f);
                CHECK(n.rect.x + n.rect.w <= 390.5f); // nothing pushed off the side
                if (n.role != Role::Status) {
                    CHECK(n.rect.h >= 44.0f);
                }
            }
        }
    }
    // Read back at start: an app made with a saved size starts with it.
    CHECK(TextSizeFromCode(TextSizeCode(TextSize::ExtraLarge)) == TextSize::ExtraLarge);
    CHECK(TextSizeFromCode("garbage") == TextSize::Standard);
}

TEST_CASE("the mirror is published only when the UI changes") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    const size_t after_start = h.platform.published.size();
    CHECK(after_start >= 1);
    h.Frame(10);
    CHECK(h.platform.published.size() == after_start);
    h.TapItem(Role::Tab, "志愿者");
    CHECK(h.platform.published.size() > after_start);
}

TEST_CASE("text typed through the soft-keyboard bridge lands in the field being edited") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::TextBox, "搜索");
    REQUIRE_FALSE(h.platform.shown.empty());
    const TextEditState shown = h.platform.shown.back();
    CHECK(shown.value.empty());
    CHECK(shown.rect.h >= 44);

    // Input for another field (a stale one) is ignored.
    h.app().Text().Queue(BridgeInput{shown.id + 1, "wrong", 5, 5, 1});
    h.Frame(2);
    CHECK(h.app().State().sampling.search.empty());

    // What an IME commits: 张三, caret after it (UTF-16 index 2).
    h.app().Text().Queue(BridgeInput{shown.id, "张三", 2, 2, 2});
    h.Frame(2);
    CHECK(h.app().State().sampling.search == "张三");
    const A11yNode& field = h.Require(Role::TextBox, "搜索");
    CHECK(field.value == "张三");
    CHECK(field.focused);
    const TextEditState echoed = h.platform.shown.back();
    CHECK(echoed.value == "张三");
    CHECK(echoed.applied_input == 2);
    CHECK(echoed.selection_start == 2);
    CHECK(echoed.selection_end == 2);

    // Backspace in the textarea arrives as the shorter value.
    h.app().Text().Queue(BridgeInput{shown.id, "张", 1, 1, 3});
    h.Frame(2);
    CHECK(h.app().State().sampling.search == "张");

    // Tapping elsewhere ends editing: the page is told to drop the keyboard.
    const int hidden_before = h.platform.hidden;
    h.Tap(200, 500);
    CHECK(h.platform.hidden == hidden_before + 1);
    CHECK_FALSE(h.Require(Role::TextBox, "搜索").focused);
    CHECK(h.app().State().sampling.search == "张");
}

TEST_CASE("text typed just before its field becomes active still lands in it") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    const A11yNode field = h.Require(Role::TextBox, "搜索");
    // The page pre-attached the field on pointerup and the IME committed at once; the
    // press itself reaches ImGui only afterwards.
    h.app().Text().Queue(BridgeInput{field.id, "李", 1, 1, 1});
    h.Frame(2);
    h.Tap(field.rect.x + 10, field.rect.y + 10);
    CHECK(h.app().State().sampling.search == "李");
}

TEST_CASE("input nobody claims is dropped after a few frames") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    const A11yNode field = h.Require(Role::TextBox, "搜索");
    h.app().Text().Queue(BridgeInput{field.id, "旧", 1, 1, 1});
    h.Frame(12);
    h.Tap(field.rect.x + 10, field.rect.y + 10);
    CHECK(h.app().State().sampling.search.empty());
}

TEST_CASE("Enter from the bridge ends editing") {
    Harness h(390, 844, Language::English);
    h.Frame(3);
    h.TapItem(Role::TextBox, "Search");
    REQUIRE_FALSE(h.platform.shown.empty());
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, true);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, false);
    h.Frame(4);
    CHECK(h.platform.hidden == 1);
}

TEST_CASE("dragging a list scrolls it and does not press what is under the finger") {
    Harness h(390, 420, Language::Chinese); // short screen: Settings overflows
    h.Frame(3);
    h.TapItem(Role::Tab, "设置");
    ImGuiWindow* content = ImGui::FindWindowByName("##content");
    REQUIRE(content != nullptr);
    REQUIRE(content->ScrollMax.y > 0);
    const A11yNode& english = h.Require(Role::Radio, "English");
    h.Drag(english.rect.x + 20, english.rect.y + 20, -150, 10);
    CHECK(content->Scroll.y > 50);
    CHECK(h.app().Ui().lang == Language::Chinese); // the drag started on "English"
}

TEST_CASE("characters missing from the fonts are asked for once and drawn when a slice comes") {
    Harness h(390, 844, Language::Chinese, /*full_chinese_subset=*/false);
    h.app().State().area = Area::Settings; // shows 喆 堃 犇 淼 燚 玥
    h.Frame(3);
    CHECK(h.platform.glyph_requests >= 1);
    CHECK(h.app().Fonts().State() == FontSlicesState::Loading);
    const auto asked = h.platform.asked;
    for (uint32_t c : {0x90BBu /*邻*/, 0x5586u /*喆*/, 0x73A5u /*玥*/}) {
        CAPTURE(c);
        CHECK(std::count(asked.begin(), asked.end(), c) == 1); // asked exactly once
    }
    CHECK(std::count(asked.begin(), asked.end(), uint32_t{'L'}) == 0); // Latin is there
    h.Frame(3);
    CHECK(h.platform.asked.size() == asked.size()); // no codepoint asked twice

    // The page answers with a slice (here the whole font) and says nothing else is coming.
    const auto slice = ReadFile(LINLI_TEST_CJK_FONT);
    REQUIRE(h.app().Fonts().AddSlice(slice.data(), slice.size()));
    h.app().Fonts().SlicesSettled(0);
    h.Frame(2);
    CHECK(h.app().Fonts().State() == FontSlicesState::Loaded);
    CHECK(h.app().Fonts().SlicesLoaded() == 1);
    ImFontBaked* baked = h.app().Fonts().Main()->GetFontBaked(h.app().Ui().metrics.body_font);
    for (ImWchar c : {0x90BB /*邻*/, 0x5586 /*喆*/, 0x581F /*堃*/, 0x7287 /*犇*/, 0x6DFC /*淼*/,
                      0x71DA /*燚*/, 0x73A5 /*玥*/}) {
        CAPTURE(c);
        CHECK(baked->FindGlyphNoFallback(c) != nullptr);
    }
    CHECK(h.platform.asked.size() == asked.size());
}

TEST_CASE("a slice that could not be fetched is said in Settings, and bad bytes are refused") {
    Harness h(390, 844, Language::Chinese, /*full_chinese_subset=*/false);
    h.Frame(2);
    REQUIRE(h.app().Fonts().State() == FontSlicesState::Loading);
    h.app().Fonts().SlicesSettled(1);
    CHECK(h.app().Fonts().State() == FontSlicesState::Failed);
    const std::string garbage = "<html>502 Bad Gateway</html>";
    CHECK_FALSE(h.app().Fonts().AddSlice(reinterpret_cast<const unsigned char*>(garbage.data()),
                                         garbage.size()));
    CHECK(h.app().Fonts().SlicesLoaded() == 0);
    h.Frame(2); // still draws
}

TEST_CASE("with the Chinese font present nothing extra is fetched") {
    Harness h(390, 844, Language::Chinese);
    h.app().State().area = Area::Settings; // shows 喆 堃 犇 淼 燚 玥
    h.Frame(3);
    CHECK(h.platform.glyph_requests == 0);
    CHECK(h.app().Fonts().State() == FontSlicesState::NoneNeeded);
    ImFontBaked* baked = h.app().Fonts().Main()->GetFontBaked(h.app().Ui().metrics.body_font);
    CHECK(baked->FindGlyphNoFallback(0x5586) != nullptr);
}

namespace {
// Types into a mirrored text field the way the page's bridge does.
void TypeInto(Harness& h, const std::string& field, const std::string& text, unsigned seq) {
    h.ScrollToAndTap(Role::TextBox, field);
    REQUIRE_FALSE(h.platform.shown.empty());
    const uint32_t id = h.platform.shown.back().id;
    h.app().Text().Queue(BridgeInput{id, text, text.size(), text.size(), seq});
    h.Frame(2);
}
} // namespace

TEST_CASE("volunteers: add through the form, saved shows only when the write completes") {
    Harness h(390, 844, Language::Chinese);
    h.persistence.complete_at_once = false;
    h.app().State().area = Area::Volunteers;
    h.app().State().volunteers.view = VolunteersView::People;
    h.Frame(3);
    h.TapItem(Role::Button, "添加志愿者");
    h.TapItem(Role::Button, "保存"); // empty form
    CHECK(h.Find(Role::Status, "请填写姓名") != nullptr);
    CHECK(h.Find(Role::Status, "请填写手机号") != nullptr);
    CHECK(h.persistence.batches.empty());

    TypeInto(h, "姓名", "王淼", 1);
    TypeInto(h, "手机号", "13800138000", 2);
    h.TapItem(Role::Button, "保存");
    REQUIRE(h.persistence.batches.size() == 1);
    CHECK(h.Require(Role::Status, "正在保存…").role == Role::Status);
    CHECK(h.Find(Role::Status, "已保存") == nullptr);
    h.data().WriteCommitted(h.persistence.pending.at(0));
    h.Frame(3);
    CHECK(h.Find(Role::Status, "已保存") != nullptr);
    CHECK(h.Find(Role::Button, "王淼 13800138000") != nullptr);
}

TEST_CASE("drafts: a half-filled form is kept as it is typed and reopened at the next start") {
    std::string draft;
    {
        Harness h(390, 844, Language::Chinese);
        h.app().DraftsLoaded(""); // the page read no draft
        h.app().State().area = Area::Volunteers;
        h.app().State().volunteers.view = VolunteersView::People;
        h.Frame(3);
        CHECK(h.platform.drafts.empty()); // no form open: nothing kept
        h.TapItem(Role::Button, "添加志愿者");
        TypeInto(h, "姓名", "王淼", 1);
        REQUIRE_FALSE(h.platform.drafts.empty());
        draft = h.platform.drafts.back();
        CHECK(draft.find("王淼") != std::string::npos);
    } // the tab is killed here: nothing was saved as a record
    Harness h(390, 844, Language::Chinese);
    h.Frame(2);
    // A damaged draft (or one from another version) opens nothing and changes nothing.
    AppState before = h.app().State();
    CHECK_FALSE(ui::RestoreDraft(h.app().State(), "{\"v\":1,\"form\":\"volunteer\""));
    CHECK_FALSE(
        ui::RestoreDraft(h.app().State(), "{\"v\":99,\"form\":\"volunteer\",\"fields\":{}}"));
    CHECK(h.app().State().area == before.area);
    CHECK_FALSE(h.app().State().volunteers.form.open);
    h.app().DraftsLoaded(draft);
    h.Frame(3);
    CHECK(h.app().State().area == Area::Volunteers);
    CHECK(h.Require(Role::TextBox, "姓名").value == "王淼");
    TypeInto(h, "手机号", "13800138000", 1);
    h.TapItem(Role::Button, "保存");
    h.Frame(3);
    CHECK(h.Find(Role::Button, "王淼 13800138000") != nullptr);
    // Saved: the draft is gone.
    REQUIRE_FALSE(h.platform.drafts.empty());
    CHECK(h.platform.drafts.back().empty());

    // A resident form the same way.
    Harness r(390, 844, Language::Chinese);
    r.app().DraftsLoaded("");
    r.Frame(3);
    r.TapItem(Role::Button, "新增居民");
    TypeInto(r, "姓名", "李犇", 1);
    REQUIRE_FALSE(r.platform.drafts.empty());
    Harness r2(390, 844, Language::Chinese);
    r2.app().DraftsLoaded(r.platform.drafts.back());
    r2.Frame(3);
    CHECK(r2.app().State().sampling.view == SamplingView::ResidentForm);
    CHECK(r2.Require(Role::TextBox, "姓名").value == "李犇");
}

TEST_CASE("volunteers: edit and a two-step delete") {
    Harness h(390, 844, Language::English);
    h.data().Volunteers().Add("Li Lei", "13900001111", 1);
    h.app().State().area = Area::Volunteers;
    h.app().State().volunteers.view = VolunteersView::People;
    h.Frame(3);
    h.TapItem(Role::Button, "Li Lei 13900001111");
    CHECK(h.Require(Role::TextBox, "Name").value == "Li Lei");
    TypeInto(h, "Name", "Li Leilei", 1);
    h.TapItem(Role::Button, "Save");
    CHECK(h.Find(Role::Button, "Li Leilei 13900001111") != nullptr);
    h.TapItem(Role::Button, "Li Leilei 13900001111");
    h.TapItem(Role::Button, "Delete");
    CHECK(h.data().Volunteers().List("").size() == 1); // not yet
    h.TapItem(Role::Button, "Confirm delete");
    CHECK(h.data().Volunteers().List("").empty());
    CHECK(h.Find(Role::Button, "Li Leilei 13900001111") == nullptr);
}

TEST_CASE("volunteers: a conflict shows in the form with both versions, one tap chooses") {
    Harness h(390, 844, Language::English);
    const Outcome added = h.data().Volunteers().Add("Li Lei", "13900001111", 1);
    REQUIRE(added.ok);
    // Another device's edit of the same record, made without seeing this one (as sync
    // brings it): a second branch, which wins by CouchDB's rule (the greater rev).
    const std::string other = R"([[")" + added.id + R"(",{"_id":")" + added.id +
                              R"(","_rev":"1-ffffffffffffffffffffffffffffffff","type":"volunteer",)"
                              R"("name":"Li Lei","phone":"13900002222"}]])";
    h.data().ApplyExternal(other);
    REQUIRE(h.data().Sync().ConflictCount() == 1);
    h.app().State().area = Area::Volunteers;
    h.app().State().volunteers.view = VolunteersView::People;
    h.Frame(3);
    h.TapItem(Role::Button, "Li Lei 13900002222");
    CHECK(h.Find(Role::Status, "Conflict: this record was changed differently on two devices; "
                               "choose which to keep") != nullptr);
    CHECK(h.Require(Role::TextBox, "Phone").value == "13900002222");
    h.TapItem(Role::Button, "Use other");
    CHECK(h.data().Sync().ConflictCount() == 0);
    CHECK(h.data().Volunteers().Find(added.id)->phone == "13900001111");
    CHECK(h.Require(Role::TextBox, "Phone").value == "13900001111"); // the form follows
    CHECK(h.Find(Role::Status, "Conflict: this record was changed differently on two devices; "
                               "choose which to keep") == nullptr);
}

TEST_CASE("a failed write is shown plainly and the change disappears") {
    Harness h(390, 844, Language::English);
    h.persistence.complete_at_once = false;
    h.app().State().area = Area::Volunteers;
    h.app().State().volunteers.view = VolunteersView::People;
    h.data().Volunteers().Add("Han Mei", "13900002222", 1);
    h.data().WriteFailed(h.persistence.pending.at(0), store::FailureKind::Quota,
                         "QuotaExceededError", "");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "Not saved: the device's storage is full. Export a backup and "
                               "free some browser storage.") != nullptr);
    CHECK(h.Find(Role::Button, "Han Mei 13900002222") == nullptr);
}

TEST_CASE("settings: backup export downloads every document, a foreign file is refused") {
    Harness h(390, 844, Language::English);
    h.data().Volunteers().Add("Han Mei", "13900002222", 1);
    h.app().State().area = Area::Settings;
    h.Frame(3);
    h.TapItem(Role::Button, "Export backup");
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads[0].first.rfind("linli-backup-", 0) == 0);
    CHECK(h.platform.downloads[0].second.find("Han Mei") != std::string::npos);
    h.TapItem(Role::Button, "Restore from backup");
    CHECK(h.platform.open_file_requests == 1);
    h.app().FileOpened("photo.json", R"({"some":"thing"})");
    h.Frame(3);
    CHECK(h.Find(Role::Status,
                 "Cannot restore: this is not a Linli backup file. Nothing was changed.") !=
          nullptr);
    CHECK(h.data().Volunteers().List("").size() == 1);
}

TEST_CASE("settings: a restore says done only once its write is durable") {
    std::string backup;
    {
        Harness source(390, 844, Language::English);
        source.data().Volunteers().Add("Han Mei", "13900002222", 1);
        backup = source.data().Settings().ExportBackup(5);
    }
    {
        Harness h(390, 844, Language::English);
        h.persistence.complete_at_once = false;
        h.app().State().area = Area::Settings;
        h.Frame(3);
        h.app().FileOpened("backup.json", backup);
        h.Frame(3);
        CHECK(h.Find(Role::Status, "Saving the restored records…") != nullptr);
        CHECK(h.FindPrefix(Role::Status, "Restored:") == nullptr);
        REQUIRE(h.persistence.pending.size() == 1);
        h.data().WriteCommitted(h.persistence.pending.at(0));
        h.Frame(3);
        CHECK(h.Find(Role::Status, "Restored: 1 added, 0 updated, 0 already here, 0 conflicts") !=
              nullptr);
    }
    // A restore whose write fails says so instead.
    Harness failing(390, 844, Language::English);
    failing.persistence.complete_at_once = false;
    failing.app().State().area = Area::Settings;
    failing.Frame(3);
    failing.app().FileOpened("backup.json", backup);
    failing.Frame(3);
    REQUIRE(failing.persistence.pending.size() == 1);
    failing.data().WriteFailed(failing.persistence.pending.at(0), store::FailureKind::Quota,
                               "QuotaExceededError", "");
    failing.Frame(3);
    CHECK(failing.Find(Role::Status, "The restore was not saved (see the save status above). "
                                     "Restore again.") != nullptr);
    CHECK(failing.FindPrefix(Role::Status, "Restored:") == nullptr);
}

TEST_CASE("records that could not be loaded are reported above the screen") {
    Harness h(390, 844, Language::English);
    h.data().Load(
        R"([["volunteer:bad","oops"],["volunteer:ok",{"_id":"volunteer:ok","_rev":"1-ab","name":"A","phone":"13800000000"}]])");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "1 stored records could not be read and were skipped; everything "
                               "else loaded.") != nullptr);
    h.TapItem(Role::Button, "OK");
    CHECK(h.Find(Role::Status, "1 stored records could not be read and were skipped; everything "
                               "else loaded.") == nullptr);
}

TEST_CASE("a failed save keeps what was typed in the form") {
    Harness h(390, 844, Language::English);
    h.persistence.complete_at_once = false;
    h.app().State().area = Area::Volunteers;
    h.app().State().volunteers.view = VolunteersView::People;
    h.Frame(3);
    h.TapItem(Role::Button, "Add volunteer");
    TypeInto(h, "Name", "Zhou Zhe", 1);
    TypeInto(h, "Phone", "13700007777", 2);
    h.TapItem(Role::Button, "Save");
    REQUIRE(h.persistence.pending.size() == 1);
    h.data().WriteFailed(h.persistence.pending[0], store::FailureKind::Other, "UnknownError: disk",
                         "");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "Not saved: UnknownError: disk") != nullptr);
    CHECK(h.Require(Role::TextBox, "Name").value == "Zhou Zhe");
    CHECK(h.Require(Role::TextBox, "Phone").value == "13700007777");
    CHECK(h.data().Volunteers().List("").empty());
    // Saving again works once the disk does.
    h.persistence.complete_at_once = true;
    h.TapItem(Role::Button, "Save");
    h.Frame(2);
    CHECK(h.data().Volunteers().List("").size() == 1);
    CHECK(h.Find(Role::TextBox, "Name") == nullptr); // the form closed
}

namespace {

// A small roster as a Chinese Windows Excel saves it: GBK, CRLF (张三 = D5C5 C8FD, ...).
std::string GbkRoster() {
    // 楼号,单元号,门牌号,姓名,特殊情况 / 1,1,101,张三, / 1,1,101,李四,卧床 / 2,1,201,王五,
    const char* utf8_lines[] = {"楼号,单元号,门牌号,姓名,特殊情况", "1,1,101,张三,",
                                "1,1,101,李四,卧床", "2,1,201,王五,"};
    (void)utf8_lines; // the bytes below are these lines in GBK (checked with iconv)
    return "\xC2\xA5\xBA\xC5,\xB5\xA5\xD4\xAA\xBA\xC5,\xC3\xC5\xC5\xC6\xBA\xC5,\xD0\xD5\xC3\xFB,"
           "\xCC\xD8\xCA\xE2\xC7\xE9\xBF\xF6\r\n"
           "1,1,101,\xD5\xC5\xC8\xFD,\r\n"
           "1,1,101,\xC0\xEE\xCB\xC4,\xCE\xD4\xB4\xB2\r\n"
           "2,1,201,\xCD\xF5\xCE\xE5,\r\n";
}

} // namespace

TEST_CASE("sampling: a file over the size limit is refused unread, control characters in "
          "cells are removed and counted") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Button, "导入名册");
    h.TapItem(Role::Button, "选择文件");
    // The page refuses such a file before reading it (App::FileTooLarge); bytes that get
    // here anyway are refused the same way.
    h.app().FileOpened("huge.csv", std::string(kMaxOpenFileBytes + 1, 'a'));
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "无法读取文件：huge.csv 有 50.0 MB，超过可读取的上限 50 MB，"
                                     "未读取。") != nullptr);
    h.TapItem(Role::Button, "选择文件");
    h.app().FileTooLarge("photos.zip", 200.0 * 1024 * 1024);
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "无法读取文件：photos.zip 有 200.0 MB") != nullptr);
    CHECK(h.data().Sampling().Model().Residents().empty());

    h.TapItem(Role::Button, "选择文件");
    h.app().FileOpened("roster.csv",
                       GbkRoster() + std::string("2,1,202,\xD5\xC5\x01\xC8\xFD,\r\n"));
    h.Frame(3);
    CHECK(h.Find(Role::Status, "有 1 个单元格含有看不见的控制字符，已去除。") != nullptr);
    CHECK(h.Find(Role::Button, "第 4 列「姓名」：姓名 张三 / 李四 / 王五") != nullptr);
    h.TapItem(Role::Button, "导入 4 行");
    h.Frame(5);
    CHECK(h.Find(Role::Status, "导入完成：新增 4，更新 0，无变化 0，跳过 0") != nullptr);
    bool found = false;
    for (const auto& r : h.data().Sampling().Model().Residents()) {
        found = found || (r.name == "张三" && r.room == "202");
    }
    CHECK(found);
}

TEST_CASE("sampling: a GBK roster imported through the screens, then a round marked") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Button, "导入名册");
    h.TapItem(Role::Button, "选择文件");
    CHECK(h.platform.open_file_requests == 1);
    h.app().FileOpened("roster.csv", GbkRoster());
    h.Frame(3);
    // The headers were read from GBK and mapped.
    CHECK(h.Find(Role::Button, "第 1 列「楼号」：楼栋 1 / 1 / 2") != nullptr);
    CHECK(h.Find(Role::Button, "第 4 列「姓名」：姓名 张三 / 李四 / 王五") != nullptr);
    h.TapItem(Role::Button, "导入 3 行");
    h.Frame(5);
    CHECK(h.Find(Role::Status, "导入完成：新增 3，更新 0，无变化 0，跳过 0") != nullptr);
    CHECK(h.data().Sampling().Model().Residents().size() == 3);
    h.TapItem(Role::Button, "返回");

    h.TapItem(Role::Button, "新建一轮检测");
    h.TapItem(Role::Radio, "单管");
    h.ScrollToAndTap(Role::Button, "创建本轮");
    CHECK(h.Find(Role::Status, "已采 0 / 3 人 · 2 户未完成") != nullptr);
    h.TapItem(Role::Button, "1号楼 · 防范区 0% 已采 0 / 2 人 · 1 户未完成");
    // Building settings: the control level.
    h.TapItem(Role::Button, "楼栋设置");
    h.TapItem(Role::Radio, "封控区");
    CHECK(h.data().Sampling().Model().LevelOf("1") == ControlLevel::Sealed);
    h.TapItem(Role::Button, "楼栋设置");
    // 李四 is bedridden: "sample" marks a home visit done; 张三 needs a tube first.
    TypeInto(h, "管号", "S1", 1);
    h.TapItem(Role::Button, "开新管");
    CHECK(h.Find(Role::Status, "当前试管 S1：0 / 1 人") != nullptr);
    h.ScrollToAndTap(Role::Button, "采样");
    CHECK(h.Find(Role::Status, "试管 S1 已满，已封管。请开新管。") != nullptr);
    h.TapItem(Role::Button, "知道了");
    const Round* round = h.data().Sampling().Model().Rounds().at(0);
    CHECK(h.data().Sampling().Model().ProgressOf(*round).total.sampled == 1);
    // The next "sample" is 李四's: bedridden, so it is a home visit (no tube needed).
    h.ScrollToAndTap(Role::Button, "采样");
    CHECK(h.data().Sampling().Model().ProgressOf(*round).total.sampled == 2);
    h.ScrollTo(Role::Button, "‹ 返回");
    CHECK(h.data().Sampling().Model().ProgressOf(*round).total.households_incomplete == 1);
    // "More" on the first row (张三): refused replaces sampled.
    h.TapItem(Role::Button, "其他");
    h.TapItem(Role::Radio, "拒采");
    const RoundProgress& p = h.data().Sampling().Model().ProgressOf(*round);
    CHECK(p.total.sampled == 1);
    CHECK(p.total.refused == 1);
    CHECK(p.total.households_incomplete == 2);
    CHECK(h.data().Sampling().Model().TubeCount(round->id, "S1") == 0);
    CHECK(h.platform.printed.empty());
    h.TapItem(Role::Button, "打印本楼清单");
    REQUIRE(h.platform.printed.size() == 1);
    CHECK(h.platform.printed[0].find("1号楼 核酸采样清单") != std::string::npos);
}

TEST_CASE("sampling: tapping 采样 leaves the tube the tube tab lists alone") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Button, "导入名册");
    h.TapItem(Role::Button, "选择文件");
    h.app().FileOpened("roster.csv", GbkRoster());
    h.Frame(3);
    h.TapItem(Role::Button, "导入 3 行");
    h.Frame(5);
    h.TapItem(Role::Button, "返回");
    h.TapItem(Role::Button, "新建一轮检测");
    h.TapItem(Role::Radio, "单管");
    h.ScrollToAndTap(Role::Button, "创建本轮");
    h.TapItem(Role::Button, "1号楼 · 防范区 0% 已采 0 / 2 人 · 1 户未完成");
    // The round's tube tab lists the people of tube T9 (what a tap there chose).
    h.app().State().sampling.tube_detail = "T9";
    TypeInto(h, "管号", "S1", 1);
    h.TapItem(Role::Button, "开新管");
    h.ScrollToAndTap(Role::Button, "采样");
    // The toast names the tube the sample filled, from the outcome...
    CHECK(h.Find(Role::Status, "试管 S1 已满，已封管。请开新管。") != nullptr);
    // ...and the tube tab still lists the tube chosen there.
    CHECK(h.app().State().sampling.tube_detail == "T9");
}

TEST_CASE("sampling: a broken file says why and changes nothing") {
    Harness h(390, 844, Language::English);
    h.Frame(3);
    h.TapItem(Role::Button, "Import roster");
    h.TapItem(Role::Button, "Choose file");
    h.app().FileOpened("broken.csv", "building,room,name\r\n1,101,\"Zhang\r\n");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "The quote opened on line 2 never ends; the file may be damaged. "
                               "Nothing was changed.") != nullptr);
    h.TapItem(Role::Button, "Choose file");
    h.app().FileOpened("empty.csv", "");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "The file is empty; there is nothing to import.") != nullptr);
    // A file without a name column cannot start.
    h.TapItem(Role::Button, "Choose file");
    h.app().FileOpened("nonames.csv", "building,room\r\n1,101\r\n");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "Choose the column that holds the name") != nullptr);
    CHECK(h.data().Sampling().Model().Residents().empty());
}

TEST_CASE(
    "sampling: resident form validates, saves and keeps what was typed when the write fails") {
    Harness h(390, 844, Language::Chinese);
    h.persistence.complete_at_once = false;
    h.Frame(3);
    h.TapItem(Role::Button, "新增居民");
    h.ScrollToAndTap(Role::Button, "保存");
    CHECK(h.Find(Role::Status, "请填写姓名") != nullptr);
    CHECK(h.Find(Role::Status, "请填写楼栋") != nullptr);
    CHECK(h.Find(Role::Status, "请填写房号") != nullptr);
    h.ScrollTo(Role::TextBox, "楼栋");
    TypeInto(h, "楼栋", "3号楼", 1);
    TypeInto(h, "房号", "1502室", 2);
    TypeInto(h, "姓名", "赵喆", 3);
    h.TapItem(Role::Radio, "独居老人");
    h.ScrollToAndTap(Role::Button, "保存");
    REQUIRE(h.persistence.pending.size() == 1);
    h.data().WriteFailed(h.persistence.pending.at(0), store::FailureKind::Quota,
                         "QuotaExceededError", "");
    h.Frame(3);
    // Still on the form, with what was typed.
    h.ScrollTo(Role::TextBox, "姓名");
    CHECK(h.Require(Role::TextBox, "姓名").value == "赵喆");
    CHECK(h.data().Sampling().Model().Residents().empty());
    h.ScrollToAndTap(Role::Button, "保存");
    REQUIRE(h.persistence.pending.size() == 2);
    h.data().WriteCommitted(h.persistence.pending.at(1));
    h.Frame(3);
    CHECK(h.Find(Role::TextBox, "姓名") == nullptr); // back on the roster
    REQUIRE(h.data().Sampling().Model().Residents().size() == 1);
    const Resident& r = h.data().Sampling().Model().Residents()[0];
    CHECK(r.building == "3");
    CHECK(r.room == "1502");
    CHECK(r.flags == kFlagLivesAlone);
}

TEST_CASE("sampling: a round is edited from its view") {
    Harness h(390, 844, Language::Chinese);
    Resident r;
    r.building = "1";
    r.room = "101";
    r.name = "张三";
    REQUIRE(h.data().Sampling().ImportResidents({r}).ok);
    h.Frame(3);
    h.TapItem(Role::Button, "新建一轮检测");
    TypeInto(h, "采样点", "东门", 1);
    h.ScrollToAndTap(Role::Button, "创建本轮");
    h.ScrollToAndTap(Role::Button, "编辑本轮");
    CHECK(h.Require(Role::TextBox, "采样点").value == "东门");
    TypeInto(h, "采样点", "西门广场", 2);
    h.ScrollToAndTap(Role::Button, "保存");
    REQUIRE(h.data().Sampling().Model().Rounds().size() == 1);
    REQUIRE(h.data().Sampling().Model().Rounds()[0]->sites.size() == 1);
    CHECK(h.data().Sampling().Model().Rounds()[0]->sites[0].site == "西门广场");
    CHECK(h.Find(Role::Radio, "试管") != nullptr); // back on the round's view
}

TEST_CASE("sampling: the home screen lists the newest three rounds, all on request") {
    Harness h(1280, 800, Language::Chinese);
    for (int day = 1; day <= 4; ++day) {
        Round r;
        r.date = "2026-11-0" + std::to_string(day);
        REQUIRE(h.data().Sampling().CreateRound(r, day).ok);
    }
    h.Frame(3);
    auto row = [](int day) {
        return "2026-11-0" + std::to_string(day) + " · 全员核酸 · 10合1 已采 0 / 0 人 · 0 户未完成";
    };
    CHECK(h.Find(Role::Button, row(4)) != nullptr);
    CHECK(h.Find(Role::Button, row(2)) != nullptr);
    CHECK(h.Find(Role::Button, row(1)) == nullptr);
    h.TapItem(Role::Button, "显示全部 4 轮");
    CHECK(h.Find(Role::Button, row(1)) != nullptr);
}

TEST_CASE(
    "supplies on a phone: paste a chain, fix an unmatched line, import, deliver door to door") {
    Harness h(390, 844, Language::Chinese);
    auto person = [](const char* unit, const char* room, const char* name, const char* phone) {
        Resident r;
        r.building = "3";
        r.unit = unit;
        r.room = room;
        r.name = name;
        r.phone = phone;
        return r;
    };
    REQUIRE(h.data()
                .Sampling()
                .ImportResidents({person("1", "1502", "李四", "13800031502"),
                                  person("2", "1502", "张三", "13800032502"),
                                  person("2", "301", "王五", "13800032301")})
                .ok);
    h.app().State().area = Area::Supplies;
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "还没有团购") == nullptr); // muted text, not a status
    h.TapItem(Role::Button, "粘贴接龙");
    TypeInto(h, "接龙文本",
             "#接龙\n幸福里 第1期\n1号 蔬菜包 39.9元/份\n2号 鸡蛋 30个 30元/盒\n\n"
             "1. 3-2-1502 张三 1号×2\n2. 3-2-301 王五 2号×1\n3. 3栋1502 李四 1号×1\n",
             1);
    CHECK(h.data().Supplies().Model().Rounds().empty()); // typing writes nothing
    h.TapItem(Role::Button, "识别");
    CHECK(h.Find(Role::Status, "将新建团购：幸福里 第1期") != nullptr);
    CHECK(h.Find(Role::Status, "1 行未识别，点该行修改") != nullptr);
    CHECK(h.Find(Role::Button, "导入 2 单") != nullptr);
    // The unmatched line: building 3 has a 1502 in two units. Tap it and add the unit.
    const A11yNode* row = h.ScrollToPrefix(Role::Button, "3. 3栋1502 李四");
    REQUIRE(row != nullptr);
    h.Tap(row->rect.x + 20, row->rect.y + 10);
    TypeInto(h, "修改这一行", "3. 3-1-1502 李四 1号×1", 2);
    h.ScrollToAndTap(Role::Button, "重新识别");
    CHECK(h.Find(Role::Status, "每一行都已识别") != nullptr);
    h.ScrollToAndTap(Role::Button, "导入 3 单");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "已导入 3 单") != nullptr);
    const SuppliesModel& model = h.data().Supplies().Model();
    REQUIRE(model.Rounds().size() == 1);
    const std::string round = model.Rounds()[0]->id;
    CHECK(model.OrdersOf(round).size() == 3);

    h.TapItem(Role::Radio, "送货");
    CHECK(h.Find(Role::Status, "本楼还有 3 户未送") != nullptr);
    // Walking order: unit 1 first, so the first 送达 is 李四's door.
    h.TapItem(Role::Button, "送达");
    CHECK(h.Find(Role::Status, "本楼还有 2 户未送") != nullptr);
    const Order* li = h.data().Supplies().Model().FindOrder(OrderId(round, "3", "1", "1502"));
    REQUIRE(li != nullptr);
    CHECK(li->delivery.outcome == DropOutcome::Delivered);
    CHECK(li->status == OrderStatus::Delivered);
    CHECK(li->delivery.by == "testdev");

    h.TapItem(Role::Radio, "汇总");
    CHECK(h.Find(Role::Status, "共 3 单，合计 ￥149.7，已送达 1") != nullptr);
    CHECK(h.Find(Role::Status, "1号 蔬菜包：3份，￥119.7") != nullptr);
}

namespace {

std::string ReadBinaryFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE(
    "sampling: an .xlsx roster written by openpyxl imports, and the roster exports as Excel") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(3);
    h.TapItem(Role::Button, "导入名册");
    h.TapItem(Role::Button, "选择文件");
    const std::string xlsx = ReadBinaryFile(LINLI_TEST_DATA_DIR "/openpyxl_roster.xlsx");
    REQUIRE(LooksLikeZip(xlsx));
    // Named .csv on purpose: the bytes decide.
    h.app().FileOpened("名册.csv", xlsx);
    h.Frame(3);
    CHECK(h.app().State().sampling.import.xlsx_sheet == "名册"); // the visible sheet
    CHECK(h.Find(Role::Button, "第 4 列「姓名」：姓名 王小明 / 李红 / =张伟") != nullptr);
    CHECK(h.Find(Role::Button,
                 "第 5 列「电话」：手机号 13800138000 / 13900139000 / 013912345678") != nullptr);
    h.TapItem(Role::Button, "导入 3 行");
    h.Frame(5);
    CHECK(h.Find(Role::Status, "导入完成：新增 3，更新 0，无变化 0，跳过 0") != nullptr);
    const auto& residents = h.data().Sampling().Model().Residents();
    REQUIRE(residents.size() == 3);
    bool found = false;
    for (const Resident& r : residents) {
        if (r.name == "王小明") {
            found = true;
            CHECK(r.phone == "13800138000");
            CHECK(r.building == "3");
            CHECK(r.room == "1502");
            CHECK(r.birth_year == 1956);
        }
    }
    CHECK(found);
    h.TapItem(Role::Button, "返回");
    h.ScrollToAndTap(Role::Button, "导出 Excel");
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads[0].first.size() > 5);
    CHECK(h.platform.downloads[0].first.substr(h.platform.downloads[0].first.size() - 5) ==
          ".xlsx");
    const XlsxReadResult back = ReadXlsx(h.platform.downloads[0].second);
    REQUIRE(back.error == XlsxReadError::None);
    REQUIRE(back.sheets.size() == 1);
    CHECK(back.sheets[0].name == "名册");
    REQUIRE(back.sheets[0].rows.size() == 4);
    bool exported = false;
    for (const CsvRow& row : back.sheets[0].rows) {
        if (row.cells.size() > 4 && row.cells[3] == "王小明") {
            exported = row.cells[4] == "13800138000" && row.cells[5] == "1956";
        }
    }
    CHECK(exported);
}

TEST_CASE("sampling: an old .xls, a password-protected or a damaged .xlsx says what to do") {
    Harness h(390, 844, Language::English);
    h.Frame(3);
    h.TapItem(Role::Button, "Import roster");
    h.TapItem(Role::Button, "Choose file");
    const std::string ole2 =
        std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(1024, '\0');
    h.app().FileOpened("roster.xls", ole2);
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "This is an old .xls or a password-protected Excel file") !=
          nullptr);
    const std::string good = ReadBinaryFile(LINLI_TEST_DATA_DIR "/openpyxl_roster.xlsx");
    h.TapItem(Role::Button, "Choose file");
    h.app().FileOpened("roster.xlsx", good.substr(0, good.size() / 2));
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "This .xlsx file is damaged or incomplete (") != nullptr);
    // An empty zip archive (or a .docx): a zip, but no workbook.
    h.TapItem(Role::Button, "Choose file");
    h.app().FileOpened("roster.xlsx", std::string("PK\x05\x06", 4) + std::string(18, '\0'));
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "This file is a zip archive but not an Excel workbook") !=
          nullptr);
    CHECK(h.data().Sampling().Model().Residents().empty());
    // Chinese: the same advice, in Chinese.
    Harness zh(390, 844, Language::Chinese);
    zh.Frame(3);
    zh.TapItem(Role::Button, "导入名册");
    zh.TapItem(Role::Button, "选择文件");
    zh.app().FileOpened("名册.xls", ole2);
    zh.Frame(3);
    const A11yNode* said = zh.FindPrefix(Role::Status, "这是旧版 .xls 或加了密码的 Excel 文件");
    REQUIRE(said != nullptr);
    CHECK(said->name.find("请在 Excel/WPS 中另存为 .xlsx 或 CSV") != std::string::npos);
}

TEST_CASE("supplies on a phone: a catalog sheet, a group buy by hand, an order for someone living "
          "alone from the calling list, the purchase list against the minimum, printed lists") {
    Harness h(390, 844, Language::Chinese);
    Resident alone;
    alone.building = "5";
    alone.unit = "1";
    alone.room = "101";
    alone.name = "周阿婆";
    alone.phone = "13800051101";
    alone.flags = kFlagLivesAlone;
    alone.note = "耳背，先打电话";
    Resident other = alone;
    other.room = "102";
    other.name = "钱先生";
    other.flags = 0;
    other.note.clear();
    REQUIRE(h.data().Sampling().ImportResidents({alone, other}).ok);
    h.app().State().area = Area::Supplies;
    h.Frame(3);
    h.TapItem(Role::Button, "商品目录");
    h.TapItem(Role::Button, "导入商品表");
    CHECK(h.platform.open_file_requests == 1);
    h.app().FileOpened("报价单.csv", "品名,规格,单位,单价,起送量,供应商\r\n"
                                     "蔬菜包,约6斤,份,39.9,5,绿源农场\r\n"
                                     "鸡蛋,30枚,盒,,,\r\n");
    h.Frame(2);
    CHECK(h.Find(Role::Status, "新增 1，更新 0，未变 0，有问题 1 行") != nullptr);
    CHECK(h.FindPrefix(Role::Status, "第 3 行 鸡蛋：请填写单价") != nullptr);
    CHECK(h.data().Supplies().Model().Items().empty()); // nothing before the button
    h.TapItem(Role::Button, "导入 1 个商品");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "已导入 1 个商品") != nullptr);
    REQUIRE(h.data().Supplies().Model().Items().size() == 1);
    // A file that is no sheet says so and changes nothing.
    h.TapItem(Role::Button, "导入商品表");
    h.app().FileOpened("photo.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
    h.Frame(2);
    CHECK(h.FindPrefix(Role::Status, "这不是表格文件") != nullptr);
    CHECK(h.data().Supplies().Model().Items().size() == 1);

    h.TapItem(Role::Button, "‹ 返回");
    h.TapItem(Role::Button, "新建团购");
    h.ScrollToAndTap(Role::Button, "开始团购");
    CHECK(h.Find(Role::Status, "请填写团购名称") != nullptr);
    TypeInto(h, "团购名称", "第5期", 1);
    h.ScrollToAndTap(Role::Radio, "蔬菜包 约6斤 · ￥39.9");
    TypeInto(h, "每户限购", "2", 2);
    h.ScrollToAndTap(Role::Button, "开始团购");
    h.Frame(3);
    const SuppliesModel& model = h.data().Supplies().Model();
    REQUIRE(model.Rounds().size() == 1);
    const OrderRound& round = *model.Rounds()[0];
    CHECK(round.title == "第5期");
    REQUIRE(round.offers.size() == 1);
    CHECK(round.offers[0].household_limit == 2);

    h.TapItem(Role::Radio, "待联系");
    CHECK(h.Find(Role::Status, "1 户待联系") != nullptr); // building 5 is not sealed
    const A11yNode* call = h.FindPrefix(Role::Button, "5-1-101 周阿婆");
    REQUIRE(call != nullptr);
    h.Tap(call->rect.x + 20, call->rect.y + 10);
    CHECK(h.Find(Role::Status, "5-1-101 周阿婆") != nullptr);
    h.ScrollToAndTap(Role::Button, "增加 蔬菜包");
    h.ScrollToAndTap(Role::Button, "增加 蔬菜包");
    h.ScrollToAndTap(Role::Button, "增加 蔬菜包");
    h.ScrollToAndTap(Role::Button, "保存订单");
    CHECK(h.Find(Role::Status, "超过了每户限购") != nullptr);
    h.ScrollToAndTap(Role::Button, "减少 蔬菜包");
    h.ScrollToAndTap(Role::Radio, "货到付款");
    h.ScrollToAndTap(Role::Button, "保存订单");
    h.Frame(3);
    const Order* o = model.FindOrder(OrderId(round.id, "5", "1", "101"));
    REQUIRE(o != nullptr);
    CHECK(o->lines == std::vector<OrderLine>{{"蔬菜包", 2}});
    CHECK(o->channel == OrderChannel::OnBehalf);
    CHECK(o->payment == Payment::CashOnDelivery);
    CHECK(o->note == "耳背，先打电话");
    h.TapItem(Role::Radio, "待联系");
    CHECK(h.Find(Role::Status, "0 户待联系") != nullptr);

    h.TapItem(Role::Radio, "汇总");
    CHECK(h.Find(Role::Status, "蔬菜包：2份，￥79.8 · 起送 5，还差 3") != nullptr);
    h.ScrollToAndTap(Role::Button, "打印分拣单");
    REQUIRE(h.platform.printed.size() == 1);
    CHECK(h.platform.printed[0].find("周阿婆") != std::string::npos);
    CHECK(h.platform.printed[0].find("<script") == std::string::npos);
    h.ScrollToAndTap(Role::Button, "导出采购单");
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads[0].first == "第5期-采购清单.xlsx");
    const XlsxReadResult book = ReadXlsx(h.platform.downloads[0].second);
    REQUIRE(book.error == XlsxReadError::None);
    REQUIRE(book.sheets.size() == 1);
    const std::vector<CsvRow>& rows = book.sheets[0].rows;
    REQUIRE(rows.size() >= 3);
    CHECK(rows[0].cells[0] == "第5期 · 采购清单");
    CHECK(rows.back().cells[0] == "绿源农场"); // the supplier's section
    CHECK(rows.back().cells[4] == "2");        // 2 packs
    // CSV when chosen.
    h.ScrollToAndTap(Role::Radio, "CSV");
    h.ScrollToAndTap(Role::Button, "导出采购单");
    REQUIRE(h.platform.downloads.size() == 2);
    CHECK(h.platform.downloads[1].first == "第5期-采购清单.csv");
    CHECK(h.platform.downloads[1].second.find("绿源农场") != std::string::npos);

    // The door: one tap on a cash-on-delivery order records the money due.
    h.TapItem(Role::Radio, "送货");
    h.ScrollToAndTap(Role::Button, "打印本楼送货单");
    REQUIRE(h.platform.printed.size() == 2);
    CHECK(h.platform.printed[1].find("138****1101") != std::string::npos); // masked
    CHECK(h.platform.printed[1].find("13800051101") == std::string::npos);
    h.TapItem(Role::Button, "送达");
    h.Frame(2);
    CHECK(model.FindOrder(o->id)->delivery.cash == 7980);
}

TEST_CASE("sample data: offered on an empty app, marked on every screen, removed in two taps") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(2);
    h.ScrollToAndTap(Role::Button, "载入示例数据");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "示例数据：这里的住户、订单都是虚构的") != nullptr);
    REQUIRE(h.data().Sample().Present());
    for (const char* area : {"采样", "物资", "志愿者", "设置"}) {
        h.TapItem(Role::Tab, area);
        h.Frame(2);
        INFO(area);
        CHECK(h.Find(Role::Status, "示例数据：这里的住户、订单都是虚构的") != nullptr);
    }
    h.TapItem(Role::Tab, "物资");
    h.Frame(2);
    CHECK(h.FindPrefix(Role::Button, "幸福里 第1期 保供团购（示例）") != nullptr);
    h.TapItem(Role::Button, "删除示例数据");
    CHECK(h.data().Sample().Present()); // one tap is not enough
    h.TapItem(Role::Button, "再点一次，删除全部示例数据");
    h.Frame(3);
    CHECK_FALSE(h.data().Sample().Present());
    CHECK(h.Find(Role::Status, "示例数据已删除") != nullptr);
    CHECK(h.data().Supplies().Model().Rounds().empty());
    CHECK(h.data().Sampling().Model().Residents().empty());
    CHECK(h.Find(Role::Button, "载入示例数据") != nullptr); // offered again
}

TEST_CASE("medicine on a phone: a need recorded for a flagged resident shrinks the to-ask list") {
    Harness h(390, 844, Language::Chinese);
    auto person = [](const char* room, const char* name, uint32_t flags) {
        Resident r;
        r.building = "2";
        r.unit = "1";
        r.room = room;
        r.name = name;
        r.flags = flags;
        return r;
    };
    REQUIRE(
        h.data()
            .Sampling()
            .ImportResidents({person("1502", "曹红涵", kFlagLivesAlone),
                              person("302", "史淼妤", kFlagChronic), person("501", "莫兰轩", 0)})
            .ok);
    h.app().State().area = Area::Supplies;
    h.Frame(3);
    h.TapItem(Role::Button, "药品需求");
    CHECK(h.Find(Role::Status, "没有未办完的药品需求") == nullptr); // muted text, not a status
    h.TapItem(Role::Radio, "未询问");
    CHECK(h.Find(Role::Status, "还有 2 人未询问") != nullptr);

    // The first to ask is 2-1-302 (room order): record what she needs, from her row.
    h.TapItem(Role::Button, "登记需求");
    CHECK(h.FindPrefix(Role::Button, "史淼妤") != nullptr); // prefilled with her
    CHECK(h.Find(Role::TextBox, "查找居民") == nullptr);
    const size_t batches = h.persistence.batches.size();
    h.ScrollToAndTap(Role::Button, "保存");
    CHECK(h.Find(Role::Status, "请填写药品名称") != nullptr);
    CHECK(h.persistence.batches.size() == batches); // refused: nothing written
    TypeInto(h, "药品名称", "二甲双胍", 1);
    h.ScrollToAndTap(Role::Radio, "立即");
    h.ScrollToAndTap(Role::Button, "保存");
    h.Frame(3);
    CHECK(h.Find(Role::TextBox, "药品名称") == nullptr); // durable: the form closed
    CHECK(h.Find(Role::Status, "已保存：二甲双胍") != nullptr);
    CHECK(h.Find(Role::Status, "还有 1 人未询问") != nullptr);

    // The other one was asked and needs nothing: one tap.
    h.TapItem(Role::Button, "已询问");
    CHECK(h.Find(Role::Status, "已记下：曹红涵 已询问，暂不需要") != nullptr);
    CHECK(h.Find(Role::Status, "慢病和独居的居民都已询问过") != nullptr);
    // Tapped by mistake: 撤销 puts her back; then asked for real.
    h.TapItem(Role::Button, "撤销");
    CHECK(h.Find(Role::Status, "已撤销：曹红涵 回到待询问名单") != nullptr);
    CHECK(h.Find(Role::Status, "还有 1 人未询问") != nullptr);
    CHECK(h.Find(Role::Button, "撤销") == nullptr);
    h.TapItem(Role::Button, "已询问");
    CHECK(h.Find(Role::Status, "慢病和独居的居民都已询问过") != nullptr);
    CHECK(h.data().Medicine().ToAsk().empty());

    // A new request for someone found by the roster's search; the form waits for its write.
    h.TapItem(Role::Button, "新增药品需求");
    TypeInto(h, "查找居民", "莫兰", 2);
    const A11yNode* found = h.FindPrefix(Role::Button, "莫兰轩");
    REQUIRE(found != nullptr);
    h.Tap(found->rect.x + 20, found->rect.y + 10);
    CHECK(h.Find(Role::TextBox, "查找居民") == nullptr);
    TypeInto(h, "药品名称", "胰岛素", 3);
    h.ScrollToAndTap(Role::Radio, "需要居民的医保卡/就诊卡");
    h.ScrollToAndTap(Role::Radio, "本周");
    TypeInto(h, "经办人", "王淼", 4);
    h.persistence.complete_at_once = false;
    h.ScrollToAndTap(Role::Button, "保存");
    h.Frame(3);
    CHECK(h.Find(Role::TextBox, "药品名称") != nullptr); // still saving: the form stays
    REQUIRE(h.persistence.pending.size() == 1);
    h.data().WriteCommitted(h.persistence.pending[0]);
    h.Frame(3);
    CHECK(h.Find(Role::TextBox, "药品名称") == nullptr);

    // The open list: the most urgent first; a handler made the new one assigned.
    h.TapItem(Role::Radio, "需求");
    CHECK(h.Find(Role::Status, "2 条需求未办完") != nullptr);
    const A11yNode* first = h.FindPrefix(Role::Button, "立即 · 二甲双胍");
    const A11yNode* second = h.FindPrefix(Role::Button, "本周 · 胰岛素 · 需医保卡");
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(first->rect.y < second->rect.y);
    CHECK(second->name == "本周 · 胰岛素 · 需医保卡 2-1-501 莫兰轩 · 已分派 · 经办：王淼");

    // Tap a request to move it on: delivered, it leaves the open list.
    h.Tap(first->rect.x + 20, first->rect.y + 10);
    h.ScrollToAndTap(Role::Radio, "已送达");
    h.persistence.complete_at_once = true;
    h.ScrollToAndTap(Role::Button, "保存");
    h.Frame(3);
    CHECK(h.Find(Role::Status, "1 条需求未办完") != nullptr);
    const std::vector<const MedicineRequest*> open = h.data().Medicine().Model().OpenRequests();
    REQUIRE(open.size() == 1);
    CHECK(open[0]->drug == "胰岛素");
    CHECK(open[0]->needs_medical_card);
}

TEST_CASE("supplies: manifests per volunteer in one workbook, and the doors to follow up listed") {
    Harness h(390, 844, Language::Chinese);
    h.Frame(2);
    h.ScrollToAndTap(Role::Button, "载入示例数据");
    h.Frame(3);
    SuppliesService& supplies = h.data().Supplies();
    const OrderRound& round = *supplies.Model().Rounds()[0];
    const std::vector<const Order*> orders = supplies.Model().OrdersOf(round.id);
    REQUIRE(orders.size() > 3);
    // Two volunteers take a door each; one door is not home.
    Order a = *orders[0];
    a.volunteer = "小李";
    REQUIRE(supplies.SaveOrder(a, 1).ok);
    Order b = *supplies.Model().OrdersOf(round.id)[1];
    b.volunteer = "小王";
    REQUIRE(supplies.SaveOrder(b, 1).ok);
    const std::string c = supplies.Model().OrdersOf(round.id)[2]->id;
    REQUIRE(supplies.MarkDrop(c, DropOutcome::NotHome, 0, "敲门无人", "小王", 2).ok);
    h.TapItem(Role::Tab, "物资");
    h.Frame(2);
    h.TapItem(Role::Button, h.FindPrefix(Role::Button, "幸福里 第1期")->name);
    h.TapItem(Role::Radio, "汇总");
    const Order& away = *supplies.Model().FindOrder(c);
    const std::string door = away.building + "-" + away.unit + "-" + away.room + " " + away.name;
    CHECK(h.Find(Role::Button, door + " 不在家 · 敲门无人") != nullptr); // to follow up
    h.ScrollToAndTap(Role::Button, "导出各志愿者送货单（每人一页）");
    REQUIRE(h.platform.downloads.size() == 1);
    const XlsxReadResult book = ReadXlsx(h.platform.downloads[0].second);
    REQUIRE(book.error == XlsxReadError::None);
    REQUIRE(book.sheets.size() == 3);
    CHECK(book.sheets[0].name == "小李");
    CHECK(book.sheets[1].name == "小王");
    CHECK(book.sheets[2].name == "未分配");
}

// A staff desk on another device (its own AppData and storage).
struct ImmediateDesk {
    ImmediateDesk() : data(persistence, "desk") { persistence.data = &data; }
    TestPersistence persistence;
    AppData data;
};

TEST_CASE("volunteer mode: a link opens only its shifts, a refused camera says so, digits work") {
    // A desk makes the link (another device in real use: here a second AppData).
    ImmediateDesk desk;
    PostDraft draft;
    draft.name = "东门卡口";
    draft.max_people = 2;
    draft.days = 2;
    draft.first_day_start = 1'796'169'600'000;
    REQUIRE(desk.data.Shifts().CreatePost(draft, draft.first_day_start - 3'600'000).ok);
    const std::string link =
        "v=" + EncodeOffer(desk.data.Shifts().MakeOffer({}, 7, draft.first_day_start));

    Harness h(390, 844, Language::Chinese);
    h.platform.now_ms = draft.first_day_start + 60'000; // the first shift is on
    h.app().LinkOpened(link);
    h.Frame(3);
    CHECK(h.Find(Role::Tab, "志愿者") == nullptr); // no staff areas
    CHECK(h.FindPrefix(Role::Status, "回执码") == nullptr);
    h.ScrollToAndTap(Role::Button, "报名");
    TypeInto(h, "姓名", "李小燚", 1);
    TypeInto(h, "手机号", "13912345678", 2);
    h.ScrollToAndTap(Role::Button, "提交报名");
    h.Frame(3);
    REQUIRE(h.FindPrefix(Role::Status, "回执码：LLR-") != nullptr);
    const std::string reply =
        h.FindPrefix(Role::Status, "回执码：")->name.substr(std::string("回执码：").size());
    REQUIRE(desk.data.Shifts().ImportReply(reply, h.platform.now_ms).ok);
    h.ScrollToAndTap(Role::Button, "输入确认码");
    TypeInto(h, "确认码", desk.data.Shifts().ConfirmationForReply(reply, h.platform.now_ms), 3);
    h.ScrollToAndTap(Role::Button, "确认");
    h.Frame(3);
    CHECK(h.FindPrefix(Role::Status, "已确认：东门卡口") != nullptr);
    // Scanning: the camera is refused; the message shows and the typed digits still work.
    h.ScrollToAndTap(Role::Button, "扫码签到");
    CHECK(h.platform.scanners_started == 1);
    h.app().ScanFailed(1);
    h.Frame(3);
    CHECK(h.app().State().scan.message.find("无法使用相机") == 0);
    h.platform.now_ms += 5 * 60'000; // arriving at the post a few minutes later
    const PostRecord& post = *desk.data.Shifts().Model().Posts().front();
    const std::string key = PostKeyOf(post.post.id);
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u",
                  PostCodeFor(post.secret, key, h.platform.now_ms / 60'000));
    TypeInto(h, "签到码", digits, 4);
    h.ScrollToAndTap(Role::Button, "签到/签退");
    h.Frame(3);
    // The status and the code are at the top of the screen, above the field.
    const VolunteerModeState& mode = h.app().State().volunteers.mode;
    CHECK(mode.status.rfind("已签到", 0) == 0);
    const std::string checkin = h.data().Shifts().Model().FindMine(mode.shown_reply)->reply;
    CHECK(desk.data.Shifts().ImportReply(checkin, h.platform.now_ms).Did(Effect::CheckedIn));
}

TEST_CASE("overview on a phone: today's numbers, 复制日报 copies the report, 导出日报 a workbook") {
    Harness h(390, 844, Language::Chinese);
    SamplingService& sampling = h.data().Sampling();
    Resident a, b, c;
    a.building = b.building = "1";
    c.building = "2";
    a.unit = b.unit = c.unit = "1";
    a.room = "101";
    b.room = "102";
    c.room = "101";
    a.name = "王建国";
    b.name = "李秀英";
    c.name = "张志强";
    REQUIRE(sampling.ImportResidents({a, b, c}).ok);
    REQUIRE(sampling.SetBuildingLevel("2", ControlLevel::Sealed).ok);
    Round round;
    round.date = ui::TodayDate(h.platform.now_ms); // the device's local day
    const Outcome made = sampling.CreateRound(round, h.platform.now_ms);
    REQUIRE(made.ok);
    REQUIRE(sampling.OpenTube(made.id, "T1", h.platform.now_ms).ok);
    const std::string first = sampling.Model().Residents().front().id;
    REQUIRE(sampling.MarkResident(made.id, first, MarkStatus::Sampled, h.platform.now_ms).ok);
    h.Frame(3);
    // Five tabs in the bottom bar, each still a touch target; 总览 before 设置.
    const A11yNode& tab = h.Require(Role::Tab, "总览");
    CHECK(tab.rect.y >= 844 - 64 - 0.5f);
    CHECK(tab.rect.w >= 44);
    CHECK(tab.rect.x < h.Require(Role::Tab, "设置").rect.x);
    h.TapItem(Role::Tab, "总览");
    CHECK(h.app().State().area == Area::Leader);
    h.Require(Role::Status, "已采 1 / 3 人（33%）");
    h.Require(Role::Status, "封控楼栋 1 栋：2号楼");
    h.Require(Role::Status, "没有未送的订单");
    h.Require(Role::Button, "1号楼 · 防范区 已采 1 / 2 人 50%");
    const A11yNode& copy = h.Require(Role::Button, "复制日报");
    CHECK(copy.rect.y + copy.rect.h <= 844 - 64 + 0.5f); // above the tab bar, by the thumb
    CHECK(copy.rect.y > 844 - 64 - 140);
    h.TapItem(Role::Button, "复制日报");
    REQUIRE(h.platform.copied.size() == 1);
    CHECK(h.platform.copied.back().rfind("邻里日报 " + round.date, 0) == 0);
    CHECK(h.platform.copied.back().find("【核酸采样】今日已采 1 人，应采 3 人（33%）") !=
          std::string::npos);
    h.Require(Role::Status, "日报已复制，可粘贴到微信");
    h.TapItem(Role::Button, "导出日报");
    REQUIRE(h.platform.downloads.size() == 1);
    CHECK(h.platform.downloads.back().first == "日报-" + round.date + ".xlsx");
    const XlsxReadResult book = ReadXlsx(h.platform.downloads.back().second);
    REQUIRE(book.error == XlsxReadError::None);
    CHECK(book.sheets.front().name == "日报");
    h.Require(Role::Status, "已导出：日报-" + round.date + ".xlsx");
    // The device list, at the end: this device has never synced.
    h.ScrollTo(Role::Status, "testdev · 本机 · 未同步");
    h.Require(Role::Status, "testdev · 本机 · 未同步");
    // A building opens its door-to-door view in today's round.
    h.ScrollToAndTap(Role::Button, "1号楼 · 防范区 已采 1 / 2 人 50%");
    CHECK(h.app().State().area == Area::Sampling);
    CHECK(h.app().State().sampling.view == SamplingView::Building);
    CHECK(h.app().State().sampling.building == "1");
    CHECK(h.app().State().sampling.round_id == made.id);
}
