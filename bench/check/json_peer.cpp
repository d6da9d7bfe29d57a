// The peer of the `cxv check` benchmark: PEGTL's own JSON grammar
// (tao/pegtl/contrib/json.hpp) validating a JSON file, with no actions.
// It is what "PEGTL parses ~100 MB/s" means, so cxv's figure can be read
// against it on the same machine and the same day.
//
//   bench_check_json_peer FILE
//
// Reads the whole file into memory and parses it, as `cxv check` does with a
// .cxv file; exits 1 if the file is not JSON (a benchmark of a failed parse
// would measure nothing). The caller times the whole process.
#include <cstdio>
#include <fstream>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/json.hpp>

namespace pegtl = tao::pegtl;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.json\n", argv[0]);
    return 2;
  }
  // Sized read (not istreambuf_iterator, which trips g++ 12's -Wnull-dereference at -O2).
  std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  pegtl::memory_input<pegtl::tracking_mode::lazy> input(text.data(), text.size(), argv[1]);
  try {
    if (!pegtl::parse<pegtl::seq<pegtl::json::text, pegtl::eof>>(input)) {
      std::fprintf(stderr, "%s: not JSON\n", argv[1]);
      return 1;
    }
  } catch (const pegtl::parse_error& e) {
    std::fprintf(stderr, "%s: %s\n", argv[1], e.what());
    return 1;
  }
  std::printf("%zu bytes of JSON parsed\n", text.size());
  return 0;
}
