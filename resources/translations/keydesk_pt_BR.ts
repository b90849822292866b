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
</TS>
