"""The examples in the package's docstrings run and give the output they show."""

import doctest
import importlib
import pkgutil

import pytest

import explainer

MODULES = sorted(
    name for _, name, _ in pkgutil.walk_packages(explainer.__path__, "explainer.")
)


@pytest.mark.parametrize("name", ["explainer", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
