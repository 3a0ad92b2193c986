#include "app/build_identity.h"

#include <cstdint>
#include <cstring>
#include <elf.h>
#include <link.h>

namespace absim::cli {

namespace {

// The main program is the first object dl_iterate_phdr reports; its note
// segments hold the build id (a note of type NT_GNU_BUILD_ID, owner "GNU").
int readBuildId(dl_phdr_info* info, size_t, void* data) {
    auto* out = static_cast<std::string*>(data);
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& segment = info->dlpi_phdr[i];
        if (segment.p_type != PT_NOTE)
            continue;
        const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr);
        const unsigned char* end = p + segment.p_memsz;
        auto aligned = [](size_t n) { return (n + 3) & ~size_t(3); };
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const unsigned char* name = p + sizeof note;
            const unsigned char* desc = name + aligned(note.n_namesz);
            if (desc + note.n_descsz > end)
                break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
                static const char kHex[] = "0123456789abcdef";
                for (uint32_t k = 0; k < note.n_descsz; ++k) {
                    out->push_back(kHex[desc[k] >> 4]);
                    out->push_back(kHex[desc[k] & 0xf]);
                }
                return 1;
            }
            p = desc + aligned(note.n_descsz);
        }
    }
    return 1; // only the first object, the program itself
}

} // namespace

const std::string& buildIdentity() {
    static const std::string id = [] {
        std::string hex;
        dl_iterate_phdr(readBuildId, &hex);
        return hex;
    }();
    return id;
}

ParseCache parseCacheOfThisBuild() {
    ParseCache cache;
    cache.buildId = buildIdentity();
    if (!cache.buildId.empty())
        cache.directory = parseCacheDirectoryFromEnvironment();
    return cache;
}

} // namespace absim::cli
