"""The shipped catalog against both vendor seed documents, and the seeds' slips.

The seeds live in ``shared/seeds`` beside the repository (CI clones it there).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import LANGUAGES, load_catalog
from app.catalog.seeds import (
    missing_from_catalog,
    parse_cloud_seed,
    parse_reader_seed,
    parse_seed_dir,
    parse_seed_file,
)
from app.paths import resources_dir

SHARED_SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
SHIPPED_SEEDS = resources_dir() / "catalog" / "seeds"
# The canonical seeds beside the repository when present (CI), else the shipped copies.
SEEDS = SHARED_SEEDS if SHARED_SEEDS.is_dir() else SHIPPED_SEEDS
CLOUD_SEED = SEEDS / "000_f6bc5e4703c03277.txt"
READER_SEED = SEEDS / "002_1572bec786c450f0.txt"


def test_shipped_seed_copies_are_verbatim():
    names = sorted(p.name for p in SHIPPED_SEEDS.glob("*.txt"))
    assert names == ["000_f6bc5e4703c03277.txt", "002_1572bec786c450f0.txt"]
    if SHARED_SEEDS.is_dir():
        for name in names:
            assert (SHIPPED_SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(reload=True)


@pytest.fixture(scope="module")
def rows():
    assert CLOUD_SEED.is_file() and READER_SEED.is_file(), f"seed documents missing in {SEEDS}"
    return parse_seed_file(CLOUD_SEED) + parse_seed_file(READER_SEED)


def by_domain(rows):
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r.domain, []).append(r.code)
    return out


def test_parsers_read_every_table_of_both_seeds(rows):
    codes = by_domain(rows)
    assert codes["cloud_http"] == ["200", "400", "401", "403", "404", "500"]
    api = [int(c) for c in codes["cloud_api"]]
    expected = [*range(4001, 4009), *range(5001, 5018), 5050, *range(5100, 5118), 5120, 5121,
                5122, *range(5201, 5209), 5208, *range(5209, 5218), *range(5300, 5317),
                *range(6000, 6007), *range(6107, 6121)]
    assert api == expected
    assert [int(c) for c in codes["reader_event_error"]] == [
        0, *range(17, 26), 32, 33, *range(64, 72), 82, 96, 97, 98, 99, 101, 102, 162, 164, 165,
        169]
    assert [int(c) for c in codes["open_door_method"]] == [
        c for c in range(48) if c not in (10, 16, 42)]
    assert len(codes["reader_request_error"]) == 74
    assert codes["reader_request_error"].count("286064918") == 2
    assert codes["reader_event_type"] == [
        "Upgrade", "Reboot", "BreakIn", "DoorStatus", "AlarmLocal", "NewFile", "UpdateFile",
        "DoorNotClosed", "NetworkChange", "AccessControl", "KeepLightOn", "KeepLightOff",
        "ScreenSaver", "TimeChange", "ManagerLog", "Button", "ButtonExit", "Duress",
        "ChassisIntruded"]


def test_parser_vendor_text_rules():
    cloud = parse_cloud_seed("500* Server error.\n4008 bad signature Wrong signature\n"
                             "400x:wrong request format\nHotline\n400-0900843\n")
    assert [(r.domain, r.code, r.vendor_text) for r in cloud] == [
        ("cloud_http", "500", "Server error."),
        ("cloud_api", "4008", "bad signature Wrong signature")]
    reader = parse_reader_seed(
        "Códigos de Erro Requests\n"
        "businessCommonErrorBadRequest268632321///< The state machine\n"
        "accessControlErrorEraseCardFailed286064916// Card data purging\n"
        "CodeDescrição do evento\nButton / ButtonExitEvento referente ao botão de Saida\n")
    assert [(r.code, r.vendor_symbol, r.vendor_text) for r in reader] == [
        ("268632321", "businessCommonErrorBadRequest", "The state machine"),
        ("286064916", "accessControlErrorEraseCardFailed", "Card data purging"),
        ("Button", None, "Evento referente ao botão de Saida"),
        ("ButtonExit", None, "Evento referente ao botão de Saida")]


def test_every_seed_code_is_in_the_catalog_with_its_vendor_text(catalog, rows):
    assert missing_from_catalog(catalog, rows) == []
    # And directly, without the slip rule, for every row the seed got right.
    slips = {("cloud_api", "5208"), ("reader_request_error", "286064918")}
    for r in rows:
        entry = catalog.get(r.domain, r.code)
        assert entry is not None, f"{r.domain} {r.code} missing"
        if (r.domain, r.code) not in slips:
            assert entry.vendor_text == r.vendor_text, (r.domain, r.code)
        if r.vendor_symbol and (r.domain, r.code) not in slips:
            assert entry.vendor_symbol == r.vendor_symbol, (r.domain, r.code)


def test_every_entry_has_title_explanation_action_in_three_languages(catalog):
    assert len(catalog) >= 270
    for e in catalog:
        assert set(e.i18n) == set(LANGUAGES)
        for lang in LANGUAGES:
            t = e.text(lang)
            assert t.title.strip() and t.explanation.strip() and t.action.strip(), e.key
        # Written in the language, not copied: Portuguese/Chinese differ from English.
        assert e.text("zh-CN").explanation != e.text("en").explanation, e.key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in e.text("zh-CN").title), e.key


def test_the_catalog_has_no_codes_the_seeds_do_not_have(catalog, rows):
    seeded = {(r.domain, r.code) for r in rows}
    seeded_domains = {r.domain for r in rows}
    extra = [e.key for e in catalog if e.domain in seeded_domains and e.key not in seeded]
    assert extra == []
    # Domains without a vendor seed are written from the specs (the lock domain) or are
    # KeyDesk's own (operators and rights, the audit trail, the desk's cloud outcomes, the
    # USB encoder — which borrows the seed's 53xx numbers —, the desk itself and the
    # site's shared store).
    assert {e.domain for e in catalog} - seeded_domains == {
        "lock", "operator", "audit", "cloud_desk", "encoder", "desk", "site_store"}
    numbered = [e.code for e in catalog.in_domain("encoder") if e.code.isdigit()]
    assert numbered and all(("cloud_api", code) in seeded for code in numbered)


def test_card_failures_list_causes_in_every_language(catalog):
    for code in range(5300, 5317):
        e = catalog.get("cloud_api", str(code))
        for lang in LANGUAGES:
            assert len(e.text(lang).causes) >= 1, (code, lang)


# --- the seeds' slips: what we decided ------------------------------------------------


def test_slip_5208_listed_twice_is_one_entry(catalog, rows):
    lines = [r for r in rows if r.code == "5208"]
    assert len(lines) == 2 and lines[0].vendor_text == lines[1].vendor_text
    entries = catalog.lookup("5208", "cloud_api")
    assert len(entries) == 1
    assert entries[0].vendor_text == lines[0].vendor_text
    assert "twice" in entries[0].seed_note


def test_slip_duplicate_record_lives_at_286064919(catalog):
    no_more = catalog.get("reader_request_error", "286064918")
    assert no_more.vendor_symbol == "accessControlErrorNoMoreRecords"
    assert no_more.vendor_text == "no more records"
    assert "accessControlErrorDuplicateRecord" not in no_more.aliases
    dup = catalog.get("reader_request_error", "286064919")
    assert dup.vendor_symbol == "DUPLICATE_RECORD"
    assert dup.vendor_text == "When issuing card or fingerprint data, the record already exists"
    assert "accessControlErrorDuplicateRecord" in dup.aliases
    assert [e.key for e in catalog.lookup("accessControlErrorDuplicateRecord")] == [dup.key]
    for e in (no_more, dup):
        assert "286064918" in e.seed_note and "286064919" in e.seed_note


def test_slip_6109_keeps_the_vendor_text_verbatim_and_explains_the_stray_character(catalog):
    e = catalog.get("cloud_api", "6109")
    assert e.vendor_text.endswith("on the same day卡")  # what the server may really send
    assert "卡" in e.seed_note
    # The explanations do not repeat the stray character as if it meant something.
    assert "day卡" not in e.text("en").explanation
    assert [x.key for x in catalog.search("trial version can only be issued on the same day")
            ][:2] == [("cloud_api", "6109"), ("cloud_api", "6111")]


def test_split_event_types_share_the_seed_text_and_say_why(catalog):
    for pair in (("KeepLightOn", "KeepLightOff"), ("Button", "ButtonExit")):
        a, b = (catalog.get("reader_event_type", c) for c in pair)
        assert a.vendor_text == b.vendor_text and a.seed_note and b.seed_note
        assert pair[0] in a.seed_note and pair[1] in a.seed_note
    assert catalog.lookup("_Button_")[0].code == "Button"


def test_seed_dir_parse(rows):
    assert len(parse_seed_dir(SEEDS)) == len(rows)


def test_severities_of_alarming_events(catalog):
    sev = {e.code: e.severity for e in catalog.in_domain("reader_event_type")}
    assert sev["BreakIn"] == sev["Duress"] == sev["ChassisIntruded"] == "alarm"
    assert sev["DoorNotClosed"] == "warning"
    assert sev["AccessControl"] == "info"
    duress = catalog.get("reader_event_type", "Duress")
    assert "security" in duress.text("en").action and "confront" in duress.text("en").action
