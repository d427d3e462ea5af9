// The oracle of cpp_demangle.parse(): LLVM's ItaniumPartialDemangler
// (libLLVMDemangle of LLVM 14, Debian's llvm-14-dev), over the symbols of
// standard input, one a line. For each it prints one tab-separated line:
//
//   symbol, ok, is_function, is_data, is_special, is_ctor_or_dtor,
//   has_function_qualifiers, full name, base name, decl context name,
//   function name, parameters, return type
//
// (`ok` is 0 where LLVM cannot parse the symbol; the rest is then empty).
// Built and run by tests/regenerate_fixtures.py --parse; never shipped.
#include <llvm/Demangle/Demangle.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

static std::string take(char *text) {
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

int main() {
  llvm::ItaniumPartialDemangler demangler;
  for (std::string symbol; std::getline(std::cin, symbol);) {
    std::cout << symbol << '\t';
    if (demangler.partialDemangle(symbol.c_str())) {
      std::cout << "0\t\t\t\t\t\t\t\t\t\t\t\n";
      continue;
    }
    bool function = demangler.isFunction();
    std::cout << "1\t" << function << '\t' << demangler.isData() << '\t' << demangler.isSpecialName() << '\t'
              << demangler.isCtorOrDtor() << '\t' << demangler.hasFunctionQualifiers() << '\t'
              << take(demangler.finishDemangle(nullptr, nullptr)) << '\t';
    if (function) {
      std::cout << take(demangler.getFunctionBaseName(nullptr, nullptr)) << '\t'
                << take(demangler.getFunctionDeclContextName(nullptr, nullptr)) << '\t'
                << take(demangler.getFunctionName(nullptr, nullptr)) << '\t'
                << take(demangler.getFunctionParameters(nullptr, nullptr)) << '\t'
                << take(demangler.getFunctionReturnType(nullptr, nullptr)) << '\n';
    } else {
      std::cout << "\t\t\t\t\n";
    }
  }
  return 0;
}
