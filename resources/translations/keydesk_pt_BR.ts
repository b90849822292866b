<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>About</name>
    <message>
        <source>Card encoding, lock commissioning, lock-cloud keys and live access monitoring for hotel and apartment front desks.</source>
        <translation>Gravação de cartões, instalação de fechaduras, chaves da nuvem das fechaduras e monitoramento de acessos ao vivo para recepções de hotéis e apartamentos.</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Licença: {licence}</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Feito com:</translation>
    </message>
    <message>
        <source>About KeyDesk</source>
        <translation>Sobre o KeyDesk</translation>
    </message>
</context>
<context>
    <name>ActionsCell</name>
    <message>
        <source>Set clock</source>
        <translation>Acertar relógio</translation>
    </message>
    <message>
        <source>Set {reader}&apos;s clock to this PC&apos;s time</source>
        <translation>Acertar o relógio de {reader} pela hora deste computador</translation>
    </message>
    <message>
        <source>Open door…</source>
        <translation>Abrir porta…</translation>
    </message>
    <message>
        <source>Open a door of {reader} remotely (asks first)</source>
        <translation>Abrir uma porta de {reader} a distância (pergunta antes)</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Alarm</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Ciente</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>Confirmar que viu o alarme</translation>
    </message>
    <message>
        <source>{reader}, door {door}</source>
        <translation>{reader}, porta {door}</translation>
    </message>
    <message>
        <source>⚠ {what} — {where} at {time}</source>
        <translation>⚠ {what} — {where} às {time}</translation>
    </message>
    <message>
        <source>(+{more} more)</source>
        <translation>(+{more} outros)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>any room</source>
        <translation>qualquer quarto</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Verificar a cadeia</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Could not write the file: {reason}. Choose another folder.</source>
        <translation>Não foi possível gravar o arquivo: {reason}. Escolha outra pasta.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; it is in the log.</source>
        <translation>Algo inesperado deu errado; está registrado no log.</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>Lendo a auditoria…</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>{count} rows, newest first.</source>
        <translation>{count} linhas, as mais recentes primeiro.</translation>
    </message>
    <message>
        <source>Only the newest {limit} are shown: narrow the filters, or export them all.</source>
        <translation>Só as {limit} mais recentes aparecem: refine os filtros ou exporte todas.</translation>
    </message>
    <message>
        <source>Checking every row&apos;s seal…</source>
        <translation>Conferindo o selo de cada linha…</translation>
    </message>
    <message>
        <source>The audit trail is intact: {count} rows, every link checked.</source>
        <translation>A auditoria está íntegra: {count} linhas, todos os elos conferidos.</translation>
    </message>
    <message>
        <source>First broken link: row {row}.</source>
        <translation>Primeiro elo quebrado: linha {row}.</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar a auditoria</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>{count} linhas gravadas em {path}.</translation>
    </message>
    <message>
        <source>Writing the CSV file…</source>
        <translation>Gravando o arquivo CSV…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>nº</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Card / key / device</source>
        <translation>Cartão / chave / aparelho</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Card issued</source>
        <translation>Cartão emitido</translation>
    </message>
    <message>
        <source>Card copied</source>
        <translation>Cartão copiado</translation>
    </message>
    <message>
        <source>Card wiped</source>
        <translation>Cartão apagado</translation>
    </message>
    <message>
        <source>Card read</source>
        <translation>Cartão lido</translation>
    </message>
    <message>
        <source>Encoder and card looked at</source>
        <translation>Gravador e cartão consultados</translation>
    </message>
    <message>
        <source>Card number read</source>
        <translation>Número do cartão lido</translation>
    </message>
    <message>
        <source>Serial trace</source>
        <translation>Rastreamento serial</translation>
    </message>
    <message>
        <source>Ports probed</source>
        <translation>Portas testadas</translation>
    </message>
    <message>
        <source>Cloud connection tested</source>
        <translation>Conexão com a nuvem testada</translation>
    </message>
    <message>
        <source>Room list read</source>
        <translation>Lista de quartos consultada</translation>
    </message>
    <message>
        <source>Guest key made</source>
        <translation>Chave de hóspede criada</translation>
    </message>
    <message>
        <source>Guest key number</source>
        <translation>Número da chave de hóspede</translation>
    </message>
    <message>
        <source>Guest key fetched</source>
        <translation>Chave de hóspede obtida</translation>
    </message>
    <message>
        <source>Bluetooth key made</source>
        <translation>Chave Bluetooth criada</translation>
    </message>
    <message>
        <source>Guest key cancelled</source>
        <translation>Chave de hóspede cancelada</translation>
    </message>
    <message>
        <source>Key reported lost</source>
        <translation>Perda de chave declarada</translation>
    </message>
    <message>
        <source>RF card issued</source>
        <translation>Cartão RF emitido</translation>
    </message>
    <message>
        <source>RF card read</source>
        <translation>Cartão RF lido</translation>
    </message>
    <message>
        <source>RF card logged out</source>
        <translation>Cartão RF desativado</translation>
    </message>
    <message>
        <source>Door opened remotely</source>
        <translation>Porta aberta remotamente</translation>
    </message>
    <message>
        <source>Door log read</source>
        <translation>Registro da porta consultado</translation>
    </message>
    <message>
        <source>Reader access given</source>
        <translation>Acesso no leitor liberado</translation>
    </message>
    <message>
        <source>Reader access taken away</source>
        <translation>Acesso no leitor retirado</translation>
    </message>
    <message>
        <source>Card enrolled on a reader</source>
        <translation>Cartão cadastrado no leitor</translation>
    </message>
    <message>
        <source>Card removed from a reader</source>
        <translation>Cartão removido do leitor</translation>
    </message>
    <message>
        <source>Reader clock set</source>
        <translation>Relógio do leitor acertado</translation>
    </message>
    <message>
        <source>Reader door opened</source>
        <translation>Porta do leitor aberta</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Entrou</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Saiu</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Balcão bloqueado</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Operador incluído</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Senha alterada</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Função alterada</translation>
    </message>
    <message>
        <source>Operator removed</source>
        <translation>Operador removido</translation>
    </message>
    <message>
        <source>Idle lock changed</source>
        <translation>Bloqueio por inatividade alterado</translation>
    </message>
    <message>
        <source>Operators listed</source>
        <translation>Operadores listados</translation>
    </message>
    <message>
        <source>Operators file set aside</source>
        <translation>Arquivo de operadores posto de lado</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Configurações alteradas</translation>
    </message>
    <message>
        <source>Audit trail viewed</source>
        <translation>Auditoria consultada</translation>
    </message>
    <message>
        <source>Audit trail listed</source>
        <translation>Auditoria listada</translation>
    </message>
    <message>
        <source>Audit trail checked</source>
        <translation>Auditoria verificada</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Auditoria exportada</translation>
    </message>
    <message>
        <source>Events exported</source>
        <translation>Eventos exportados</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>Alarme reconhecido</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Todas as ações</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cartões</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Leitores</translation>
    </message>
    <message>
        <source>Bluetooth locks</source>
        <translation>Fechaduras Bluetooth</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Auditoria</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Qualquer resultado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Feito</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Recusado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Lock: {step}</source>
        <translation>Fechadura: {step}</translation>
    </message>
    <message>
        <source>Failed: unexpected error ({name})</source>
        <translation>Falhou: erro inesperado ({name})</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>S&amp;witch operator…</source>
        <translation>&amp;Trocar operador…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Bloquear o balcão</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Single-operator desk ({name})</source>
        <translation>Balcão de um só operador ({name})</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Conectado: {name} ({role})</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Ninguém conectado</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>recepcionista</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
</context>
<context>
    <name>DeviceActions</name>
    <message>
        <source>clock set to this PC&apos;s time ({time}); drift now {drift}.</source>
        <translation>relógio acertado pela hora deste computador ({time}); diferença agora: {drift}.</translation>
    </message>
    <message>
        <source>setting the clock to this PC&apos;s time…</source>
        <translation>acertando o relógio pela hora deste computador…</translation>
    </message>
    <message>
        <source>Open door</source>
        <translation>Abrir porta</translation>
    </message>
    <message>
        <source>Open a door of {reader} now?</source>
        <translation>Abrir agora uma porta de {reader}?</translation>
    </message>
    <message>
        <source>The door unlocks at once: whoever is there can walk in. This is recorded in the audit trail.</source>
        <translation>A porta destrava na hora: quem estiver lá pode entrar. Isso fica registrado na auditoria.</translation>
    </message>
    <message>
        <source>Open door {door}</source>
        <translation>Abrir a porta {door}</translation>
    </message>
    <message>
        <source>{reader}: no door opened (cancelled).</source>
        <translation>{reader}: nenhuma porta aberta (cancelado).</translation>
    </message>
    <message>
        <source>door {door} opened.</source>
        <translation>porta {door} aberta.</translation>
    </message>
    <message>
        <source>opening door {door}…</source>
        <translation>abrindo a porta {door}…</translation>
    </message>
</context>
<context>
    <name>DeviceStatusBar</name>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>com falha</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <source>Bluetooth</source>
        <translation>Bluetooth</translation>
    </message>
    <message>
        <source>{name} status</source>
        <translation>Situação de {name}</translation>
    </message>
</context>
<context>
    <name>DeviceStatusTable</name>
    <message>
        <source>Device</source>
        <translation>Aparelho</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Último sinal de vida</translation>
    </message>
    <message>
        <source>Clock drift</source>
        <translation>Diferença do relógio</translation>
    </message>
    <message>
        <source>Doors</source>
        <translation>Portas</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Ações</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Último evento</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● online</translation>
    </message>
    <message>
        <source>… connecting</source>
        <translation>… conectando</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ com falha</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ offline</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>há {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>há {n} min</translation>
    </message>
    <message>
        <source> — set the reader&apos;s clock</source>
        <translation> — acerte o relógio do leitor</translation>
    </message>
    <message>
        <source>open</source>
        <translation>aberta</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fechada</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>Situação dos aparelhos</translation>
    </message>
</context>
<context>
    <name>DoorLogPanel</name>
    <message>
        <source>Dates and times are the community&apos;s: {zone}</source>
        <translation>Datas e horários são os da comunidade: {zone}</translation>
    </message>
    <message>
        <source>Opened at ({zone})</source>
        <translation>Aberta em ({zone})</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chave</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Como</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Portador</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leitor</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Person / card</source>
        <translation>Pessoa / cartão</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Forma de abertura</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <source>{name} (user {user})</source>
        <translation>{name} (usuário {user})</translation>
    </message>
    <message>
        <source>user {user}</source>
        <translation>usuário {user}</translation>
    </message>
    <message>
        <source>card {card}</source>
        <translation>cartão {card}</translation>
    </message>
    <message>
        <source>method {method}</source>
        <translation>forma {method}</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Liberado</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Recusado</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>Não abriu</translation>
    </message>
    <message>
        <source>{verdict} — {reason} ({code}): {explanation}; {action}</source>
        <translation>{verdict} — {reason} ({code}): {explanation}; {action}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sem motivo informado</translation>
    </message>
    <message>
        <source>Door opened</source>
        <translation>Porta aberta</translation>
    </message>
    <message>
        <source>Door closed</source>
        <translation>Porta fechada</translation>
    </message>
    <message>
        <source>(ended)</source>
        <translation>(terminou)</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>ALARME</translation>
    </message>
    <message>
        <source>Fetched from the reader&apos;s own log after a gap in the live stream.</source>
        <translation>Buscado no registro do próprio leitor depois de uma falha na transmissão ao vivo.</translation>
    </message>
    <message>
        <source>Raw: {raw}</source>
        <translation>Dados brutos: {raw}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All sources</source>
        <translation>Todas as origens</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Leitores</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Fechaduras</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Nuvem</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>Todos os resultados</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Liberados</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Recusados</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmes</translation>
    </message>
    <message>
        <source>Device filter</source>
        <translation>Filtro de aparelho</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Todos os aparelhos</translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation>Filtro de origem</translation>
    </message>
    <message>
        <source>Result filter</source>
        <translation>Filtro de resultado</translation>
    </message>
    <message>
        <source>Search card, name, code…</source>
        <translation>Buscar cartão, nome, código…</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Buscar eventos</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <source>No desk tools are installed.</source>
        <translation>Nenhuma ferramenta de recepção está instalada.</translation>
    </message>
</context>
<context>
    <name>FrontDeskTabs</name>
    <message>
        <source>Cards</source>
        <translation>Cartões</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Quartos</translation>
    </message>
    <message>
        <source>Guest keys</source>
        <translation>Chaves de hóspede</translation>
    </message>
    <message>
        <source>RF cards</source>
        <translation>Cartões RF</translation>
    </message>
    <message>
        <source>Door log and unlock</source>
        <translation>Registro da porta e abertura</translation>
    </message>
    <message>
        <source>Lobby access</source>
        <translation>Acesso ao saguão</translation>
    </message>
</context>
<context>
    <name>GuestKeysPanel</name>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>Horários da comunidade: {zone}</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Cancelado antes de começar.</translation>
    </message>
</context>
<context>
    <name>LiveEventTable</name>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>The desk is locked.</source>
        <translation>O balcão está bloqueado.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Entrar…</translation>
    </message>
</context>
<context>
    <name>LocksPage</name>
    <message>
        <source>Scan</source>
        <translation>Procurar</translation>
    </message>
    <message>
        <source>I am at this door (wake it)</source>
        <translation>Estou nesta porta (acordar)</translation>
    </message>
    <message>
        <source>Simulated site: touch the chosen door&apos;s lock so it advertises</source>
        <translation>Local simulado: toca a fechadura da porta escolhida para que ela anuncie</translation>
    </message>
    <message>
        <source>Plan from the cloud</source>
        <translation>Plano da nuvem</translation>
    </message>
    <message>
        <source>Plan from a CSV…</source>
        <translation>Plano de um CSV…</translation>
    </message>
    <message>
        <source>Write the site report</source>
        <translation>Gerar o relatório do local</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Abrir o relatório</translation>
    </message>
    <message>
        <source>Locks nearby</source>
        <translation>Fechaduras por perto</translation>
    </message>
    <message>
        <source>All doors</source>
        <translation>Todas as portas</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>A fazer</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Com falha</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>Revisitar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluídas</translation>
    </message>
    <message>
        <source>Site plan</source>
        <translation>Plano do local</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Choose a door in the plan or a lock nearby.</source>
        <translation>Escolha uma porta no plano ou uma fechadura por perto.</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>Instalar</translation>
    </message>
    <message>
        <source>Test open</source>
        <translation>Testar abertura</translation>
    </message>
    <message>
        <source>Set clock</source>
        <translation>Acertar relógio</translation>
    </message>
    <message>
        <source>Read log</source>
        <translation>Ler registro</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v de %m etapas</translation>
    </message>
    <message>
        <source>This door</source>
        <translation>Esta porta</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Fechaduras</translation>
    </message>
    <message>
        <source>Radio: simulated site at %1</source>
        <translation>Rádio: local simulado em %1</translation>
    </message>
    <message>
        <source>Radio: this PC&apos;s Bluetooth</source>
        <translation>Rádio: o Bluetooth deste PC</translation>
    </message>
    <message>
        <source>No site plan</source>
        <translation>Sem plano do local</translation>
    </message>
    <message>
        <source>%1 of %2 doors</source>
        <translation>%1 de %2 portas</translation>
    </message>
    <message>
        <source>next: %1</source>
        <translation>próxima: %1</translation>
    </message>
    <message>
        <source>Reading the cloud&apos;s room directory…</source>
        <translation>Lendo o diretório de quartos da nuvem…</translation>
    </message>
    <message>
        <source>Site plan (CSV: room,mac)</source>
        <translation>Plano do local (CSV: room,mac)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 doors in the plan.</source>
        <translation>%1 portas no plano.</translation>
    </message>
    <message>
        <source>not in the site list</source>
        <translation>fora da lista do local</translation>
    </message>
    <message>
        <source>Door: %1 (lock %2)</source>
        <translation>Porta: %1 (fechadura %2)</translation>
    </message>
    <message>
        <source>Scanning… wake the lock if it is not in the list.</source>
        <translation>Procurando… acorde a fechadura se ela não estiver na lista.</translation>
    </message>
    <message>
        <source>%1 locks advertising.</source>
        <translation>%1 fechaduras anunciando.</translation>
    </message>
    <message>
        <source>No lock is advertising: touch the lock&apos;s keypad to wake it, stand close, and scan again.</source>
        <translation>Nenhuma fechadura está anunciando: toque no teclado da fechadura para acordá-la, fique perto e procure de novo.</translation>
    </message>
    <message>
        <source>The lock of %1 is awake.</source>
        <translation>A fechadura de %1 está acordada.</translation>
    </message>
    <message>
        <source>Working on %1…</source>
        <translation>Trabalhando em %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>%1: every step passed.</source>
        <translation>%1: todas as etapas passaram.</translation>
    </message>
    <message>
        <source>%1 works but needs a revisit: </source>
        <translation>%1 funciona, mas precisa de revisita: </translation>
    </message>
    <message>
        <source>Cancelled. The lock: %1</source>
        <translation>Cancelado. A fechadura: %1</translation>
    </message>
    <message>
        <source>Site report written: %1</source>
        <translation>Relatório do local gerado: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KeyDesk — demo (simulated devices)</source>
        <translation>KeyDesk — demonstração (aparelhos simulados)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir a pasta de &amp;logs</translation>
    </message>
    <message>
        <source>&amp;About KeyDesk {version}</source>
        <translation>&amp;Sobre o KeyDesk {version}</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <source>Load older</source>
        <translation>Carregar anteriores</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Select an event to read it in full.</source>
        <translation>Selecione um evento para ler tudo.</translation>
    </message>
    <message>
        <source>Explain this code</source>
        <translation>Explicar este código</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>the event store did not open</source>
        <translation>o banco de eventos não abriu</translation>
    </message>
    <message>
        <source>nothing older in the store</source>
        <translation>nada mais antigo no banco</translation>
    </message>
    <message>
        <source>{shown} events shown</source>
        <translation>{shown} eventos na tela</translation>
    </message>
    <message>
        <source>({skipped} skipped while busy: in the store)</source>
        <translation>({skipped} pulados durante o pico: estão no banco)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Exportar eventos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {n} events to {path}</source>
        <translation>{n} eventos exportados para {path}</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Front desk</source>
        <translation>Recepção</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Fechaduras</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar códigos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoria</translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>a fazer</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>revisit</source>
        <translation>revisitar</translation>
    </message>
</context>
<context>
    <name>ReaderAccessPanel</name>
    <message>
        <source>doors: numbers from 1, e.g. &apos;1&apos; or &apos;1, 2&apos; (got {text})</source>
        <translation>portas: números a partir de 1, ex.: &apos;1&apos; ou &apos;1, 2&apos; (veio {text})</translation>
    </message>
    <message>
        <source>card UID in hex, e.g. 12EA3004</source>
        <translation>UID do cartão em hexadecimal, ex.: 12EA3004</translation>
    </message>
    <message>
        <source>Capture from encoder</source>
        <translation>Ler no codificador</translation>
    </message>
    <message>
        <source>Reads the UID of the card lying on the local USB encoder (the Cards tab&apos;s encoder).</source>
        <translation>Lê o UID do cartão que está sobre o codificador USB deste computador (o da aba Cartões).</translation>
    </message>
    <message>
        <source>shown on the reader&apos;s access events</source>
        <translation>aparece nos eventos de acesso do leitor</translation>
    </message>
    <message>
        <source>e.g. 101</source>
        <translation>ex.: 101</translation>
    </message>
    <message>
        <source>Door numbers on each chosen reader (1 = its first door).</source>
        <translation>Números das portas em cada leitor escolhido (1 = a primeira porta).</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>Guest card</source>
        <translation>Cartão do hóspede</translation>
    </message>
    <message>
        <source>Card UID</source>
        <translation>UID do cartão</translation>
    </message>
    <message>
        <source>Guest name</source>
        <translation>Nome do hóspede</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Estadia</translation>
    </message>
    <message>
        <source>Doors</source>
        <translation>Portas</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Leitores</translation>
    </message>
    <message>
        <source>No access readers are configured: add them in Settings.</source>
        <translation>Nenhum leitor de acesso configurado: inclua-os nas Configurações.</translation>
    </message>
    <message>
        <source>Give access</source>
        <translation>Liberar acesso</translation>
    </message>
    <message>
        <source>Take access away</source>
        <translation>Retirar acesso</translation>
    </message>
    <message>
        <source>Result per reader</source>
        <translation>Resultado por leitor</translation>
    </message>
    <message>
        <source>No local encoder: type the card&apos;s UID.</source>
        <translation>Sem codificador neste computador: digite o UID do cartão.</translation>
    </message>
    <message>
        <source>Card {uid} captured on the encoder.</source>
        <translation>Cartão {uid} lido no codificador.</translation>
    </message>
    <message>
        <source>Reading the card on the encoder…</source>
        <translation>Lendo o cartão no codificador…</translation>
    </message>
    <message>
        <source>Giving card {card} access…</source>
        <translation>Liberando acesso ao cartão {card}…</translation>
    </message>
    <message>
        <source>Access given on {good} of {total} readers.</source>
        <translation>Acesso liberado em {good} de {total} leitores.</translation>
    </message>
    <message>
        <source>Taking card {card}&apos;s access away…</source>
        <translation>Retirando o acesso do cartão {card}…</translation>
    </message>
    <message>
        <source>Access taken away on {good} of {total} readers.</source>
        <translation>Acesso retirado em {good} de {total} leitores.</translation>
    </message>
    <message>
        <source>tick at least one reader</source>
        <translation>marque pelo menos um leitor</translation>
    </message>
    <message>
        <source>{reader}: working…</source>
        <translation>{reader}: trabalhando…</translation>
    </message>
    <message>
        <source>See the failures below.</source>
        <translation>Veja as falhas abaixo.</translation>
    </message>
</context>
<context>
    <name>RfCardsPanel</name>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>Horários da comunidade: {zone}</translation>
    </message>
</context>
<context>
    <name>ScanList</name>
    <message>
        <source>Signal</source>
        <translation>Sinal</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Família</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>Bateria</translation>
    </message>
    <message>
        <source>Setting mode</source>
        <translation>Modo de configuração</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>not in the site list</source>
        <translation>fora da lista do local</translation>
    </message>
</context>
<context>
    <name>SettingsBanner</name>
    <message>
        <source>Open Settings</source>
        <translation>Abrir configurações</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Endereço base (URL)</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID (conta)</translation>
    </message>
    <message>
        <source>Community number</source>
        <translation>Número da comunidade</translation>
    </message>
    <message>
        <source>Card issuer MAC</source>
        <translation>MAC do codificador da nuvem</translation>
    </message>
    <message>
        <source>Operator area code</source>
        <translation>DDI do operador</translation>
    </message>
    <message>
        <source>Operator mobile</source>
        <translation>Celular do operador</translation>
    </message>
    <message>
        <source>Community time zone</source>
        <translation>Fuso horário da comunidade</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token (chave de acesso)</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>Senha do operador</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Keep events for</source>
        <translation>Guardar eventos por</translation>
    </message>
    <message>
        <source>Card encoder</source>
        <translation>Codificador de cartões</translation>
    </message>
    <message>
        <source>automatic (by USB identity), or COM3, /dev/ttyUSB0, socket://host:port</source>
        <translation>automático (pela identificação USB), ou COM3, /dev/ttyUSB0, socket://host:porta</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta serial</translation>
    </message>
    <message>
        <source>Write a hex trace of every byte (for support)</source>
        <translation>Gravar cada byte em hexadecimal (para o suporte)</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
    </message>
    <message>
        <source>Bluetooth locks</source>
        <translation>Fechaduras Bluetooth</translation>
    </message>
    <message>
        <source>your name, for the site report and the locks&apos; logs</source>
        <translation>seu nome, para o relatório do local e os registros das fechaduras</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>empty: this PC&apos;s Bluetooth; HOST:PORT: a keydesk sim lock site (training)</source>
        <translation>vazio: o Bluetooth deste computador; HOST:PORTA: um local simulado do keydesk sim lock (treinamento)</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Rádio</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Salvar configurações</translation>
    </message>
    <message>
        <source>Test lock-cloud connection</source>
        <translation>Testar a conexão com a nuvem</translation>
    </message>
    <message>
        <source>no system keyring available</source>
        <translation>sem cofre de senhas do sistema</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>guardado no cofre de senhas do sistema (digite para trocar)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
    <message>
        <source>The window speaks {language} from the next start of KeyDesk (close it and open it again); explanations already do.</source>
        <translation>A janela passa a falar {language} na próxima vez que o KeyDesk abrir (feche e abra de novo); as explicações já mudaram.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to KeyDesk</source>
        <translation>Entrar no KeyDesk</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Senha ou PIN</translation>
    </message>
    <message>
        <source>Demo operators, to try each role:</source>
        <translation>Operadores de demonstração, para experimentar cada função:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Quit KeyDesk</source>
        <translation>Sair do KeyDesk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>recepcionista</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>técnico</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>O balcão está bloqueado</translation>
    </message>
    <message>
        <source>{name} was signed in. Type the password to carry on, or another operator can sign in.</source>
        <translation>{name} estava conectado. Digite a senha para continuar, ou outro operador pode entrar.</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>Trocar operador</translation>
    </message>
    <message>
        <source>The next operator signs in; everything they do is recorded under their name.</source>
        <translation>O próximo operador entra; tudo o que fizer fica registrado no nome dele.</translation>
    </message>
    <message>
        <source>Who is at the desk?</source>
        <translation>Quem está no balcão?</translation>
    </message>
    <message>
        <source>Sign in with your name and password or PIN. Everything you do is recorded under your name.</source>
        <translation>Entre com seu nome e senha ou PIN. Tudo o que você fizer fica registrado no seu nome.</translation>
    </message>
    <message>
        <source>Type your name and your password or PIN.</source>
        <translation>Digite seu nome e sua senha ou PIN.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Conferindo…</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; it is in the log.</source>
        <translation>Algo inesperado deu errado; está registrado no log.</translation>
    </message>
    <message>
        <source>Try again in {seconds} s.</source>
        <translation>Tente de novo em {seconds} s.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por quê</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Initialise</source>
        <translation>Inicializar</translation>
    </message>
    <message>
        <source>Admin login</source>
        <translation>Login de administrador</translation>
    </message>
    <message>
        <source>Tie to its room</source>
        <translation>Ligar ao quarto</translation>
    </message>
    <message>
        <source>Set the clock</source>
        <translation>Acertar o relógio</translation>
    </message>
    <message>
        <source>Prove it opens</source>
        <translation>Provar que abre</translation>
    </message>
    <message>
        <source>Find it in the log</source>
        <translation>Achar no registro</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>pulada</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>atenção</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em andamento</translation>
    </message>
</context>
<context>
    <name>StoreHealth</name>
    <message>
        <source>Check event &amp;database…</source>
        <translation>Verificar o banco de &amp;eventos…</translation>
    </message>
    <message>
        <source>Event database</source>
        <translation>Banco de eventos</translation>
    </message>
</context>
<context>
    <name>StoreHealthBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
</context>
<context>
    <name>entry</name>
    <message>
        <source>KeyDesk could not start: {reason}. The details are in the log in {folder}. Start it again; if this happens again, send that log to support.</source>
        <translation>O KeyDesk não conseguiu abrir: {reason}. Os detalhes estão no log em {folder}. Abra de novo; se acontecer outra vez, envie esse log ao suporte.</translation>
    </message>
</context>
</TS>
