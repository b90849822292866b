"""What a person is told about the event database, in en / pt-BR / zh-CN.

Placeholders: ``{pending}``, ``{lost}`` (event counts), ``{error}`` (SQLite's reason, for
support), ``{since}`` (UTC time), ``{path}``, ``{aside}`` (where a damaged file was kept),
``{problems}`` (how many problems a check found), ``{first}`` (the first of them).
"""

from __future__ import annotations

from typing import Any

from app.domain.stored import StoreHealth
from app.i18n import by_key, phrase

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "not_open": "Events are NOT being kept: the event database did not open ({error}). "
        "No event is kept or listed meanwhile (the readers' state is still shown). Restart "
        "KeyDesk; if this comes back, call support with the log (Help → Show log).",
        "newer_file": "Events are NOT being kept: the event database was made by a newer "
        "KeyDesk, and this one does not write to it, so that nothing in it is spoiled "
        "({error}). No event is kept or listed meanwhile (the readers' state is still "
        "shown). Install the newer KeyDesk on this PC.",
        "not_kept": "Events are NOT being kept: the event database cannot be written "
        "since {since} ({error}). {pending} events wait in memory and KeyDesk tries "
        "again every second. Free disk space on this PC, or check that the data folder "
        "can be written.",
        "refused": "Events the event database refused to store (a fault of KeyDesk's, not "
        "yours): {refused}. They are kept apart, whole, in {where}: send that file to "
        "support, who can put them back.",
        "lost": "{lost} events could not be kept: the memory for unwritten events was "
        "full. They are missing from KeyDesk's history.",
        "kept_again": "Events are being kept again.",
        "damaged": "The event database was damaged. It is kept untouched as {aside} and "
        "new events go into a fresh database. Older events are not shown: ask support to "
        "recover them from the kept file.",
        "check_sound": "The event database is sound ({path}).",
        "check_damaged": "The event database is damaged ({problems} problems found, the "
        "first: {first}). KeyDesk keeps it untouched and starts a fresh one the next time "
        "it starts: restart KeyDesk, then ask support to recover the old events from the "
        "kept file.",
        "check_failed": "The event database could not be checked: {error}",
        "checking": "Checking the event database… (this can take a minute on a big file)",
        "site_away": "The site store ({where}) cannot be reached since {since} ({error}). "
        "This desk keeps working: {queued} events and audit rows are kept on this PC and "
        "sent when it is back. Check that the back-office PC is on and on the network.",
        "site_ok": "Site store {where}: reached; every desk's events are shown live.",
        "site_sending": "Site store {where}: reached; sending {queued} events and audit "
        "rows this desk kept while it was away.",
        "site_connecting": "Site store {where}: connecting…",
        "site_test_ok": "Site store {where}: reached ({server}); it keeps {events} events "
        "and {audit} audit rows. This desk can use it.",
        "site_test_empty": "Site store {where}: reached ({server}); the database is still "
        "empty and this desk may make KeyDesk's tables (the first desk to start does).",
        "site_test_none": "No site store is set: this desk keeps its events and audit trail "
        "in its own files.",
        "site_testing": "Testing the site store…",
    },
    "pt-BR": {
        "not_open": "Os eventos NÃO estão sendo guardados: o banco de eventos não abriu "
        "({error}). Enquanto isso, nenhum evento é guardado nem listado (o estado dos leitores "
        "continua aparecendo). Reinicie o KeyDesk; se voltar a acontecer, chame o suporte com "
        "o registro (Ajuda → Mostrar o log).",
        "newer_file": "Os eventos NÃO estão sendo guardados: o banco de eventos foi criado "
        "por um KeyDesk mais novo, e este não grava nele, para não estragar nada do que ele "
        "contém ({error}). Enquanto isso, nenhum evento é guardado nem listado (o estado dos "
        "leitores continua aparecendo). Instale o KeyDesk mais novo neste computador.",
        "not_kept": "Os eventos NÃO estão sendo guardados: o banco de eventos não pode ser "
        "gravado desde {since} ({error}). {pending} eventos aguardam na memória e o "
        "KeyDesk tenta de novo a cada segundo. Libere espaço em disco neste computador ou "
        "verifique se a pasta de dados permite gravação.",
        "refused": "Eventos que o banco de eventos recusou guardar (uma falha do KeyDesk, não "
        "sua): {refused}. Eles estão guardados à parte, inteiros, em {where}: envie esse "
        "arquivo ao suporte, que pode recolocá-los.",
        "lost": "{lost} eventos não puderam ser guardados: a memória para eventos não "
        "gravados encheu. Eles ficam faltando no histórico do KeyDesk.",
        "kept_again": "Os eventos voltaram a ser guardados.",
        "damaged": "O banco de eventos estava danificado. Ele foi mantido intacto como "
        "{aside} e os novos eventos vão para um banco novo. Os eventos antigos não "
        "aparecem: peça ao suporte para recuperá-los do arquivo guardado.",
        "check_sound": "O banco de eventos está íntegro ({path}).",
        "check_damaged": "O banco de eventos está danificado ({problems} problemas "
        "encontrados; o primeiro: {first}). O KeyDesk o mantém intacto e começa um novo "
        "na próxima vez que abrir: reinicie o KeyDesk e peça ao suporte para recuperar os "
        "eventos antigos do arquivo guardado.",
        "check_failed": "Não foi possível verificar o banco de eventos: {error}",
        "checking": "Verificando o banco de eventos… (pode levar um minuto num arquivo "
        "grande)",
        "site_away": "O banco do hotel ({where}) está inacessível desde {since} ({error}). "
        "Este balcão continua funcionando: {queued} eventos e registros de auditoria "
        "ficam guardados neste computador e são enviados quando ele voltar. Verifique se o "
        "computador do escritório está ligado e na rede.",
        "site_ok": "Banco do hotel {where}: conectado; os eventos de todos os balcões "
        "aparecem ao vivo.",
        "site_sending": "Banco do hotel {where}: conectado; enviando {queued} eventos e "
        "registros de auditoria que este balcão guardou enquanto ele estava fora.",
        "site_connecting": "Banco do hotel {where}: conectando…",
        "site_test_ok": "Banco do hotel {where}: conectado ({server}); guarda {events} "
        "eventos e {audit} linhas de auditoria. Este balcão pode usá-lo.",
        "site_test_empty": "Banco do hotel {where}: conectado ({server}); o banco ainda está "
        "vazio e este balcão pode criar as tabelas do KeyDesk (o primeiro balcão a iniciar "
        "as cria).",
        "site_test_none": "Nenhum banco do hotel configurado: este balcão guarda os eventos e "
        "a auditoria nos próprios arquivos.",
        "site_testing": "Testando o banco do hotel…",
    },
    "zh-CN": {
        "not_open": "事件没有被保存：事件数据库未能打开（{error}）。"
        "在此期间不保存也不列出任何事件（门禁状态仍会显示）。"
        "请重启 KeyDesk；如果再次出现，请带上日志（帮助 → 显示日志）联系技术支持。",
        "newer_file": "事件没有被保存：事件数据库由更新版本的 KeyDesk 创建，本版本不写入它，"
        "以免损坏其中的内容（{error}）。在此期间不保存也不列出任何事件（门禁状态仍会显示）。"
        "请在这台电脑上安装更新版本的 KeyDesk。",
        "not_kept": "事件没有被保存：自 {since} 起无法写入事件数据库（{error}）。"
        "{pending} 条事件暂存在内存中，KeyDesk 每秒重试一次。请清理这台电脑的磁盘空间，"
        "或检查数据文件夹是否可写。",
        "refused": "有 {refused} 条事件无法保存：事件数据库拒绝了它们（这是 KeyDesk 的故障，"
        "不是您的操作问题）。它们已完整地另存于 {where}：请把该文件发给技术支持，由其恢复。",
        "lost": "有 {lost} 条事件无法保存：用于暂存未写入事件的内存已满。"
        "KeyDesk 的历史记录中将缺少这些事件。",
        "kept_again": "事件已恢复保存。",
        "damaged": "事件数据库已损坏。原文件原样保留为 {aside}，新事件写入新的数据库。"
        "旧事件暂不显示：请联系技术支持从保留的文件中恢复。",
        "check_sound": "事件数据库完好（{path}）。",
        "check_damaged": "事件数据库已损坏（发现 {problems} 个问题，第一个：{first}）。"
        "KeyDesk 会原样保留该文件，并在下次启动时使用新的数据库：请重启 KeyDesk，"
        "然后联系技术支持从保留的文件中恢复旧事件。",
        "check_failed": "无法检查事件数据库：{error}",
        "checking": "正在检查事件数据库…（文件较大时可能需要一分钟）",
        "site_away": "自 {since} 起无法连接酒店数据库（{where}）（{error}）。"
        "本前台照常工作：{queued} 条事件和审计记录暂存在这台电脑上，连接恢复后自动发送。"
        "请检查后台办公室的电脑是否开机并已联网。",
        "site_ok": "酒店数据库 {where}：已连接；所有前台的事件实时显示。",
        "site_sending": "酒店数据库 {where}：已连接；正在发送本前台离线期间暂存的 {queued} "
        "条事件和审计记录。",
        "site_connecting": "酒店数据库 {where}：正在连接…",
        "site_test_ok": "酒店数据库 {where}：已连接（{server}）；其中保存了 {events} 条事件和 "
        "{audit} 条审计记录。本前台可以使用它。",
        "site_test_empty": "酒店数据库 {where}：已连接（{server}）；数据库还是空的，本前台有权"
        "建立 KeyDesk 的表（第一个启动的前台会建立）。",
        "site_test_none": "未设置酒店数据库：本前台把事件和审计记录保存在本机文件中。",
        "site_testing": "正在测试酒店数据库…",
    },
}


PHRASES = by_key(TEXTS)  # worded through app.i18n, like every text of app/


def text(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (a setting such as "system" is resolved)."""
    return phrase(PHRASES, key, lang, **values)


def health_lines(health: StoreHealth, lang: str | None = None) -> list[str]:
    """What the desk must be told about ``health`` (nothing when all is well)."""
    lines: list[str] = []
    if not health.writing:
        since = health.since.replace("T", " ").replace("+00:00", " UTC") or "?"
        lines.append(text("not_kept", lang, since=since, error=health.error,
                          pending=health.pending))
    if health.lost:
        lines.append(text("lost", lang, lost=health.lost))
    if health.refused:
        lines.append(text("refused", lang, refused=health.refused, where=health.refused_in))
    if health.damaged_file:
        lines.append(text("damaged", lang, aside=health.damaged_file))
    if health.away:
        lines.append(text("site_away", lang, where=health.path, since=_utc(health.away_since),
                          error=health.away, queued=health.queued))
    return lines


def not_open(error: BaseException | None, lang: str | None = None) -> str:
    """What the desk is told when the event store did not open at all (no retry runs)."""
    from app.store.schema import SchemaTooNew

    reason = f"{type(error).__name__}: {error}" if error is not None else "-"
    return text("newer_file" if isinstance(error, SchemaTooNew) else "not_open", lang,
                error=reason)


def _utc(since: str) -> str:
    return since.replace("T", " ").replace("+00:00", " UTC") or "?"


def site_detail(where: str, state: Any, lang: str | None = None) -> str:
    """The status bar's detail for the site store (``state``: a LinkState)."""
    if state.away:
        return text("site_away", lang, where=where, since=_utc(state.since), error=state.away,
                    queued=state.queued)
    if not state.connected:
        return text("site_connecting", lang, where=where)
    if state.queued:
        return text("site_sending", lang, where=where, queued=state.queued)
    return text("site_ok", lang, where=where)
