"""The Monitor's search box over a million events: any fragment, case and accents ignored.

A desk clerk types pieces of what they see: "EA30" of card 12EA3004, "mull" of Müller,
"reader 3". Every word typed must be a *substring* of one of the searched fields of the
event (reader, code, card, user, the user's name, the code's / method's / error's texts).

Those fields repeat: a hotel has some thousands of cards and names, a few readers and a
few dozen texts, over a million events. So the searched values are kept once each, as
*terms* (``search_terms``: kind, value, its folded form), with an FTS5 ``trigram`` index
over the folded forms (``terms_fts``: any substring of 3 or more characters; shorter ones
scan the terms, which are few). Each event's terms are tokens of a contentless FTS5
table (``event_terms``: "d1 k2 c4711 u815 n42 t7", one posting per term and event,
written at commit as sorted segments instead of a random update of one b-tree per
column, which is what kept a million-event store from taking 50,000 events a second).
A search finds the matching terms (a millisecond), then asks ``event_terms`` for the
events holding one term of each typed word; a word matching too many terms
(:data:`MAX_TOKENS`, a fragment of one or two characters) is tested row by row instead
(the columns, and ``name_id`` / ``note_id`` for names and texts).

Space: some 20 bytes per event, against 79 for a trigram index of every event's text
with ``detail=none`` (which cannot even match a fragment longer than three characters)
and 217 with ``detail=full``; and a trigram index of events writes three to five times
slower.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Any

# Kinds of terms and how events name them: by the column's own value, or by term id.
DEVICE, CODE, CARD, USER, NAME, NOTE = range(6)
COLUMN = {DEVICE: "device", CODE: "code", CARD: "card", USER: "user", NAME: "name_id",
          NOTE: "note_id"}
BY_ID = frozenset({NAME, NOTE})
LETTER = {DEVICE: "d", CODE: "k", CARD: "c", USER: "u", NAME: "n", NOTE: "t"}
MAX_TOKENS = 1000  # a word matching more terms is tested row by row, not through FTS5
NOTE_FIELDS = ("code_text", "method_text", "error_text")
RARE = 10_000  # events: a word matching fewer drives the query through the indexes
_TRIGRAM = 3


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_fold_short = functools.lru_cache(maxsize=8192)(_fold)


def fold(text: str) -> str:
    """Case and accents away ("Müller" → "muller", "ÇÃO" → "cao"), as stored and searched."""
    return _fold_short(text) if len(text) <= 80 else _fold(text)


def storable(text: str) -> str:
    """``text`` as SQLite (and PostgreSQL) can keep it: a lone surrogate, which a hostile
    reader's JSON can carry (``"\\ud800"``), becomes "?" instead of failing its batch."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def name_of(payload: dict[str, Any]) -> str | None:
    name = payload.get("user_name")
    return storable(str(name)) if name not in (None, "") else None


def note_of(payload: dict[str, Any]) -> str | None:
    """The event's explained texts, as one term (they come in few combinations)."""
    get = payload.get
    code, method, error = get("code_text"), get("method_text"), get("error_text")
    if not (code or method or error):
        return None
    return _note(code, method, error) if (type(code) is type(method) is type(error) is str
                                          ) else _join_note(code, method, error)


def _join_note(*texts: Any) -> str | None:
    parts = [str(t) for t in texts if t not in (None, "")]
    return storable(" · ".join(parts)) if parts else None


_note = functools.lru_cache(maxsize=1024)(_join_note)


def words(text: str) -> list[str]:
    return fold(text).split()


def _match_sql(word: str) -> tuple[str, str]:
    """A subquery of the ids of the terms holding ``word``, and its parameter."""
    if len(word) >= _TRIGRAM:
        return ("SELECT rowid FROM terms_fts WHERE terms_fts MATCH ?",
                '"' + word.replace('"', '""') + '"')
    return "SELECT id FROM search_terms WHERE instr(folded, ?) > 0", word


def _kind_in(kind: int, word: str, *, indexed: bool) -> tuple[str, list[Any]]:
    sub, param = _match_sql(word)
    pick = "id" if kind in BY_ID else "value"
    column = COLUMN[kind] if indexed else f"+{COLUMN[kind]}"
    return (f"{column} IN (SELECT {pick} FROM search_terms WHERE kind = {kind} "
            f"AND id IN ({sub}))", [param])


def word_clause(word: str, kinds: Iterable[int]) -> tuple[str, list[Any]]:
    """Row by row: the event carries one of ``word``'s terms (of these kinds)."""
    parts, params = [], []
    for kind in sorted(kinds):
        sql, p = _kind_in(kind, word, indexed=False)
        parts.append(sql)
        params += p
    return ("(" + " OR ".join(parts) + ")") if parts else "0", params


ALL_KINDS = tuple(COLUMN)


def tokens(ids: Iterable[tuple[int, int]]) -> str:
    """The ``event_terms`` text of an event: one token per (kind, term id), "c42 n7"."""
    return " ".join(f"{LETTER[kind]}{rid}" for kind, rid in ids)


def word_tokens(conn: Any, word: str) -> list[str]:
    """The tokens of every term holding ``word`` (capped: see :data:`MAX_TOKENS`)."""
    sub, param = _match_sql(word)
    return [f"{LETTER[int(kind)]}{rid}" for rid, kind in conn.execute(
        f"SELECT id, kind FROM search_terms WHERE id IN ({sub}) LIMIT {MAX_TOKENS + 1}",
        (param,))]


def term_token(conn: Any, kind: int, value: str) -> str | None:
    row = conn.execute("SELECT id FROM search_terms WHERE kind = ? AND value = ?",
                       (kind, value)).fetchone()
    return f"{LETTER[kind]}{row[0]}" if row else None
