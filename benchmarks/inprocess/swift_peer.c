// The in-process peer of the core for Swift names: swift-demangle's own
// library, libswiftDemangle.so of Swift 6.2.3 (ci/build_swift_demangle.sh),
// through its C entry point swift_demangle_getDemangledName, on the symbols
// of a file (one a line). The library needs Debian sid's C and C++ runtime:
// benchmarks/bench_inprocess.py runs this under sid's loader, with the
// library path of target/swift/6.2.3. Prints microseconds per symbol, the
// best of five runs, as examples/bench.rs does for the core.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef size_t (*demangle_fn)(const char *, char *, size_t);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: swift_peer SYMBOLS_FILE\n");
    return 2;
  }
  void *library = dlopen("libswiftDemangle.so", RTLD_NOW);
  if (library == NULL) {
    fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  demangle_fn demangle = (demangle_fn)dlsym(library, "swift_demangle_getDemangledName");
  if (demangle == NULL) {
    fprintf(stderr, "%s\n", dlerror());
    return 1;
  }
  FILE *in = fopen(argv[1], "r");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  size_t count = 0, capacity = 1024;
  char **symbols = malloc(capacity * sizeof *symbols);
  char *line = NULL;
  size_t size = 0;
  ssize_t len;
  while ((len = getline(&line, &size, in)) > 0) {
    if (line[len - 1] == '\n') line[--len] = '\0';
    if (len == 0) continue;
    if (count == capacity) symbols = realloc(symbols, (capacity *= 2) * sizeof *symbols);
    symbols[count++] = strdup(line);
  }
  fclose(in);
  // The name is written into the caller's buffer, as a demangler that
  // returns a malloc'd string would be freed.
  static char out[1 << 16];
  double best = 1e30;
  long ok = 0;
  for (int run = 0; run < 5; run++) {
    long n = 0;
    double start = now();
    for (size_t i = 0; i < count; i++) n += demangle(symbols[i], out, sizeof out) != 0;
    double took = now() - start;
    if (took < best) best = took;
    ok = n;
  }
  printf("%-26s %.3f us/symbol (%ld demangled)\n", "swift_demangle_getDemangledName", best / count * 1e6, ok);
  return 0;
}
