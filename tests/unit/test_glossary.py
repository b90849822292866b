"""One name per thing, in every language. The lock cloud's card issuer (the vendor's
"card issuer", ``issueMac``) and the USB encoder of this desk are two devices: pt-BR says
"emissor (de cartões)" for the first and "codificador" for the second, zh-CN "云端发卡器"
and "发卡器". The window's translations, the CLI's words and help texts and the error
catalog are read for the cloud's issuer called by the encoder's name."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.cli import help_words, words

ROOT = Path(__file__).resolve().parents[2]
ISSUER = {"pt-BR": "emissor", "zh-CN": "云端发卡器"}
ENCODER_ONLY = {"pt-BR": "codificador", "zh-CN": "发卡器"}  # the USB encoder's name
LANG_FILE = {"pt-BR": "pt_BR", "zh-CN": "zh_CN"}


def names_the_issuer(english: str) -> bool:
    return re.search(r"\bissuers?\b", english, re.I) is not None and "encoder" not in english


def wrong(text: str, lang: str) -> bool:
    """The cloud's issuer not called by its name (in zh-CN, 发卡器 alone is the encoder)."""
    return ISSUER[lang] not in text


def window_texts(lang: str) -> list[tuple[str, str]]:
    ts = ROOT / "resources" / "translations" / f"keydesk_{LANG_FILE[lang]}.ts"
    return [(m.findtext("source") or "", m.findtext("translation") or "")
            for m in ET.parse(ts).getroot().iter("message")]


@pytest.mark.parametrize("lang", ["pt-BR", "zh-CN"])
def test_the_window_calls_the_clouds_issuer_by_its_name(lang):
    texts = [(en, said) for en, said in window_texts(lang) if names_the_issuer(en)]
    assert len(texts) >= 8  # Settings, the RF cards tab, the rooms' check, the audit
    assert [(en, said) for en, said in texts if wrong(said, lang)] == []
    if lang == "pt-BR":
        assert not [said for _, said in texts if "codificador da nuvem" in said]


@pytest.mark.parametrize("lang", ["pt-BR", "zh-CN"])
def test_the_command_line_calls_the_clouds_issuer_by_its_name(lang):
    texts = [(en, help_words.help_text(en, lang)) for en, _, _ in help_words.ENTRIES
             if names_the_issuer(en)]
    texts += [(words.TEXTS["en"][key], words.TEXTS[lang][key]) for key in words.TEXTS["en"]
              if names_the_issuer(words.TEXTS["en"][key])]
    assert len(texts) >= 5
    assert [(en, said) for en, said in texts if wrong(said, lang)] == []


def catalog_texts() -> list[tuple[str, str, dict[str, object]]]:
    """(file, code, i18n) of every catalog entry."""
    found = []
    for path in sorted((ROOT / "resources" / "catalog").glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            found.append((path.name, entry["code"], entry["i18n"]))
    return found


def sentences(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [s for item in items if isinstance(item, str) for s in re.split(r"(?<=[.;])\s", item)]


@pytest.mark.parametrize("lang", ["pt-BR", "zh-CN"])
def test_the_catalog_calls_the_clouds_issuer_by_its_name(lang):
    """Each field whose English names the card issuer (and not the encoder) names it too."""
    left = []
    for name, code, i18n in catalog_texts():
        for field, english in i18n["en"].items():  # type: ignore[attr-defined]
            theirs = i18n[lang][field]  # type: ignore[index]
            if isinstance(english, str) and re.search(r"card issuer|issuer MAC", english) \
                    and isinstance(theirs, str) and wrong(theirs, lang):
                left.append((name, code, field, theirs))
    assert left == []


def test_the_encoders_name_is_not_the_clouds():
    """"codificador da nuvem" (pt-BR) and 云平台的发卡器 / 发卡机 (zh-CN) are gone."""
    everywhere = [said for lang in ISSUER for _, said in window_texts(lang)]
    everywhere += [json.dumps(i18n, ensure_ascii=False) for _, _, i18n in catalog_texts()]
    everywhere += [v for lang in ISSUER for v in words.TEXTS[lang].values()]
    assert not [t for t in everywhere if "codificador da nuvem" in t or "云平台的发卡器" in t
                or "发卡机" in t]
