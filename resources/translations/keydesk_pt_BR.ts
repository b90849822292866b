<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
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
</TS>
