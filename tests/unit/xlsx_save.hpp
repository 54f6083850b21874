#pragma once
// Saves a written workbook for the openpyxl read-back scripts (or says why it cannot).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/xlsx.hpp"

namespace linli::testing {

inline bool SaveXlsx(const std::filesystem::path& path, const XlsxWriteResult& w) {
    if (!w.error.empty()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), w.error.c_str());
        return false;
    }
    std::ofstream out(path, std::ios::binary);
    out.write(w.bytes.data(), static_cast<std::streamsize>(w.bytes.size()));
    return static_cast<bool>(out);
}

} // namespace linli::testing
