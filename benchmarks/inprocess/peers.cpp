// In-process peers of the core, on the symbols of a file (one a line):
// LLVM's itaniumDemangle (libLLVMDemangle) and libstdc++'s __cxa_demangle,
// or with `microsoft` after the file, LLVM's microsoftDemangle.
// Built and run by benchmarks/bench_inprocess.py; prints microseconds per
// symbol, the best of five runs, as examples/bench.rs does for the core.
#include <cxxabi.h>
#include <llvm/Demangle/Demangle.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

template <typename F> static double best_of(int runs, F f, long &ok) {
  double best = 1e30;
  for (int i = 0; i < runs; i++) {
    auto start = std::chrono::steady_clock::now();
    ok = f();
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() < best) best = took.count();
  }
  return best;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: peers SYMBOLS_FILE\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> symbols;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) symbols.push_back(line);
  // Each demangler: the mangled name in, a malloc'd name (or null) out.
  auto time = [&](const char *label, auto demangle) {
    long ok = 0;
    double best = best_of(5, [&] {
      long n = 0;
      for (auto &s : symbols) {
        char *out = demangle(s.c_str());
        n += out != nullptr;
        std::free(out);
      }
      return n;
    }, ok);
    std::printf("%-26s %.3f us/symbol (%ld demangled)\n", label, best / symbols.size() * 1e6, ok);
  };
  std::string which = argc > 2 ? argv[2] : "itanium";
  if (which == "microsoft") {
    time("llvm::microsoftDemangle", [](const char *s) {
      int status = 0;
      return llvm::microsoftDemangle(s, nullptr, nullptr, nullptr, &status);
    });
    return 0;
  }
  time("llvm::itaniumDemangle", [](const char *s) {
    int status = 0;
    return llvm::itaniumDemangle(s, nullptr, nullptr, &status);
  });
  time("abi::__cxa_demangle", [](const char *s) {
    int status = 0;
    return abi::__cxa_demangle(s, nullptr, nullptr, &status);
  });
  return 0;
}
