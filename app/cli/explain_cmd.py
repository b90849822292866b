"""``keydesk explain``: what a vendor code means and what to do, in en, pt-BR or zh-CN.

    keydesk explain 5310 --lang pt-BR
    keydesk explain 17                    # every domain's meaning of 17
    keydesk explain 17 --domain open_door_method --json
    keydesk explain --search "cartão"
    keydesk explain --all --json          # every entry, every language, one JSON line each
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from app.catalog.model import DOMAINS, Entry
from app.cli import argtypes
from app.cli.output import emit, json_line
from app.cli.words import say
from app.i18n import LANGUAGES, SYSTEM, preferred_language, resolve_language

WIDTH = 88


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "explain",
        help="explain a vendor error code (lock cloud, reader) and what to do next",
        description="Look up a code in the error catalog. A bare number lists its meaning in "
        "every domain. Domains: " + ", ".join(DOMAINS) + ".",
    )
    parser.add_argument("code", nargs="?", type=argtypes.code,
                        help="the code, e.g. 5310, 17, BreakIn")
    parser.add_argument("--domain", help="only this domain (e.g. cloud_api)")
    parser.add_argument(
        "--lang",
        type=argtypes.language,
        choices=LANGUAGES,
        help="language: en, pt-BR or zh-CN, in any case (default: the UI language "
        "setting, else the system's)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true", help="list every entry")
    group.add_argument("--search", metavar="WORDS", help="find entries by words, any language")
    parser.set_defaults(func=handler)


def _configured_language() -> str:
    """The --lang default: the user's UI language setting ("system" follows the OS).
    Explaining a code needs no folder of its own: when the settings cannot even be
    looked for (KEYDESK_HOME names a file), the reason is noted and the OS language used."""
    from app.cli.settings_notice import load_settings
    from app.domain.errors import KeyDeskError
    from app.inputs import InputError

    try:
        return load_settings().language  # a damaged file is named on stderr, never raised
    except (InputError, KeyDeskError) as exc:
        reason = exc.detail if isinstance(exc, KeyDeskError) else str(exc)
        print(f"keydesk: {reason}", file=sys.stderr, flush=True)
        return "system"


def format_entry(entry: Entry, lang: str) -> str:
    """A readable block: title, then the labelled sections that have content."""
    from app.catalog.labels import domain_name, heading, severity_name, split_steps

    t = entry.text(lang)
    retry = heading(lang, "retry_yes" if entry.retryable else "retry_no")
    lines = [
        f"{entry.code} — {t.title}",
        f"[{domain_name(lang, entry.domain)} · {entry.domain}] "
        f"{heading(lang, 'severity')}: {severity_name(lang, entry.severity)} · "
        f"{heading(lang, 'retryable')}: {retry}",
    ]

    def section(key: str, body: str) -> None:
        lines.append(f"{heading(lang, key)}:")
        for step in split_steps(body):  # numbered steps one per line
            hang = "     " if step[:1].isdigit() else "  "
            lines.extend(textwrap.wrap(step, WIDTH, initial_indent="  ", subsequent_indent=hang))

    section("explanation", t.explanation)
    section("action", t.action)
    if t.technician_action:
        section("technician_action", t.technician_action)
    if t.causes:
        lines.append(f"{heading(lang, 'causes')}:")
        for n, cause in enumerate(t.causes, 1):
            lines.extend(
                textwrap.wrap(cause, WIDTH, initial_indent=f"  {n}. ", subsequent_indent="     ")
            )
    symbol = f" ({entry.vendor_symbol})" if entry.vendor_symbol else ""
    lines.append(f"{heading(lang, 'vendor_text')}: {entry.vendor_text_shown}{symbol}")
    if entry.related:
        lines.append(f"{heading(lang, 'related')}: {', '.join(entry.related)}")
    if entry.seed_note:
        lines.append(f"{heading(lang, 'seed_note')}: {entry.seed_note}")
    return "\n".join(lines)


def _summary(entry: Entry, lang: str) -> str:
    return f"{entry.domain:<22} {entry.code:<12} {entry.text(lang).title}"


def handler(args: argparse.Namespace) -> int:
    from app.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog()
    except CatalogError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.domain and args.domain not in catalog.domains:
        from app.inputs import InputError, shown

        raise InputError("domain", value=shown(args.domain), choices=", ".join(catalog.domains))
    chosen = preferred_language()  # keydesk --lang, else the language setting
    lang = args.lang or resolve_language(chosen if chosen != SYSTEM else _configured_language())

    if args.all:
        # JSON without --lang: every language (translators and support diff these).
        langs = list(LANGUAGES) if args.json and not args.lang else [lang]
        for entry in catalog.entries:
            if args.domain and entry.domain != args.domain:
                continue
            for g in langs:
                emit(entry.to_dict(g), args.json, _summary(entry, g))
        return 0

    if args.search is not None:
        found = catalog.search(args.search, domain=args.domain)
        for entry in found:
            emit(entry.to_dict(lang), args.json, _summary(entry, lang))
        if not found:
            from app.inputs import shown

            return _not_found(args, say("nothing_matches", words=shown(args.search)))
        return 0

    if not args.code:
        from app.inputs import InputError

        raise InputError("explain_what")
    found = catalog.lookup(args.code, args.domain)
    if not found:
        return _not_found(args, say("no_entry_in", code=repr(args.code), domain=args.domain)
                          if args.domain else say("no_entry", code=repr(args.code)))
    if args.json:
        for entry in found:
            print(json_line(entry.to_dict(lang)), flush=True)
        return 0
    from app.catalog.labels import heading

    blocks = [format_entry(e, lang) for e in found]
    if len(found) > 1:
        print(heading(lang, "meanings").format(code=args.code, n=len(found)) + "\n")
    print("\n\n".join(blocks), flush=True)
    return 0


def _not_found(args: argparse.Namespace, message: str) -> int:
    if args.json:
        print(json_line({"ok": False, "error": "not_found", "code": args.code,
                         "domain": args.domain, "search": args.search, "message": message}))
    else:
        print(message, file=sys.stderr)
    return 1
