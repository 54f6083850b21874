#pragma once
// A QR code on screen: the text encoded once (again only when it changes), drawn as dark
// runs on a white square with a quiet zone, and mirrored as a status named `name` so
// screen readers and tests can read what it holds.
#include <optional>
#include <string>

#include "io/barcode.hpp"
#include "ui/kit/ui_context.hpp"

namespace linli::ui {

struct QrPicture {
    std::string text;
    std::optional<QrImage> image; // nullopt: the text is too long for a QR code
    bool encoded = false;
};

// Draws text as a QR code `size` px wide, centred; false when it could not be encoded.
bool DrawQr(UiContext& ui, const char* id, QrPicture& picture, const std::string& text, float size,
            const std::string& name);

} // namespace linli::ui
