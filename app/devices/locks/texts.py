"""The site report's words in en, pt-BR and zh-CN (the report is read by site managers,
so its headings are translated like every other text; the reasons come from the
catalog's lock domain)."""

from __future__ import annotations

from app.i18n import resolve_language

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Site report", "pt-BR": "Relatório do local", "zh-CN": "现场报告"},
    "summary": {"en": "{finished} of {total} doors: {done} done, {failed} failed, "
                      "{revisit} to revisit, {todo} to do",
                "pt-BR": "{finished} de {total} portas: {done} concluídas, {failed} com "
                         "falha, {revisit} para revisitar, {todo} a fazer",
                "zh-CN": "{total} 扇门中已处理 {finished} 扇：完成 {done}，失败 {failed}，"
                         "需复查 {revisit}，待处理 {todo}"},
    "made": {"en": "Written {when} by {who}", "pt-BR": "Gerado em {when} por {who}",
             "zh-CN": "由 {who} 于 {when} 生成"},
    "changes": {"en": "Since the previous visit", "pt-BR": "Desde a visita anterior",
                "zh-CN": "与上次相比"},
    "no_changes": {"en": "Nothing changed since the previous visit.",
                   "pt-BR": "Nada mudou desde a visita anterior.",
                   "zh-CN": "与上次相比没有变化。"},
    "room": {"en": "Room", "pt-BR": "Quarto", "zh-CN": "房间"},
    "mac": {"en": "MAC", "pt-BR": "MAC", "zh-CN": "MAC"},
    "model": {"en": "Model", "pt-BR": "Modelo", "zh-CN": "型号"},
    "firmware": {"en": "Firmware", "pt-BR": "Firmware", "zh-CN": "固件"},
    "battery": {"en": "Battery %", "pt-BR": "Bateria %", "zh-CN": "电量 %"},
    "rssi": {"en": "Signal (dBm)", "pt-BR": "Sinal (dBm)", "zh-CN": "信号 (dBm)"},
    "drift_before": {"en": "Clock off before (s)", "pt-BR": "Relógio antes (s)",
                     "zh-CN": "校准前偏差 (秒)"},
    "drift_after": {"en": "Clock off after (s)", "pt-BR": "Relógio depois (s)",
                    "zh-CN": "校准后偏差 (秒)"},
    "status": {"en": "Status", "pt-BR": "Situação", "zh-CN": "状态"},
    "reason": {"en": "Reason", "pt-BR": "Motivo", "zh-CN": "原因"},
    "time": {"en": "Time", "pt-BR": "Hora", "zh-CN": "时间"},
    "technician": {"en": "Technician", "pt-BR": "Técnico", "zh-CN": "技术员"},
    "todo": {"en": "to do", "pt-BR": "a fazer", "zh-CN": "待处理"},
    "done": {"en": "done", "pt-BR": "concluída", "zh-CN": "完成"},
    "failed": {"en": "failed", "pt-BR": "falhou", "zh-CN": "失败"},
    "revisit": {"en": "revisit", "pt-BR": "revisitar", "zh-CN": "需复查"},
    "step_connect": {"en": "Connect", "pt-BR": "Conectar", "zh-CN": "连接"},
    "step_identify": {"en": "Identify", "pt-BR": "Identificar", "zh-CN": "识别"},
    "step_initialise": {"en": "Initialise", "pt-BR": "Inicializar", "zh-CN": "初始化"},
    "step_room": {"en": "Room", "pt-BR": "Quarto", "zh-CN": "房间"},
    "step_clock": {"en": "Clock", "pt-BR": "Relógio", "zh-CN": "时钟"},
    "step_open": {"en": "Open", "pt-BR": "Abrir", "zh-CN": "开门"},
    "step_log": {"en": "Log", "pt-BR": "Registro", "zh-CN": "记录"},
    "change_battery": {"en": "{room}: battery fell from {old} % to {new} %",
                       "pt-BR": "{room}: a bateria caiu de {old} % para {new} %",
                       "zh-CN": "{room}：电量从 {old}% 降到 {new}%"},
    "change_firmware": {"en": "{room}: firmware changed from {old} to {new}",
                        "pt-BR": "{room}: o firmware mudou de {old} para {new}",
                        "zh-CN": "{room}：固件从 {old} 变为 {new}"},
    "change_failing": {"en": "{room}: newly failing ({new})",
                       "pt-BR": "{room}: passou a falhar ({new})",
                       "zh-CN": "{room}：新出现故障（{new}）"},
    "change_fixed": {"en": "{room}: works again", "pt-BR": "{room}: voltou a funcionar",
                     "zh-CN": "{room}：已恢复正常"},
    "change_mac": {"en": "{room}: another lock ({old} → {new})",
                   "pt-BR": "{room}: outra fechadura ({old} → {new})",
                   "zh-CN": "{room}：更换了门锁（{old} → {new}）"},
}


def text(key: str, lang: str | None = None, **values: object) -> str:
    table = TEXTS[key]
    words = table.get(resolve_language(lang)) or table["en"]
    return words.format(**values) if values else words
