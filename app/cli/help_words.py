"""The commands' help texts and descriptions in en / pt-BR / zh-CN, looked up by their
English text when the help is written (:class:`app.cli.argwords.KeyDeskFormatter`).

Keyed by the English text, as gettext keys a message by its source text: a command
declares ``help="..."`` in plain English where the option is, and this table says it in
the other languages. A help text built from a value (``default 127.0.0.1:8058``) is a
template here with ``{placeholders}``; the value is taken from the English text shown.
``tests/unit/test_cli_language.py`` fails on a help text missing from this table.
"""

from __future__ import annotations

import re

from app.i18n import Phrases, phrase

# (English, Português do Brasil, 简体中文)
ENTRIES: list[tuple[str, str, str]] = [
    # keydesk
    ("KeyDesk: card encoding, lock commissioning, lock-cloud keys and live access monitoring "
     "for hotel and apartment front desks.",
     "KeyDesk: gravação de cartões, instalação de fechaduras, chaves da nuvem das fechaduras "
     "e monitoramento de acessos ao vivo para a recepção de hotéis e apartamentos.",
     "KeyDesk：为酒店和公寓前台制卡、调试门锁、发放门锁云钥匙并实时监控门禁。"),
    ("log to stderr too", "também registra o log no stderr", "同时把日志输出到 stderr"),
    ("language of what a command prints: system, en, pt-BR or zh-CN, in any case (default: "
     "the language setting, which the window uses too)",
     "idioma do que o comando mostra: system, en, pt-BR ou zh-CN, maiúsculas ou minúsculas "
     "(padrão: o idioma das configurações, o mesmo da janela)",
     "命令输出所用的语言：system、en、pt-BR 或 zh-CN，大小写均可（默认：设置中的语言，"
     "与窗口相同）"),
    ("run a device or service simulator (encoder, cloud, reader, lock)",
     "roda um simulador de aparelho ou serviço (codificador, nuvem, leitor, fechadura)",
     "运行设备或服务模拟器（发卡器、门锁云、门禁读头、门锁）"),
    ("explain a vendor error code (lock cloud, reader) and what to do next",
     "explica um código de erro do fabricante (nuvem das fechaduras, leitor) e o que fazer",
     "解释厂商错误代码（门锁云、门禁读头）以及下一步怎么办"),
    ("lock-cloud keys, RF cards, door logs, remote unlock",
     "chaves da nuvem das fechaduras, cartões RF, registros de portas, abertura remota",
     "门锁云钥匙、RF 卡、开门记录、远程开门"),
    ("stream an access reader's events live", "mostra ao vivo os eventos de um leitor de acesso",
     "实时显示门禁读头的事件"),
    ("access readers: identity, clock, doors, card enrolment",
     "leitores de acesso: identificação, relógio, portas, cadastro de cartões",
     "门禁读头：设备信息、时钟、门、登记卡片"),
    ("read, issue, duplicate and wipe cards on the USB encoder",
     "lê, emite, duplica e apaga cartões no codificador USB",
     "在 USB 发卡器上读卡、制卡、复制卡和清卡"),
    ("commission Bluetooth locks (scan, commission, report)",
     "instala fechaduras Bluetooth (procurar, instalar, relatório)",
     "调试蓝牙门锁（扫描、调试、报告）"),
    ("add, list and remove operator accounts", "cria, lista e remove contas de operador",
     "添加、列出和删除操作员账号"),
    ("verify, list or export the audit trail", "confere, lista ou exporta a auditoria",
     "校验、列出或导出审计记录"),
    ("the event store: check, test, watch",
     "o armazenamento de eventos: verificar, testar, acompanhar", "事件存储：检查、测试、监看"),
    ("open the window on the built-in simulators (training, first start)",
     "abre a janela com os simuladores embutidos (treinamento, primeiro uso)",
     "用内置模拟器打开窗口（培训、首次使用）"),
    ("open the window (the default with no command)",
     "abre a janela (o padrão quando não se dá comando)", "打开窗口（不带命令时的默认操作）"),
    ("run every end-to-end check offscreen on the simulators",
     "roda todas as verificações de ponta a ponta, sem tela, nos simuladores",
     "在模拟器上后台运行全部端到端检查"),
    ("Start every simulator on loopback and open the window connected to them. Nothing is "
     "saved to your real settings.",
     "Inicia todos os simuladores neste computador e abre a janela ligada a eles. Nada é "
     "salvo nas suas configurações reais.",
     "在本机启动所有模拟器，并打开连接到它们的窗口。不会保存到你的真实设置。"),
    ("Start the app offscreen on its simulators, run every check, print one line per check "
     "and a summary. Exit status 0 only when all pass.",
     "Inicia o aplicativo sem tela nos simuladores, roda todas as verificações e mostra uma "
     "linha por verificação e um resumo. Sai com status 0 só quando todas passam.",
     "在模拟器上后台启动程序，运行全部检查，每项检查输出一行并给出汇总。全部通过时退出码才为 0。"),
    ("write a PNG of the main window", "grava um PNG da janela principal", "把主窗口保存为 PNG"),
    ("JSON lines instead of text", "linhas JSON em vez de texto", "输出 JSON 行而不是文本"),
    # shared options
    ("JSON lines on stdout", "linhas JSON no stdout", "在 stdout 输出 JSON 行"),
    ("JSON lines", "linhas JSON", "JSON 行"),
    ("one JSON line", "uma linha JSON", "一行 JSON"),
    ("one JSON object per line", "um objeto JSON por linha", "每行一个 JSON 对象"),
    ("print the address as one JSON line", "mostra o endereço numa linha JSON",
     "以一行 JSON 输出地址"),
    ("print the address as a JSON line", "mostra o endereço numa linha JSON",
     "以一行 JSON 输出地址"),
    ("print the answer as one JSON line", "mostra a resposta numa linha JSON",
     "以一行 JSON 输出应答"),
    # keydesk sim
    ("Run a simulator that speaks the real wire protocol on loopback.",
     "Roda, neste computador, um simulador que fala o protocolo real do aparelho.",
     "在本机运行一个使用真实通信协议的模拟器。"),
    ("the UCLBRT lock cloud (QR/Bluetooth keys, RF cards, door logs)",
     "a nuvem das fechaduras UCLBRT (chaves QR/Bluetooth, cartões RF, registros de portas)",
     "UCLBRT 门锁云（二维码/蓝牙钥匙、RF 卡、开门记录）"),
    ("a simulated Intelbras/Dahua access reader (Digest auth, event stream, log)",
     "um leitor de acesso Intelbras/Dahua simulado (autenticação Digest, eventos ao vivo, "
     "registro)",
     "模拟的 Intelbras/Dahua 门禁读头（Digest 认证、事件流、记录）"),
    ("PN532 card encoder simulator (pyserial socket:// URL, or a POSIX pty)",
     "simulador do codificador de cartões PN532 (URL socket:// do pyserial ou um pty POSIX)",
     "PN532 发卡器模拟器（pyserial 的 socket:// URL，或 POSIX 伪终端）"),
    ("control a running encoder simulator", "controla um simulador de codificador em execução",
     "控制正在运行的发卡器模拟器"),
    ("a site of Bluetooth locks (TTLock V3, UCLBRT token, standard GATT)",
     "um local com fechaduras Bluetooth (TTLock V3, token UCLBRT, GATT padrão)",
     "一组蓝牙门锁（TTLock V3、UCLBRT 令牌、标准 GATT）"),
    ("wake a simulated lock, inject a fault, ...",
     "acorda uma fechadura simulada, provoca uma falha, ...", "唤醒模拟门锁、注入故障等"),
    ("Serve the simulated lock cloud with its demo community. Use it with "
     "KEYDESK_CLOUD_URL=<url> keydesk cloud --demo-account ...",
     "Serve a nuvem das fechaduras simulada com a comunidade de demonstração. Use com "
     "KEYDESK_CLOUD_URL=<url> keydesk cloud --demo-account ...",
     "提供带演示社区的模拟门锁云。用法：KEYDESK_CLOUD_URL=<url> keydesk cloud "
     "--demo-account ..."),
    ("where to listen (default {address}; port 0 picks a free one)",
     "onde escutar (padrão {address}; a porta 0 escolhe uma livre)",
     "监听地址（默认 {address}；端口 0 表示自动选空闲端口）"),
    ("Serve the reader's CGI API and endless event stream on HOST:PORT, with realistic "
     "traffic. User 'admin'; password from --password-env (default '{password}').",
     "Serve a API CGI do leitor e o fluxo contínuo de eventos em HOST:PORT, com tráfego "
     "realista. Usuário 'admin'; senha de --password-env (padrão '{password}').",
     "在 HOST:PORT 上提供门禁读头的 CGI 接口和持续的事件流，流量接近真实。用户 'admin'；"
     "密码来自 --password-env（默认 '{password}'）。"),
    ("device name (shown in events)", "nome do aparelho (aparece nos eventos)",
     "设备名称（显示在事件中）"),
    ("environment variable holding the password to accept",
     "variável de ambiente com a senha a aceitar", "保存所接受密码的环境变量"),
    ("events per second, 0.01 to 1000 (default 1)", "eventos por segundo, de 0.01 a 1000 "
     "(padrão 1)", "每秒事件数，0.01 到 1000（默认 1）"),
    ("stop traffic after N events", "para o tráfego depois de N eventos", "N 个事件后停止产生流量"),
    ("'access': access events only (benchmarks)",
     "'access': só eventos de acesso (medições de desempenho)",
     "'access'：只产生门禁通行事件（性能测试用）"),
    ("device serial number (default: a new unique one)",
     "número de série do aparelho (padrão: um novo, único)",
     "设备序列号（默认：新生成一个唯一的）"),
    ("device clock minus real, in seconds", "relógio do aparelho menos o real, em segundos",
     "设备时钟减去真实时间，单位秒"),
    ("old firmware: plain-text 'Error' answers instead of JSON codes",
     "firmware antigo: respostas 'Error' em texto simples em vez de códigos JSON",
     "旧固件：以纯文本 'Error' 应答，而不是 JSON 代码"),
    ("Simulate a PN532 USB card encoder with a card on it. Prints the URL to pass to "
     "`keydesk card ... --port URL` (socket://HOST:PORT, or with --pty a device path such "
     "as /dev/pts/7), and a control address.",
     "Simula um codificador USB PN532 com um cartão em cima. Mostra a URL para usar em "
     "`keydesk card ... --port URL` (socket://HOST:PORT ou, com --pty, um caminho de "
     "aparelho como /dev/pts/7) e um endereço de controle.",
     "模拟一台放着卡片的 PN532 USB 发卡器。输出供 `keydesk card ... --port URL` 使用的 URL"
     "（socket://HOST:PORT，或用 --pty 时为 /dev/pts/7 这样的设备路径）以及控制地址。"),
    ("serve a pseudo-terminal (POSIX only): the driver opens it like /dev/ttyUSB0",
     "serve um pseudoterminal (só POSIX): o driver o abre como um /dev/ttyUSB0",
     "提供伪终端（仅限 POSIX）：驱动像打开 /dev/ttyUSB0 一样打开它"),
    ("pace answers in modelled time", "responde no ritmo do aparelho real",
     "按真实设备的节奏应答"),
    ("Send one command to an encoder simulator's control address. Commands: place [KIND] (a "
     "blank card; the one there goes to the tray), remove (to the tray), put_back (the card "
     "that left), put_back first (the first card in the tray: practise Duplicate with "
     "'place', then put the original back), alter BLOCK OFFSET [XOR], fault KIND [COUNT], "
     "clear, status. Faults: {faults}.",
     "Envia um comando ao endereço de controle de um simulador de codificador. Comandos: "
     "place [KIND] (um cartão em branco; o que estava vai para a bandeja), remove (para a "
     "bandeja), put_back (o cartão que saiu), put_back first (o primeiro cartão da bandeja: "
     "treine a duplicação com 'place' e depois devolva o original), alter BLOCK OFFSET [XOR], "
     "fault KIND [COUNT], clear, status. Falhas: {faults}.",
     "向发卡器模拟器的控制地址发送一条命令。命令：place [KIND]（放一张空白卡，原来的卡进托盘）、"
     "remove（拿到托盘）、put_back（放回刚拿走的卡）、put_back first（放回托盘里的第一张卡："
     "先用 'place' 练习复制卡，再放回原卡）、alter BLOCK OFFSET [XOR]、fault KIND [COUNT]、"
     "clear、status。故障：{faults}。"),
    ("the simulator's control HOST:PORT", "o HOST:PORT de controle do simulador",
     "模拟器的控制地址 HOST:PORT"),
    ("Serve a site of simulated Bluetooth locks. The app reaches them through bleak with the "
     "simulated backend: keydesk lock --sim HOST:PORT ...",
     "Serve um local com fechaduras Bluetooth simuladas. O aplicativo chega a elas pelo "
     "bleak com o backend simulado: keydesk lock --sim HOST:PORT ...",
     "提供一组模拟蓝牙门锁。程序通过 bleak 的模拟后端连接它们：keydesk lock --sim "
     "HOST:PORT ..."),
    ("where to listen (default {address}, a free port)",
     "onde escutar (padrão {address}, uma porta livre)", "监听地址（默认 {address}，即空闲端口）"),
    ("how many doors (default 7: the demo cloud's rooms)",
     "quantas portas (padrão 7: os quartos da nuvem de demonstração)",
     "门的数量（默认 7：演示门锁云的房间）"),
    ("all: every lock advertises until told otherwise; none: each waits for a wake "
     "(lock-control wake)",
     "all: toda fechadura fica visível até segunda ordem; none: cada uma espera ser acordada "
     "(lock-control wake)",
     "all：每把门锁一直广播，直到另行指示；none：每把锁等待唤醒（lock-control wake）"),
    ("the site's time zone (the locks keep its local time)",
     "o fuso horário do local (as fechaduras guardam a hora local)",
     "现场的时区（门锁使用当地时间）"),
    ("seconds of silence after which a lock drops the link (default: each profile's value, "
     "~5 s)",
     "segundos de silêncio depois dos quais a fechadura derruba a conexão (padrão: o valor "
     "de cada perfil, ~5 s)",
     "静默多少秒后门锁断开连接（默认：各型号自己的值，约 5 s）"),
    ("also write the door list (a plan CSV) here",
     "também grava aqui a lista de portas (um CSV de plano)", "同时把门列表（计划 CSV）写到这里"),
    ("Talk to a running keydesk sim lock's control channel.",
     "Fala com o canal de controle de um keydesk sim lock em execução.",
     "与正在运行的 keydesk sim lock 的控制通道通信。"),
    ("HOST:PORT of keydesk sim lock", "HOST:PORT do keydesk sim lock",
     "keydesk sim lock 的 HOST:PORT"),
    ("touch a lock: it advertises for --seconds",
     "toca numa fechadura: ela fica visível por --seconds segundos",
     "触摸门锁：它广播 --seconds 秒"),
    ("end a lock's wake window", "encerra o período acordado de uma fechadura",
     "结束门锁的唤醒时段"),
    ("remove a lock's faults (and turn the radio on)",
     "tira as falhas de uma fechadura (e liga o rádio)", "清除门锁的故障（并打开无线）"),
    ("print a lock's state", "mostra o estado de uma fechadura", "显示门锁状态"),
    ("give a lock a fault", "provoca uma falha numa fechadura", "给门锁注入故障"),
    ("turn the simulated PC radio on or off", "liga ou desliga o rádio simulado do computador",
     "打开或关闭模拟电脑的无线"),
    ("list every lock", "lista todas as fechaduras", "列出所有门锁"),
    ("0 = until told", "0 = até segunda ordem", "0 = 直到另行指示"),
    ("asleep, wake_ends, connect_fail, wrong_admin, ...",
     "asleep, wake_ends, connect_fail, wrong_admin, ...",
     "asleep、wake_ends、connect_fail、wrong_admin 等"),
    ("how many times (default: per fault)", "quantas vezes (padrão: conforme a falha)",
     "次数（默认：视故障而定）"),
    ("let this many commands pass first", "deixa passar antes esta quantidade de comandos",
     "先放过这么多条命令"),
    # keydesk explain
    ("Look up a code in the error catalog. A bare number lists its meaning in every domain. "
     "Domains: {domains}.",
     "Procura um código no catálogo de erros. Um número sozinho mostra o significado em "
     "cada área. Áreas: {domains}.",
     "在错误目录中查找代码。只给数字时列出它在每个领域的含义。领域：{domains}。"),
    ("the code, e.g. 5310, 17, BreakIn", "o código, por exemplo 5310, 17, BreakIn",
     "代码，例如 5310、17、BreakIn"),
    ("only this domain (e.g. cloud_api)", "só esta área (por exemplo cloud_api)",
     "只查这个领域（例如 cloud_api）"),
    ("language: en, pt-BR or zh-CN, in any case (default: the UI language setting, else the "
     "system's)",
     "idioma: en, pt-BR ou zh-CN, maiúsculas ou minúsculas (padrão: o idioma das "
     "configurações, senão o do sistema)",
     "语言：en、pt-BR 或 zh-CN，大小写均可（默认：设置中的界面语言，否则用系统语言）"),
    ("list every entry", "lista todos os itens", "列出全部条目"),
    ("find entries by words, any language", "procura itens por palavras, em qualquer idioma",
     "按关键词查找条目，任何语言均可"),
    # keydesk cloud
    ("Front-desk flows on the UCLBRT lock cloud.",
     "As tarefas da recepção na nuvem das fechaduras UCLBRT.", "在 UCLBRT 门锁云上的前台操作。"),
    ("check every credential with read-only calls: account, token and community (one call "
     "per signing scheme), the card issuer, the operator's login",
     "confere cada credencial com consultas que não alteram nada: conta, token e comunidade "
     "(uma consulta por forma de assinatura), o emissor de cartões, o login do operador",
     "用只读调用逐项检查凭据：账号、令牌和社区（每种签名方式一次调用）、云端发卡器、操作员登录"),
    ("list buildings, floors and rooms with lock type and MAC",
     "lista prédios, andares e quartos com o tipo de fechadura e o MAC",
     "列出楼栋、楼层和房间，以及门锁类型和 MAC"),
    ("create a QR guest key (prints the card number)",
     "cria uma chave QR para o hóspede (mostra o número do cartão)",
     "为客人生成二维码钥匙（输出卡号）"),
    ("fetch a key: QR image by card number, or Bluetooth string",
     "busca uma chave: imagem QR pelo número do cartão, ou o texto da chave Bluetooth",
     "获取钥匙：按卡号取二维码图片，或取蓝牙钥匙串"),
    ("list a guest's keys for a room (check this after \"outcome unknown\")",
     "lista as chaves de um hóspede para um quarto (confira aqui depois de \"resultado "
     "desconhecido\")",
     "列出客人在某房间的钥匙（出现“结果未知”后用它核对）"),
    ("cancel a guest key", "cancela uma chave de hóspede", "注销客人钥匙"),
    ("report a guest key lost", "comunica a perda de uma chave de hóspede", "挂失客人钥匙"),
    ("issue an RF card on the card issuer", "emite um cartão RF no emissor de cartões",
     "在云端发卡器上制作 RF 卡"),
    ("read the RF card lying on the card issuer", "lê o cartão RF que está no emissor",
     "读取放在云端发卡器上的 RF 卡"),
    ("log out an RF card by its serial number", "cancela um cartão RF pelo número de série",
     "按序列号注销 RF 卡"),
    ("open a door remotely through its gateway", "abre uma porta a distância pelo gateway",
     "通过网关远程开门"),
    ("door-opening log of a room", "registro de aberturas da porta de um quarto",
     "房间的开门记录"),
    ("base URL (overrides Settings and KEYDESK_CLOUD_URL)",
     "URL base (vale mais que as Configurações e KEYDESK_CLOUD_URL)",
     "基础 URL（优先于设置和 KEYDESK_CLOUD_URL）"),
    ("use the simulator's demo account (with keydesk sim cloud)",
     "usa a conta de demonstração do simulador (com keydesk sim cloud)",
     "使用模拟器的演示账号（配合 keydesk sim cloud）"),
    ("the name in the audit trail on a single-operator desk (default: OS user); with "
     "operator accounts, whoever signed in",
     "o nome na auditoria num balcão de operador único (padrão: o usuário do sistema); com "
     "contas de operador, quem entrou",
     "单操作员前台在审计记录中的名字（默认：系统用户）；有操作员账号时为登录的人"),
    ("seconds for each request to the cloud, answer included (a total deadline)",
     "segundos para cada pedido à nuvem, com a resposta (prazo total)",
     "每次向门锁云请求的秒数，包括应答（总时限）"),
    ("the room as 'keydesk cloud rooms' prints it: BUILDING-FLOOR-ROOM (e.g. 001-01-0101) or "
     "its name (e.g. 101)",
     "o quarto como 'keydesk cloud rooms' mostra: PRÉDIO-ANDAR-QUARTO (por exemplo "
     "001-01-0101) ou o nome (por exemplo 101)",
     "按 'keydesk cloud rooms' 输出的写法给出房间：楼栋-楼层-房间（例如 001-01-0101）或房间名"
     "（例如 101）"),
    ("the guest's mobile number, digits only", "o celular do hóspede, só dígitos",
     "客人的手机号，只写数字"),
    ("the guest's country calling code (default 86)",
     "o código do país do celular do hóspede (padrão 86)", "客人手机号的国家区号（默认 86）"),
    ("start (ISO date/time; without an offset it is the community's local time; default "
     "now)",
     "início (data/hora ISO; sem fuso, é a hora local da comunidade; padrão agora)",
     "开始时间（ISO 日期/时间；不带时差时为社区当地时间；默认现在）"),
    ("end (ISO date/time; without an offset, the community's local time)",
     "fim (data/hora ISO; sem fuso, a hora local da comunidade)",
     "结束时间（ISO 日期/时间；不带时差时为社区当地时间）"),
    ("stay length when --end is absent", "duração da estadia quando não há --end",
     "没有 --end 时的入住时长"),
    ("the platform texts the key", "a plataforma manda a chave por SMS", "由平台用短信发送钥匙"),
    ("confirm a stay that starts more than a year from now",
     "confirma uma estadia que começa daqui a mais de um ano", "确认一年以后才开始的入住"),
    ("also save the QR image as PNG here (checked before the key is made)",
     "também salva aqui a imagem QR em PNG (conferido antes de criar a chave)",
     "同时把二维码图片保存为 PNG（生成钥匙前先检查此路径）"),
    ("card number (QR key)", "número do cartão (chave QR)", "卡号（二维码钥匙）"),
    ("lock MAC (Bluetooth key string)", "MAC da fechadura (chave Bluetooth)",
     "门锁 MAC（蓝牙钥匙串）"),
    ("save the QR image as PNG here", "salva aqui a imagem QR em PNG", "把二维码图片保存为 PNG"),
    ("every key of the room", "todas as chaves do quarto", "该房间的所有钥匙"),
    ("valid until (ISO date/time; without an offset, community time)",
     "válido até (data/hora ISO; sem fuso, a hora da comunidade)",
     "有效期至（ISO 日期/时间；不带时差时为社区时间）"),
    ("hours from now when --end is absent", "horas a partir de agora quando não há --end",
     "没有 --end 时从现在起的小时数"),
    ("QRLOCK/RFLOCK-V9 need no issuer MAC", "QRLOCK/RFLOCK-V9 não precisam do MAC do emissor",
     "QRLOCK/RFLOCK-V9 不需要云端发卡器 MAC"),
    ("confirm: the door really opens", "confirma: a porta abre de verdade", "确认：门会真的打开"),
    ("first day (the community's date; default a week before --to)",
     "primeiro dia (data da comunidade; padrão uma semana antes de --to)",
     "第一天（社区日期；默认 --to 之前一周）"),
    ("last day (the community's date; default the community's today; at most {days} days "
     "after --from)",
     "último dia (data da comunidade; padrão hoje na comunidade; no máximo {days} dias "
     "depois de --from)",
     "最后一天（社区日期；默认社区的今天；最多在 --from 之后 {days} 天）"),
    # keydesk monitor, readers
    ("Attach to a reader's event stream and print every decoded event. Reconnects by itself "
     "(back-filling missed accesses from the reader's log); stops on a wrong password. Exits "
     "non-zero, explaining the last failure, when it ends without ever having reached the "
     "reader.",
     "Liga-se ao fluxo de eventos de um leitor e mostra cada evento decodificado. Reconecta "
     "sozinho (buscando no registro do leitor os acessos perdidos); para com senha errada. "
     "Sai com status diferente de zero, explicando a última falha, quando termina sem nunca "
     "ter alcançado o leitor.",
     "连接门禁读头的事件流，输出每条解析后的事件。断线后自动重连（从读头的记录中补回错过的通行）；"
     "密码错误时停止。如果始终没能连上读头，退出码非零并说明最后一次失败。"),
    ("http://reader-address", "http://endereço-do-leitor", "http://读头地址"),
    ("reader user (default admin)", "usuário do leitor (padrão admin)", "读头用户（默认 admin）"),
    ("environment variable with the password (default %(default)s)",
     "variável de ambiente com a senha (padrão %(default)s)",
     "保存密码的环境变量（默认 %(default)s）"),
    ("reader name shown in events (default: the URL's host)",
     "nome do leitor nos eventos (padrão: o host da URL)",
     "事件中显示的读头名称（默认：URL 的主机）"),
    ("event codes to ask for (default All)", "códigos de evento pedidos (padrão All)",
     "要订阅的事件代码（默认 All）"),
    ("heartbeat seconds, 1 to 60 (default 5)", "segundos entre sinais de vida, de 1 a 60 "
     "(padrão 5)", "心跳间隔秒数，1 到 60（默认 5）"),
    ("stop after S seconds (default: until Ctrl+C)", "para depois de S segundos (padrão: até "
     "Ctrl+C)", "S 秒后停止（默认：直到按 Ctrl+C）"),
    ("seconds to wait for the reader to answer a connection (default 15); then it is tried "
     "again after a pause",
     "segundos esperando o leitor responder a uma conexão (padrão 15); depois tenta de novo "
     "após uma pausa",
     "等待读头应答连接的秒数（默认 15）；超时后稍等片刻再试"),
    ("One-off calls to an Intelbras/Dahua access reader.",
     "Chamadas avulsas a um leitor de acesso Intelbras/Dahua.",
     "对 Intelbras/Dahua 门禁读头的单次调用。"),
    ("device type, serial number, firmware", "tipo do aparelho, número de série, firmware",
     "设备类型、序列号、固件"),
    ("compare the reader's clock with this PC (and set it)",
     "compara o relógio do leitor com este computador (e acerta)",
     "对比读头时钟与本机时间（并可校准）"),
    ("is the door open or closed", "a porta está aberta ou fechada", "门是开着还是关着"),
    ("open a door remotely (asks for confirmation)",
     "abre uma porta a distância (pede confirmação)", "远程开门（会要求确认）"),
    ("give a card access for a stay", "libera um cartão durante uma estadia",
     "为一段入住授予卡片通行权限"),
    ("take a card's access away", "tira o acesso de um cartão", "取消卡片的通行权限"),
    ("set the reader's clock to this PC's", "acerta o relógio do leitor pelo deste computador",
     "按本机时间校准读头时钟"),
    ("door channel, 1-based (default 1)", "canal da porta, a partir de 1 (padrão 1)",
     "门通道，从 1 开始（默认 1）"),
    ("do not ask for confirmation", "não pede confirmação", "不要求确认"),
    ("card UID in hex, e.g. 12EA3004", "UID do cartão em hexadecimal, por exemplo 12EA3004",
     "十六进制卡片 UID，例如 12EA3004"),
    ("user id on the reader (default: the card UID)",
     "id do usuário no leitor (padrão: o UID do cartão)", "读头上的用户编号（默认：卡片 UID）"),
    ("name shown on access events", "nome que aparece nos eventos de acesso",
     "通行事件中显示的名字"),
    ("start, 'YYYY-MM-DD HH:MM' (default now)", "início, 'AAAA-MM-DD HH:MM' (padrão agora)",
     "开始时间，'YYYY-MM-DD HH:MM'（默认现在）"),
    ("end, 'YYYY-MM-DD HH:MM' (default +1 day)", "fim, 'AAAA-MM-DD HH:MM' (padrão +1 dia)",
     "结束时间，'YYYY-MM-DD HH:MM'（默认加 1 天）"),
    ("0-based door (repeatable)", "porta, a partir de 0 (pode repetir)",
     "门，从 0 开始（可重复）"),
    ("card UID in hex", "UID do cartão em hexadecimal", "十六进制卡片 UID"),
    ("also remove this user (default: the card UID)",
     "remove também este usuário (padrão: o UID do cartão)", "同时删除此用户（默认：卡片 UID）"),
    ("remove only the card", "remove só o cartão", "只删除卡片"),
    # keydesk card
    ("Card jobs on the USB encoder (PN532). --port takes a device (COM3, /dev/ttyUSB0) or a "
     "pyserial URL (socket://127.0.0.1:PORT for the simulator); without it the remembered "
     "encoder is used.",
     "Tarefas de cartão no codificador USB (PN532). --port aceita um aparelho (COM3, "
     "/dev/ttyUSB0) ou uma URL do pyserial (socket://127.0.0.1:PORT para o simulador); sem "
     "ele, usa o codificador já conhecido.",
     "在 USB 发卡器（PN532）上处理卡片。--port 可以是设备（COM3、/dev/ttyUSB0）或 pyserial "
     "URL（模拟器用 socket://127.0.0.1:PORT）；不给时使用记住的发卡器。"),
    ("list serial ports and likely encoders", "lista as portas seriais e os prováveis "
     "codificadores", "列出串口和可能的发卡器"),
    ("encoder firmware and the card on it", "firmware do codificador e o cartão em cima dele",
     "发卡器固件和上面的卡片"),
    ("print the card's UID (serial number)", "mostra o UID do cartão (número de série)",
     "输出卡片 UID（序列号）"),
    ("read and verify the card", "lê e confere o cartão", "读卡并校验"),
    ("write a card for a stay", "grava um cartão para uma estadia", "为一段入住制卡"),
    ("another card for the same stay", "outro cartão para a mesma estadia",
     "为同一段入住再制一张卡"),
    ("return the card to blank", "deixa o cartão em branco de novo", "把卡片恢复为空白卡"),
    ("set the per-site signing key in the OS keyring",
     "guarda a chave de assinatura do local no chaveiro do sistema",
     "把本现场的签名密钥存入系统密钥环"),
    ("ask each likely encoder who it is", "pergunta a cada provável codificador quem ele é",
     "询问每个可能的发卡器的身份"),
    ("device or pyserial URL of the encoder", "aparelho ou URL do pyserial do codificador",
     "发卡器的设备或 pyserial URL"),
    ("card layout (default from settings)", "formato do cartão (padrão das configurações)",
     "卡片格式（默认取自设置）"),
    ("append a hex trace of the serial bytes to this file",
     "acrescenta a este arquivo um registro em hex dos bytes da serial",
     "把串口字节的十六进制记录追加到此文件"),
    ("sign/verify with the public demo site key (simulators and training only; implied for "
     "socket:// URLs when the keyring has no site key)",
     "assina/confere com a chave pública de demonstração (só simuladores e treinamento; "
     "usada sozinha com URLs socket:// quando o chaveiro não tem a chave do local)",
     "用公开的演示现场密钥签名/校验（仅用于模拟器和培训；密钥环中没有现场密钥时，"
     "socket:// URL 会自动使用）"),
    ("only the layout's sectors", "só os setores do formato", "只读卡片格式用到的扇区"),
    ("room (repeat for several)", "quarto (repita para vários)", "房间（多个房间就重复给出）"),
    ("start, e.g. 2026-11-21T14:00 (this PC's time unless an offset is given)",
     "início, por exemplo 2026-11-21T14:00 (hora deste computador, a menos que tenha fuso)",
     "开始时间，例如 2026-11-21T14:00（不带时差时为本机时间）"),
    ("end, e.g. 2026-11-23T12:00", "fim, por exemplo 2026-11-23T12:00",
     "结束时间，例如 2026-11-23T12:00"),
    ("sequence number of this card", "número de sequência deste cartão", "这张卡的序号"),
    ("rewrite the same card (next seq)", "regrava o mesmo cartão (próxima sequência)",
     "重写同一张卡（序号加一）"),
    ("seconds to wait for the new card (0.1 to 600, default 30)",
     "segundos esperando o cartão novo (de 0.1 a 600, padrão 30)",
     "等待新卡的秒数（0.1 到 600，默认 30）"),
    # keydesk lock
    ("Bluetooth lock commissioning at the door.", "Instalação de fechaduras Bluetooth na porta.",
     "在门口调试蓝牙门锁。"),
    ("list the locks that advertise, strongest first, with family, battery, room",
     "lista as fechaduras visíveis, da mais forte para a mais fraca, com família, bateria e "
     "quarto",
     "列出正在广播的门锁，信号最强的在前，带型号系列、电量和房间"),
    ("read what the lock is (model, hardware, firmware, battery)",
     "lê o que a fechadura é (modelo, hardware, firmware, bateria)",
     "读取门锁信息（型号、硬件、固件、电量）"),
    ("commission the door: initialise, tie to its room, set the clock, prove it opens, find "
     "the opening in its log",
     "instala a porta: inicializa, liga ao quarto, acerta o relógio, prova que abre e acha "
     "a abertura no registro",
     "调试这扇门：初始化、绑定房间、校准时钟、验证能开门、在记录中找到这次开门"),
    ("prove the door opens (Bluetooth unlock or the cloud's key), then read its log",
     "prova que a porta abre (Bluetooth ou chave da nuvem) e depois lê o registro",
     "验证门能打开（蓝牙开锁或门锁云钥匙），然后读取记录"),
    ("set the lock's clock from the site's local time and read it back",
     "acerta o relógio da fechadura pela hora local do local e lê de volta",
     "按现场当地时间校准门锁时钟并读回核对"),
    ("read the lock's own log", "lê o registro da própria fechadura", "读取门锁自身的记录"),
    ("factory reset the lock (back to setting mode); KeyDesk forgets its secrets",
     "restaura a fechadura de fábrica (volta ao modo de configuração); o KeyDesk esquece os "
     "segredos dela",
     "将门锁恢复出厂（回到设置模式）；KeyDesk 删除它的密钥"),
    ("the site plan: import doors, see progress", "o plano do local: importar portas, ver o "
     "andamento", "现场计划：导入门、查看进度"),
    ("write the site report (HTML and CSV) from the plan",
     "grava o relatório do local (HTML e CSV) a partir do plano",
     "根据计划生成现场报告（HTML 和 CSV）"),
    ("HOST:PORT of keydesk sim lock (default: KEYDESK_LOCK_SIM, the setting, else this PC's "
     "Bluetooth)",
     "HOST:PORT do keydesk sim lock (padrão: KEYDESK_LOCK_SIM, a configuração ou, se não "
     "houver, o Bluetooth deste computador)",
     "keydesk sim lock 的 HOST:PORT（默认：KEYDESK_LOCK_SIM、设置项，否则用本机蓝牙）"),
    ("rooms and cloud keys from the simulated cloud's demo account",
     "quartos e chaves da conta de demonstração da nuvem simulada",
     "房间和钥匙取自模拟门锁云的演示账号"),
    ("lock-cloud base URL (overrides Settings)",
     "URL base da nuvem das fechaduras (vale mais que as Configurações)",
     "门锁云的基础 URL（优先于设置）"),
    ("do not ask the lock cloud", "não consulta a nuvem das fechaduras", "不访问门锁云"),
    ("your name (report and lock logs)", "seu nome (relatório e registros das fechaduras)",
     "你的名字（用于报告和门锁记录）"),
    ("site plan file (default: the data folder)",
     "arquivo do plano do local (padrão: a pasta de dados)", "现场计划文件（默认：数据文件夹）"),
    ("how long to scan (0.5 to 300 seconds)", "quanto tempo procurar (de 0.5 a 300 segundos)",
     "扫描多长时间（0.5 到 300 秒）"),
    ("seconds to wait for each reply (default: the profile's)",
     "segundos esperando cada resposta (padrão: o do perfil)",
     "每次应答的等待秒数（默认：按型号）"),
    ("BUILDING-FLOOR-ROOM, e.g. 001-01-0101", "PRÉDIO-ANDAR-QUARTO, por exemplo 001-01-0101",
     "楼栋-楼层-房间，例如 001-01-0101"),
    ("the lock's MAC", "o MAC da fechadura", "门锁的 MAC"),
    ("the plan's next door", "a próxima porta do plano", "计划中的下一扇门"),
    ("confirm: the lock loses its admin and every key",
     "confirma: a fechadura perde o administrador e todas as chaves",
     "确认：门锁会失去管理员和所有钥匙"),
    ("add doors from a CSV (room,mac) or the cloud",
     "acrescenta portas de um CSV (room,mac) ou da nuvem", "从 CSV（room,mac）或门锁云添加门"),
    ("how far the plan is; every door with --all",
     "como está o plano; todas as portas com --all", "计划进度；加 --all 列出每扇门"),
    ("a CSV file with columns room,mac", "um arquivo CSV com as colunas room,mac",
     "含 room,mac 两列的 CSV 文件"),
    ("the lock cloud's room directory", "a lista de quartos da nuvem das fechaduras",
     "门锁云的房间目录"),
    ("only doors with this status", "só as portas com este status", "只列出此状态的门"),
    ("list the doors too", "lista também as portas", "同时列出各扇门"),
    ("folder for the report", "pasta do relatório", "报告所在文件夹"),
    ("an earlier visit's CSV to compare with", "o CSV de uma visita anterior para comparar",
     "用来对比的上次现场 CSV"),
    ("site name for the heading", "nome do local para o título", "标题中的现场名称"),
    ("en, pt-BR or zh-CN (default: the UI language)",
     "en, pt-BR ou zh-CN (padrão: o idioma da interface)", "en、pt-BR 或 zh-CN（默认：界面语言）"),
    # keydesk operators
    ("Operator accounts and their roles: clerk, manager, technician, admin.",
     "Contas de operador e seus papéis: clerk (recepcionista), manager (gerente), technician "
     "(técnico), admin (administrador).",
     "操作员账号及其角色：clerk（前台）、manager（经理）、technician（技术员）、admin（管理员）。"),
    ("every account and its role", "todas as contas e seus papéis", "所有账号及其角色"),
    ("add an account (the first: an admin)", "cria uma conta (a primeira: um admin)",
     "添加账号（第一个必须是 admin）"),
    ("set an account's password or PIN", "define a senha ou o PIN de uma conta",
     "设置账号的密码或 PIN"),
    ("change an account's role", "muda o papel de uma conta", "更改账号的角色"),
    ("remove an account", "remove uma conta", "删除账号"),
    ("lock the desk after MINUTES idle", "bloqueia o balcão depois de MINUTES minutos parado",
     "空闲 MINUTES 分钟后锁定前台"),
    ("set a damaged or hand-edited accounts file aside (kept)",
     "põe de lado (guardado) um arquivo de contas danificado ou editado à mão",
     "把损坏或被手工改过的账号文件移到一边（保留）"),
    ("0 turns the idle lock off (at most 1440, a day)",
     "0 desliga o bloqueio por inatividade (no máximo 1440, um dia)",
     "0 表示关闭空闲锁定（最多 1440，即一天）"),
    # keydesk audit
    ("The tamper-evident audit trail of every desk action.",
     "A auditoria à prova de adulteração de cada ação do balcão.",
     "前台每项操作的防篡改审计记录。"),
    ("check every row's seal; name the first broken link",
     "confere o selo de cada linha; aponta o primeiro elo quebrado",
     "校验每条记录的封印；指出第一处断开的环节"),
    ("show rows, newest first", "mostra as linhas, as mais novas primeiro", "显示记录，最新的在前"),
    ("write rows to a CSV file", "grava as linhas num arquivo CSV", "把记录写入 CSV 文件"),
    ("only this operator's rows", "só as linhas deste operador", "只看此操作员的记录"),
    ("only rows about this room", "só as linhas sobre este quarto", "只看与此房间有关的记录"),
    ("only actions starting so (card., cloud.unlock)",
     "só as ações que começam assim (card., cloud.unlock)",
     "只看以此开头的操作（card.、cloud.unlock）"),
    ("from this time (ISO, PC time unless it has a zone)",
     "a partir desta hora (ISO, hora do computador se não tiver fuso)",
     "从此时间起（ISO；不带时区时为本机时间）"),
    ("before this time (ISO)", "antes desta hora (ISO)", "此时间之前（ISO）"),
    ("the CSV file to write", "o arquivo CSV a gravar", "要写入的 CSV 文件"),
    ("show this desk's audit chain key (its fingerprint)",
     "mostra a chave da auditoria deste balcão (sua impressão digital)",
     "显示本前台的审计记录密钥（其指纹）"),
    ("The audit chain key every desk of a site must share: its fingerprint, the key itself "
     "(--reveal), or store the site's key here (set).",
     "A chave da auditoria que todos os balcões de um local compartilham: sua impressão "
     "digital, a própria chave (--reveal), ou guarde aqui a chave do local (set).",
     "本现场所有前台必须共用的审计记录密钥：其指纹、密钥本身（--reveal），或在本机存入本现场的密钥（set）。"),
    ("also print the key itself (admin), to type on the other desks",
     "mostra também a própria chave (administrador), para digitá-la nos outros balcões",
     "同时显示密钥本身（管理员），以便在其他前台输入"),
    ("store the site's key on this desk (typed, or one line from a pipe)",
     "guarda a chave do local neste balcão (digitada, ou uma linha de um pipe)",
     "在本前台存入本现场的密钥（手动输入，或从管道读取一行）"),
    ("replace a different key whose seals this desk's trail holds",
     "substitui outra chave cujos selos a auditoria deste balcão guarda",
     "替换本前台审计记录中已用于封印的另一个密钥"),
    # keydesk store
    ("Work with the event store: the event database (events.sqlite3) or the site store.",
     "Trabalha com o armazenamento de eventos: o banco de eventos (events.sqlite3) ou o "
     "banco do hotel.", "处理事件存储：事件数据库（events.sqlite3）或酒店数据库。"),
    ("test the site store (PostgreSQL) this desk is set to use",
     "testa o banco do hotel (PostgreSQL) que este balcão está configurado para usar",
     "测试本前台设置使用的酒店数据库（PostgreSQL）"),
    ("Connect to the site store (--url, else KEYDESK_STORE_URL, else Settings → Store) with "
     "the password in the keyring, and say what it holds. Nothing is written. Exits 1 when "
     "it cannot be used.",
     "Conecta ao banco do hotel (--url, senão KEYDESK_STORE_URL, senão Configurações → "
     "Armazenamento) com a senha do chaveiro, e diz o que ele guarda. Nada é gravado. Sai "
     "com 1 quando ele não pode ser usado.",
     "用钥匙串中的密码连接酒店数据库（--url，否则 KEYDESK_STORE_URL，否则“设置 → 数据存储”），"
     "并说明其中保存的内容。不写入任何内容。无法使用时退出码为 1。"),
    ("the address to test (postgresql://user@host/db)",
     "o endereço a testar (postgresql://usuário@servidor/banco)",
     "要测试的地址（postgresql://用户@主机/数据库）"),
    ("full integrity check of the event database",
     "verificação completa da integridade do banco de eventos", "全面检查事件数据库的完整性"),
    ("Run SQLite's full integrity_check on the event database. A damaged file is kept "
     "untouched; the next start of KeyDesk sets it aside and continues in a fresh file. "
     "Exits 1 when damaged or when the check could not run.",
     "Roda o integrity_check completo do SQLite no banco de eventos. Um arquivo danificado "
     "fica intacto; na próxima vez que abrir, o KeyDesk o põe de lado e continua num arquivo "
     "novo. Sai com 1 quando está danificado ou quando não foi possível verificar.",
     "对事件数据库运行 SQLite 的完整 integrity_check。损坏的文件原样保留；KeyDesk 下次启动时"
     "把它移到一边并使用新文件。文件损坏或无法检查时退出码为 1。"),
    ("database file (default: the desk's own)", "arquivo do banco (padrão: o deste balcão)",
     "数据库文件（默认：本前台自己的）"),
    ("print every event the store announces, live",
     "mostra ao vivo cada evento que o armazenamento anuncia",
     "实时打印存储发布的每条事件"),
    ("Print each event as the store announces it (on the site store: the events of every "
     "desk), one line each, and the store's state on stderr.",
     "Mostra cada evento quando o armazenamento o anuncia (no banco do hotel: os eventos de "
     "todos os balcões), um por linha, e o estado do armazenamento no stderr.",
     "在存储发布事件时逐条打印，每条一行（使用酒店数据库时：所有前台的事件），并在 stderr "
     "上显示存储的状态。"),
    ("also stream this desk's readers (Settings) into the store",
     "também transmite os leitores deste balcão (Configurações) para o armazenamento",
     "同时把本前台的门禁读头（设置中的）事件流写入存储"),
    ("stop after S seconds", "para depois de S segundos", "S 秒后停止"),
    ("one JSON line per event", "uma linha JSON por evento", "每条事件一行 JSON"),
    ("language of the message (en, pt-BR, zh-CN, any case)",
     "idioma da mensagem (en, pt-BR, zh-CN, maiúsculas ou minúsculas)",
     "消息的语言（en、pt-BR、zh-CN，大小写均可）"),
]


def _table(entries: list[tuple[str, str, str]]) -> Phrases:
    return {en: {"en": en, "pt-BR": pt, "zh-CN": zh} for en, pt, zh in entries}


HELP: Phrases = _table(ENTRIES)
_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    parts = _FIELD.split(template)  # text, name, text, name, ...
    return re.compile("".join(
        f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    ) + r"\Z", re.DOTALL)


TEMPLATES = [(_pattern(en), en) for en in HELP if _FIELD.search(en)]


def find(text: str) -> tuple[str, dict[str, str]] | None:
    """The table key saying ``text`` and the values filling it, or None."""
    if text in HELP:
        return text, {}
    for pattern, key in TEMPLATES:
        found = pattern.match(text)
        if found:
            return key, found.groupdict()
    return None


def help_text(text: str, lang: str | None = None) -> str:
    """``text`` (an English help text or description) in ``lang`` (None: the preferred
    language); as it is when the table does not have it."""
    found = find(text)
    if found is None:
        return text
    key, values = found
    out = phrase(HELP, key, lang)
    # str.replace, not format: a help text may hold argparse's %(default)s.
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out
