#include "io/zip_reader.hpp"

#include <algorithm>
#include <zlib.h>

namespace linli {
namespace {

constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kEndOfDirectory = 0x06054b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralSize = 46;
constexpr size_t kLocalSize = 30;
constexpr size_t kMaxComment = 0xFFFF;

uint16_t U16(std::string_view b, size_t at) {
    return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                                 (static_cast<unsigned char>(b[at + 1]) << 8));
}
uint32_t U32(std::string_view b, size_t at) {
    return static_cast<uint32_t>(U16(b, at)) | (static_cast<uint32_t>(U16(b, at + 2)) << 16);
}

} // namespace

bool ZipReader::Fail(ZipError error, std::string detail) {
    error_ = error;
    detail_ = std::move(detail);
    return false;
}

ZipReader::ZipReader(std::string_view bytes, ZipLimits limits) : bytes_(bytes), limits_(limits) {
    if (bytes_.size() < kEndSize) {
        Fail(bytes_.substr(0, 2) == "PK" ? ZipError::Damaged : ZipError::NotZip,
             "too short for a zip archive");
        return;
    }
    // The end-of-directory record is in the last 22 + 65535 (comment) bytes.
    size_t end = std::string_view::npos;
    const size_t lowest =
        bytes_.size() > kEndSize + kMaxComment ? bytes_.size() - kEndSize - kMaxComment : 0;
    for (size_t at = bytes_.size() - kEndSize + 1; at-- > lowest;) {
        if (U32(bytes_, at) == kEndOfDirectory) {
            end = at;
            break;
        }
    }
    if (end == std::string_view::npos) {
        Fail(bytes_.substr(0, 2) == "PK" ? ZipError::Damaged : ZipError::NotZip,
             "no end of central directory (the file is cut short or not a zip)");
        return;
    }
    const uint16_t count = U16(bytes_, end + 10);
    const uint32_t dir_size = U32(bytes_, end + 12);
    const uint32_t dir_offset = U32(bytes_, end + 16);
    if (count == 0xFFFF || dir_offset == 0xFFFFFFFF) {
        Fail(ZipError::Unsupported, "ZIP64 archives are not supported");
        return;
    }
    if (static_cast<uint64_t>(dir_offset) + dir_size > end) {
        Fail(ZipError::Damaged, "central directory outside the file");
        return;
    }
    if (count > limits_.max_entries) {
        Fail(ZipError::TooLarge, "too many entries");
        return;
    }
    entries_.reserve(std::min<size_t>(count, dir_size / kCentralSize));
    size_t at = dir_offset;
    const size_t dir_end = static_cast<size_t>(dir_offset) + dir_size;
    for (uint16_t i = 0; i < count; ++i) {
        if (at + kCentralSize > dir_end || U32(bytes_, at) != kCentralHeader) {
            Fail(ZipError::Damaged, "central directory entry " + std::to_string(i) + " damaged");
            entries_.clear();
            return;
        }
        ZipEntry e;
        e.flags = U16(bytes_, at + 8);
        e.method = U16(bytes_, at + 10);
        e.crc = U32(bytes_, at + 16);
        e.compressed_size = U32(bytes_, at + 20);
        e.size = U32(bytes_, at + 24);
        const size_t name_len = U16(bytes_, at + 28);
        const size_t extra_len = U16(bytes_, at + 30);
        const size_t comment_len = U16(bytes_, at + 32);
        e.local_offset = U32(bytes_, at + 42);
        if (at + kCentralSize + name_len + extra_len + comment_len > dir_end) {
            Fail(ZipError::Damaged, "central directory entry " + std::to_string(i) + " damaged");
            entries_.clear();
            return;
        }
        e.name.assign(bytes_.substr(at + kCentralSize, name_len));
        at += kCentralSize + name_len + extra_len + comment_len;
        entries_.push_back(std::move(e));
    }
}

const ZipEntry* ZipReader::Find(std::string_view name) const {
    for (const ZipEntry& e : entries_) {
        if (e.name == name) {
            return &e;
        }
    }
    // Zip names are case-sensitive, but some writers change the case of OOXML parts.
    for (const ZipEntry& e : entries_) {
        if (e.name.size() == name.size() &&
            std::equal(e.name.begin(), e.name.end(), name.begin(), [](char a, char b) {
                auto lower = [](char c) {
                    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
                };
                return lower(a) == lower(b);
            })) {
            return &e;
        }
    }
    return nullptr;
}

bool ZipReader::Extract(const ZipEntry& e, std::string& out) {
    out.clear();
    if (e.flags & 1) {
        return Fail(ZipError::Encrypted, e.name + " is encrypted");
    }
    if (e.method != 0 && e.method != 8) {
        return Fail(ZipError::Unsupported,
                    e.name + ": compression method " + std::to_string(e.method));
    }
    if (e.size > limits_.max_entry || e.size > limits_.max_total - extracted_total_) {
        return Fail(ZipError::TooLarge, e.name + " is too large uncompressed");
    }
    if (e.size > (1u << 20) &&
        e.size / std::max<uint64_t>(e.compressed_size, 1) > limits_.max_ratio) {
        return Fail(ZipError::TooLarge, e.name + " is compressed suspiciously well (a zip bomb?)");
    }
    if (e.local_offset + kLocalSize > bytes_.size() ||
        U32(bytes_, e.local_offset) != kLocalHeader) {
        return Fail(ZipError::Damaged, e.name + ": local header missing");
    }
    const uint64_t data = e.local_offset + kLocalSize + U16(bytes_, e.local_offset + 26) +
                          U16(bytes_, e.local_offset + 28);
    if (data + e.compressed_size > bytes_.size()) {
        return Fail(ZipError::Damaged, e.name + ": data cut short");
    }
    const std::string_view in = bytes_.substr(data, e.compressed_size);
    if (e.method == 0) {
        if (e.size != e.compressed_size) {
            return Fail(ZipError::Damaged, e.name + ": stored sizes differ");
        }
        out.assign(in);
    } else {
        out.resize(e.size);
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
            return Fail(ZipError::Damaged, "inflate could not start");
        }
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z.avail_in = static_cast<uInt>(in.size());
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = static_cast<uInt>(out.size());
        int rc = inflate(&z, Z_FINISH);
        // Output beyond the declared size: ask for one more byte to tell "ended" from "more".
        if (rc == Z_BUF_ERROR && z.avail_out == 0 && z.avail_in > 0) {
            rc = Z_DATA_ERROR;
        }
        const size_t produced = z.total_out;
        inflateEnd(&z);
        if (rc != Z_STREAM_END || produced != e.size) {
            out.clear();
            return Fail(ZipError::Damaged, e.name + ": compressed data damaged");
        }
    }
    const uLong crc =
        crc32(0, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
    if (crc != e.crc) {
        out.clear();
        return Fail(ZipError::Damaged, e.name + ": checksum mismatch");
    }
    extracted_total_ += out.size();
    return true;
}

} // namespace linli
