"""What the lock cloud's answers say to a person, in en / pt-BR / zh-CN (``app.i18n``
phrases): the card type of a door-log record (``queryByRoom`` ``cardtype``), and the state
of a call whose outcome is unknown with how to check it. The record's ``card_type_name``
and the error's ``state`` stay English for ``--json``, the audit and the log; the command
line and the window show :func:`card_type_word` and ``worded(state)``.
"""

from __future__ import annotations

from app.i18n import Phrases, Said, Worded, phrase

PHRASES: Phrases = {
    "card_6": {"en": "guest", "pt-BR": "hóspede", "zh-CN": "客人"},
    "card_7": {"en": "checkout", "pt-BR": "check-out", "zh-CN": "退房"},
    "card_10": {"en": "emergency", "pt-BR": "emergência", "zh-CN": "应急"},
    "card_11": {"en": "admin", "pt-BR": "administrador", "zh-CN": "管理员"},
    "card_12": {"en": "building", "pt-BR": "prédio", "zh-CN": "楼栋"},
    "card_13": {"en": "floor", "pt-BR": "andar", "zh-CN": "楼层"},
    "card_31": {"en": "RF record", "pt-BR": "registro RF", "zh-CN": "RF 记录"},
    "card_other": {"en": "type {n}", "pt-BR": "tipo {n}", "zh-CN": "类型 {n}"},
    # OutcomeUnknown's state: what is known, then how to find out before repeating.
    "outcome_unknown": {
        "en": "outcome unknown: {check}",
        "pt-BR": "resultado desconhecido: {check}",
        "zh-CN": "结果未知：{check}",
    },
    "check_repeat": {
        "en": "check whether it happened before repeating it",
        "pt-BR": "confira se aconteceu antes de repetir",
        "zh-CN": "重复操作之前先确认它是否已经完成",
    },
    "check_keys": {
        "en": "check the room's keys before issuing again: keydesk cloud keys --room {room} "
        "--mobile {mobile} (Guest keys: fetch by card number)",
        "pt-BR": "confira as chaves do quarto antes de emitir de novo: keydesk cloud keys "
        "--room {room} --mobile {mobile} (Chaves de hóspede: buscar pelo número do cartão)",
        "zh-CN": "重新发放之前先查看该房间的钥匙：keydesk cloud keys --room {room} --mobile "
        "{mobile}（客人钥匙：按卡号获取）",
    },
    "check_rf": {
        "en": "read the card on the issuer before issuing again: keydesk cloud rf-read "
        "(RF cards: Read card on the issuer)",
        "pt-BR": "leia o cartão no emissor antes de emitir de novo: keydesk cloud rf-read "
        "(Cartões RF: Ler cartão no emissor)",
        "zh-CN": "重新制卡之前先在云端发卡器上读卡：keydesk cloud rf-read（RF 卡：在云端发卡器上"
        "读卡）",
    },
}


def card_type_word(card_type: int, lang: str | None = None) -> str:
    """The door-log card type ``card_type`` in ``lang`` (None: the preferred language);
    a type the vendor's list lacks as its number."""
    key = f"card_{card_type}"
    if key in PHRASES:
        return phrase(PHRASES, key, lang)
    return phrase(PHRASES, "card_other", lang, n=card_type)



def said(key: str, **values: object) -> Worded:
    """The phrase ``key``, travelling as English and worded where it is shown."""
    return Worded(Said(PHRASES, key, **values))
