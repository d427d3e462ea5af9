"""Every docstring example of the package runs and prints what it shows."""

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import cpp_demangle


def package_modules():
    yield cpp_demangle
    for info in pkgutil.iter_modules(cpp_demangle.__path__, "cpp_demangle."):
        if info.name != "cpp_demangle.__main__":
            yield importlib.import_module(info.name)


# The examples of these modules use a library the package does not depend on.
NEEDS = {"cpp_demangle.arrow": ["pyarrow"]}


def missing(module_name):
    """The libraries the examples of `module_name` need that are missing."""
    return [lib for lib in NEEDS.get(module_name, []) if importlib.util.find_spec(lib) is None]


def docstring_tests(module):
    # Objects defined in the compiled module are listed by hand: doctest only
    # looks at functions whose __module__ is the module being searched. One
    # re-exported from a module whose examples need a missing library is
    # left to that module's test (which skips, saying why).
    finder = doctest.DocTestFinder(exclude_empty=True)
    found = finder.find(module, module.__name__)
    for name in getattr(module, "__all__", dir(module)):
        obj = getattr(module, name)
        home = getattr(obj, "__module__", None)
        if callable(obj) and home != module.__name__ and not missing(home):
            found += finder.find(obj, f"{module.__name__}.{name}", module=False, globs=vars(module))
    return [t for t in found if t.examples]


@pytest.mark.parametrize("module", list(package_modules()), ids=lambda m: m.__name__)
def test_docstring_examples(module):
    for library in NEEDS.get(module.__name__, []):
        pytest.importorskip(library, reason=f"{library} is not installed: {module.__name__}'s examples need it")
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in docstring_tests(module):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0


def test_every_public_function_has_examples():
    tests = {t.name.rsplit(".", 1)[-1] for m in package_modules() for t in docstring_tests(m)}
    assert {"cpp_demangle", "demangle"} <= tests
