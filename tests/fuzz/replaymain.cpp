// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The main of a fuzz target in the normal build: runs LLVMFuzzerTestOneInput once on every file
// of corpus/NAME/ (the seeds) and regressions/NAME/ (inputs that once crashed), without
// libFuzzer. A crash or broken promise fails the test; regressions/NAME/ may not exist yet.

#include "fuzzsupport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<std::filesystem::path> inputsOf(const std::filesystem::path &directory)
{
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(directory))
        return files;
    for (const auto &entry : std::filesystem::directory_iterator(directory)) {
        if (entry.is_regular_file())
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s FUZZ_DIR TARGET\n", argv[0]);
        return 2;
    }
    const std::filesystem::path root = argv[1];
    const std::string target = argv[2];
    std::vector<std::filesystem::path> files = inputsOf(root / "corpus" / target);
    if (files.empty()) {
        std::fprintf(stderr, "no seeds in %s\n", (root / "corpus" / target).c_str());
        return 1;
    }
    const std::vector<std::filesystem::path> regressions = inputsOf(root / "regressions" / target);
    files.insert(files.end(), regressions.begin(), regressions.end());
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (const std::filesystem::path &file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "cannot read %s\n", file.c_str());
            return 1;
        }
        const std::vector<char> content{std::istreambuf_iterator<char>(in),
                                        std::istreambuf_iterator<char>()};
        std::printf("%s\n", file.c_str());
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(content.data()),
                               content.size());
    }
    std::printf("replayed %zu inputs (%zu regressions)\n", files.size(), regressions.size());
    return 0;
}
