"""Write generated files only when their text changes, so a second run leaves `git diff` empty.
Standard library only."""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` (creating its folder) unless it already holds it; return whether it changed.

    >>> import tempfile, pathlib
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "docs" / "page.md"
    >>> write_if_changed(page, "# Page\\n"), write_if_changed(page, "# Page\\n")
    (True, False)
    """
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
