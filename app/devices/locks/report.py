"""The site report: a CSV (one row per door, machine-readable, the record a later visit
is compared with) and an HTML page to open or print, written from the plan store.

Comparison with a previous visit's CSV names what changed: battery fell (by
:data:`BATTERY_DROP` points or more), firmware changed, another lock on the door, a
door newly failing, a door that works again.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from app import catalog
from app.devices.locks.commission import STEPS
from app.devices.locks.errors import lock_error
from app.devices.locks.plan import PlanStore, PlanSummary
from app.devices.locks.texts import text
from app.domain.errors import KeyDeskError

COLUMNS = ("room", "mac", "model", "firmware", "battery", "rssi", "drift_before",
           "drift_after", "status", "reason", *(f"step_{s}" for s in STEPS), "time",
           "technician")
BATTERY_DROP = 10
MAX_PREVIOUS_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Change:
    room: str
    kind: str  # battery / firmware / failing / fixed / mac
    old: str
    new: str

    def describe(self, lang: str | None = None) -> str:
        return text(f"change_{self.kind}", lang, room=self.room, old=self.old, new=self.new)

    def to_dict(self) -> dict[str, str]:
        return {"room": self.room, "kind": self.kind, "old": self.old, "new": self.new}


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:+.0f}" if value else "0"
    return str(value)


def rows(plan: PlanStore) -> Iterator[dict[str, str]]:
    """One report row per door (the door's newest result), streamed in plan order."""
    for door in plan.latest_results():
        r = door["result"]
        steps = {s["step"]: s for s in r.get("steps", [])}
        row = {
            "room": door["room"], "mac": door["mac"], "model": r.get("model", ""),
            "firmware": r.get("firmware", ""), "battery": _fmt(r.get("battery")),
            "rssi": _fmt(r.get("rssi")), "drift_before": _fmt(r.get("drift_before")),
            "drift_after": _fmt(r.get("drift_after")), "status": door["status"],
            "reason": door["reason"], "time": r.get("finished") or "",
            "technician": r.get("technician", ""),
        }
        for name in STEPS:
            step = steps.get(name)
            row[f"step_{name}"] = "" if step is None else (
                step["status"] + (f" {step['code']}" if step.get("code") else ""))
        yield row


def read_previous(path: Path) -> dict[str, dict[str, str]]:
    """A previous visit's CSV, by room."""
    try:
        if path.stat().st_size > MAX_PREVIOUS_BYTES:
            raise lock_error("plan-file", f"{path.name} is larger than 10 MB")
        data = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise lock_error("plan-file", f"{path.name}: {exc.strerror or exc}") from None
    reader = csv.DictReader(io.StringIO(data))
    if not reader.fieldnames or "room" not in reader.fieldnames:
        raise lock_error("plan-file", f"{path.name} is not a KeyDesk site report (no room column)")
    return {row["room"]: row for row in reader if row.get("room")}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def compare(previous: dict[str, dict[str, str]], current: Iterable[dict[str, str]]) -> list[Change]:
    changes: list[Change] = []
    for row in current:
        old = previous.get(row["room"])
        if old is None:
            continue
        room = row["room"]
        if old.get("mac") and row["mac"] and old["mac"] != row["mac"]:
            changes.append(Change(room, "mac", old["mac"], row["mac"]))
            continue
        was, now = _int(old.get("battery")), _int(row["battery"])
        if was is not None and now is not None and was - now >= BATTERY_DROP:
            changes.append(Change(room, "battery", str(was), str(now)))
        if old.get("firmware") and row["firmware"] and old["firmware"] != row["firmware"]:
            changes.append(Change(room, "firmware", old["firmware"], row["firmware"]))
        if row["status"] == "failed" and old.get("status") in ("done", "revisit"):
            changes.append(Change(room, "failing", old.get("status", ""), row["reason"]))
        elif row["status"] in ("done", "revisit") and old.get("status") == "failed":
            changes.append(Change(room, "fixed", old.get("reason", ""), row["status"]))
    return changes


def _local(iso: str) -> str:
    """An ISO UTC time as this PC's local time, to the minute (the HTML page only)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _reason_title(code: str, lang: str | None) -> str:
    if not code:
        return ""
    info = catalog.explain_error(KeyDeskError("lock", code), lang=lang)
    return f"{info.get('title', code)} ({code})"


def write_report(plan: PlanStore, out_dir: Path, *, site: str = "", technician: str = "",
                 previous: Path | None = None, lang: str | None = None,
                 stem: str | None = None) -> dict[str, Any]:
    """Write ``<stem>.csv`` and ``<stem>.html``; return their paths and the changes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    when = datetime.now(UTC).astimezone()
    stem = stem or f"site-report-{when.strftime('%Y%m%d-%H%M%S')}"
    csv_path, html_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.html"
    old = read_previous(previous) if previous else None
    collected: list[dict[str, str]] = []
    tmp_csv = csv_path.with_suffix(".csv.tmp")
    with tmp_csv.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows(plan):
            writer.writerow(row)
            if old is not None:
                collected.append({k: row[k] for k in ("room", "mac", "battery", "firmware",
                                                      "status", "reason")})
    tmp_csv.replace(csv_path)
    changes = compare(old, collected) if old is not None else []
    summary = plan.summary()
    tmp_html = html_path.with_suffix(".html.tmp")
    with tmp_html.open("w", encoding="utf-8") as f:
        _write_html(f, plan, summary, changes, old is not None, site, technician, when, lang)
    tmp_html.replace(html_path)
    return {"csv": str(csv_path), "html": str(html_path), "summary": summary.to_dict(),
            "changes": [c.to_dict() for c in changes]}


def _write_html(f: IO[str], plan: PlanStore, summary: PlanSummary, changes: list[Change],
                compared: bool,
                site: str, technician: str, when: datetime, lang: str | None) -> None:
    esc = html.escape
    title = text("title", lang) + (f" — {site}" if site else "")
    f.write(f"<!doctype html>\n<html><head><meta charset='utf-8'><title>{esc(title)}</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
            "font-size:12px}td,th{border:1px solid #999;padding:3px 6px;text-align:left}"
            "tr.failed{background:#fde2e2}tr.revisit{background:#fff4d6}"
            "tr.done{background:#e6f6e6}@media print{body{margin:0}}</style></head><body>\n")
    f.write(f"<h1>{esc(title)}</h1>\n<p>{esc(text('summary', lang, **summary.to_dict()))}</p>\n")
    made = text("made", lang, when=when.strftime("%Y-%m-%d %H:%M"), who=technician or "-")
    f.write(f"<p>{esc(made)}</p>\n")
    if compared:
        f.write(f"<h2>{esc(text('changes', lang))}</h2>\n")
        if changes:
            f.write("<ul>" + "".join(f"<li>{esc(c.describe(lang))}</li>" for c in changes)
                    + "</ul>\n")
        else:
            f.write(f"<p>{esc(text('no_changes', lang))}</p>\n")
    heads = ["room", "mac", "model", "firmware", "battery", "rssi", "drift_before",
             "drift_after", "status", "reason", *(f"step_{s}" for s in STEPS), "time",
             "technician"]
    f.write("<table><tr>" + "".join(f"<th>{esc(text(h, lang))}</th>" for h in heads)
            + "</tr>\n")
    for row in rows(plan):
        cells = dict(row)
        cells["status"] = text(row["status"], lang) if row["status"] else ""
        cells["reason"] = _reason_title(row["reason"], lang)
        cells["time"] = _local(row["time"])
        for name in STEPS:  # "failed ttlock-07" -> "falhou (ttlock-07)"
            status, _, code = row[f"step_{name}"].partition(" ")
            if status:
                cells[f"step_{name}"] = text(f"st_{status}", lang) + (f" ({code})" if code
                                                                       else "")
        f.write(f"<tr class='{esc(row['status'])}'>" + "".join(
            f"<td>{esc(cells[h])}</td>" for h in heads) + "</tr>\n")
    f.write("</table>\n</body></html>\n")
