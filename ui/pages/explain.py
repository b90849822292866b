"""The Explain page: look up any vendor code and see what it means and what to do next.

The catalog is loaded once and searched in memory on every keystroke (a few hundred
pre-normalised strings). The page's own words are the window's (``self.tr``); the
explanations and their headings are in the UI language setting ("system" = the OS
language) unless the page's own language box overrides it (a clerk can show a guest the
explanation in the guest's language). Error banners elsewhere in
the window open this page through :meth:`ExplainPage.show_code`.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Catalog, CatalogError, Entry, load_catalog
from app.catalog.labels import domain_name, heading, severity_name, split_steps
from app.i18n import LANGUAGE_NAMES, LANGUAGES, resolve_language

log = logging.getLogger(__name__)

LINK_SCHEME = "keydesk-code"  # keydesk-code:DOMAIN/CODE in the detail view

SEVERITY_COLORS = {"info": "#2e6da4", "warning": "#b7791f", "error": "#c0392b",
                   "alarm": "#8e0000"}
KEY_ROLE = Qt.ItemDataRole.UserRole


class ExplainPage(QWidget):
    def __init__(self, ctx: Any, catalog: Catalog | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.catalog: Catalog | None = catalog
        self.load_error = ""
        if self.catalog is None:
            try:
                self.catalog = load_catalog()
            except CatalogError as exc:  # shown on the page; the window keeps working
                log.exception("error catalog failed to load")
                self.load_error = str(exc)
        self._current: tuple[str, str] | None = None

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search codes"))
        self.domain_box = QComboBox()
        self.domain_box.setAccessibleName(self.tr("Domain"))
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language"))
        # Its first item's words change with the language ("Idioma: o das Configurações"
        # is longer than "Language: as in Settings"): the box grows to show them whole.
        for box in (self.domain_box, self.language_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.domain_box)
        row.addWidget(self.language_box)
        layout.addLayout(row)

        self.results = QTreeWidget()
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setColumnCount(3)
        self.results.setAccessibleName(self.tr("Results"))
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(2, 130)  # the domain is a hint; the meaning gets the room
        self.count_label = QLabel()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.count_label)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("Explanation"))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.language_box.addItem(self.tr("Language: as in Settings"), None)
        for lang in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[lang], lang)
        self.search_box.textChanged.connect(self.refresh)
        self.domain_box.currentIndexChanged.connect(self.refresh)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.results.currentItemChanged.connect(self._selected)
        self.detail.anchorClicked.connect(self._open_link)
        self._apply_language()

    # --- language ---------------------------------------------------------------------

    @property
    def lang(self) -> str:
        override = self.language_box.currentData()
        return override or resolve_language(self.ctx.settings.language)

    def _language_changed(self, _index: int) -> None:
        self._apply_language()

    def showEvent(self, event: QShowEvent) -> None:
        # The Settings page may have changed the UI language since we last showed.
        self._apply_language()
        super().showEvent(event)

    def _apply_language(self) -> None:
        lang = self.lang
        title = self.tr("Explain")
        self.heading.setText(f"<h2>{html.escape(title)}</h2>")
        self.search_box.setPlaceholderText(
            self.tr("Code or words, in any language (e.g. 5310, card, cartão, 发卡器)"))
        self.results.setHeaderLabels([self.tr("Code"), self.tr("Meaning"), self.tr("Domain")])
        self.language_box.setItemText(0, self.tr("Language: as in Settings"))
        # Its few words are never squeezed (the search box and the domain box give way).
        self.language_box.setMinimumWidth(self.language_box.sizeHint().width())
        self._fill_domains(lang)
        self.refresh()

    def _fill_domains(self, lang: str) -> None:
        chosen = self.domain_box.currentData()
        self.domain_box.blockSignals(True)
        self.domain_box.clear()
        self.domain_box.addItem(self.tr("All domains"), None)
        for domain in self.catalog.domains if self.catalog else ():
            self.domain_box.addItem(domain_name(lang, domain), domain)
        self.domain_box.setCurrentIndex(max(0, self.domain_box.findData(chosen)))
        self.domain_box.blockSignals(False)

    # --- results ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Search as typed; keep the selected entry when it still matches."""
        if self.catalog is None:
            self.detail.setPlainText(self.load_error)
            return
        lang = self.lang
        found = self.catalog.search(self.search_box.text(), domain=self.domain_box.currentData())
        keep = self._current
        self.results.blockSignals(True)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        items = []
        for entry in found:
            item = QTreeWidgetItem([entry.code, entry.text(lang).title,
                                    domain_name(lang, entry.domain)])
            item.setData(0, KEY_ROLE, entry.key)
            item.setToolTip(1, entry.vendor_text_shown)
            items.append(item)
        self.results.addTopLevelItems(items)
        self.results.setUpdatesEnabled(True)
        self.results.blockSignals(False)
        self.count_label.setText(self.tr("{n} found").format(n=len(found)))
        target = next((i for i in items if i.data(0, KEY_ROLE) == keep), None)
        target = target or (items[0] if items else None)
        if target is not None:
            self.results.setCurrentItem(target)  # renders through _selected
        else:
            self._current = None
            pick = self.tr("Pick an entry on the left to see what it means and what to do.")
            self.detail.setHtml(f"<p>{html.escape(pick)}</p>")

    def _selected(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self._render(tuple(item.data(0, KEY_ROLE)))

    def result_keys(self) -> list[tuple[str, str]]:
        """(domain, code) of the listed results, in order (for tests and self-test)."""
        items = (self.results.topLevelItem(i) for i in range(self.results.topLevelItemCount()))
        return [tuple(item.data(0, KEY_ROLE)) for item in items if item is not None]

    # --- detail -----------------------------------------------------------------------

    def show_code(self, domain: str, code: str) -> None:
        """Show one entry (the error banners' "Explain…" button lands here)."""
        self.search_box.blockSignals(True)
        self.search_box.setText(str(code))
        self.search_box.blockSignals(False)
        self.domain_box.blockSignals(True)
        self.domain_box.setCurrentIndex(0)  # all domains: a filter must not hide the code
        self.domain_box.blockSignals(False)
        entry = self.catalog.get(domain, code) if self.catalog else None
        self._current = entry.key if entry else None
        self.refresh()
        if entry is None:
            self.results.blockSignals(True)
            # A partial match must not look like the answer. (Qt takes no item: nullptr;
            # PySide6's stubs want one.)
            self.results.setCurrentItem(None)  # type: ignore[call-overload]
            self.results.blockSignals(False)
            lang = self.lang
            explanation = heading(lang, "unknown_explanation").format(domain=domain, code=code)
            self.detail.setHtml(
                f"<h2>{html.escape(heading(lang, 'unknown'))} {html.escape(str(code))}</h2>"
                f"<p>{html.escape(explanation)}</p>"
                f"<p>{html.escape(heading(lang, 'unknown_action'))}</p>"
            )

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            domain, _, code = url.path().partition("/")
            self.show_code(domain, code)

    def _render(self, key: tuple[str, str]) -> None:
        entry = self.catalog.get(*key) if self.catalog else None
        if entry is None:
            return
        self._current = entry.key
        self.detail.setHtml(render_entry(entry, self.lang, self.catalog))

    def current_key(self) -> tuple[str, str] | None:
        return self._current


def render_entry(entry: Entry, lang: str, catalog: Catalog | None = None) -> str:
    """The detail view's HTML for one entry in one language."""
    t = entry.text(lang)
    esc = html.escape

    def section(key: str, body: str) -> str:
        steps = split_steps(body)
        if len(steps) > 1:  # a numbered action: a real list
            inner = "".join(f"<li>{esc(s.split('.', 1)[1].strip())}</li>" for s in steps)
            return f"<h3>{esc(heading(lang, key))}</h3><ol>{inner}</ol>"
        return f"<h3>{esc(heading(lang, key))}</h3><p>{esc(body)}</p>"

    color = SEVERITY_COLORS.get(entry.severity, "#555")
    retry = heading(lang, "retry_yes" if entry.retryable else "retry_no")
    parts = [
        f"<h2>{esc(entry.code)} — {esc(t.title)}</h2>",
        f"<p><span style='color:white; background:{color}'>&nbsp;{esc(heading(lang, 'severity'))}"
        f": {esc(severity_name(lang, entry.severity))}&nbsp;</span> &nbsp; "
        f"{esc(domain_name(lang, entry.domain))} &nbsp;·&nbsp; "
        f"{esc(heading(lang, 'retryable'))}: {esc(retry)}</p>",
        section("explanation", t.explanation),
        section("action", t.action),
    ]
    if t.technician_action:
        parts.append(section("technician_action", t.technician_action))
    if t.causes:
        items = "".join(f"<li>{esc(c)}</li>" for c in t.causes)
        parts.append(f"<h3>{esc(heading(lang, 'causes'))}</h3><ol>{items}</ol>")
    symbol = f" <i>({esc(entry.vendor_symbol)})</i>" if entry.vendor_symbol else ""
    parts.append(f"<h3>{esc(heading(lang, 'vendor_text'))}</h3>"
                 f"<p><code>{esc(entry.vendor_text_shown)}</code>{symbol}</p>")
    if entry.related:
        links = []
        for code in entry.related:
            other = catalog.get(entry.domain, code) if catalog else None
            label = f"{code} — {other.text(lang).title}" if other else code
            links.append(f"<a href='{LINK_SCHEME}:{entry.domain}/{esc(code)}'>{esc(label)}</a>")
        parts.append(f"<h3>{esc(heading(lang, 'related'))}</h3><p>{'<br>'.join(links)}</p>")
    if entry.seed_note:
        parts.append(f"<p style='color:#666'><small>{esc(heading(lang, 'seed_note'))}: "
                     f"{esc(entry.seed_note)}</small></p>")
    return "".join(parts)
