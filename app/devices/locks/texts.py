"""The site report's words in en, pt-BR and zh-CN (the report is read by site managers,
so its headings are translated like every other text; the reasons come from the
catalog's lock domain)."""

from __future__ import annotations

from app.i18n import phrase

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
    "cancelled": {"en": "cancelled", "pt-BR": "cancelada", "zh-CN": "已取消"},
    "step_connect": {"en": "Connect", "pt-BR": "Conectar", "zh-CN": "连接"},
    "step_identify": {"en": "Identify", "pt-BR": "Identificar", "zh-CN": "识别"},
    "step_initialise": {"en": "Initialise", "pt-BR": "Inicializar", "zh-CN": "初始化"},
    "step_login": {"en": "Admin login", "pt-BR": "Login de administrador",
                   "zh-CN": "管理员登录"},
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
    # A step's status in the report's table.
    "st_done": {"en": "ok", "pt-BR": "ok", "zh-CN": "完成"},
    "st_skipped": {"en": "skipped", "pt-BR": "pulado", "zh-CN": "跳过"},
    "st_warning": {"en": "warning", "pt-BR": "atenção", "zh-CN": "注意"},
    "st_failed": {"en": "failed", "pt-BR": "falhou", "zh-CN": "失败"},
    "st_cancelled": {"en": "cancelled", "pt-BR": "cancelado", "zh-CN": "已取消"},
    # What a step did, as the step list and the report say it.
    "note_connected": {"en": "connected (attempt {attempts})",
                       "pt-BR": "conectada (tentativa {attempts})",
                       "zh-CN": "已连接（第 {attempts} 次尝试）"},
    "note_identified": {"en": "{model}, firmware {firmware}, battery {battery}",
                        "pt-BR": "{model}, firmware {firmware}, bateria {battery}",
                        "zh-CN": "{model}，固件 {firmware}，电量 {battery}"},
    "note_initialised": {"en": "initialised", "pt-BR": "inicializada", "zh-CN": "已初始化"},
    "note_already": {"en": "already initialised by KeyDesk (its kept secrets work)",
                     "pt-BR": "já inicializada pelo KeyDesk (os segredos guardados funcionam)",
                     "zh-CN": "已由 KeyDesk 初始化（保存的密钥有效）"},
    "note_finished": {"en": "finished a half-done initialisation",
                      "pt-BR": "concluiu uma inicialização que tinha ficado pela metade",
                      "zh-CN": "完成了上次未完成的初始化"},
    "note_finished_by_lock": {"en": "finished a half-done initialisation (the lock had "
                                    "completed it)",
                              "pt-BR": "concluiu uma inicialização pela metade (a fechadura já "
                                       "a tinha completado)",
                              "zh-CN": "完成了上次未完成的初始化（门锁已自行完成）"},
    "note_restarted": {"en": "initialised again from the start",
                       "pt-BR": "inicializada de novo desde o início",
                       "zh-CN": "已从头重新初始化"},
    "note_room_tied": {"en": "hotel {hotel}, building {building}, floor {floor}",
                       "pt-BR": "hotel {hotel}, prédio {building}, andar {floor}",
                       "zh-CN": "酒店 {hotel}，楼栋 {building}，楼层 {floor}"},
    "note_clock_set": {"en": "was {before:+.0f} s off, now {after:+.0f} s",
                       "pt-BR": "estava {before:+.0f} s fora, agora {after:+.0f} s",
                       "zh-CN": "原偏差 {before:+.0f} 秒，现在 {after:+.0f} 秒"},
    "note_clock_drift": {"en": "still {after:+.0f} s off after setting it",
                         "pt-BR": "ainda {after:+.0f} s fora depois de acertar",
                         "zh-CN": "校准后仍偏差 {after:+.0f} 秒"},
    "note_opened": {"en": "opened at {time} (lock time)",
                    "pt-BR": "abriu às {time} (hora da fechadura)",
                    "zh-CN": "于 {time} 开门（门锁时间）"},
    "note_opened_token": {"en": "opened with the cloud's key",
                          "pt-BR": "abriu com a chave da nuvem", "zh-CN": "已用云端钥匙开门"},
    "note_in_log": {"en": "the opening is in the lock's log at {time}",
                    "pt-BR": "a abertura está no registro da fechadura às {time}",
                    "zh-CN": "门锁记录中有这次开门，时间 {time}"},
    "note_records": {"en": "{count} records read", "pt-BR": "{count} registros lidos",
                     "zh-CN": "已读取 {count} 条记录"},
    "note_not_logged": {"en": "the opening is not in the lock's log",
                        "pt-BR": "a abertura não está no registro da fechadura",
                        "zh-CN": "门锁记录中没有这次开门"},
    "note_admin_ok": {"en": "admin password and proof accepted",
                      "pt-BR": "senha de administrador e prova aceitas",
                      "zh-CN": "管理员密码和校验已通过"},
    "note_low_battery": {"en": "battery at {battery} %", "pt-BR": "bateria em {battery} %",
                         "zh-CN": "电量 {battery}%"},
    "note_no_init": {"en": "this lock family needs no initialisation",
                     "pt-BR": "esta família de fechaduras não precisa de inicialização",
                     "zh-CN": "该系列门锁无需初始化"},
    "note_no_login": {"en": "this lock family has no admin login",
                      "pt-BR": "esta família de fechaduras não tem login de administrador",
                      "zh-CN": "该系列门锁没有管理员登录"},
    "note_no_room_data": {"en": "this lock has no room data: the directory ties its MAC to "
                                "the room",
                          "pt-BR": "esta fechadura não guarda dados do quarto: o diretório "
                                   "liga o MAC dela ao quarto",
                          "zh-CN": "该锁不保存房间信息：由目录将其 MAC 绑定到房间"},
    "note_no_clock": {"en": "this lock family keeps no clock KeyDesk can set",
                      "pt-BR": "esta família de fechaduras não tem relógio que o KeyDesk "
                               "possa acertar",
                      "zh-CN": "该系列门锁没有 KeyDesk 可校准的时钟"},
    "note_cannot_open": {"en": "prove it with a guest card encoded at the desk",
                         "pt-BR": "comprove com um cartão de hóspede gravado na recepção",
                         "zh-CN": "请用前台写好的房卡验证"},
    "note_log_in_cloud": {"en": "this lock family's log is read from the cloud (Door log tab)",
                          "pt-BR": "o registro desta família é lido na nuvem (aba Registro da "
                                   "porta)",
                          "zh-CN": "该系列门锁的记录在云端查看（开门记录页）"},
    "note_no_log": {"en": "this lock family keeps no log KeyDesk can read",
                    "pt-BR": "esta família de fechaduras não tem registro que o KeyDesk possa "
                             "ler",
                    "zh-CN": "该系列门锁没有 KeyDesk 可读取的记录"},
    "note_reset": {"en": "factory reset: the lock is back in setting mode, KeyDesk forgot "
                         "its secrets",
                   "pt-BR": "reset de fábrica: a fechadura voltou ao modo de configuração e o "
                            "KeyDesk apagou os segredos dela",
                   "zh-CN": "已恢复出厂：门锁回到设置模式，KeyDesk 已删除其密钥"},
    "note_cannot_reset": {"en": "this lock family is reset with the vendor's tool",
                          "pt-BR": "esta família de fechaduras é resetada com a ferramenta do "
                                   "fabricante",
                          "zh-CN": "该系列门锁需用厂商工具恢复出厂"},
    "note_cancelled": {"en": "cancelled by the technician", "pt-BR": "cancelado pelo técnico",
                       "zh-CN": "已被技术员取消"},
}


def note(key: str, lang: str | None = None, **values: object) -> str:
    """A step's note ("initialised", "was -97 s off, now +0 s") in ``lang``."""
    try:
        return text(f"note_{key}", lang, **values)
    except (KeyError, ValueError, IndexError):
        return key


def text(key: str, lang: str | None = None, **values: object) -> str:
    return phrase(TEXTS, key, lang, **values)
