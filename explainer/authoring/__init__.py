"""Tools for writing chapters: run and normalise notebooks, check the chapter contract,
keep the README's chapter list and Binder links in step with the chapter registry.

Readers never need this subpackage; contributors and the tests do. It uses ``nbformat``,
``nbclient`` and ``nbconvert`` (the ``test`` extra).
"""
