"""The catalog loader, validation, lookup and search, on small fixture files."""

from __future__ import annotations

import copy
import json
import re

import pytest

from app.catalog import (
    CatalogError,
    explain_error,
    fold,
    load_catalog,
)
from app.catalog.labels import DOMAIN_NAMES, HEADINGS, SEVERITY_NAMES, split_steps
from app.catalog.loader import load_directory
from app.domain.errors import KeyDeskError
from app.i18n import LANGUAGES


def text(title, explanation="Something happened.", action="Do this.", causes=()):
    return {"title": title, "explanation": explanation, "action": action,
            "technician_action": None, "causes": list(causes)}


def entry(code, en, pt, zh, *, causes=(), **extra):
    raw = {
        "code": code, "vendor_text": f"vendor {code}", "vendor_symbol": None, "aliases": [],
        "severity": "error", "retryable": False, "related": [], "seed_note": None,
        "i18n": {"en": text(en, causes=causes), "pt-BR": text(pt, causes=causes),
                 "zh-CN": text(zh, causes=causes)},
    }
    raw.update(extra)
    return raw


def write(directory, name, domain, entries):
    path = directory / name
    path.write_text(json.dumps({"domain": domain, "source": None, "entries": entries},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def fixture_dir(tmp_path):
    write(tmp_path, "cloud_api_a.json", "cloud_api", [
        entry("5310", "Encoder not connected", "Codificador não conectado", "连接不上发卡器",
              causes=["unplugged"], retryable=True, related=["5305"]),
    ])
    write(tmp_path, "cloud_api_b.json", "cloud_api", [
        entry("5305", "Connection timed out", "Tempo de conexão esgotado", "连接超时",
              causes=["slow network"], related=["5310"]),
        entry("17", "Cloud seventeen", "Nuvem dezessete", "云十七"),
    ])
    write(tmp_path, "reader_event_error.json", "reader_event_error", [
        entry("17", "Card lost or cancelled", "Cartão perdido ou cancelado", "卡已挂失或注销",
              severity="warning"),
    ])
    write(tmp_path, "reader_event_type.json", "reader_event_type", [
        entry("BreakIn", "Door forced open", "Porta arrombada", "门被强行打开",
              severity="alarm", aliases=["_BreakIn_"]),
        entry("Duress", "Duress alarm", "Coação", "胁迫报警", severity="alarm",
              vendor_symbol="DuressEvent"),
    ])
    return tmp_path


def test_files_of_one_domain_are_merged_and_ordered(fixture_dir):
    cat = load_catalog(fixture_dir, reload=True)
    assert cat.domains == ("cloud_api", "reader_event_error", "reader_event_type")
    assert [e.code for e in cat.in_domain("cloud_api")] == ["17", "5305", "5310"]
    e = cat.get("cloud_api", "5310")
    assert e.retryable is True and e.related == ("5305",) and e.file == "cloud_api_a.json"
    assert e.text("pt-BR").title == "Codificador não conectado"
    assert e.text("zh-CN").causes == ("unplugged",)


def test_catalog_is_loaded_once_and_cached(fixture_dir):
    first = load_catalog(fixture_dir, reload=True)
    assert load_catalog(fixture_dir) is first
    assert load_catalog(fixture_dir, reload=True) is not first


def test_bare_number_lists_every_domain_and_domain_narrows(fixture_dir):
    cat = load_catalog(fixture_dir, reload=True)
    assert [e.key for e in cat.lookup("17")] == [
        ("cloud_api", "17"), ("reader_event_error", "17")]
    assert [e.key for e in cat.lookup(17, "reader_event_error")] == [("reader_event_error", "17")]
    assert [e.key for e in cat.lookup("0017", "reader_event_error")] == [
        ("reader_event_error", "17")]
    assert cat.lookup("9999") == [] and cat.lookup("") == []
    assert cat.get("reader_event_type", "17") is None


def test_lookup_by_name_alias_and_symbol_is_case_insensitive(fixture_dir):
    cat = load_catalog(fixture_dir, reload=True)
    assert [e.code for e in cat.lookup("breakin")] == ["BreakIn"]
    assert [e.code for e in cat.lookup("_BREAKIN_")] == ["BreakIn"]
    assert [e.code for e in cat.lookup("duressevent", "reader_event_type")] == ["Duress"]
    assert cat.lookup("duressevent", "cloud_api") == []


def test_search_any_language_accent_and_case_insensitive(fixture_dir):
    cat = load_catalog(fixture_dir, reload=True)
    assert [e.code for e in cat.search("CARTAO perdido")] == ["17"]
    assert [e.code for e in cat.search("cartão", lang="pt-BR")] == ["17"]
    assert cat.search("cartão", lang="en") == []  # only the English text (and vendor text)
    assert [e.code for e in cat.search("发卡")] == ["5310"]  # Chinese substring
    assert [e.code for e in cat.search("强行")] == ["BreakIn"]
    assert [e.code for e in cat.search("vendor 5305")] == ["5305"]
    assert [e.code for e in cat.search("ＢｒｅａｋＩｎ")] == ["BreakIn"]  # full-width input


def test_search_ranks_exact_code_first_then_prefix_then_title(fixture_dir):
    cat = load_catalog(fixture_dir, reload=True)
    codes = [e.key for e in cat.search("53")]
    assert codes == [("cloud_api", "5305"), ("cloud_api", "5310")]
    assert cat.search("5305")[0].code == "5305"
    assert [e.code for e in cat.search("17")][:2] == ["17", "17"]
    assert len(cat.search("", domain="reader_event_type")) == 2
    assert [e.code for e in cat.search("alarm", domain="reader_event_type")] == [
        "Duress"]  # title match; BreakIn has "alarm" only as its severity, not its text


def test_fold():
    assert fold("Coação ÉRRO") == "coacao erro"
    assert fold("门被强行打开") == "门被强行打开"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda e: e.pop("vendor_text"), "missing vendor_text"),
        (lambda e: e.update(extra=1), "unknown key(s) extra"),
        (lambda e: e["i18n"].pop("zh-CN"), "exactly the languages"),
        (lambda e: e["i18n"].update(fr=e["i18n"]["en"]), "exactly the languages"),
        (lambda e: e["i18n"]["pt-BR"].update(title=""), "i18n['pt-BR'].title"),
        (lambda e: e["i18n"]["zh-CN"].update(action="  "), "i18n['zh-CN'].action"),
        (lambda e: e["i18n"]["en"].update(title="x" * 61), "longer than 60"),
        (lambda e: e.update(severity="fatal"), "severity must be one of"),
        (lambda e: e.update(retryable="yes"), "retryable"),
        (lambda e: e.update(code=17), "code must be"),
        (lambda e: e.update(related=["9999"]), "related code '9999'"),
        (lambda e: e["i18n"]["en"].update(causes=[]), "causes must not be empty"),
        (lambda e: e["i18n"]["en"].update(technician_action=""), "technician_action"),
    ],
)
def test_validation_names_file_and_entry(tmp_path, mutate, message):
    raw = entry("5301", "Card cancelled", "Cartão cancelado", "卡已注销", causes=["x"])
    bad = copy.deepcopy(raw)
    mutate(bad)
    write(tmp_path, "cloud_api_x.json", "cloud_api", [bad])
    with pytest.raises(CatalogError) as info:
        load_directory(tmp_path)
    text_ = str(info.value)
    assert "cloud_api_x.json" in text_ and message in text_
    assert info.value.file == "cloud_api_x.json"


def test_causes_only_required_for_card_failures(tmp_path):
    write(tmp_path, "a.json", "cloud_api", [entry("5299", "A", "A", "A"),
                                            entry("5317", "B", "B", "B")])
    assert len(load_directory(tmp_path)["cloud_api"]) == 2


def test_duplicate_code_across_files_of_a_domain(tmp_path):
    write(tmp_path, "a.json", "cloud_api", [entry("5310", "A", "A", "A", causes=["c"])])
    write(tmp_path, "b.json", "cloud_api", [entry("5310", "B", "B", "B", causes=["c"])])
    with pytest.raises(CatalogError, match=r"b\.json, entry '5310': duplicate cloud_api code"):
        load_directory(tmp_path)


def test_same_code_in_two_domains_is_fine(tmp_path):
    write(tmp_path, "a.json", "cloud_api", [entry("17", "A", "A", "A")])
    write(tmp_path, "b.json", "reader_event_error", [entry("17", "B", "B", "B")])
    assert set(load_directory(tmp_path)) == {"cloud_api", "reader_event_error"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "UTF-8 JSON"),
        ("[]", "top level must be an object"),
        ('{"domain": "Bad Name", "source": null, "entries": [1]}', "lower_case name"),
        ('{"domain": "x", "source": null, "entries": []}', "non-empty list"),
        ('{"domain": "x", "entries": []}', "missing source"),
        ('{"domain": "x", "source": null, "entries": [42]}', "entry '#0'"),
    ],
)
def test_broken_files(tmp_path, content, message):
    (tmp_path / "broken.json").write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"broken\.json") as info:
        load_directory(tmp_path)
    assert message in str(info.value)


def test_empty_directory(tmp_path):
    with pytest.raises(CatalogError, match="no catalog files"):
        load_directory(tmp_path)


def test_new_domain_from_data_alone(tmp_path):
    write(tmp_path, "acme_lock.json", "acme_lock", [entry("E1", "Acme", "Acme", "Acme")])
    cat = load_catalog(tmp_path, reload=True)
    assert cat.domains == ("acme_lock",)
    assert cat.lookup("e1")[0].domain == "acme_lock"


def test_labels_have_every_language_and_key():
    for table in (HEADINGS, SEVERITY_NAMES, DOMAIN_NAMES):
        assert set(table) == set(LANGUAGES)
        assert all(set(table[g]) == set(table["en"]) for g in LANGUAGES)


def test_split_steps():
    assert split_steps("1. Plug it in. 2. Retry.") == ["1. Plug it in.", "2. Retry."]
    assert split_steps("1. 插好。2. 重试。") == ["1. 插好。", "2. 重试。"]
    assert split_steps("Wait 5 seconds. Then 2 more.") == ["Wait 5 seconds. Then 2 more."]


# --- the shipped catalog --------------------------------------------------------------


def test_explain_error_in_each_language():
    err = KeyDeskError("open_door_method", "1", "detail")
    info = explain_error(err, lang="pt-BR")
    assert info["title"] == "Cartão" and info["lang"] == "pt-BR" and info["known"]
    for key in ("title", "explanation", "action", "technician_action", "causes", "severity",
                "retryable", "vendor_text", "lang"):
        assert key in info
    assert info["vendor_text"] == "by access card" and info["retryable"] is False
    assert explain_error(err, lang="zh-CN")["title"] == "刷卡"
    assert explain_error(err, lang="en")["title"] == "Card"


def test_explain_error_uses_raisers_retryable_and_preferred_language(monkeypatch):
    from app import i18n

    monkeypatch.setattr(i18n, "_preferred", "zh-CN")
    info = explain_error(KeyDeskError("reader_event_type", "Duress", retryable=True))
    assert info["lang"] == "zh-CN" and info["severity"] == "alarm" and info["retryable"] is True


def test_explain_unknown_code_never_raises():
    info = explain_error(KeyDeskError("cloud_api", "123456"), lang="pt-BR")
    assert info["known"] is False and "123456" in info["title"]
    assert "suporte" in info["action"]


def test_explain_error_survives_a_broken_catalog(monkeypatch, tmp_path):
    import app.catalog as catalog

    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(catalog, "catalog_dir", lambda: tmp_path)
    info = explain_error(KeyDeskError("cloud_api", "5310"), lang="en")
    assert info["known"] is False and info["action"]


def test_shipped_catalog_is_loaded_once():
    cat = load_catalog()
    assert load_catalog() is cat
    assert cat.lookup("BreakIn")[0].severity == "alarm"


def test_technician_advice_can_differ_per_operating_system(tmp_path):
    """Issue 11: Device Manager is Windows advice; Linux and macOS get their own."""
    from app.catalog.model import PLATFORMS, current_platform

    bad = entry("5310", "A", "A", "A", causes=["c"])
    bad["i18n"]["en"]["technician_action"] = {"windows": "Device Manager", "linux": "dmesg"}
    write(tmp_path, "x.json", "encoder", [bad])
    with pytest.raises(CatalogError, match="per platform"):
        load_directory(tmp_path)

    real = load_catalog().get("encoder", "5310")
    texts = {p: real.text("en").technician_for(p) for p in PLATFORMS}
    assert "Device Manager" in texts["windows"]
    assert "Device Manager" not in texts["linux"] and "dialout" in texts["linux"]
    assert "Device Manager" not in texts["macos"]
    assert real.text("en").technician_action == texts[current_platform()]
    cloud = load_catalog().get("cloud_api", "5310").text("en").technician_action
    assert "Device Manager" not in cloud  # the cloud's card issuer is not on this PC


def test_no_text_says_a_word_twice():
    """Issue 11: "old or or of poor quality" (reader code 97) reached the Monitor. Every
    English and Portuguese text of the shipped catalog is read for a word said twice."""
    doubled = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
    found = []
    for entry in load_catalog().entries:
        for lang in ("en", "pt-BR"):
            t = entry.text(lang)
            texts = [t.title, t.explanation, t.action, *t.causes,
                     *(advice for _, advice in t.technician_by_platform),
                     t.technician_action or ""]
            found += [(entry.domain, entry.code, lang, m.group(0))
                      for text in texts for m in doubled.finditer(text)]
    assert not found
