// The browser entry point: SDL2 window on the page's canvas, a WebGL2 context, Dear ImGui
// with its SDL2 and OpenGL3 backends, and a main loop that draws only when something
// changed (software-rendered or battery-powered devices thank us).
#include <SDL.h>
#include <SDL_opengles2.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <memory>
#include <vector>

#include "platform/web/js_api.hpp"
#include "platform/web/web_platform.hpp"
#include "ui/shell/app.hpp"

// SDL asks emscripten for GL functions by name when it loads its GLES library; nothing here
// uses what it gets (ImGui's WebGL backend calls GL directly). Emscripten's own version
// answers from a table of every GL function, which puts all of WebGL's JS glue and imports
// into the first download, so this one answers "none".
extern "C" void* eglGetProcAddress(const char*) {
    return nullptr;
}

namespace linli {

enum class BridgeKey { Enter = 1, Escape = 2, Tab = 3 };

// Everything the page's callbacks reach; JS holds its address (no C++ globals).
struct WebRuntime {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    WebPlatform platform;
    std::unique_ptr<AppData> data;
    std::unique_ptr<App> app;
    bool fonts_loaded = false;
    bool data_loaded = false;
    bool draft_taken = false; // the last run's draft went to the app
    double store_load_ms = 0; // parsing the stored records, over the frames it took
    bool first_frame_reported = false;
    int frames_to_draw = 3; // ImGui settles layout over a couple of frames after a change
    std::vector<std::vector<unsigned char>> font_slices; // from the page, merged between frames
    int font_slices_failed = -1;                         // >= 0: the page settled, this many failed
    double write_hold_since = -1; // >= 0: frames held since then for a write in flight
    uint64_t presented_hash = 0;  // what the canvas shows (DrawDataHash); 0: must draw
    bool skipped_last = false;    // the last frame built was not shown (it saved something)
    uint64_t frames_built = 0;

    void Wake(int frames = 3) { frames_to_draw = std::max(frames_to_draw, frames); }
};

namespace {

// While a write is in flight its IndexedDB callbacks run between frames, so a frame drawn
// now (tens of ms on a slow phone) delays "saved" by as much. Frames wait for it, up to
// this long; then one is drawn before frames wait again (a long sync keeps moving).
constexpr double kWriteHoldMs = 100;

bool HoldFrameForWrite(WebRuntime& rt, double now) {
    if (!rt.data_loaded || rt.data->SaveState().pending == 0) {
        rt.write_hold_since = -1;
        return false;
    }
    if (rt.write_hold_since < 0) {
        rt.write_hold_since = now;
    }
    if (now - rt.write_hold_since < kWriteHoldMs) {
        return true;
    }
    rt.write_hold_since = -1; // this frame is drawn; the next one may wait again
    return false;
}

// What a frame would put on the canvas. The frames that follow a change while ImGui
// settles its layout often draw exactly the same again: those are not sent to WebGL, which
// spares the GPU and the browser's compositing of a full-screen canvas (the most expensive
// part of a frame on a phone).
uint64_t DrawDataHash(const ImDrawData& draw) {
    uint64_t hash = 14695981039346656037ull; // FNV-1a, over 8 bytes at a time
    auto mix = [&hash](const void* data, size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            hash = (hash ^ word) * 1099511628211ull;
        }
        for (; i < size; ++i) {
            hash = (hash ^ bytes[i]) * 1099511628211ull;
        }
    };
    mix(&draw.DisplaySize, sizeof draw.DisplaySize);
    mix(&draw.FramebufferScale, sizeof draw.FramebufferScale);
    for (const ImDrawList* list : draw.CmdLists) {
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.size_in_bytes()));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.size_in_bytes()));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // The reference itself: an atlas not yet uploaded has no texture id yet.
            const void* texture_data = cmd.TexRef._TexData;
            const ImTextureID texture = cmd.TexRef._TexID;
            const void* callback = reinterpret_cast<const void*>(cmd.UserCallback);
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&texture_data, sizeof texture_data);
            mix(&texture, sizeof texture);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
            mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            mix(&callback, sizeof callback);
        }
    }
    return hash == 0 ? 1 : hash;
}

// A font texture to create or update: the backend does it while rendering, so draw.
bool TexturesPending(const ImDrawData& draw) {
    if (draw.Textures != nullptr) {
        for (const ImTextureData* texture : *draw.Textures) {
            if (texture->Status != ImTextureStatus_OK) {
                return true;
            }
        }
    }
    return false;
}

bool LoadInitialFonts(WebRuntime& rt) {
    std::vector<unsigned char> latin(static_cast<size_t>(linli_js_font_size(0)));
    std::vector<unsigned char> cjk(static_cast<size_t>(linli_js_font_size(1)));
    linli_js_font_copy(0, latin.data());
    linli_js_font_copy(1, cjk.data());
    return rt.app->Fonts().Load(ImGui::GetIO(), latin.data(), latin.size(), cjk.data(), cjk.size(),
                                rt.app->Ui().metrics.body_font);
}

// Sync: replies arrive between frames (linli_http_done); a step sends what follows, and
// the status line is redrawn only when it changed. The password goes to the page to be
// sealed, or comes from it opened.
void StepSync(WebRuntime& rt) {
    SyncService& sync = rt.data->Sync();
    if (auto text = sync.TakeToSeal()) {
        linli_js_seal(text->c_str());
    }
    if (auto sealed = sync.TakeToUnseal()) {
        linli_js_unseal(sealed->c_str());
    }
    if (sync.Step(rt.platform.NowMs())) {
        rt.Wake();
    }
}

void Loop(void* arg) {
    auto& rt = *static_cast<WebRuntime*>(arg);
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_WINDOWEVENT) {
            rt.presented_hash = 0; // a resized canvas is blank until drawn again
        }
        rt.Wake();
    }
    if (!rt.data_loaded) {
        // The records come in batches while IndexedDB is still being read: each batch is
        // parsed as it arrives (its text freed before the next), so the read and the parse
        // overlap. The state is asked first: once it says done, every batch is here.
        const int state = linli_js_data_state();
        const double t0 = emscripten_get_now();
        while (char* chunk = linli_js_take_data_chunk()) {
            std::unique_ptr<char, decltype(&std::free)> json(chunk, &std::free);
            rt.data->Load(json.get());
        }
        rt.store_load_ms += emscripten_get_now() - t0;
        if (state == 0) {
            return; // reading IndexedDB
        }
        if (state > 0) {
            linli_js_metric("storeLoadMs", rt.store_load_ms);
            linli_js_metric("storeLoadedAt", emscripten_get_now());
        } else {
            std::unique_ptr<char, decltype(&std::free)> why(linli_js_data_error(), &std::free);
            rt.app->Ui().db_error = why ? why.get() : "";
        }
        rt.data_loaded = true;
        // Opened from a sign-up link: volunteer mode, with the link's shifts kept.
        rt.app->LinkOpened(rt.platform.LinkFragment());
        rt.data->Sync().Attach(rt.platform, rt.platform.NowMs());
        rt.Wake();
    }
    if (!rt.draft_taken && linli_js_draft_state() != 0) {
        // The form being filled in when the last run ended (killed, crashed, updated).
        rt.draft_taken = true;
        std::unique_ptr<char, decltype(&std::free)> draft(linli_js_take_draft(), &std::free);
        rt.app->DraftsLoaded(draft ? draft.get() : "");
        rt.Wake();
    }
    StepSync(rt);
    if (!rt.fonts_loaded) {
        const int state = linli_js_fonts_state();
        if (state == 0) {
            return; // still downloading; the page shows progress
        }
        if (state < 0 || !LoadInitialFonts(rt)) {
            emscripten_cancel_main_loop(); // the page already says what failed
            return;
        }
        rt.fonts_loaded = true;
        rt.Wake();
    }
    for (const auto& slice : rt.font_slices) {
        rt.app->Fonts().AddSlice(slice.data(), slice.size());
        rt.Wake();
    }
    rt.font_slices.clear();
    if (rt.font_slices_failed >= 0) {
        rt.app->Fonts().SlicesSettled(rt.font_slices_failed);
        rt.font_slices_failed = -1;
        rt.Wake();
    }
    if (const int64_t at = rt.app->State().wake_at_ms; at > 0 && rt.platform.NowMs() >= at) {
        rt.app->State().wake_at_ms = 0;
        rt.Wake();
    }
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        rt.Wake(1); // a held finger may be dragging a list
    }
    if (rt.frames_to_draw <= 0) {
        return;
    }
    const double frame_start = emscripten_get_now();
    if (HoldFrameForWrite(rt, frame_start)) {
        return;
    }
    --rt.frames_to_draw;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    rt.platform.DeferWrites();
    if (rt.app->Frame()) {
        rt.Wake(2);
    }
    rt.platform.ShowLanguage(rt.app->Ui().lang);
    ImGui::Render();
    const double ui_done = emscripten_get_now();
    ImDrawData* draw = ImGui::GetDrawData();
    const uint64_t hash = DrawDataHash(*draw);
    bool presented = false;
    if (rt.frames_built++ == 0) {
        // The very first frame is not shown: ImGui sizes windows to their content over two
        // frames, so it would be replaced at once, and on a phone each frame shown costs
        // the browser a composite of the whole canvas. The splash stays until the second.
        rt.presented_hash = 0;
        rt.Wake(2);
    } else if (rt.platform.HasDeferredWrites() && rt.first_frame_reported && !rt.skipped_last) {
        // This frame saved something: it is not shown. Presenting it would make the
        // browser composite the canvas before IndexedDB's callbacks run (tens of ms on a
        // phone); the next frame, held until the write is durable, shows it instead. Never
        // twice in a row: a job that saves every frame still shows its progress.
        rt.presented_hash = 0;
        rt.skipped_last = true;
        rt.Wake(1);
    } else if (hash != rt.presented_hash || TexturesPending(*draw)) {
        const ImGuiIO& io = ImGui::GetIO();
        glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                   static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
        glClearColor(0.957f, 0.961f, 0.969f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(draw);
        SDL_GL_SwapWindow(rt.window);
        rt.presented_hash = hash;
        rt.skipped_last = false;
        presented = true;
    } else {
        rt.skipped_last = false;
    }
    rt.app->AfterFrame();
    rt.platform.FlushWrites();
    if (!rt.skipped_last) {
        rt.platform.FlushA11y();
    }
    // For the benchmarks: building the UI, and the whole frame with the GL calls.
    linli_js_frame_time(ui_done - frame_start, emscripten_get_now() - frame_start);
    if (!rt.first_frame_reported && presented) {
        rt.first_frame_reported = true;
        linli_js_first_frame();
    }
}

} // namespace
} // namespace linli

using linli::WebRuntime;

// Called by shell/bridge/main.js with the runtime address it got from linli_js_init.
extern "C" {

EMSCRIPTEN_KEEPALIVE void linli_text_input(WebRuntime* rt, uint32_t field_id, const char* value,
                                           int selection_start, int selection_end,
                                           unsigned sequence) {
    rt->app->Text().Queue(
        linli::BridgeInput{field_id, value, static_cast<size_t>(std::max(0, selection_start)),
                           static_cast<size_t>(std::max(0, selection_end)), sequence});
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_text_key(WebRuntime* rt, int key) {
    ImGuiKey imgui_key = ImGuiKey_None;
    switch (static_cast<linli::BridgeKey>(key)) {
    case linli::BridgeKey::Enter:
        imgui_key = ImGuiKey_Enter;
        break;
    case linli::BridgeKey::Escape:
        imgui_key = ImGuiKey_Escape;
        break;
    case linli::BridgeKey::Tab:
        imgui_key = ImGuiKey_Tab;
        break;
    }
    if (imgui_key != ImGuiKey_None) {
        ImGui::GetIO().AddKeyEvent(imgui_key, true);
        ImGui::GetIO().AddKeyEvent(imgui_key, false);
    }
    rt->Wake();
}

// A screen reader activated a mirrored item: tap its centre through ImGui's input queue.
EMSCRIPTEN_KEEPALIVE void linli_a11y_activate(WebRuntime* rt, float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_font_slice(WebRuntime* rt, const unsigned char* data, int size) {
    rt->font_slices.emplace_back(data, data + std::max(0, size));
    rt->Wake();
}

// No slice is on its way any more; failed of them could not be fetched.
EMSCRIPTEN_KEEPALIVE void linli_font_slices_idle(WebRuntime* rt, int failed) {
    rt->font_slices_failed = std::max(0, failed);
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_wake(WebRuntime* rt) {
    rt->Wake();
}

// IndexedDB finished (or failed) a write transaction started by WebPlatform::Write.
EMSCRIPTEN_KEEPALIVE void linli_store_committed(WebRuntime* rt, unsigned txn) {
    rt->data->WriteCommitted(txn);
    rt->Wake();
}

// Why a write failed, as the page passes it: the numbers of the frozen JS constant
// WriteError in shell/bridge/data.js (change both together).
enum class JsWriteError : int { Conflict = 1, Quota = 2, Other = 3 };

EMSCRIPTEN_KEEPALIVE void linli_store_failed(WebRuntime* rt, unsigned txn, int kind,
                                             const char* message, const char* stored_json) {
    auto failure = linli::store::FailureKind::Other; // also for a number the page should not send
    switch (static_cast<JsWriteError>(kind)) {
    case JsWriteError::Conflict:
        failure = linli::store::FailureKind::Conflict;
        break;
    case JsWriteError::Quota:
        failure = linli::store::FailureKind::Quota;
        break;
    case JsWriteError::Other:
        failure = linli::store::FailureKind::Other;
        break;
    }
    rt->data->WriteFailed(txn, failure, message, stored_json);
    rt->Wake();
}

// Another tab of the app stored these records ([[key, doc], ...]).
EMSCRIPTEN_KEEPALIVE void linli_external_records(WebRuntime* rt, const char* records_json) {
    if (rt->data_loaded) {
        rt->data->ApplyExternal(records_json);
    }
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_storage_info(WebRuntime* rt, double used, double quota,
                                             int persistent) {
    rt->app->Ui().storage = linli::StorageInfo{true, used, quota, persistent != 0};
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_update_available(WebRuntime* rt) {
    rt->app->Ui().update_available = true;
    rt->Wake();
}

// The file's bytes (not necessarily UTF-8: rosters come as GBK or UTF-16), copied by the
// page into memory it allocated with _malloc; freed here.
EMSCRIPTEN_KEEPALIVE void linli_file_opened(WebRuntime* rt, const char* name, char* bytes,
                                            size_t size) {
    std::string content(bytes, size);
    std::free(bytes);
    rt->app->FileOpened(name, content);
    rt->Wake();
}

// A file over the limit below, refused before the page read it.
EMSCRIPTEN_KEEPALIVE void linli_file_too_large(WebRuntime* rt, const char* name, double size) {
    rt->app->FileTooLarge(name, size);
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE double linli_max_file_bytes() {
    return static_cast<double>(linli::kMaxOpenFileBytes);
}

EMSCRIPTEN_KEEPALIVE void linli_file_failed(WebRuntime* rt, const char* message) {
    rt->app->FileFailed(message);
    rt->Wake();
}

// The page could not make the Excel file of an export (shell/bridge/xlsx.js).
EMSCRIPTEN_KEEPALIVE void linli_export_failed(WebRuntime* rt, const char* message) {
    rt->app->ExportFailed(message != nullptr ? message : "");
    rt->Wake();
}

// The camera scanner's answer (shell/bridge/scanner.js).
EMSCRIPTEN_KEEPALIVE void linli_scanned(WebRuntime* rt, const char* text) {
    rt->app->Scanned(text != nullptr ? text : "");
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_scan_failed(WebRuntime* rt, int kind) {
    rt->app->ScanFailed(kind);
    rt->Wake();
}

// A sign-up link opened while the app was open (the page's hashchange).
EMSCRIPTEN_KEEPALIVE void linli_link_opened(WebRuntime* rt, const char* fragment) {
    if (rt->data_loaded) {
        rt->app->LinkOpened(fragment != nullptr ? fragment : "");
    }
    rt->Wake();
}

// shell/bridge/sync.js: a fetch the replicator asked for ended (status 0: no answer).
EMSCRIPTEN_KEEPALIVE void linli_http_done(WebRuntime* rt, unsigned id, int status, const char* body,
                                          const char* error) {
    rt->platform.HttpDone(id, linli::sync::HttpResponse{status, body != nullptr ? body : "",
                                                        error != nullptr ? error : ""});
    if (rt->data_loaded) {
        linli::StepSync(*rt); // wakes the frame loop when the status line changed
    }
}

EMSCRIPTEN_KEEPALIVE void linli_online(WebRuntime* rt, int online) {
    rt->data->Sync().SetOnline(online != 0, rt->platform.NowMs());
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_sealed(WebRuntime* rt, const char* sealed) {
    rt->data->Sync().Sealed(sealed != nullptr ? sealed : "", rt->platform.NowMs());
    rt->Wake();
}

EMSCRIPTEN_KEEPALIVE void linli_unsealed(WebRuntime* rt, int ok, const char* password) {
    if (ok != 0 && password != nullptr && *password != '\0') {
        rt->data->Sync().Unsealed(password, rt->platform.NowMs());
    } else {
        rt->data->Sync().UnsealFailed(rt->platform.NowMs());
    }
    rt->Wake();
}

} // extern "C"

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3); // WebGL2
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);

    auto* rt = new WebRuntime(); // lives as long as the page
    rt->window =
        SDL_CreateWindow("Linli", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 390, 844,
                         SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (rt->window == nullptr) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    rt->gl = SDL_GL_CreateContext(rt->window);
    if (rt->gl == nullptr) {
        std::fprintf(stderr, "WebGL2 is not available: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(rt->window, rt->gl);

    IMGUI_CHECKVERSION();
    ImGuiContext* ctx = ImGui::CreateContext();
    rt->data = std::make_unique<linli::AppData>(rt->platform, rt->platform.DeviceTag());
    rt->app = std::make_unique<linli::App>(rt->platform, *rt->data, rt->platform.InitialLanguage(),
                                           rt->platform.InitialTextSize());
    rt->app->Init(ctx);
    ImGui_ImplSDL2_InitForOpenGL(rt->window, rt->gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    linli_js_init(rt);
    emscripten_set_main_loop_arg(linli::Loop, rt, 0, false);
    return 0;
}
