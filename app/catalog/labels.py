"""The few words around an explanation (headings, severities, domain names), per language.

Used by the CLI's text output and the Explain page so a Portuguese explanation is not
framed by English headings.
"""

from __future__ import annotations

import re

HEADINGS: dict[str, dict[str, str]] = {
    "en": {
        "explanation": "What happened",
        "action": "What to do",
        "technician_action": "For technicians",
        "causes": "Likely causes (most likely first)",
        "vendor_text": "Vendor text",
        "severity": "Severity",
        "retryable": "Trying again",
        "retry_yes": "may help",
        "retry_no": "will not help by itself",
        "related": "Related codes",
        "seed_note": "Note on the vendor document",
        "meanings": "{code} has {n} meanings:",
        "unknown": "Unknown code",
        "unknown_explanation": "KeyDesk has no explanation for {domain} code {code}.",
        "unknown_action": "Write down the code and what you were doing, and contact support.",
        "card_state": "The card",
        "detail": "Detail for support",
    },
    "pt-BR": {
        "explanation": "O que aconteceu",
        "action": "O que fazer",
        "technician_action": "Para o técnico",
        "causes": "Causas prováveis (da mais provável para a menos)",
        "vendor_text": "Texto do fabricante",
        "severity": "Gravidade",
        "retryable": "Tentar de novo",
        "retry_yes": "pode resolver",
        "retry_no": "sozinho não resolve",
        "related": "Códigos relacionados",
        "seed_note": "Observação sobre o documento do fabricante",
        "meanings": "{code} tem {n} significados:",
        "unknown": "Código desconhecido",
        "unknown_explanation": "O KeyDesk não tem explicação para o código {code} ({domain}).",
        "unknown_action": "Anote o código e o que estava fazendo e fale com o suporte.",
        "card_state": "O cartão",
        "detail": "Detalhe para o suporte",
    },
    "zh-CN": {
        "explanation": "发生了什么",
        "action": "怎么办",
        "technician_action": "技术人员",
        "causes": "可能原因（按可能性排序）",
        "vendor_text": "厂商原文",
        "severity": "严重程度",
        "retryable": "重试",
        "retry_yes": "可能有用",
        "retry_no": "单纯重试没有用",
        "related": "相关代码",
        "seed_note": "关于厂商文档的说明",
        "meanings": "{code} 有 {n} 种含义：",
        "unknown": "未知代码",
        "unknown_explanation": "KeyDesk 没有 {domain} 代码 {code} 的说明。",
        "unknown_action": "请记下代码和当时正在进行的操作，然后联系技术支持。",
        "card_state": "卡片",
        "detail": "供技术支持参考",
    },
}

SEVERITY_NAMES: dict[str, dict[str, str]] = {
    "en": {"info": "information", "warning": "warning", "error": "error", "alarm": "ALARM"},
    "pt-BR": {"info": "informação", "warning": "atenção", "error": "erro", "alarm": "ALARME"},
    "zh-CN": {"info": "提示", "warning": "警告", "error": "错误", "alarm": "警报"},
}

DOMAIN_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "cloud_http": "Lock cloud: HTTP status",
        "cloud_api": "Lock cloud: API code",
        "cloud_desk": "Lock cloud: the desk's checks",
        "reader_event_error": "Reader: access event error",
        "reader_request_error": "Reader: request error",
        "open_door_method": "Reader: open-door method",
        "reader_event_type": "Reader: event type",
        "lock": "Bluetooth lock: commissioning",
        "encoder": "Card encoder (USB)",
        "desk": "KeyDesk on this PC",
        "operator": "Operators and rights",
        "audit": "Audit trail",
        "site_store": "Site store (PostgreSQL)",
    },
    "pt-BR": {
        "cloud_http": "Nuvem das fechaduras: status HTTP",
        "cloud_api": "Nuvem das fechaduras: código da API",
        "cloud_desk": "Nuvem das fechaduras: verificações do balcão",
        "reader_event_error": "Leitor: erro no evento de acesso",
        "reader_request_error": "Leitor: erro de requisição",
        "open_door_method": "Leitor: método de abertura",
        "reader_event_type": "Leitor: tipo de evento",
        "lock": "Fechadura Bluetooth: instalação",
        "encoder": "Codificador de cartões (USB)",
        "desk": "KeyDesk neste computador",
        "operator": "Operadores e permissões",
        "audit": "Auditoria",
        "site_store": "Banco do hotel (PostgreSQL)",
    },
    "zh-CN": {
        "cloud_http": "门锁云：HTTP 状态",
        "cloud_api": "门锁云：接口代码",
        "cloud_desk": "门锁云：前台核查",
        "reader_event_error": "门禁：通行事件错误",
        "reader_request_error": "门禁：请求错误",
        "open_door_method": "门禁：开门方式",
        "reader_event_type": "门禁：事件类型",
        "lock": "蓝牙门锁：调试",
        "encoder": "发卡器（USB）",
        "desk": "本机 KeyDesk",
        "operator": "操作员与权限",
        "audit": "审计记录",
        "site_store": "酒店数据库（PostgreSQL）",
    },
}


def heading(lang: str, key: str) -> str:
    return HEADINGS.get(lang, HEADINGS["en"]).get(key) or HEADINGS["en"][key]


def severity_name(lang: str, severity: str) -> str:
    return SEVERITY_NAMES.get(lang, SEVERITY_NAMES["en"]).get(severity, severity)


def domain_name(lang: str, domain: str) -> str:
    """A readable name for a domain; a domain added by data alone shows its raw name."""
    return DOMAIN_NAMES.get(lang, DOMAIN_NAMES["en"]).get(domain, domain)



_STEP = re.compile(r"(?:^|(?<=[.!?。！？]))\s*(?=\d{1,2}\.\s?\S)")


def split_steps(text: str) -> list[str]:
    """A numbered action ("1. Check ... 2. Close ...") as its steps, one per item (numbers
    kept); any other text as one item. Steps must start after a sentence end, so "5.5 V"
    or "wait 5 seconds" never split."""
    parts = [p.strip() for p in _STEP.split(text) if p.strip()]
    if len(parts) > 1 and all(re.match(r"\d{1,2}\.", p) for p in parts):
        return parts
    return [text]
