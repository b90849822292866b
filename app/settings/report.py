"""The typed outcome of loading settings: the settings to run with, and every problem found.

The window shows it in a banner, the CLI on stderr, the self-test as a check — all from
:meth:`LoadReport.lines`, in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.settings import messages
from app.settings.model import Settings

# Problems that make the whole file unusable: every value is a default.
WHOLE_FILE = frozenset({"not_json", "not_object", "unreadable", "too_large"})


@dataclass(frozen=True)
class SettingsProblem:
    """One thing wrong in the file. ``field`` is the key as written in settings.json
    (``event_retention_days``, ``ui_state.geometry``, ``readers[1]``), or "" for the file."""

    field: str
    kind: str  # a key of app.settings.messages.TEXTS (not_json, wrong_type, ...)
    detail: str = ""  # the value as it stands in the file, or the OS's reason
    found: str = ""  # type words (messages.TYPE_WORDS) for wrong_type / not_object
    expected: str = ""
    low: int | None = None
    high: int | None = None
    line: int = 0  # where a JSON syntax error is
    column: int = 0

    def text(self, lang: str | None = None) -> str:
        return messages.text(
            self.kind, lang, field=self.field, detail=self.detail,
            found=messages.type_word(self.found, lang),
            expected=messages.type_word(self.expected, lang),
            low=self.low, high=self.high, line=self.line, column=self.column,
        )


@dataclass
class LoadReport:
    settings: Settings
    path: Path
    problems: tuple[SettingsProblem, ...] = ()
    backup: Path | None = None  # the aside copy of the damaged file
    backup_error: str = ""  # why no copy could be made
    found: bool = True  # False: there was no file (first start), the defaults are genuine
    fallbacks: frozenset[str] = field(default_factory=frozenset)  # top-level keys defaulted

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def whole_file(self) -> bool:
        """The file could not be used at all."""
        return any(p.kind in WHOLE_FILE for p in self.problems)

    def fell_back(self, name: str) -> bool:
        """Whether setting ``name`` holds a fallback instead of what the file meant."""
        return self.whole_file or name in self.fallbacks

    def lines(self, lang: str | None = None) -> list[str]:
        """Headline, one line per problem, then what is kept and what to do."""
        if self.ok:
            return []
        out = [messages.text("headline", lang, path=self.path)]
        out += [f"- {p.text(lang)}" for p in self.problems]
        out.append(messages.text("kept", lang))
        if self.backup is not None:
            out.append(messages.text("backup", lang, backup=self.backup))
        elif self.backup_error:
            out.append(messages.text("no_backup", lang, detail=self.backup_error))
        out.append(messages.text("fix", lang))
        return out

    def saved_text(self, lang: str | None = None) -> str:
        return messages.text("saved", lang, path=self.path, backup=self.backup or "-")
