"""The shape every contributor command shares: check the arguments, run, report a ``ValueError``
as one line naming the command, exit 2 for a usage or input error. Standard library only."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence


def run_command(command: str, usage: str, argv: Sequence[str], counts: Sequence[int], action: Callable[..., int]) -> int:
    """Call ``action(*argv)`` when ``len(argv)`` is one of ``counts``; return its exit status.

    >>> run_command("make demo", "usage: demo NAME", ["x"], [1], lambda name: 0)
    0
    >>> run_command("make demo", "usage: demo NAME", [], [1], lambda name: 0)
    2
    """
    if len(argv) not in counts:
        print(usage, file=sys.stderr)
        return 2
    try:
        return action(*argv)
    except ValueError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 2
