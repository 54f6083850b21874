#include "ui/kit/fonts.hpp"

namespace linli {
namespace {

// Wraps stb_truetype's glyph loader for the Chinese slices: a miss in the last source is a
// miss in every source of the font (Latin comes first and has no hanzi).
bool LoadGlyphNotingMisses(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked,
                           void* loader_data, ImWchar codepoint, ImFontGlyph* out_glyph,
                           float* out_advance_x) {
    const ImFontLoader* stb = ImFontAtlasGetFontLoaderForStbTruetype();
    const bool found = stb->FontBakedLoadGlyph(atlas, src, baked, loader_data, codepoint, out_glyph,
                                               out_advance_x);
    const bool last_source = src == baked->ContainerFont->Sources.back();
    if (!found && last_source && codepoint >= 0x100 && atlas->UserData != nullptr) {
        static_cast<FontSet*>(atlas->UserData)->NoteMissing(codepoint);
    }
    return found;
}

ImFontConfig MergedSource(ImFontLoader* loader, const char* name) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontDataOwnedByAtlas = false; // the atlas keeps its own copy
    cfg.FontLoader = loader;
    ImFormatString(cfg.Name, sizeof cfg.Name, "%s", name);
    return cfg;
}

} // namespace

bool FontSet::Load(ImGuiIO& io, const unsigned char* latin, size_t latin_size,
                   const unsigned char* cjk_first, size_t cjk_first_size, float size_px) {
    atlas_ = io.Fonts;
    atlas_->UserData = this;
    slice_loader_ = *ImFontAtlasGetFontLoaderForStbTruetype();
    slice_loader_.LoaderInit = nullptr; // per-source loaders may not own atlas state
    slice_loader_.LoaderShutdown = nullptr;
    slice_loader_.FontBakedLoadGlyph = LoadGlyphNotingMisses;

    ImFontConfig latin_cfg;
    latin_cfg.FontDataOwnedByAtlas = false;
    ImFormatString(latin_cfg.Name, sizeof latin_cfg.Name, "Roboto");
    main_ = atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(latin),
                                         static_cast<int>(latin_size), size_px, &latin_cfg);
    if (main_ == nullptr) {
        return false;
    }
    ImFontConfig cjk_cfg = MergedSource(&slice_loader_, "Droid Sans Fallback (UI)");
    return atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(cjk_first),
                                        static_cast<int>(cjk_first_size), size_px,
                                        &cjk_cfg) != nullptr;
}

bool FontSet::AddSlice(const unsigned char* data, size_t size) {
    // stb_truetype asserts on what is not a font (an HTML error page, say): look first.
    const bool truetype =
        size >= 12 && ((data[0] == 0 && data[1] == 1 && data[2] == 0 && data[3] == 0) ||
                       (data[0] == 't' && data[1] == 'r' && data[2] == 'u' && data[3] == 'e'));
    if (!truetype) {
        ++failed_slices_;
        return false;
    }
    ImFontConfig cfg = MergedSource(&slice_loader_, "Droid Sans Fallback (slice)");
    cfg.DstFont = main_;
    if (atlas_->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                     main_->LegacySize, &cfg) == nullptr) {
        ++failed_slices_;
        return false;
    }
    ++slices_loaded_;
    // Glyphs already recorded as missing are looked up again with the new source.
    ImFontAtlasFontDiscardBakes(atlas_, main_, 0);
    return true;
}

void FontSet::SlicesSettled(int failed_slices) {
    waiting_ = false;
    failed_slices_ = failed_slices;
}

void FontSet::NoteMissing(unsigned int codepoint) {
    if (asked_.insert(codepoint).second) {
        missing_.push_back(codepoint);
    }
}

std::vector<uint32_t> FontSet::TakeMissingGlyphs() {
    std::vector<uint32_t> out;
    out.swap(missing_);
    if (!out.empty()) {
        waiting_ = true;
    }
    return out;
}

FontSlicesState FontSet::State() const {
    if (waiting_) {
        return FontSlicesState::Loading;
    }
    if (failed_slices_ > 0) {
        return FontSlicesState::Failed;
    }
    return slices_loaded_ > 0 ? FontSlicesState::Loaded : FontSlicesState::NoneNeeded;
}

} // namespace linli
