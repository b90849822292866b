"""What the commands print for a person, in en / pt-BR / zh-CN (``app.i18n`` phrases).

``--json`` keeps its keys and its values as they are (scripts read them); these are the
readable lines, worded in the preferred language (``keydesk --lang``, else the language
setting). The catalog's terms: pt-BR codificador (the USB encoder), emissor de cartões (the
lock cloud's card issuer), nuvem das fechaduras, leitor, hóspede, quarto, balcão, auditoria;
zh-CN 发卡器 (the USB encoder), 云端发卡器 (the cloud's card issuer), 门锁云, 门禁读头, 客人,
房间, 前台, 审计记录 (``tests/unit/test_glossary.py``).
"""

from __future__ import annotations

from app.i18n import Phrases, Said, Worded, by_key, phrase

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # keydesk (usage errors, the framing every command shares)
        "usage_error": "{prog}: error: {message}",
        # operators
        "no_operators": "no operator accounts: this is a single-operator desk (nobody signs "
        "in)",
        "operator_added": "operator {name} added as {role}",
        "password_changed": "password of {name} changed",
        "role_changed": "{name} is now {role}",
        "operator_removed": "operator {name} removed",
        "idle_off": "idle lock off",
        "idle_on": "the desk locks after {minutes} idle minutes",
        "accounts_aside": "the accounts file was set aside as {aside}; this is now a "
        "single-operator desk: add the admin again with `keydesk operators add NAME --role "
        "admin`",
        "new_password_how": "give the new password in {var}, or run this in a terminal to be "
        "asked",
        "ask_new_password": "New password or PIN for {name}: ",
        "ask_again": "Once more: ",
        "ask_operator": "Operator: ",
        "ask_password": "Password for {name}: ",
        # audit
        "audit_intact": "audit trail intact: {rows} rows, every link checked ({path})",
        "audit_empty": "nothing to check: the audit trail has no rows yet ({path})",
        "audit_no_key_empty": "nothing to check: the audit trail has no rows yet, and this "
        "desk has no chain key to seal them with (no system keyring and no "
        "KEYDESK_AUDIT_KEY): new rows will be written unsealed",
        "audit_no_key": "the audit trail cannot be checked on this desk: it has no chain key "
        "(no system keyring and no KEYDESK_AUDIT_KEY)",
        "audit_broken": "audit trail broken at row {row}",
        "audit_none_match": "no audit rows match",
        "audit_room": "room {room}",
        "audit_written": "{count} rows written to {path}",
        "cannot_write": "cannot write {path}: {reason}",
        # store
        "store_no_events": "No events have been kept yet: the event database ({path}) is made "
        "with the first event. Nothing to check.",
        "no_such_file": "no such file",
        # card
        "demo_key_asked": "note: using the public demo site key — never for real cards",
        "demo_key_implied": "note: no site key in the keyring; using the demo key",
        "interrupted": "Interrupted: {state}",
        "stopping": "Stopping at a safe point… (Ctrl+C again to stop waiting)",
        "stopped_no_wait": "stopped without waiting: the card may be half-written; read it "
        "(keydesk card read) before handing it out",
        "encoder_on": "encoder: {firmware} on {port}",
        "no_card": "card: none on the encoder",
        "card_family": "card: {uid} ({family})",
        "card_head": "card {uid} ({family})",
        "card_valid": "valid: yes — {reason}",
        "card_invalid": "valid: no — {reason}",
        "sector": "  sector {n}: {access}",
        "sector_locked": "locked (no key)",
        "sector_key_site": "site key",
        "sector_key_default": "factory key",
        "sector_key_mad": "MAD key",
        "sector_key_ndef": "NDEF key",
        "sector_key_zero": "all-zero key",
        "card_result": "{operation}: card {uid} — {state}",
        "issue_it": "{question}. Issue it? [y/N] ",
        "place_new_card": "Place the new card on the encoder…",
        "no_ports": "no serial ports found",
        "port_serial": "serial {serial}",
        "ask_site_key": "Site key (every desk of this site must use the same): ",
        "site_key_short": "the site key must be at least 16 characters",
        "site_key_stored": "site key stored in the keyring",
        "audit_key_is": "this desk's audit chain key: fingerprint {fingerprint} (from "
        "{source}); every desk of the site must show the same",
        "audit_key_from_keyring": "the system keyring",
        "audit_key_from_env": "KEYDESK_AUDIT_KEY",
        "audit_key_none": "this desk has no audit chain key (no system keyring and no "
        "KEYDESK_AUDIT_KEY)",
        "audit_key_reveal_note": "that line is the key itself: on every other desk of the site "
        "run `keydesk audit key set` and type it; it is a secret, do not send it by e-mail or "
        "chat",
        "ask_audit_key": "The site's audit chain key (hex, from `keydesk audit key --reveal` "
        "on the first desk): ",
        "audit_key_bad": "that is not an audit chain key: it is 32 to 128 hex digits (0-9, "
        "a-f), as `keydesk audit key --reveal` prints it",
        "audit_key_same": "this desk already holds that key (fingerprint {fingerprint}); "
        "nothing changed",
        "audit_key_other": "not changed: this desk holds another key (fingerprint {mine}) and "
        "{rows} row(s) of its audit trail are sealed with it; with --replace they stay, but "
        "this desk can no longer check them",
        "audit_key_stored": "audit chain key stored in the system keyring: fingerprint "
        "{fingerprint}",
        "audit_key_env_wins": "note: KEYDESK_AUDIT_KEY is set, and while it is, it is used "
        "instead of the keyring",
        "op_issue": "issue",
        "op_duplicate": "duplicate",
        "op_wipe": "wipe",
        "field_rooms": "rooms",
        "field_valid_from": "from",
        "field_valid_to": "to",
        "field_kind": "kind",
        "field_sequence": "sequence",
        "field_issued_at": "issued at",
        # monitor
        "granted": "granted",
        "refused": "REFUSED",
        "refused_why": "REFUSED: {reason}",
        "access_line": "{head} {result} card {who} by {method}, door {door} {direction}",
        "state_disconnected": "disconnected",
        "state_connecting": "connecting",
        "state_connected": "connected",
        "state_failed": "failed",
        "kept_on_desk": "kept on this desk until the site store is back",
        "kept_sent": "{count} kept events sent to the site store",
        # readers
        "ask_reader_password": "Password for {user} at {device}: ",
        "reader_clock": "reader {device_time}  PC {pc_time}  drift {drift}",
        "reader_clock_set": "  -> set, drift now {drift}",
        "door_status": "door {door}: {status}",
        "open_needs_yes": "refusing to open a door without confirmation: add --yes",
        "ask_open_door": "Open door {door} of {device} now? [y/N] ",
        "cancelled": "cancelled",
        "door_opened": "door {door} opened",
        "card_enrolled": "card {card} enrolled until {until}",
        "card_removed": "card {card} removed",
        # cloud
        "operator_ok": "operator login accepted",
        "operator_not_set": "operator login not checked: no operator mobile and password set "
        "(KEYDESK_CREATOR_MOBILE, KEYDESK_CREATOR_PASSWORD); RF cards need them",
        "operator_issuer_offline": "operator login not checked: the card issuer is offline or "
        "none is registered",
        "cloud_ok": "OK: community {community}, {rooms} rooms, card issuers {issuers}; "
        "{operator}",
        "none": "none",
        "gateway": "  gateway {box}",
        "fetch_again": "keydesk cloud get-key --mobile {mobile} --area-code {area} --card "
        "{card} --qr-out FILE fetches its QR image again",
        "another_file": "try another file",
        "key_issued": "Key {card} for {mobile} in {room} until {end}",
        "key_fetched": "Key {card}: QR image {saved}",
        "fetched": "fetched",
        "bluetooth_key": "Bluetooth key: {ble}",
        "key_row": "{card}  {room}  {start} to {end}",
        "no_keys": "No keys for {mobile} in {room}.",
        "key_cancelled": "Key {card} cancelled.",
        "rf_written": "RF card {serial} written for {room} until {end}",
        "rf_read": "RF card {serial}: room {room} until {end}",
        "rf_cancelled": "RF card {serial} logged out.",
        "door_unlocked": "Door {room} opened remotely.",
        "door_log_head": "Door log of {room}, {start} to {end} (community dates and times, "
        "{zone}):",
        "no_openings": "No door openings in that period.",
        # lock
        "lock_battery": "battery {battery}",
        "setting_mode": "SETTING MODE",
        "not_in_site_list": "not in the site list",
        "no_lock_advertising": "No lock is advertising: wake the lock (touch its keypad) and "
        "scan again.",
        "reset_needs_yes": "A factory reset removes the lock's admin and every key: add --yes "
        "to do it.",
        "plan_finished": "Every door of the plan is finished.",
        "step_line": "  {name:10} {status}{code}  {why}",
        "step_done": "done", "step_skipped": "skipped", "step_warning": "warning",
        "step_failed": "failed", "step_cancelled": "cancelled",
        "lock_state": "Lock state: {state}",
        "doors_done": "{finished} of {total} doors",
        "next_door": "; next: {room}",
        "doors_imported": "{count} doors imported; the plan has {total} doors",
        "report_written": "Report: {html}\nCSV: {csv}",
        "report_change": "  changed: {room} {kind} {old} -> {new}",
        # explain
        "nothing_matches": "Nothing in the catalog matches {words}.",
        "no_entry": "No catalog entry for code {code}. Try: keydesk explain --search {code}",
        "no_entry_in": "No catalog entry for code {code} in {domain}. Try: keydesk explain "
        "--search {code}",
    },
    "pt-BR": {
        "usage_error": "{prog}: erro: {message}",
        "no_operators": "nenhuma conta de operador: este é um balcão de operador único "
        "(ninguém precisa entrar)",
        "operator_added": "operador {name} criado como {role}",
        "password_changed": "senha de {name} alterada",
        "role_changed": "{name} agora é {role}",
        "operator_removed": "operador {name} removido",
        "idle_off": "bloqueio por inatividade desligado",
        "idle_on": "o balcão é bloqueado depois de {minutes} minutos sem uso",
        "accounts_aside": "o arquivo de contas foi posto de lado como {aside}; agora este é um "
        "balcão de operador único: crie o administrador de novo com `keydesk operators add "
        "NAME --role admin`",
        "new_password_how": "informe a nova senha em {var}, ou rode isto num terminal para "
        "que ela seja pedida",
        "ask_new_password": "Nova senha ou PIN de {name}: ",
        "ask_again": "Mais uma vez: ",
        "ask_operator": "Operador: ",
        "ask_password": "Senha de {name}: ",
        "audit_intact": "auditoria íntegra: {rows} linhas, todos os elos conferidos ({path})",
        "audit_empty": "nada a conferir: a auditoria ainda não tem linhas ({path})",
        "audit_no_key_empty": "nada a conferir: a auditoria ainda não tem linhas, e este "
        "balcão não tem chave para selá-las (sem chaveiro do sistema e sem "
        "KEYDESK_AUDIT_KEY): as novas linhas serão gravadas sem selo",
        "audit_no_key": "não dá para conferir a auditoria neste balcão: ele não tem a chave "
        "(sem chaveiro do sistema e sem KEYDESK_AUDIT_KEY)",
        "audit_broken": "auditoria quebrada na linha {row}",
        "audit_none_match": "nenhuma linha da auditoria corresponde",
        "audit_room": "quarto {room}",
        "audit_written": "{count} linhas gravadas em {path}",
        "cannot_write": "não foi possível gravar {path}: {reason}",
        "store_no_events": "Nenhum evento foi guardado ainda: o banco de eventos ({path}) é "
        "criado com o primeiro evento. Nada a verificar.",
        "no_such_file": "o arquivo não existe",
        "demo_key_asked": "aviso: usando a chave pública de demonstração — nunca para cartões "
        "reais",
        "demo_key_implied": "aviso: não há chave do local no chaveiro; usando a chave de "
        "demonstração",
        "interrupted": "Interrompido: {state}",
        "stopping": "Parando num ponto seguro… (Ctrl+C de novo para não esperar)",
        "stopped_no_wait": "parado sem esperar: o cartão pode ter ficado gravado pela metade; "
        "leia-o (keydesk card read) antes de entregá-lo",
        "encoder_on": "codificador: {firmware} em {port}",
        "no_card": "cartão: nenhum no codificador",
        "card_family": "cartão: {uid} ({family})",
        "card_head": "cartão {uid} ({family})",
        "card_valid": "válido: sim — {reason}",
        "card_invalid": "válido: não — {reason}",
        "sector": "  setor {n}: {access}",
        "sector_locked": "trancado (sem chave)",
        "sector_key_site": "chave do local",
        "sector_key_default": "chave de fábrica",
        "sector_key_mad": "chave MAD",
        "sector_key_ndef": "chave NDEF",
        "sector_key_zero": "chave zerada",
        "card_result": "{operation}: cartão {uid} — {state}",
        "issue_it": "{question}. Emitir mesmo assim? [s/N] ",
        "place_new_card": "Coloque o cartão novo no codificador…",
        "no_ports": "nenhuma porta serial encontrada",
        "port_serial": "nº de série {serial}",
        "ask_site_key": "Chave do local (todos os balcões deste local usam a mesma): ",
        "site_key_short": "a chave do local precisa ter pelo menos 16 caracteres",
        "site_key_stored": "chave do local guardada no chaveiro",
        "audit_key_is": "chave da auditoria deste balcão: impressão digital {fingerprint} "
        "(de {source}); todos os balcões do local devem mostrar a mesma",
        "audit_key_from_keyring": "o chaveiro do sistema",
        "audit_key_from_env": "KEYDESK_AUDIT_KEY",
        "audit_key_none": "este balcão não tem chave da auditoria (sem chaveiro do sistema e "
        "sem KEYDESK_AUDIT_KEY)",
        "audit_key_reveal_note": "essa linha é a própria chave: em cada um dos outros balcões "
        "do local rode `keydesk audit key set` e digite-a; ela é secreta, não a envie por "
        "e-mail nem por chat",
        "ask_audit_key": "A chave da auditoria do local (hex, de `keydesk audit key --reveal` "
        "no primeiro balcão): ",
        "audit_key_bad": "isso não é uma chave da auditoria: ela tem de 32 a 128 dígitos hex "
        "(0-9, a-f), como `keydesk audit key --reveal` a mostra",
        "audit_key_same": "este balcão já tem essa chave (impressão digital {fingerprint}); "
        "nada mudou",
        "audit_key_other": "não alterada: este balcão tem outra chave (impressão digital "
        "{mine}) e {rows} linha(s) da sua auditoria estão seladas com ela; com --replace elas "
        "ficam, mas este balcão não poderá mais conferi-las",
        "audit_key_stored": "chave da auditoria guardada no chaveiro do sistema: impressão "
        "digital {fingerprint}",
        "audit_key_env_wins": "aviso: KEYDESK_AUDIT_KEY está definida e, enquanto estiver, é "
        "usada no lugar do chaveiro",
        "op_issue": "emissão",
        "op_duplicate": "duplicação",
        "op_wipe": "apagamento",
        "field_rooms": "quartos",
        "field_valid_from": "de",
        "field_valid_to": "até",
        "field_kind": "tipo",
        "field_sequence": "sequência",
        "field_issued_at": "emitido em",
        "granted": "liberado",
        "refused": "NEGADO",
        "refused_why": "NEGADO: {reason}",
        "access_line": "{head} {result} cartão {who} por {method}, porta {door} {direction}",
        "state_disconnected": "desconectado",
        "state_connecting": "conectando",
        "state_connected": "conectado",
        "state_failed": "com falha",
        "kept_on_desk": "guardado neste balcão até o banco do hotel voltar",
        "kept_sent": "{count} eventos guardados enviados ao banco do hotel",
        "ask_reader_password": "Senha de {user} em {device}: ",
        "reader_clock": "leitor {device_time}  computador {pc_time}  diferença {drift}",
        "reader_clock_set": "  -> acertado, diferença agora {drift}",
        "door_status": "porta {door}: {status}",
        "open_needs_yes": "a porta não é aberta sem confirmação: acrescente --yes",
        "ask_open_door": "Abrir agora a porta {door} de {device}? [s/N] ",
        "cancelled": "cancelado",
        "door_opened": "porta {door} aberta",
        "card_enrolled": "cartão {card} cadastrado até {until}",
        "card_removed": "cartão {card} removido",
        "operator_ok": "login do operador aceito",
        "operator_not_set": "login do operador não conferido: celular e senha do operador não "
        "configurados (KEYDESK_CREATOR_MOBILE, KEYDESK_CREATOR_PASSWORD); os cartões RF "
        "precisam deles",
        "operator_issuer_offline": "login do operador não conferido: o emissor de cartões "
        "está offline ou não há nenhum cadastrado",
        "cloud_ok": "OK: comunidade {community}, {rooms} quartos, emissores de cartões "
        "{issuers}; {operator}",
        "none": "nenhum",
        "gateway": "  gateway {box}",
        "fetch_again": "keydesk cloud get-key --mobile {mobile} --area-code {area} --card "
        "{card} --qr-out FILE busca a imagem QR de novo",
        "another_file": "tente outro arquivo",
        "key_issued": "Chave {card} para {mobile} no {room} até {end}",
        "key_fetched": "Chave {card}: imagem QR {saved}",
        "fetched": "obtida",
        "bluetooth_key": "Chave Bluetooth: {ble}",
        "key_row": "{card}  {room}  de {start} até {end}",
        "no_keys": "Nenhuma chave de {mobile} no {room}.",
        "key_cancelled": "Chave {card} cancelada.",
        "rf_written": "Cartão RF {serial} gravado para {room} até {end}",
        "rf_read": "Cartão RF {serial}: quarto {room} até {end}",
        "rf_cancelled": "Cartão RF {serial} cancelado.",
        "door_unlocked": "Porta {room} aberta a distância.",
        "door_log_head": "Registro da porta {room}, de {start} a {end} (datas e horas da "
        "comunidade, {zone}):",
        "no_openings": "Nenhuma abertura da porta nesse período.",
        "lock_battery": "bateria {battery}",
        "setting_mode": "MODO DE CONFIGURAÇÃO",
        "not_in_site_list": "fora da lista do local",
        "no_lock_advertising": "Nenhuma fechadura visível: acorde a fechadura (toque no "
        "teclado) e procure de novo.",
        "reset_needs_yes": "Restaurar de fábrica remove o administrador e todas as chaves da "
        "fechadura: acrescente --yes para fazer.",
        "plan_finished": "Todas as portas do plano estão concluídas.",
        "step_line": "  {name:12} {status}{code}  {why}",
        "step_done": "feito", "step_skipped": "pulado", "step_warning": "atenção",
        "step_failed": "falhou", "step_cancelled": "cancelado",
        "lock_state": "Estado da fechadura: {state}",
        "doors_done": "{finished} de {total} portas",
        "next_door": "; próxima: {room}",
        "doors_imported": "{count} portas importadas; o plano tem {total} portas",
        "report_written": "Relatório: {html}\nCSV: {csv}",
        "report_change": "  mudou: {room} {kind} {old} -> {new}",
        "nothing_matches": "Nada no catálogo corresponde a {words}.",
        "no_entry": "Nenhum item do catálogo para o código {code}. Tente: keydesk explain "
        "--search {code}",
        "no_entry_in": "Nenhum item do catálogo para o código {code} em {domain}. Tente: "
        "keydesk explain --search {code}",
    },
    "zh-CN": {
        "usage_error": "{prog}：错误：{message}",
        "no_operators": "没有操作员账号：这是单操作员前台（无需登录）",
        "operator_added": "已添加操作员 {name}，角色为 {role}",
        "password_changed": "已更改 {name} 的密码",
        "role_changed": "{name} 现在的角色是 {role}",
        "operator_removed": "已删除操作员 {name}",
        "idle_off": "已关闭空闲锁定",
        "idle_on": "空闲 {minutes} 分钟后锁定前台",
        "accounts_aside": "账号文件已移到一边，保存为 {aside}；现在这是单操作员前台：请用 "
        "`keydesk operators add NAME --role admin` 重新添加管理员",
        "new_password_how": "请在 {var} 中给出新密码，或在终端中运行以便输入",
        "ask_new_password": "{name} 的新密码或 PIN：",
        "ask_again": "再输入一次：",
        "ask_operator": "操作员：",
        "ask_password": "{name} 的密码：",
        "audit_intact": "审计记录完好：{rows} 条，每个环节都已校验（{path}）",
        "audit_empty": "无需校验：审计记录中还没有任何条目（{path}）",
        "audit_no_key_empty": "无需校验：审计记录中还没有任何条目，而且本机没有用于封印的密钥"
        "（没有系统密钥环，也没有 KEYDESK_AUDIT_KEY）：新记录将不带封印写入",
        "audit_no_key": "无法在本机校验审计记录：本机没有密钥（没有系统密钥环，也没有 "
        "KEYDESK_AUDIT_KEY）",
        "audit_broken": "审计记录在第 {row} 条处断开",
        "audit_none_match": "没有符合条件的审计记录",
        "audit_room": "房间 {room}",
        "audit_written": "已将 {count} 条记录写入 {path}",
        "cannot_write": "无法写入 {path}：{reason}",
        "store_no_events": "还没有保存任何事件：事件数据库（{path}）会在第一条事件时创建。"
        "无需检查。",
        "no_such_file": "文件不存在",
        "demo_key_asked": "注意：正在使用公开的演示现场密钥——切勿用于真实卡片",
        "demo_key_implied": "注意：密钥环中没有现场密钥；使用演示密钥",
        "interrupted": "已中断：{state}",
        "stopping": "正在安全点停止……（再按 Ctrl+C 不再等待）",
        "stopped_no_wait": "未等待即停止：卡片可能只写了一半；交给客人之前请先读卡（keydesk card "
        "read）",
        "encoder_on": "发卡器：{firmware}，端口 {port}",
        "no_card": "卡片：发卡器上没有卡",
        "card_family": "卡片：{uid}（{family}）",
        "card_head": "卡片 {uid}（{family}）",
        "card_valid": "有效：是——{reason}",
        "card_invalid": "有效：否——{reason}",
        "sector": "  扇区 {n}：{access}",
        "sector_locked": "已锁（没有密钥）",
        "sector_key_site": "现场密钥",
        "sector_key_default": "出厂密钥",
        "sector_key_mad": "MAD 密钥",
        "sector_key_ndef": "NDEF 密钥",
        "sector_key_zero": "全零密钥",
        "card_result": "{operation}：卡片 {uid}——{state}",
        "issue_it": "{question}。仍要制卡吗？[y/N] ",
        "place_new_card": "请把新卡放到发卡器上……",
        "no_ports": "没有找到串口",
        "port_serial": "序列号 {serial}",
        "ask_site_key": "现场密钥（本现场所有前台必须使用同一个）：",
        "site_key_short": "现场密钥至少需要 16 个字符",
        "site_key_stored": "现场密钥已存入密钥环",
        "audit_key_is": "本前台的审计记录密钥：指纹 {fingerprint}（来自{source}）；"
        "本现场每个前台显示的都应相同",
        "audit_key_from_keyring": "系统密钥环",
        "audit_key_from_env": " KEYDESK_AUDIT_KEY ",
        "audit_key_none": "本前台没有审计记录密钥（没有系统密钥环，也没有 KEYDESK_AUDIT_KEY）",
        "audit_key_reveal_note": "上面那一行就是密钥本身：在本现场其他每个前台运行 "
        "`keydesk audit key set` 并输入它；它是机密，不要通过邮件或聊天发送",
        "ask_audit_key": "本现场的审计记录密钥（十六进制，来自第一个前台的 "
        "`keydesk audit key --reveal`）：",
        "audit_key_bad": "这不是审计记录密钥：密钥为 32 到 128 位十六进制数字（0-9、a-f），"
        "与 `keydesk audit key --reveal` 显示的一致",
        "audit_key_same": "本前台已持有该密钥（指纹 {fingerprint}）；未作更改",
        "audit_key_other": "未更改：本前台持有另一个密钥（指纹 {mine}），其审计记录中有 "
        "{rows} 条以它封印；使用 --replace 后这些记录仍保留，但本前台将无法再校验它们",
        "audit_key_stored": "审计记录密钥已存入系统密钥环：指纹 {fingerprint}",
        "audit_key_env_wins": "注意：已设置 KEYDESK_AUDIT_KEY，只要它存在，就用它代替密钥环",
        "op_issue": "制卡",
        "op_duplicate": "复制卡",
        "op_wipe": "清卡",
        "field_rooms": "房间",
        "field_valid_from": "开始",
        "field_valid_to": "结束",
        "field_kind": "类型",
        "field_sequence": "序号",
        "field_issued_at": "制卡时间",
        "granted": "允许通行",
        "refused": "拒绝",
        "refused_why": "拒绝：{reason}",
        "access_line": "{head} {result} 卡 {who}，方式 {method}，门 {door} {direction}",
        "state_disconnected": "已断开",
        "state_connecting": "正在连接",
        "state_connected": "已连接",
        "state_failed": "出错",
        "kept_on_desk": "暂存在本前台，等待酒店数据库恢复",
        "kept_sent": "{count} 条暂存事件已发送到酒店数据库",
        "ask_reader_password": "{device} 上 {user} 的密码：",
        "reader_clock": "读头 {device_time}  电脑 {pc_time}  偏差 {drift}",
        "reader_clock_set": "  -> 已校准，现在偏差 {drift}",
        "door_status": "门 {door}：{status}",
        "open_needs_yes": "未经确认不会开门：请加上 --yes",
        "ask_open_door": "现在打开 {device} 的门 {door} 吗？[y/N] ",
        "cancelled": "已取消",
        "door_opened": "门 {door} 已打开",
        "card_enrolled": "卡片 {card} 已登记，有效期至 {until}",
        "card_removed": "卡片 {card} 已删除",
        "operator_ok": "操作员登录已通过",
        "operator_not_set": "未检查操作员登录：没有设置操作员手机号和密码（KEYDESK_CREATOR_MOBILE、"
        "KEYDESK_CREATOR_PASSWORD）；制作 RF 卡需要它们",
        "operator_issuer_offline": "未检查操作员登录：云端发卡器离线或没有登记云端发卡器",
        "cloud_ok": "OK：社区 {community}，{rooms} 个房间，云端发卡器 {issuers}；{operator}",
        "none": "无",
        "gateway": "  网关 {box}",
        "fetch_again": "用 keydesk cloud get-key --mobile {mobile} --area-code {area} --card "
        "{card} --qr-out FILE 可以再次获取它的二维码图片",
        "another_file": "请换一个文件",
        "key_issued": "钥匙 {card}：{mobile}，{room}，有效期至 {end}",
        "key_fetched": "钥匙 {card}：二维码图片 {saved}",
        "fetched": "已获取",
        "bluetooth_key": "蓝牙钥匙：{ble}",
        "key_row": "{card}  {room}  {start} 至 {end}",
        "no_keys": "{mobile} 在 {room} 没有钥匙。",
        "key_cancelled": "钥匙 {card} 已注销。",
        "rf_written": "RF 卡 {serial} 已写入，{room}，有效期至 {end}",
        "rf_read": "RF 卡 {serial}：房间 {room}，有效期至 {end}",
        "rf_cancelled": "RF 卡 {serial} 已注销。",
        "door_unlocked": "门 {room} 已远程打开。",
        "door_log_head": "{room} 的开门记录，{start} 至 {end}（社区的日期和时间，{zone}）：",
        "no_openings": "这段时间没有开门记录。",
        "lock_battery": "电量 {battery}",
        "setting_mode": "设置模式",
        "not_in_site_list": "不在现场列表中",
        "no_lock_advertising": "没有门锁在广播：请唤醒门锁（触摸键盘）后再扫描。",
        "reset_needs_yes": "恢复出厂会删除门锁的管理员和所有钥匙：确定要做请加上 --yes。",
        "plan_finished": "计划中的每扇门都已完成。",
        "step_line": "  {name:6} {status}{code}  {why}",
        "step_done": "完成", "step_skipped": "跳过", "step_warning": "警告",
        "step_failed": "失败", "step_cancelled": "已取消",
        "lock_state": "门锁状态：{state}",
        "doors_done": "{total} 扇门中已完成 {finished} 扇",
        "next_door": "；下一扇：{room}",
        "doors_imported": "已导入 {count} 扇门；计划共有 {total} 扇门",
        "report_written": "报告：{html}\nCSV：{csv}",
        "report_change": "  有变化：{room} {kind} {old} -> {new}",
        "nothing_matches": "目录中没有与 {words} 匹配的条目。",
        "no_entry": "目录中没有代码 {code} 的条目。试试：keydesk explain --search {code}",
        "no_entry_in": "目录的 {domain} 中没有代码 {code} 的条目。试试：keydesk explain "
        "--search {code}",
    },
}
WORDS: Phrases = by_key(TEXTS)


def say(key: str, lang: str | None = None, **values: object) -> str:
    """The line ``key`` in ``lang`` (None: the preferred language), filled."""
    return phrase(WORDS, key, lang, **values)


def said(key: str, **values: object) -> Worded:
    """A line that travels as English (``--json``, an exception) and is worded where
    shown."""
    return Worded(Said(WORDS, key, **values))


YES_ANSWERS = ("y", "yes", "s", "sim", "是")  # what a "[y/N]" question accepts, any language
