// The zip reader (io/zip_reader): the central directory and every entry, under small limits
// so that a bomb is caught quickly. Nothing extracted is larger than the limits allow.
#include <string>

#include "fuzz_support.hpp"
#include "io/zip_reader.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ZipLimits limits;
    limits.max_total = 4u << 20;
    limits.max_entry = 2u << 20;
    limits.max_entries = 200;
    ZipReader zip(fuzz::AsText(data, size), limits);
    if (zip.error() != ZipError::None) {
        return 0;
    }
    fuzz::Check(zip.entries().size() <= limits.max_entries, "no more entries than the limit");
    size_t total = 0;
    for (const ZipEntry& entry : zip.entries()) {
        fuzz::Check(zip.Find(entry.name) != nullptr, "every entry can be found by name");
        std::string out;
        if (zip.Extract(entry, out)) {
            fuzz::Check(out.size() == entry.size, "an extracted entry has its stated size");
            fuzz::Check(out.size() <= limits.max_entry, "an entry stays under the limit");
            total += out.size();
            fuzz::Check(total <= limits.max_total, "all entries stay under the limit");
        } else {
            fuzz::Check(zip.error() != ZipError::None, "a failed extraction says why");
            break;
        }
    }
    return 0;
}
