"""The loaded catalog: lookups by code and in-memory text search.

Everything is indexed once when the catalog loads, so a lookup is a dict access and a
search is a scan of ~400 pre-normalised strings (well under a millisecond).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.catalog.model import DOMAINS, Entry
from app.i18n import LANGUAGES


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Cartão" and "CARTAO" both become "cartao".
    NFKD also turns full-width characters (common in Chinese input) into ASCII ones."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _code_sort_key(code: str) -> tuple[int, int, str]:
    return (0, int(code), "") if code.isdigit() else (1, 0, code.casefold())


class Catalog:
    def __init__(self, by_domain: dict[str, dict[str, Entry]]) -> None:
        extra = sorted(d for d in by_domain if d not in DOMAINS)
        self.domains: tuple[str, ...] = tuple(d for d in DOMAINS if d in by_domain) + tuple(extra)
        self._by_domain = by_domain
        self.entries: tuple[Entry, ...] = tuple(
            e
            for d in self.domains
            for e in sorted(by_domain[d].values(), key=lambda e: _code_sort_key(e.code))
        )
        self._order = {e.key: i for i, e in enumerate(self.entries)}
        # Codes, symbols and aliases, folded: "breakin", "duplicate_record", "500*".
        self._names_of = {
            e.key: {fold(n) for n in (e.code, e.vendor_symbol or "", *e.aliases) if n}
            for e in self.entries
        }
        self._names: dict[str, list[Entry]] = {}
        for e in self.entries:
            for name in self._names_of[e.key]:
                self._names.setdefault(name, []).append(e)
        # Per entry: the language-independent text, and each language's text.
        self._vendor_hay = {e.key: fold(self._vendor_text(e)) for e in self.entries}
        self._lang_hay = {
            (e.key, lang): fold(self._lang_text(e, lang))
            for e in self.entries
            for lang in LANGUAGES
        }
        self._all_hay = {
            e.key: "\n".join([self._vendor_hay[e.key],
                               *(self._lang_hay[e.key, g] for g in LANGUAGES)])
            for e in self.entries
        }
        self._title_hay = {
            e.key: fold(" ".join(e.i18n[lang].title for lang in LANGUAGES)) for e in self.entries
        }

    @staticmethod
    def _vendor_text(e: Entry) -> str:
        return "\n".join([e.code, e.vendor_text, e.vendor_symbol or "", *e.aliases])

    @staticmethod
    def _lang_text(e: Entry, lang: str) -> str:
        t = e.i18n[lang]
        return "\n".join([t.title, t.explanation, t.action, t.technician_action or "", *t.causes])

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    def get(self, domain: str, code: str | int) -> Entry | None:
        """The entry (domain, code), or None."""
        found = [e for e in self.lookup(code, domain) if e.domain == domain]
        return found[0] if found else None

    def in_domain(self, domain: str) -> list[Entry]:
        return [e for e in self.entries if e.domain == domain]

    def lookup(self, code: str | int, domain: str | None = None) -> list[Entry]:
        """Every entry called ``code`` (in ``domain``, or in every domain: 17 is both a
        reader error and an open-door method). Falls back to vendor symbols and aliases
        ("accessControlErrorDuplicateRecord", "_Button_"); case-insensitive."""
        text = str(code).strip()
        if not text:
            return []
        domains = [domain] if domain else list(self.domains)
        exact = [
            self._by_domain[d][text] for d in domains if text in self._by_domain.get(d, {})
        ]
        if exact:
            return exact
        # Numbers written with leading zeros ("0017") still mean 17.
        if text.isdigit() and text != str(int(text)):
            return self.lookup(str(int(text)), domain)
        named = self._names.get(fold(text), [])
        return self._sorted(e for e in named if domain is None or e.domain == domain)

    def search(
        self, text: str, lang: str | None = None, domain: str | None = None
    ) -> list[Entry]:
        """Entries matching every word of ``text`` in their code, vendor text, symbol,
        aliases, or the explanation in ``lang`` (every language when None). Chinese has
        no spaces, so a Chinese query is matched as one substring. Best matches first:
        the code itself, then codes starting with it, then titles, then the rest."""
        words = fold(text).split()
        if not words:
            return [e for e in self.entries if domain is None or e.domain == domain]
        query = " ".join(words)
        langs = [lang] if lang in LANGUAGES else list(LANGUAGES)
        ranked: list[tuple[int, int, Entry]] = []
        for e in self.entries:
            if domain is not None and e.domain != domain:
                continue
            if len(langs) == len(LANGUAGES):
                hay = self._all_hay[e.key]
            else:
                hay = self._vendor_hay[e.key] + "\n" + self._lang_hay[e.key, langs[0]]
            if not all(w in hay for w in words):
                continue
            names = self._names_of[e.key]
            if query in names:
                rank = 0
            elif any(n.startswith(query) for n in names):
                rank = 1
            elif all(w in self._title_hay[e.key] for w in words):
                rank = 2
            else:
                rank = 3
            ranked.append((rank, self._order[e.key], e))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [e for _, _, e in ranked]

    def _sorted(self, entries: Iterable[Entry]) -> list[Entry]:
        unique = {e.key: e for e in entries}
        return sorted(unique.values(), key=lambda e: self._order[e.key])
