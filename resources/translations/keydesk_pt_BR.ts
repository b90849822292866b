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
    <name>AccountDialog</name>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Nova senha para {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Senha ou PIN</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Repita</translation>
    </message>
    <message>
        <source>The first account is an admin: from now on everyone signs in, and this admin adds the others.</source>
        <translation>A primeira conta é de administrador: a partir de agora todos entram com nome e senha, e este administrador inclui os demais.</translation>
    </message>
    <message>
        <source>Type the operator&apos;s name.</source>
        <translation>Digite o nome do operador.</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>As duas senhas são diferentes: digite de novo.</translation>
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
        <source>The site store&apos;s server cannot be reached: this alarm can be acknowledged once it has reached the store.</source>
        <translation>O servidor do banco do hotel está inacessível: este alarme pode ser reconhecido quando chegar ao banco.</translation>
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
        <source>Shown: the rows this desk keeps until the server is back (kept: {count}; not yet numbered nor sealed in the site&apos;s trail; the filters do not apply to them).</source>
        <translation>Mostradas: as linhas que este balcão guarda até o servidor voltar (guardadas: {count}; ainda sem número nem selo na auditoria do hotel; os filtros não se aplicam a elas).</translation>
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
        <translation>Codificador e cartão consultados</translation>
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
        <source>Audit chain key viewed</source>
        <translation>Chave da auditoria consultada</translation>
    </message>
    <message>
        <source>Audit chain key shown</source>
        <translation>Chave da auditoria exibida</translation>
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
        <source>desk locked</source>
        <translation>recepção bloqueada</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Keep events for</source>
        <translation>Guardar eventos por</translation>
    </message>
    <message>
        <source>Encoder port</source>
        <translation>Porta do codificador</translation>
    </message>
    <message>
        <source>Encoder USB identity</source>
        <translation>Identificação USB do codificador</translation>
    </message>
    <message>
        <source>Encoder serial number</source>
        <translation>Número de série do codificador</translation>
    </message>
    <message>
        <source>Encoder hex trace</source>
        <translation>Registro hexadecimal do codificador</translation>
    </message>
    <message>
        <source>Card layout</source>
        <translation>Formato do cartão</translation>
    </message>
    <message>
        <source>Lock cloud address</source>
        <translation>Endereço da nuvem das fechaduras</translation>
    </message>
    <message>
        <source>Lock cloud account</source>
        <translation>Conta da nuvem das fechaduras</translation>
    </message>
    <message>
        <source>Community number</source>
        <translation>Número da comunidade</translation>
    </message>
    <message>
        <source>Card issuer MAC</source>
        <translation>MAC do emissor de cartões</translation>
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
        <source>Bluetooth radio</source>
        <translation>Rádio Bluetooth</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token (chave de acesso)</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>Senha do operador</translation>
    </message>
</context>
<context>
    <name>BluetoothSection</name>
    <message>
        <source>Commissioning Bluetooth locks from this PC (the Locks page).</source>
        <translation>Instalação de fechaduras Bluetooth a partir deste PC (a página Fechaduras).</translation>
    </message>
    <message>
        <source>empty: this PC&apos;s Bluetooth radio</source>
        <translation>vazio: o rádio Bluetooth deste PC</translation>
    </message>
    <message>
        <source>HOST:PORT of a simulated lock site (keydesk sim lock), for training</source>
        <translation>HOST:PORTA de um site de fechaduras simulado (keydesk sim lock), para treinamento</translation>
    </message>
    <message>
        <source>written in the site report and the locks&apos; logs</source>
        <translation>vai no relatório do site e nos registros das fechaduras</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Rádio</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Bluetooth</source>
        <translation>Bluetooth</translation>
    </message>
</context>
<context>
    <name>CardTray</name>
    <message>
        <source>Training card tray (demo)</source>
        <translation>Bandeja de cartões para treino (demonstração)</translation>
    </message>
    <message>
        <source>Put a blank card</source>
        <translation>Colocar cartão em branco</translation>
    </message>
    <message>
        <source>Take the card away</source>
        <translation>Tirar o cartão</translation>
    </message>
    <message>
        <source>Put back the first card</source>
        <translation>Recolocar o primeiro cartão</translation>
    </message>
    <message>
        <source>Blank card {uid} laid down.</source>
        <translation>Cartão em branco {uid} colocado.</translation>
    </message>
    <message>
        <source>Card {uid} is in the tray.</source>
        <translation>O cartão {uid} está na bandeja.</translation>
    </message>
    <message>
        <source>The tray is empty.</source>
        <translation>A bandeja está vazia.</translation>
    </message>
    <message>
        <source>Card {uid} is back on the encoder.</source>
        <translation>O cartão {uid} voltou ao codificador.</translation>
    </message>
</context>
<context>
    <name>ChainKeyRow</name>
    <message>
        <source>Show key…</source>
        <translation>Mostrar chave…</translation>
    </message>
    <message>
        <source>Show this desk&apos;s key, to type on the other desks of the site (an admin&apos;s; recorded)</source>
        <translation>Mostrar a chave deste balcão, para digitar nos outros balcões do local (do administrador; fica registrado)</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>Definir chave…</translation>
    </message>
    <message>
        <source>Type the key the site&apos;s first desk shows (an admin&apos;s; recorded)</source>
        <translation>Digitar a chave que o primeiro balcão do local mostra (do administrador; fica registrado)</translation>
    </message>
    <message>
        <source>fingerprint {fingerprint}: every desk of the site must show the same (Show key… on this desk, Set key… on the others)</source>
        <translation>impressão digital {fingerprint}: todos os balcões do local devem mostrar a mesma (Mostrar chave… neste balcão, Definir chave… nos outros)</translation>
    </message>
    <message>
        <source>none: this PC has no system keyring, so audit rows are written unsealed</source>
        <translation>nenhuma: este computador não tem chaveiro do sistema, então as linhas da auditoria são gravadas sem selo</translation>
    </message>
    <message>
        <source>This desk holds no key: this PC has no system keyring.</source>
        <translation>Este balcão não tem chave: este computador não tem chaveiro do sistema.</translation>
    </message>
    <message>
        <source>The key was shown; the audit trail records that it was.</source>
        <translation>A chave foi mostrada; a auditoria registra que foi.</translation>
    </message>
    <message>
        <source>Nothing changed: this desk keeps its key.</source>
        <translation>Nada mudou: este balcão mantém a sua chave.</translation>
    </message>
    <message>
        <source>That is not an audit chain key: type the 64 hex digits (0–9, a–f) the first desk shows.</source>
        <translation>Isso não é uma chave da auditoria: digite os 64 dígitos hexadecimais (0–9, a–f) que o primeiro balcão mostra.</translation>
    </message>
    <message>
        <source>This PC has no system keyring: the key cannot be kept here.</source>
        <translation>Este computador não tem chaveiro do sistema: a chave não pode ser guardada aqui.</translation>
    </message>
    <message>
        <source>This desk holds that key already (fingerprint {fingerprint}).</source>
        <translation>Este balcão já tem essa chave (impressão digital {fingerprint}).</translation>
    </message>
    <message>
        <source>Key stored (fingerprint {fingerprint}).</source>
        <translation>Chave guardada (impressão digital {fingerprint}).</translation>
    </message>
    <message>
        <source>The site store&apos;s trail uses it from the next start.</source>
        <translation>A auditoria do banco do hotel passa a usá-la a partir da próxima inicialização.</translation>
    </message>
    <message>
        <source>KEYDESK_AUDIT_KEY is set on this PC: that key is used instead.</source>
        <translation>KEYDESK_AUDIT_KEY está definida neste computador: é essa chave que é usada.</translation>
    </message>
    <message>
        <source>Set the audit chain key</source>
        <translation>Definir a chave da auditoria</translation>
    </message>
    <message>
        <source>The key the site&apos;s first desk shows (Settings → Store → Show key…):</source>
        <translation>A chave que o primeiro balcão do local mostra (Configurações → Armazenamento → Mostrar chave…):</translation>
    </message>
    <message>
        <source>Replace the audit chain key</source>
        <translation>Substituir a chave da auditoria</translation>
    </message>
    <message>
        <source>This desk&apos;s audit trail holds {rows} rows sealed with its key (fingerprint {fingerprint}). With another key, this desk can no longer check them. Replace it anyway?</source>
        <translation>A auditoria deste balcão tem {rows} linhas seladas com a sua chave (impressão digital {fingerprint}). Com outra chave, este balcão não poderá mais conferi-las. Substituir mesmo assim?</translation>
    </message>
    <message>
        <source>The audit chain key</source>
        <translation>A chave da auditoria</translation>
    </message>
    <message>
        <source>Type it on every other desk of the site (Settings → Store → Set key…). Anyone who has it can seal audit rows for this site: do not write it down where guests can see it.</source>
        <translation>Digite-a em cada um dos outros balcões do local (Configurações → Armazenamento → Definir chave…). Quem a tiver pode selar linhas da auditoria deste local: não a anote onde hóspedes possam ver.</translation>
    </message>
</context>
<context>
    <name>CloudForm</name>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Community number</source>
        <translation>Número da comunidade</translation>
    </message>
    <message>
        <source>Card issuer MAC</source>
        <translation>MAC do emissor de cartões</translation>
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
        <translation>Auth Token</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>Senha do operador</translation>
    </message>
    <message>
        <source>for RF cards, e.g. A4C138000D01</source>
        <translation>para cartões RF, ex.: A4C138000D01</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>One call per signing scheme and the operator&apos;s login, with the values as typed (nothing saved)</source>
        <translation>Uma chamada por esquema de assinatura e o login do operador, com os valores digitados (nada é salvo)</translation>
    </message>
    <message>
        <source>no system keyring available</source>
        <translation>nenhum chaveiro do sistema disponível</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>salvo no chaveiro do sistema (digite para trocar)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
    <message>
        <source>the operator&apos;s login works</source>
        <translation>o login do operador funciona</translation>
    </message>
    <message>
        <source>no operator login given (RF cards need the operator&apos;s mobile and password)</source>
        <translation>sem login de operador (os cartões RF precisam do celular e da senha do operador)</translation>
    </message>
    <message>
        <source>the operator&apos;s login could not be checked: the card issuer is offline</source>
        <translation>não foi possível conferir o login do operador: o emissor de cartões está desligado</translation>
    </message>
    <message>
        <source>Lock cloud OK: community {community}, {rooms} rooms in {buildings} buildings, card issuers: {issuers}; {operator}.</source>
        <translation>Nuvem das fechaduras OK: comunidade {community}, {rooms} quartos em {buildings} prédios, emissores de cartões: {issuers}; {operator}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Testing the lock cloud…</source>
        <translation>Testando a nuvem das fechaduras…</translation>
    </message>
</context>
<context>
    <name>CloudPage</name>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
    </message>
    <message>
        <source>The account of the lock cloud: the room directory, QR and Bluetooth keys, RF cards and door logs. Test checks it without saving anything.</source>
        <translation>A conta da nuvem das fechaduras: a lista de quartos, as chaves QR e Bluetooth, os cartões RF e os registros de porta. Testar confere a conta sem salvar nada.</translation>
    </message>
</context>
<context>
    <name>CloudPanel</name>
    <message>
        <source>Working…</source>
        <translation>Trabalhando…</translation>
    </message>
    <message>
        <source>{n} rooms loaded.</source>
        <translation>{n} quartos carregados.</translation>
    </message>
</context>
<context>
    <name>CloudSection</name>
    <message>
        <source>The lock-cloud account: the room directory, QR and Bluetooth keys, RF cards and door logs. The Auth Token and the operator&apos;s password are kept in the system keyring and never shown again.</source>
        <translation>A conta da nuvem das fechaduras: a lista de quartos, as chaves QR e Bluetooth, os cartões RF e os registros de porta. O Auth Token e a senha do operador ficam no chaveiro do sistema e nunca mais são mostrados.</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
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
    <name>DeskShortcuts</name>
    <message>
        <source>&amp;Issue card</source>
        <translation>&amp;Emitir cartão</translation>
    </message>
    <message>
        <source>&amp;Read card</source>
        <translation>&amp;Ler cartão</translation>
    </message>
    <message>
        <source>&amp;Find room</source>
        <translation>&amp;Procurar quarto</translation>
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
    <name>DeviceNames</name>
    <message>
        <source>Encoder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <source>Bluetooth locks</source>
        <translation>Fechaduras Bluetooth</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Recepção</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
    </message>
    <message>
        <source>Site store</source>
        <translation>Banco do hotel</translation>
    </message>
</context>
<context>
    <name>DeviceStatusBar</name>
    <message>
        <source>ready</source>
        <translation>pronto</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>indisponível</translation>
    </message>
    <message>
        <source>{name} status</source>
        <translation>Situação de {name}</translation>
    </message>
    <message>
        <source>{name}: not set up</source>
        <translation>{name}: não configurado</translation>
    </message>
    <message>
        <source>Click to set it up</source>
        <translation>Clique para configurar</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Leitores</translation>
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
        <source> — set clock</source>
        <translation> — acerte o relógio</translation>
    </message>
    <message>
        <source>The reader&apos;s clock is {drift} off this PC&apos;s: its events are shown on this PC&apos;s clock. Press Set clock to correct the reader.</source>
        <translation>O relógio do leitor está {drift} diferente do deste computador: os eventos dele aparecem no horário deste computador. Clique em Acertar relógio para corrigir o leitor.</translation>
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
    <name>DialogButtons</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>DoorLogPanel</name>
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
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Real-time</source>
        <translation>Em tempo real</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Coletados</translation>
    </message>
    <message>
        <source>Show door log</source>
        <translation>Mostrar registro da porta</translation>
    </message>
    <message>
        <source>Open door remotely…</source>
        <translation>Abrir a porta a distância…</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <source>Dates and times are the community&apos;s: {zone}</source>
        <translation>Datas e horários são os da comunidade: {zone}</translation>
    </message>
    <message>
        <source>Opened at ({zone})</source>
        <translation>Aberta em ({zone})</translation>
    </message>
    <message>
        <source>{n} door openings.</source>
        <translation>{n} aberturas da porta.</translation>
    </message>
    <message>
        <source>No door openings in that period.</source>
        <translation>Nenhuma abertura da porta nesse período.</translation>
    </message>
    <message>
        <source>Open door remotely</source>
        <translation>Abrir a porta a distância</translation>
    </message>
    <message>
        <source>Open the door of room {room} now, through its gateway?
Anyone at the door can walk in.</source>
        <translation>Abrir agora a porta do quarto {room} pelo gateway?
Quem estiver na porta pode entrar.</translation>
    </message>
    <message>
        <source>Remote unlock cancelled.</source>
        <translation>Abertura a distância cancelada.</translation>
    </message>
    <message>
        <source>Door of room {room} opened.</source>
        <translation>Porta do quarto {room} aberta.</translation>
    </message>
</context>
<context>
    <name>EncoderPage</name>
    <message>
        <source>Card encoder</source>
        <translation>Codificador de cartões</translation>
    </message>
    <message>
        <source>The USB encoder that writes guest cards. KeyDesk remembers it by its USB identity, so it is found again on another port after a replug.</source>
        <translation>O codificador USB que grava os cartões de hóspede. O KeyDesk o reconhece pela identidade USB, então ele é encontrado de novo mesmo em outra porta depois de reconectado.</translation>
    </message>
</context>
<context>
    <name>EncoderPanel</name>
    <message>
        <source>blank keys</source>
        <translation>chaves de fábrica</translation>
    </message>
    <message>
        <source>keyed by this site</source>
        <translation>com as chaves deste local</translation>
    </message>
    <message>
        <source>keys of another system</source>
        <translation>chaves de outro sistema</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>hóspede</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>funcionário</translation>
    </message>
    <message>
        <source>master</source>
        <translation>mestra</translation>
    </message>
    <message>
        <source>Encoder ready</source>
        <translation>Codificador pronto</translation>
    </message>
    <message>
        <source>Connecting to the encoder…</source>
        <translation>Conectando ao codificador…</translation>
    </message>
    <message>
        <source>Encoder not connected</source>
        <translation>Codificador não conectado</translation>
    </message>
    <message>
        <source>Encoder not available</source>
        <translation>Codificador indisponível</translation>
    </message>
    <message>
        <source>No card on the encoder</source>
        <translation>Nenhum cartão no codificador</translation>
    </message>
    <message>
        <source>Room(s)</source>
        <translation>Quarto(s)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido de</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Válido até</translation>
    </message>
    <message>
        <source>Card kind</source>
        <translation>Tipo de cartão</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número do cartão</translation>
    </message>
    <message>
        <source>Issue card</source>
        <translation>Gravar cartão</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>Gravar um cartão</translation>
    </message>
    <message>
        <source>Read card</source>
        <translation>Ler cartão</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Duplicar…</translation>
    </message>
    <message>
        <source>Wipe card</source>
        <translation>Apagar cartão</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{what}…</source>
        <translation>{what}…</translation>
    </message>
    <message>
        <source>you will be asked</source>
        <translation>será perguntado</translation>
    </message>
    <message>
        <source>Issue it for those dates anyway?</source>
        <translation>Gravar mesmo assim para essas datas?</translation>
    </message>
    <message>
        <source>Nothing was done: correct what is marked in red.</source>
        <translation>Nada foi feito: corrija o que está marcado em vermelho.</translation>
    </message>
    <message>
        <source>Room {rooms} is not in the lock cloud&apos;s room directory.</source>
        <translation>O quarto {rooms} não está na lista de quartos da nuvem das fechaduras.</translation>
    </message>
    <message>
        <source>Check the room number. Issue the card for it anyway?</source>
        <translation>Confira o número do quarto. Gravar o cartão para ele mesmo assim?</translation>
    </message>
    <message>
        <source>Check the form</source>
        <translation>Confira o formulário</translation>
    </message>
    <message>
        <source>Wipe card {uid}?</source>
        <translation>Apagar o cartão {uid}?</translation>
    </message>
    <message>
        <source>Wipe the card on the encoder?</source>
        <translation>Apagar o cartão que está no codificador?</translation>
    </message>
    <message>
        <source>Its stay is erased: it will no longer open any door, and it becomes a blank card that can be issued again.</source>
        <translation>A estadia dele é apagada: ele não abrirá mais nenhuma porta e vira um cartão em branco que pode ser gravado de novo.</translation>
    </message>
    <message>
        <source>Issuing</source>
        <translation>Gravando</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>Card {uid}, number {number}, {kind}</source>
        <translation>Cartão {uid}, número {number}, {kind}</translation>
    </message>
    <message>
        <source>Valid {start} to {end}</source>
        <translation>Válido de {start} até {end}</translation>
    </message>
    <message>
        <source>Card issued for room {rooms}</source>
        <translation>Cartão gravado para o quarto {rooms}</translation>
    </message>
    <message>
        <source>Every block written, read back and decoded to this stay. Hand the card to the guest.</source>
        <translation>Todos os blocos foram gravados, lidos de volta e conferidos com esta estadia. Entregue o cartão ao hóspede.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lendo</translation>
    </message>
    <message>
        <source>Valid card for room {rooms}</source>
        <translation>Cartão válido para o quarto {rooms}</translation>
    </message>
    <message>
        <source>Not a valid card</source>
        <translation>Não é um cartão válido</translation>
    </message>
    <message>
        <source>Card {uid}: {reason}</source>
        <translation>Cartão {uid}: {reason}</translation>
    </message>
    <message>
        <source>Reading the card to copy</source>
        <translation>Lendo o cartão a copiar</translation>
    </message>
    <message>
        <source>Writing the duplicate</source>
        <translation>Gravando a cópia</translation>
    </message>
    <message>
        <source>Duplicate written for room {rooms}</source>
        <translation>Cópia gravada para o quarto {rooms}</translation>
    </message>
    <message>
        <source>a copy of card {uid} (number {number}); both open the same doors</source>
        <translation>cópia do cartão {uid} (número {number}); os dois abrem as mesmas portas</translation>
    </message>
    <message>
        <source>Every block written and read back.</source>
        <translation>Todos os blocos gravados e lidos de volta.</translation>
    </message>
    <message>
        <source>Write duplicate</source>
        <translation>Gravar a cópia</translation>
    </message>
    <message>
        <source>Copying the stay of card {uid}. Take it off the encoder, put a new card on it and press “Write duplicate”.</source>
        <translation>Copiando a estadia do cartão {uid}. Tire-o do codificador, coloque um cartão novo e clique em “Gravar cópia”.</translation>
    </message>
    <message>
        <source>Training: “Put a blank card” in the card tray above lays a new card on the encoder.</source>
        <translation>Treino: “Colocar cartão em branco”, na bandeja acima, põe um cartão novo no codificador.</translation>
    </message>
    <message>
        <source>Now place the new card</source>
        <translation>Agora coloque o cartão novo</translation>
    </message>
    <message>
        <source>Wiping</source>
        <translation>Apagando</translation>
    </message>
    <message>
        <source>Card wiped</source>
        <translation>Cartão apagado</translation>
    </message>
    <message>
        <source>Card {uid} is blank and can be reused.</source>
        <translation>O cartão {uid} está em branco e pode ser reutilizado.</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>tipo desconhecido</translation>
    </message>
    <message>
        <source>Card on the encoder: {uid} ({what})</source>
        <translation>Cartão no codificador: {uid} ({what})</translation>
    </message>
</context>
<context>
    <name>EncoderPicker</name>
    <message>
        <source>Encoder port</source>
        <translation>Porta do codificador</translation>
    </message>
    <message>
        <source>COM3, /dev/ttyUSB0 or socket://host:port</source>
        <translation>COM3, /dev/ttyUSB0 ou socket://host:porta</translation>
    </message>
    <message>
        <source>Encoder address</source>
        <translation>Endereço do codificador</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging the encoder in)</source>
        <translation>Listar as portas seriais de novo (depois de conectar o codificador)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>Ask the chosen encoder for its firmware</source>
        <translation>Perguntar o firmware ao codificador escolhido</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>No encoder at this desk</source>
        <translation>Nenhum codificador neste balcão</translation>
    </message>
    <message>
        <source>USB serial number: {serial}</source>
        <translation>Número de série USB: {serial}</translation>
    </message>
    <message>
        <source>The encoder remembered by USB identity ({vid_pid}, not plugged in now)</source>
        <translation>O codificador lembrado pela identidade USB ({vid_pid}, desconectado agora)</translation>
    </message>
    <message>
        <source>Other address…</source>
        <translation>Outro endereço…</translation>
    </message>
    <message>
        <source>No serial port found. Plug the encoder in and press Detect, or type its address.</source>
        <translation>Nenhuma porta serial encontrada. Conecte o codificador e clique em Detectar, ou digite o endereço dele.</translation>
    </message>
    <message>
        <source>{count} serial port(s) found, {likely} look like an encoder.</source>
        <translation>Portas seriais encontradas: {count}; com cara de codificador: {likely}.</translation>
    </message>
    <message>
        <source>Looking for serial ports…</source>
        <translation>Procurando portas seriais…</translation>
    </message>
    <message>
        <source>In use by this desk: {firmware} on {port}</source>
        <translation>Em uso por este balcão: {firmware} em {port}</translation>
    </message>
    <message>
        <source>Choose a port or type an address first.</source>
        <translation>Escolha uma porta ou digite um endereço primeiro.</translation>
    </message>
    <message>
        <source>Asking the encoder…</source>
        <translation>Consultando o codificador…</translation>
    </message>
    <message>
        <source>Encoder found: {firmware} on {port}</source>
        <translation>Codificador encontrado: {firmware} em {port}</translation>
    </message>
</context>
<context>
    <name>EncoderSection</name>
    <message>
        <source>The USB card encoder of this desk, remembered by its USB identity. Saved, the desk lets go of the old port and opens the new one at once.</source>
        <translation>O codificador de cartões USB deste balcão, lembrado pela identidade USB. Ao salvar, o balcão solta a porta antiga e abre a nova na hora.</translation>
    </message>
    <message>
        <source>Write a hex trace of every byte (for support)</source>
        <translation>Gravar um rastro hexadecimal de cada byte (para o suporte)</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>Chave dos cartões do site</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Codificador</translation>
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
    <message>
        <source>Kept on this desk: the site store&apos;s server cannot be reached. It is sent when the server is back, and then shown with every desk&apos;s events.</source>
        <translation>Guardado neste balcão: o servidor do banco do hotel está inacessível. Ele é enviado quando o servidor voltar e então aparece junto com os eventos de todos os balcões.</translation>
    </message>
    <message>
        <source>Events in the order KeyDesk received them, at this PC&apos;s time: a reader whose clock is off is corrected by its measured drift (its own time is in the event&apos;s detail). ↺: fetched from the reader&apos;s log later. In italics: kept on this desk while the site store&apos;s server is away.</source>
        <translation>Eventos na ordem em que o KeyDesk os recebeu, no horário deste computador: o relógio de um leitor que está errado é corrigido pela diferença medida (o horário do próprio leitor está no detalhe do evento). ↺: buscado depois no registro do leitor. Em itálico: guardado neste balcão enquanto o servidor do banco do hotel está inacessível.</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <source>entry</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>saída</translation>
    </message>
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
        <source>Card {uid} taken off the encoder</source>
        <translation>Cartão {uid} retirado do codificador</translation>
    </message>
    <message>
        <source>Card {uid} on the encoder ({what})</source>
        <translation>Cartão {uid} no codificador ({what})</translation>
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
        <source>Time on this PC&apos;s clock; the reader&apos;s own clock said {time} ({offset} s off).</source>
        <translation>Horário deste computador; o relógio do leitor marcava {time} ({offset} s de diferença).</translation>
    </message>
    <message>
        <source>Raw: {raw}</source>
        <translation>Dados brutos: {raw}</translation>
    </message>
</context>
<context>
    <name>ExplainPage</name>
    <message>
        <source>Search codes</source>
        <translation>Buscar códigos</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domínio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explicação</translation>
    </message>
    <message>
        <source>Language: as in Settings</source>
        <translation>Idioma: o das Configurações</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar códigos</translation>
    </message>
    <message>
        <source>Code or words, in any language (e.g. 5310, card, cartão, 发卡器)</source>
        <translation>Código ou palavras, em qualquer idioma (ex.: 5310, cartão, 发卡器)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Significado</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Todos os domínios</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} encontrados</translation>
    </message>
    <message>
        <source>Pick an entry on the left to see what it means and what to do.</source>
        <translation>Escolha um item à esquerda para ver o que significa e o que fazer.</translation>
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
    <name>GeneralSection</name>
    <message>
        <source>The language of the window, the explanations and the commands, and how long the Monitor keeps events.</source>
        <translation>O idioma da janela, das explicações e dos comandos, e por quanto tempo o Monitor guarda os eventos.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Keep events for</source>
        <translation>Guardar eventos por</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
</context>
<context>
    <name>GuestKeysPanel</name>
    <message>
        <source>digits only, without country code</source>
        <translation>só números, sem o código do país</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Andar</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Prédio</translation>
    </message>
    <message>
        <source>Also send it by SMS</source>
        <translation>Enviar também por SMS</translation>
    </message>
    <message>
        <source>Issue QR key</source>
        <translation>Emitir chave QR</translation>
    </message>
    <message>
        <source>Bluetooth key for this room&apos;s lock</source>
        <translation>Chave Bluetooth para a fechadura deste quarto</translation>
    </message>
    <message>
        <source>New guest key</source>
        <translation>Nova chave de hóspede</translation>
    </message>
    <message>
        <source>Guest mobile</source>
        <translation>Celular do hóspede</translation>
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
        <source>Key opens</source>
        <translation>A chave abre</translation>
    </message>
    <message>
        <source>16-character card number</source>
        <translation>número do cartão de 16 caracteres</translation>
    </message>
    <message>
        <source>Show QR</source>
        <translation>Mostrar QR</translation>
    </message>
    <message>
        <source>Cancel key</source>
        <translation>Cancelar chave</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>Comunicar perda</translation>
    </message>
    <message>
        <source>Every key of the room (older locks need this)</source>
        <translation>Todas as chaves do quarto (fechaduras antigas precisam disso)</translation>
    </message>
    <message>
        <source>Existing key (uses the guest mobile above)</source>
        <translation>Chave existente (usa o celular do hóspede acima)</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número do cartão</translation>
    </message>
    <message>
        <source>The guest&apos;s QR key appears here.</source>
        <translation>A chave QR do hóspede aparece aqui.</translation>
    </message>
    <message>
        <source>Guest QR key</source>
        <translation>Chave QR do hóspede</translation>
    </message>
    <message>
        <source>Bluetooth key strings and next steps appear here.</source>
        <translation>Os códigos de chave Bluetooth e os próximos passos aparecem aqui.</translation>
    </message>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>Horários da comunidade: {zone}</translation>
    </message>
    <message>
        <source>Key {key} issued for room {room} and texted to the guest.</source>
        <translation>Chave {key} emitida para o quarto {room} e enviada por SMS ao hóspede.</translation>
    </message>
    <message>
        <source>Key {key} issued for room {room}.</source>
        <translation>Chave {key} emitida para o quarto {room}.</translation>
    </message>
    <message>
        <source>Key {key} fetched.</source>
        <translation>Chave {key} recuperada.</translation>
    </message>
    <message>
        <source>Bluetooth key for {room}:</source>
        <translation>Chave Bluetooth para {room}:</translation>
    </message>
    <message>
        <source>Bluetooth key ready: the guest&apos;s app uses this string.</source>
        <translation>Chave Bluetooth pronta: o aplicativo do hóspede usa este código.</translation>
    </message>
    <message>
        <source>Key {key} cancelled.</source>
        <translation>Chave {key} cancelada.</translation>
    </message>
    <message>
        <source>Loss reported.</source>
        <translation>Perda comunicada.</translation>
    </message>
    <message>
        <source>No QR image was returned.</source>
        <translation>Nenhuma imagem QR foi recebida.</translation>
    </message>
    <message>
        <source>Card number: {key}</source>
        <translation>Número do cartão: {key}</translation>
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
    <name>KeyDeskSession</name>
    <message>
        <source>Saved. Work is still running (a card, a door…): the window speaks {language} from the next start of KeyDesk.</source>
        <translation>Salvo. Ainda há trabalho em andamento (um cartão, uma porta…): a janela fala {language} na próxima vez que o KeyDesk abrir.</translation>
    </message>
    <message>
        <source>Saved. The window now speaks {language}.</source>
        <translation>Salvo. A janela agora fala {language}.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to KeyDesk</source>
        <translation>Bem-vindo ao KeyDesk</translation>
    </message>
    <message>
        <source>A few steps set this desk up for its devices. Each can be skipped and done later in Settings; nothing is saved until Finish.</source>
        <translation>Alguns passos preparam este balcão para os seus aparelhos. Cada um pode ser pulado e feito depois em Configurações; nada é salvo antes de Concluir.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
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
    <name>LogView</name>
    <message>
        <source>KeyDesk log</source>
        <translation>Log do KeyDesk</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>Copiar para a área de transferência</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir a pasta de logs</translation>
    </message>
    <message>
        <source>The last {count} lines; the full log is in {folder}. Passwords and tokens are masked.</source>
        <translation>As últimas {count} linhas; o log completo está em {folder}. Senhas e tokens aparecem mascarados.</translation>
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
        <source>Starting KeyDesk…</source>
        <translation>Iniciando o KeyDesk…</translation>
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
        <source>&amp;Desk</source>
        <translation>&amp;Balcão</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Set-up &amp;assistant…</source>
        <translation>&amp;Assistente de configuração…</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>Mostrar o &amp;log</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>Abrir a &amp;pasta de logs</translation>
    </message>
    <message>
        <source>Set-up saved.</source>
        <translation>Configuração salva.</translation>
    </message>
    <message>
        <source>&amp;About KeyDesk {version}</source>
        <translation>&amp;Sobre o KeyDesk {version}</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Something unexpected went wrong ({kind}). It was written to the log; the window keeps working.</source>
        <translation>Algo inesperado deu errado ({kind}). Foi anotado no log; a janela continua funcionando.</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>Explicar…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
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
        <source>({kept} of them kept on this desk, not yet in the site store)</source>
        <translation>({kept} deles guardados neste balcão, ainda não no banco do hotel)</translation>
    </message>
    <message>
        <source>Kept on this desk, not yet in the site store: it is sent when the server is back.</source>
        <translation>Guardado neste balcão, ainda não no banco do hotel: é enviado quando o servidor voltar.</translation>
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
    <name>NotSetUp</name>
    <message>
        <source>The card encoder is not set up yet</source>
        <translation>O codificador de cartões ainda não foi configurado</translation>
    </message>
    <message>
        <source>Choose the USB encoder of this desk to issue, read and copy guest cards.</source>
        <translation>Escolha o codificador USB deste balcão para emitir, ler e copiar cartões de hóspede.</translation>
    </message>
    <message>
        <source>Set up the encoder…</source>
        <translation>Configurar o codificador…</translation>
    </message>
    <message>
        <source>The site card key is not set yet</source>
        <translation>A chave dos cartões do site ainda não foi definida</translation>
    </message>
    <message>
        <source>Every card of this site is signed with its key: generate it on the first desk, or type the one the other desks use.</source>
        <translation>Todo cartão deste site é assinado com a chave dele: gere a chave no primeiro balcão, ou digite a que os outros balcões usam.</translation>
    </message>
    <message>
        <source>Set the site card key…</source>
        <translation>Definir a chave dos cartões…</translation>
    </message>
    <message>
        <source>The lock cloud is not set up yet</source>
        <translation>A nuvem das fechaduras ainda não foi configurada</translation>
    </message>
    <message>
        <source>Rooms, guest keys, RF cards and door logs come from the lock cloud: give this desk the hotel&apos;s account.</source>
        <translation>Quartos, chaves de hóspede, cartões RF e registros de porta vêm da nuvem das fechaduras: informe a conta do hotel neste balcão.</translation>
    </message>
    <message>
        <source>Set up the lock cloud…</source>
        <translation>Configurar a nuvem…</translation>
    </message>
    <message>
        <source>No access reader is set up yet</source>
        <translation>Nenhum leitor de acesso foi configurado ainda</translation>
    </message>
    <message>
        <source>Add the readers at the doors to give guests lobby access and to see who went where on the Monitor.</source>
        <translation>Inclua os leitores das portas para liberar o acesso de hóspedes e ver no Monitor quem passou por onde.</translation>
    </message>
    <message>
        <source>Add a reader…</source>
        <translation>Incluir um leitor…</translation>
    </message>
    <message>
        <source>Who is commissioning?</source>
        <translation>Quem está instalando?</translation>
    </message>
    <message>
        <source>The technician&apos;s name is written in the site report and in each lock&apos;s log.</source>
        <translation>O nome do técnico vai no relatório do site e no registro de cada fechadura.</translation>
    </message>
    <message>
        <source>Set the technician…</source>
        <translation>Definir o técnico…</translation>
    </message>
</context>
<context>
    <name>OperatorRoles</name>
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
    <name>OperatorsSection</name>
    <message>
        <source>Who may work at this desk and what each may do. Changes here apply at once and are written to the audit trail.</source>
        <translation>Quem pode trabalhar neste balcão e o que cada um pode fazer. As mudanças aqui valem na hora e ficam registradas na auditoria.</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operadores</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Incluir…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Mudar a função</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Redefinir a senha…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Lock the desk after</source>
        <translation>Bloquear o balcão após</translation>
    </message>
    <message>
        <source>&lt;b&gt;Single-operator desk.&lt;/b&gt; Nobody signs in; every action is recorded under {name}. Add an admin to give each person an account.</source>
        <translation>&lt;b&gt;Balcão de um só operador.&lt;/b&gt; Ninguém entra com nome e senha; toda ação fica registrada em nome de {name}. Inclua um administrador para dar uma conta a cada pessoa.</translation>
    </message>
    <message>
        <source>Everyone signs in. {count} account(s).</source>
        <translation>Todos entram com nome e senha. {count} conta(s).</translation>
    </message>
    <message>
        <source>Only an admin manages operators. Sign in as an admin (File → Switch operator).</source>
        <translation>Só um administrador gerencia operadores. Entre como administrador (Arquivo → Trocar operador).</translation>
    </message>
    <message>
        <source>Add the first admin…</source>
        <translation>Incluir o primeiro administrador…</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>Incluindo {name}…</translation>
    </message>
    <message>
        <source>{name} added as {role}.</source>
        <translation>{name} incluído como {role}.</translation>
    </message>
    <message>
        <source>Changing the role…</source>
        <translation>Mudando a função…</translation>
    </message>
    <message>
        <source>{name} is now {role}.</source>
        <translation>{name} agora é {role}.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Definindo a senha…</translation>
    </message>
    <message>
        <source>New password set for {name}.</source>
        <translation>Nova senha definida para {name}.</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>Removendo {name}…</translation>
    </message>
    <message>
        <source>{name} removed.</source>
        <translation>{name} removido.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>The desk locks after {minutes} idle minutes.</source>
        <translation>O balcão se bloqueia após {minutes} minutos sem uso.</translation>
    </message>
    <message>
        <source>The desk never locks by itself.</source>
        <translation>O balcão nunca se bloqueia sozinho.</translation>
    </message>
</context>
<context>
    <name>OutcomeLine</name>
    <message>
        <source>Explain…</source>
        <translation>Explicar…</translation>
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
    <name>ReaderCheck</name>
    <message>
        <source>set its clock from the Monitor page</source>
        <translation>acerte o relógio dele na página Monitor</translation>
    </message>
    <message>
        <source>{type}, serial {serial}, firmware {firmware}; clock {drift}</source>
        <translation>{type}, número de série {serial}, firmware {firmware}; relógio {drift}</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>leitor</translation>
    </message>
</context>
<context>
    <name>ReaderDialog</name>
    <message>
        <source>Access reader</source>
        <translation>Leitor de acesso</translation>
    </message>
    <message>
        <source>Edit access reader</source>
        <translation>Editar leitor de acesso</translation>
    </message>
    <message>
        <source>e.g. Lobby</source>
        <translation>ex.: Saguão</translation>
    </message>
    <message>
        <source>e.g. http://192.168.1.108</source>
        <translation>ex.: http://192.168.1.108</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>salvo no chaveiro do sistema (digite para trocar)</translation>
    </message>
    <message>
        <source>the reader&apos;s web password</source>
        <translation>a senha web do leitor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Careful with the password: after {tries} wrong passwords in a row the reader locks this PC out for about {minutes} minutes. KeyDesk never retries a refused password by itself.</source>
        <translation>Cuidado com a senha: depois de {tries} senhas erradas seguidas, o leitor bloqueia este PC por cerca de {minutes} minutos. O KeyDesk nunca tenta de novo sozinho uma senha recusada.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>Give the reader a name (it is shown on its events).</source>
        <translation>Dê um nome ao leitor (ele aparece nos eventos).</translation>
    </message>
    <message>
        <source>Another reader is already called {name}.</source>
        <translation>Já existe outro leitor chamado {name}.</translation>
    </message>
    <message>
        <source>Type the reader&apos;s address, e.g. http://192.168.1.108.</source>
        <translation>Digite o endereço do leitor, ex.: http://192.168.1.108.</translation>
    </message>
    <message>
        <source>Type the reader&apos;s password (it is kept in the system keyring).</source>
        <translation>Digite a senha do leitor (ela fica no chaveiro do sistema).</translation>
    </message>
    <message>
        <source>Type the address and the password first.</source>
        <translation>Digite primeiro o endereço e a senha.</translation>
    </message>
    <message>
        <source>The reader refused this user and password a moment ago. Another wrong try brings the lock-out closer: type the right password, then Test again.</source>
        <translation>O leitor recusou este usuário e senha há pouco. Outra tentativa errada aproxima o bloqueio: digite a senha certa e teste de novo.</translation>
    </message>
    <message>
        <source>Asking the reader…</source>
        <translation>Consultando o leitor…</translation>
    </message>
</context>
<context>
    <name>ReaderList</name>
    <message>
        <source>Access readers</source>
        <translation>Leitores de acesso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Último teste</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Incluir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>Ask the chosen reader who it is and what time its clock shows</source>
        <translation>Perguntar ao leitor escolhido quem ele é e que hora o relógio dele mostra</translation>
    </message>
    <message>
        <source>{name} has no password yet: Edit… and type it.</source>
        <translation>{name} ainda não tem senha: clique em Editar… e digite-a.</translation>
    </message>
    <message>
        <source>{name} refused this password a moment ago: Edit… and type the right one first (wrong tries lead to a lock-out).</source>
        <translation>{name} recusou esta senha há pouco: clique em Editar… e digite a certa primeiro (tentativas erradas levam ao bloqueio).</translation>
    </message>
    <message>
        <source>Asking {name}…</source>
        <translation>Consultando {name}…</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Access readers</source>
        <translation>Leitores de acesso</translation>
    </message>
    <message>
        <source>The Intelbras/Dahua readers at the doors whose events the Monitor shows. Add as many as the site has; each password is kept in the system keyring.</source>
        <translation>Os leitores Intelbras/Dahua das portas, cujos eventos o Monitor mostra. Inclua quantos o site tiver; cada senha fica no chaveiro do sistema.</translation>
    </message>
</context>
<context>
    <name>ReadersSection</name>
    <message>
        <source>The access readers whose events the Monitor shows. Saved, a new reader starts streaming at once and a removed one stops; each password is kept in the system keyring.</source>
        <translation>Os leitores de acesso cujos eventos o Monitor mostra. Ao salvar, um leitor novo começa a transmitir na hora e um removido para; cada senha fica no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Leitores</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Explain…</source>
        <translation>Explicar…</translation>
    </message>
    <message>
        <source>Place a card on the encoder, then choose what to do.</source>
        <translation>Coloque um cartão no codificador e escolha o que fazer.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Check the form</source>
        <translation>Confira o formulário</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erro inesperado</translation>
    </message>
</context>
<context>
    <name>RfCardsPanel</name>
    <message>
        <source>blank</source>
        <translation>em branco</translation>
    </message>
    <message>
        <source>{time} (community time: {zone})</source>
        <translation>{time} (horário da comunidade: {zone})</translation>
    </message>
    <message>
        <source>Serial {serial}
Room {room}
Valid until {until}
Batch {batch}</source>
        <translation>Série {serial}
Quarto {room}
Válido até {until}
Lote {batch}</translation>
    </message>
    <message>
        <source>QRA/QRB/other locks</source>
        <translation>QRA/QRB/outras fechaduras</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Issue RF card on the card issuer</source>
        <translation>Emitir cartão RF no emissor de cartões</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Emitir</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido até</translation>
    </message>
    <message>
        <source>Lock kind</source>
        <translation>Tipo de fechadura</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>Titular do cartão</translation>
    </message>
    <message>
        <source>serial number of the card</source>
        <translation>número de série do cartão</translation>
    </message>
    <message>
        <source>Read card on the issuer</source>
        <translation>Ler cartão no emissor</translation>
    </message>
    <message>
        <source>Capture from encoder</source>
        <translation>Ler no codificador USB</translation>
    </message>
    <message>
        <source>Reads the card&apos;s serial number (UID) on the local USB encoder of the Cards tab.</source>
        <translation>Lê o número de série (UID) do cartão no codificador USB deste computador, o da aba Cartões.</translation>
    </message>
    <message>
        <source>Log out (cancel) this card</source>
        <translation>Desativar (cancelar) este cartão</translation>
    </message>
    <message>
        <source>Read / cancel</source>
        <translation>Ler / cancelar</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Número de série</translation>
    </message>
    <message>
        <source>The card read from the issuer appears here.</source>
        <translation>O cartão lido no emissor aparece aqui.</translation>
    </message>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>Horários da comunidade: {zone}</translation>
    </message>
    <message>
        <source>RF card {serial} logged out.</source>
        <translation>Cartão RF {serial} desativado.</translation>
    </message>
    <message>
        <source>No local encoder: type the serial number or read it on the card issuer.</source>
        <translation>Sem codificador USB neste computador: digite o número de série ou leia-o no emissor de cartões.</translation>
    </message>
    <message>
        <source>Serial {serial} captured on the encoder.</source>
        <translation>Série {serial} lida no codificador.</translation>
    </message>
    <message>
        <source>Card {serial} on the issuer.</source>
        <translation>Cartão {serial} no emissor.</translation>
    </message>
</context>
<context>
    <name>RoomPicker</name>
    <message>
        <source>BUILDING-FLOOR-ROOM, e.g. 001-01-0101</source>
        <translation>PRÉDIO-ANDAR-QUARTO, ex.: 001-01-0101</translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <source>Building / floor / room</source>
        <translation>Prédio / andar / quarto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Lock type</source>
        <translation>Tipo de fechadura</translation>
    </message>
    <message>
        <source>Lock MAC</source>
        <translation>MAC da fechadura</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Room directory</source>
        <translation>Lista de quartos</translation>
    </message>
    <message>
        <source>Search rooms, lock types, MACs…</source>
        <translation>Buscar quartos, tipos de fechadura, MACs…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Check every lock-cloud setting with calls that change nothing: the account, the card issuer and the operator&apos;s login</source>
        <translation>Confere cada configuração da nuvem das fechaduras com chamadas que não mudam nada: a conta, o emissor de cartões e o login do operador</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Connection OK: community {community}, {rooms} rooms, card issuers: {issuers}.</source>
        <translation>Conexão OK: comunidade {community}, {rooms} quartos, emissores de cartões: {issuers}.</translation>
    </message>
    <message>
        <source>Operator login accepted.</source>
        <translation>Login do operador aceito.</translation>
    </message>
    <message>
        <source>Operator login not checked: no operator mobile and password in Settings (RF cards need them).</source>
        <translation>Login do operador não conferido: não há celular e senha do operador nas Configurações (os cartões RF precisam deles).</translation>
    </message>
    <message>
        <source>Operator login not checked: the card issuer is offline.</source>
        <translation>Login do operador não conferido: o emissor de cartões está desligado.</translation>
    </message>
    <message>
        <source>Building {n}</source>
        <translation>Prédio {n}</translation>
    </message>
    <message>
        <source>Floor {n}</source>
        <translation>Andar {n}</translation>
    </message>
    <message>
        <source>{buildings} buildings, {rooms} rooms.</source>
        <translation>{buildings} prédios, {rooms} quartos.</translation>
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
        <source>Settings sections</source>
        <translation>Seções das configurações</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Salvar configurações</translation>
    </message>
    <message>
        <source>Save every section (Ctrl+S)</source>
        <translation>Salvar todas as seções (Ctrl+S)</translation>
    </message>
    <message>
        <source>Settings were not saved: {reason}. Nothing was changed; check the disk and press Save again.</source>
        <translation>As configurações não foram salvas: {reason}. Nada foi alterado; verifique o disco e clique em Salvar de novo.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as they were.</source>
        <translation>Nada a salvar: as configurações estão como estavam.</translation>
    </message>
    <message>
        <source>The encoder reconnects with the new settings.</source>
        <translation>O codificador se reconecta com as novas configurações.</translation>
    </message>
    <message>
        <source>Now streaming: {names}.</source>
        <translation>Transmitindo agora: {names}.</translation>
    </message>
    <message>
        <source>Stopped: {names}.</source>
        <translation>Parados: {names}.</translation>
    </message>
    <message>
        <source>Reconnecting: {names}.</source>
        <translation>Reconectando: {names}.</translation>
    </message>
    <message>
        <source>Restart KeyDesk to use the new store location.</source>
        <translation>Reabra o KeyDesk para usar o novo local do armazenamento.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Salvo.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up KeyDesk</source>
        <translation>Configurar o KeyDesk</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Pular este passo</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Voltar</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avançar &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Concluir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>skipped — set it up later in Settings</source>
        <translation>pulado — configure depois em Configurações</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Card encoder</source>
        <translation>Codificador de cartões</translation>
    </message>
    <message>
        <source>found by its USB identity {vid_pid}, serial {serial}</source>
        <translation>encontrado pela identidade USB {vid_pid}, número de série {serial}</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>Nuvem das fechaduras</translation>
    </message>
    <message>
        <source>community {community} at {url}</source>
        <translation>comunidade {community} em {url}</translation>
    </message>
    <message>
        <source>Access readers</source>
        <translation>Leitores de acesso</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>Chave dos cartões do site</translation>
    </message>
    <message>
        <source>the key this PC already has</source>
        <translation>a chave que este PC já tem</translation>
    </message>
    <message>
        <source>a new key — write it down before you press Finish</source>
        <translation>uma chave nova — anote-a antes de clicar em Concluir</translation>
    </message>
    <message>
        <source>the key you typed</source>
        <translation>a chave que você digitou</translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}. Nothing was changed; free some disk space or choose a writable folder, then press Finish again.</source>
        <translation>Não foi possível salvar as configurações: {reason}. Nada foi alterado; libere espaço em disco ou escolha uma pasta gravável e clique em Concluir de novo.</translation>
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
    <name>SiteKeyForm</name>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;site card key&lt;/b&gt; is the secret every guest card of this hotel is signed with: a door opens only for cards signed with its site&apos;s key.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Every desk of the site must use the same key.&lt;/b&gt; On the first desk, generate one; on the others, type the key the first desk shows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Write it down and keep it safe&lt;/b&gt; (a safe, a password manager). It is kept only in this PC&apos;s keyring: if the PC is replaced and the key is lost, every card in use must be issued again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A &lt;b&gt;chave dos cartões do site&lt;/b&gt; é o segredo com que todo cartão de hóspede deste hotel é assinado: uma porta só abre com cartões assinados com a chave do seu site.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Todos os balcões do site precisam usar a mesma chave.&lt;/b&gt; No primeiro balcão, gere uma; nos outros, digite a chave que o primeiro mostra.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Anote-a e guarde em lugar seguro&lt;/b&gt; (um cofre, um gerenciador de senhas). Ela fica só no chaveiro deste PC: se o PC for trocado e a chave se perder, todos os cartões em uso precisarão ser emitidos de novo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Generate a new key (the first desk of this site)</source>
        <translation>Gerar uma chave nova (o primeiro balcão deste site)</translation>
    </message>
    <message>
        <source>Type the key the other desks use</source>
        <translation>Digitar a chave que os outros balcões usam</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>Chave dos cartões do site</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>pelo menos {count} caracteres</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the key to paste it into a password manager</source>
        <translation>Copiar a chave para colá-la num gerenciador de senhas</translation>
    </message>
    <message>
        <source>Keep the key this PC already has</source>
        <translation>Manter a chave que este PC já tem</translation>
    </message>
    <message>
        <source>Not now (cards cannot be issued until a key is set)</source>
        <translation>Agora não (não dá para emitir cartões até definir uma chave)</translation>
    </message>
    <message>
        <source>The key must have at least {count} characters.</source>
        <translation>A chave precisa ter pelo menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The key starts or ends with a space: type it exactly.</source>
        <translation>A chave começa ou termina com espaço: digite-a exatamente.</translation>
    </message>
</context>
<context>
    <name>SiteKeyPage</name>
    <message>
        <source>Site card key</source>
        <translation>Chave dos cartões do site</translation>
    </message>
    <message>
        <source>The secret the cards of this site are signed with.</source>
        <translation>O segredo com que os cartões deste site são assinados.</translation>
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
    <name>StoreSection</name>
    <message>
        <source>Where the events and the audit trail are kept. Empty: SQLite files in {folder}.</source>
        <translation>Onde ficam os eventos e a auditoria. Vazio: arquivos SQLite em {folder}.</translation>
    </message>
    <message>
        <source>empty, or postgresql://user@host/keydesk</source>
        <translation>vazio, ou postgresql://usuario@servidor/keydesk</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Banco de dados</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Audit chain key</source>
        <translation>Chave da auditoria</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <source>Connect with the address and password as typed (nothing saved, nothing written)</source>
        <translation>Conecta com o endereço e a senha como digitados (nada é salvo nem gravado)</translation>
    </message>
    <message>
        <source>With a PostgreSQL server (on the back-office PC), every desk of the hotel shares the events and the audit trail, and sees the others&apos; events live; every desk needs the same audit chain key. While the server cannot be reached, this desk keeps what it records and sends it when the server is back. A change applies at the next start. The password is kept in the system keyring.</source>
        <translation>Com um servidor PostgreSQL (no computador do escritório), todos os balcões do hotel compartilham os eventos e a auditoria e veem ao vivo os eventos uns dos outros; todos os balcões precisam da mesma chave da cadeia de auditoria. Enquanto o servidor estiver inacessível, este balcão guarda o que registra e envia quando o servidor voltar. Uma mudança vale a partir da próxima abertura. A senha fica no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>salvo no chaveiro do sistema (digite para trocar)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definido</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>This is what Finish saves. Anything skipped can be set up later in Settings, or by running this assistant again from the Help menu.</source>
        <translation>Isto é o que Concluir salva. O que foi pulado pode ser configurado depois em Configurações, ou abrindo este assistente de novo pelo menu Ajuda.</translation>
    </message>
</context>
<context>
    <name>entry</name>
    <message>
        <source>KeyDesk could not start: {reason}. The details are in the log in {folder}. Start it again; if this happens again, send that log to support.</source>
        <translation>O KeyDesk não conseguiu abrir: {reason}. Os detalhes estão no log em {folder}. Abra de novo; se acontecer outra vez, envie esse log ao suporte.</translation>
    </message>
</context>
<context>
    <name>question</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
</TS>
