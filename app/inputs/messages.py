"""What a person is told about a value they typed, in en / pt-BR / zh-CN.

One message per rule, shared by the command line and the window. A message says what is
wrong with the value and the form that is accepted; it never names where it was typed
(the command line prefixes the option, the window shows it beside the field), except
the rules that compare two fields (``{start}``, ``{end}``: their names in that face).

Placeholders: ``{value}`` (what was typed, quoted and shortened), ``{low}``/``{high}``,
``{example}``, and the few named in each text.
"""

from __future__ import annotations

from app.i18n import DEFAULT_LANGUAGE, resolve_language

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "number": "{value} is not a number from {low} to {high}",
        "seconds": "{value} is not a number of seconds from {low} to {high}",
        "hours": "{value} is not a number of hours from {low} to {high}",
        "whole": "{value} is not a whole number from {low} to {high}",
        "datetime": "{value} is not a date and time; write it like {example}",
        "date": "{value} is not a date; write it like {example}",
        "too_far": "{value} is outside the dates KeyDesk works with; give a date from {low} to "
        "{high}",
        "order": "{end} ({end_value}) must be after {start} ({start_value})",
        "ended": "the stay ended on {end_value}, which has already passed: a key for it "
        "would open no door; check {end}",
        "far_ahead": "the stay starts on {start_value}, more than a year from now; if that "
        "is right, confirm it ({confirm})",
        "port": "{value}: {port} is not a port; a port is a number from 1 to 65535",
        "address": "{value} is not an address KeyDesk can use; write it like {example}",
        "code_long": "{value} is {n} characters long; a code has at most {high}",
        "code_empty": "no code given; give a code like 5310, 17 or BreakIn",
        "language": "{value} is not one of KeyDesk's languages; use {choices}",
        "no_folder": "{value} cannot be written: the folder {folder} does not exist; give "
        "a file in an existing folder",
        "not_file": "{value} cannot be written: {reason}; give another file",
        "empty": "nothing was given; give {expected}",
        "room": "room {value}: write 1 to {high} letters, digits or signs (no spaces or "
        "accents), like 101",
        "rooms_many": "{n} rooms given; a card holds at most {high}",
        "rooms_none": "no room given; a guest card needs at least one room, like 101",
        "kind": "{value} is not a card kind; use {choices}",
        "listen_failed": "cannot listen on {value}: {reason}; choose another HOST:PORT (port "
        "0 picks a free one)",
        "domain": "{value} is not a domain of the error catalog; use {choices}",
        "explain_what": "give a CODE, --search WORDS or --all",
        "layout": "{value} is not a card layout KeyDesk has; use {choices}",
        "password_env": "no reader password: the environment variable {var} is not set; "
        "set it (or name another variable with --password-env)",
        "confirm_unlock": "a remote unlock really opens the door: repeat with --yes to "
        "confirm",
        "mobile": "{value} is not a mobile number; write only digits, like 13800138000",
        "card_uid": "{value} is not a card UID; write 4, 7 or 10 bytes in hex, like 12EA3004",
        "home_not_folder": "KEYDESK_HOME is {value}, a file, not a folder; point it at a "
        "folder (it is created if missing) or unset it",
        "no_log_file": "no log file ({reason}); warnings are printed here instead",
        # What is expected, for "empty" and the window's hints.
        "day_order": "{end} ({end_value}) is before {start} ({start_value}); give the "
        "earlier day first",
        "period_long": "{start_value} to {end_value} is {n} days; the lock cloud gives at "
        "most {high} days at a time: ask for a shorter period",
        "cloud_room": "{value} is not a room of the lock cloud's directory; give it as "
        "'keydesk cloud rooms' prints it: BUILDING-FLOOR-ROOM (like 001-01-0101) or the "
        "room's name (like 101)",
        "cloud_room_many": "{value} is the name of more than one room ({choices}); give one of "
        "them as BUILDING-FLOOR-ROOM",
        "area_code": "{value} is not a country calling code; write 1 to 4 digits, like 86 or "
        "55",
        "expected_room": "a room as 'keydesk cloud rooms' prints it, like 001-01-0101 or 101",
        "expected_mobile": "the guest's mobile number, digits only",
        "expected_lock_mac": "the MAC of the room's lock, as 'keydesk cloud rooms' prints it",
        "expected_card_no": "the card number that issue-key printed",
        "expected_serial": "the serial number of the card",
        "reason_folder": "it is a folder",
        "reason_denied": "permission denied",
        "reason_empty": "no file name",
    },
    "pt-BR": {
        "number": "{value} não é um número entre {low} e {high}",
        "seconds": "{value} não é um número de segundos entre {low} e {high}",
        "hours": "{value} não é um número de horas entre {low} e {high}",
        "whole": "{value} não é um número inteiro entre {low} e {high}",
        "datetime": "{value} não é uma data e hora; escreva como {example}",
        "date": "{value} não é uma data; escreva como {example}",
        "too_far": "{value} está fora das datas com que o KeyDesk trabalha; use uma data entre "
        "{low} e {high}",
        "order": "{end} ({end_value}) deve ser depois de {start} ({start_value})",
        "ended": "a estadia terminou em {end_value}, que já passou: uma chave para ela não "
        "abriria nenhuma porta; confira {end}",
        "far_ahead": "a estadia começa em {start_value}, daqui a mais de um ano; se estiver "
        "certo, confirme ({confirm})",
        "port": "{value}: {port} não é uma porta; uma porta é um número de 1 a 65535",
        "address": "{value} não é um endereço que o KeyDesk consiga usar; escreva como "
        "{example}",
        "code_long": "{value} tem {n} caracteres; um código tem no máximo {high}",
        "code_empty": "nenhum código informado; informe um código como 5310, 17 ou BreakIn",
        "language": "{value} não é um dos idiomas do KeyDesk; use {choices}",
        "no_folder": "não é possível gravar {value}: a pasta {folder} não existe; indique "
        "um arquivo numa pasta que exista",
        "not_file": "não é possível gravar {value}: {reason}; indique outro arquivo",
        "empty": "nada foi informado; informe {expected}",
        "room": "quarto {value}: escreva de 1 a {high} letras, números ou sinais (sem "
        "espaços nem acentos), como 101",
        "rooms_many": "{n} quartos informados; um cartão guarda no máximo {high}",
        "rooms_none": "nenhum quarto informado; um cartão de hóspede precisa de pelo menos "
        "um quarto, como 101",
        "kind": "{value} não é um tipo de cartão; use {choices}",
        "listen_failed": "não é possível escutar em {value}: {reason}; escolha outro HOST:PORTA "
        "(a porta 0 escolhe uma livre)",
        "domain": "{value} não é um domínio do catálogo de erros; use {choices}",
        "explain_what": "informe um CÓDIGO, --search PALAVRAS ou --all",
        "layout": "{value} não é um layout de cartão que o KeyDesk tenha; use {choices}",
        "password_env": "sem senha do leitor: a variável de ambiente {var} não está "
        "definida; defina-a (ou indique outra variável com --password-env)",
        "confirm_unlock": "a abertura remota abre a porta de verdade: repita com --yes para "
        "confirmar",
        "mobile": "{value} não é um número de celular; escreva só os dígitos, como "
        "13800138000",
        "card_uid": "{value} não é um UID de cartão; escreva 4, 7 ou 10 bytes em hexadecimal, "
        "como 12EA3004",
        "home_not_folder": "KEYDESK_HOME é {value}, um arquivo, não uma pasta; aponte-a "
        "para uma pasta (ela é criada se não existir) ou remova a variável",
        "no_log_file": "sem arquivo de log ({reason}); os avisos aparecem aqui",
        "day_order": "{end} ({end_value}) é antes de {start} ({start_value}); informe "
        "primeiro o dia mais cedo",
        "period_long": "de {start_value} a {end_value} são {n} dias; a nuvem das fechaduras "
        "dá no máximo {high} dias por vez: peça um período menor",
        "cloud_room": "{value} não é um quarto do cadastro da nuvem das fechaduras; informe-o "
        "como 'keydesk cloud rooms' mostra: PRÉDIO-ANDAR-QUARTO (como 001-01-0101) ou o "
        "nome do quarto (como 101)",
        "cloud_room_many": "{value} é o nome de mais de um quarto ({choices}); informe um "
        "deles como PRÉDIO-ANDAR-QUARTO",
        "area_code": "{value} não é um código de país; escreva de 1 a 4 dígitos, como 55 ou "
        "86",
        "expected_room": "um quarto como 'keydesk cloud rooms' mostra, como 001-01-0101 ou "
        "101",
        "expected_mobile": "o celular do hóspede, só os dígitos",
        "expected_lock_mac": "o MAC da fechadura do quarto, como 'keydesk cloud rooms' mostra",
        "expected_card_no": "o número do cartão que o issue-key mostrou",
        "expected_serial": "o número de série do cartão",
        "reason_folder": "é uma pasta",
        "reason_denied": "permissão negada",
        "reason_empty": "sem nome de arquivo",
    },
    "zh-CN": {
        "number": "{value} 不是 {low} 到 {high} 之间的数字",
        "seconds": "{value} 不是 {low} 到 {high} 之间的秒数",
        "hours": "{value} 不是 {low} 到 {high} 之间的小时数",
        "whole": "{value} 不是 {low} 到 {high} 之间的整数",
        "datetime": "{value} 不是日期时间；请写成 {example} 的格式",
        "date": "{value} 不是日期；请写成 {example} 的格式",
        "too_far": "{value} 超出了 KeyDesk 能处理的日期范围；请给出 {low} 到 {high} 之间的日期",
        "order": "{end}（{end_value}）必须晚于 {start}（{start_value}）",
        "ended": "入住已于 {end_value} 结束，这个时间已经过去：这样的钥匙打不开任何门；"
        "请检查 {end}",
        "far_ahead": "入住从 {start_value} 开始，距今超过一年；如果确实如此，请确认（{confirm}）",
        "port": "{value}：{port} 不是端口；端口是 1 到 65535 之间的数字",
        "address": "{value} 不是 KeyDesk 能用的地址；请写成 {example} 的格式",
        "code_long": "{value} 有 {n} 个字符；代码最多 {high} 个字符",
        "code_empty": "没有给出代码；请给出像 5310、17 或 BreakIn 这样的代码",
        "language": "{value} 不是 KeyDesk 支持的语言；请用 {choices}",
        "no_folder": "无法写入 {value}：文件夹 {folder} 不存在；请指定已存在的文件夹中的文件",
        "not_file": "无法写入 {value}：{reason}；请指定别的文件",
        "empty": "没有填写；请给出{expected}",
        "room": "房间 {value}：请写 1 到 {high} 个字母、数字或符号（不要空格或带声调的字母），"
        "例如 101",
        "rooms_many": "给出了 {n} 个房间；一张卡最多 {high} 个",
        "rooms_none": "没有给出房间；宾客卡至少要有一个房间，例如 101",
        "kind": "{value} 不是卡的类型；请用 {choices}",
        "listen_failed": "无法在 {value} 上监听：{reason}；请换一个 HOST:PORT"
        "（端口 0 会自动选一个空闲端口）",
        "domain": "{value} 不是错误目录里的领域；请用 {choices}",
        "explain_what": "请给出代码、--search 关键词或 --all",
        "layout": "{value} 不是 KeyDesk 已有的卡片布局；请用 {choices}",
        "password_env": "没有门禁密码：环境变量 {var} 未设置；请设置它（或用 --password-env "
        "指定别的变量）",
        "confirm_unlock": "远程开门会真的把门打开：请加上 --yes 再执行一次以确认",
        "mobile": "{value} 不是手机号；只写数字，例如 13800138000",
        "card_uid": "{value} 不是卡的 UID；请写 4、7 或 10 字节的十六进制，例如 12EA3004",
        "home_not_folder": "KEYDESK_HOME 是 {value}，这是文件而不是文件夹；请把它指向一个文件夹"
        "（不存在会自动创建），或删除这个变量",
        "no_log_file": "没有日志文件（{reason}）；警告会显示在这里",
        "day_order": "{end}（{end_value}）早于 {start}（{start_value}）；请先写较早的日期",
        "period_long": "{start_value} 到 {end_value} 共 {n} 天；门锁云每次最多查询 {high} 天："
        "请缩短时间段",
        "cloud_room": "{value} 不是门锁云房间目录里的房间；请按 'keydesk cloud rooms' 显示的"
        "写法填写：楼栋-楼层-房间（例如 001-01-0101）或房间名（例如 101）",
        "cloud_room_many": "{value} 是多个房间的名字（{choices}）；请用 楼栋-楼层-房间 的写法"
        "指定其中一个",
        "area_code": "{value} 不是国家区号；请写 1 到 4 位数字，例如 86 或 55",
        "expected_room": "'keydesk cloud rooms' 显示的房间，例如 001-01-0101 或 101",
        "expected_mobile": "客人的手机号，只写数字",
        "expected_lock_mac": "房间门锁的 MAC，按 'keydesk cloud rooms' 显示的写法",
        "expected_card_no": "issue-key 输出的卡号",
        "expected_serial": "卡的序列号",
        "reason_folder": "这是一个文件夹",
        "reason_denied": "没有权限",
        "reason_empty": "没有文件名",
    },
}


def text(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (None: the preferred language; "system" resolved)."""
    table = TEXTS.get(resolve_language(lang), TEXTS[DEFAULT_LANGUAGE])
    return table.get(key, TEXTS[DEFAULT_LANGUAGE][key]).format(**values)
