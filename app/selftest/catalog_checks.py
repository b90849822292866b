"""Self-test: the error catalog loads, speaks three languages, and covers the vendor seeds."""

from __future__ import annotations

from app.selftest import Check, SelfTestContext


def _catalog(_ctx: SelfTestContext) -> str:
    from app.catalog import LANGUAGES, load_catalog
    from app.catalog.seeds import default_seed_dir, missing_from_catalog, parse_seed_dir

    catalog = load_catalog()  # validates: every entry has title/explanation/action x3
    for entry in catalog:
        absent = [g for g in LANGUAGES if not entry.text(g).title or g not in entry.i18n]
        if absent:
            raise AssertionError(f"{entry.domain} {entry.code} lacks {', '.join(absent)}")
    summary = f"{len(catalog)} entries in {len(catalog.domains)} domains, 3 languages"
    seeds = default_seed_dir()
    if seeds is None:
        return summary + "; vendor seed documents not found, completeness not checked"
    rows = parse_seed_dir(seeds)
    if not rows:
        raise AssertionError(f"no codes could be read from the seed documents in {seeds}")
    problems = missing_from_catalog(catalog, rows)
    if problems:
        more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
        raise AssertionError("; ".join(problems[:3]) + more)
    return summary + f"; all {len(rows)} seed rows covered"


CHECKS = [Check("error catalog", _catalog)]
