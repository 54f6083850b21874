#pragma once
// A small reader of zip archives held in memory (what an .xlsx file is): the central
// directory, stored and deflated entries (zlib's inflate), CRC checks. Every size in a
// header is checked against the bytes there are and against limits before anything is
// allocated, so a damaged or hostile file gives an error, never a crash or a huge buffer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

enum class ZipError { None, NotZip, Damaged, TooLarge, Encrypted, Unsupported };

struct ZipLimits {
    size_t max_total = 64u << 20; // all entries' uncompressed bytes together
    size_t max_entry = 64u << 20; // one entry's uncompressed bytes
    size_t max_entries = 10000;   // names in the central directory
    uint32_t max_ratio = 200;     // uncompressed/compressed, for entries above 1 MiB
};

struct ZipEntry {
    std::string name;
    uint16_t method = 0; // 0 stored, 8 deflated
    uint16_t flags = 0;
    uint32_t crc = 0;
    uint64_t compressed_size = 0;
    uint64_t size = 0;
    uint64_t local_offset = 0;
};

class ZipReader {
  public:
    // Reads the central directory of `bytes` (which must outlive the reader).
    explicit ZipReader(std::string_view bytes, ZipLimits limits = {});

    ZipError error() const { return error_; }
    const std::string& detail() const { return detail_; }
    const std::vector<ZipEntry>& entries() const { return entries_; }
    const ZipEntry* Find(std::string_view name) const;

    // The entry's bytes; on failure returns false and sets error()/detail(). Counts
    // towards max_total across calls.
    bool Extract(const ZipEntry& entry, std::string& out);

  private:
    bool Fail(ZipError error, std::string detail);
    std::string_view bytes_;
    ZipLimits limits_;
    std::vector<ZipEntry> entries_;
    size_t extracted_total_ = 0;
    ZipError error_ = ZipError::None;
    std::string detail_;
};

} // namespace linli
