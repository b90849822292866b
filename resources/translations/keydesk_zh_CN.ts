<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Card encoding, lock commissioning, lock-cloud keys and live access monitoring for hotel and apartment front desks.</source>
        <translation>面向酒店和公寓前台：制作房卡、调试门锁、发放门锁云钥匙、实时监控门禁通行。</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>许可证：{licence}</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>使用的开源软件：</translation>
    </message>
    <message>
        <source>About KeyDesk</source>
        <translation>关于 KeyDesk</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或 PIN</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The first account is an admin: from now on everyone signs in, and this admin adds the others.</source>
        <translation>第一个账户是管理员：从此每个人都要登录，由这位管理员添加其他人。</translation>
    </message>
    <message>
        <source>Type the operator&apos;s name.</source>
        <translation>请输入操作员的名字。</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>两次输入的密码不一致：请重新输入。</translation>
    </message>
</context>
<context>
    <name>ActionsCell</name>
    <message>
        <source>Set clock</source>
        <translation>校准时钟</translation>
    </message>
    <message>
        <source>Set {reader}&apos;s clock to this PC&apos;s time</source>
        <translation>按本机时间校准 {reader} 的时钟</translation>
    </message>
    <message>
        <source>Open door…</source>
        <translation>开门…</translation>
    </message>
    <message>
        <source>Open a door of {reader} remotely (asks first)</source>
        <translation>远程打开 {reader} 的一扇门（会先确认）</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge alarm</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <source>The site store&apos;s server cannot be reached: this alarm can be acknowledged once it has reached the store.</source>
        <translation>无法连接酒店数据库的服务器：此警报进入数据库后才能确认。</translation>
    </message>
    <message>
        <source>{reader}, door {door}</source>
        <translation>{reader}，{door} 号门</translation>
    </message>
    <message>
        <source>⚠ {what} — {where} at {time}</source>
        <translation>⚠ {what} — {where}，{time}</translation>
    </message>
    <message>
        <source>(+{more} more)</source>
        <translation>（另有 {more} 条）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>any room</source>
        <translation>任意房间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校验记录链</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Could not write the file: {reason}. Choose another folder.</source>
        <translation>无法写入文件：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; it is in the log.</source>
        <translation>发生了意外错误，详情已记入日志。</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>正在读取审计记录…</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Shown: the rows this desk keeps until the server is back (kept: {count}; not yet numbered nor sealed in the site&apos;s trail; the filters do not apply to them).</source>
        <translation>显示的是本前台在服务器恢复前暂存的记录（暂存：{count} 条；尚未在酒店审计记录中编号和封印；筛选条件对它们不起作用）。</translation>
    </message>
    <message>
        <source>{count} rows, newest first.</source>
        <translation>共 {count} 行，最新的在前。</translation>
    </message>
    <message>
        <source>Only the newest {limit} are shown: narrow the filters, or export them all.</source>
        <translation>只显示最新的 {limit} 行：请缩小筛选范围，或全部导出。</translation>
    </message>
    <message>
        <source>Checking every row&apos;s seal…</source>
        <translation>正在校验每一行的封印…</translation>
    </message>
    <message>
        <source>The audit trail is intact: {count} rows, every link checked.</source>
        <translation>审计记录完好：共 {count} 行，每个链接都已校验。</translation>
    </message>
    <message>
        <source>First broken link: row {row}.</source>
        <translation>第一个断开的链接：第 {row} 行。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>{count} rows written to {path}.</source>
        <translation>已将 {count} 行写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the CSV file…</source>
        <translation>正在写入 CSV 文件…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Card / key / device</source>
        <translation>卡 / 钥匙 / 设备</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Card issued</source>
        <translation>已制卡</translation>
    </message>
    <message>
        <source>Card copied</source>
        <translation>已复制卡</translation>
    </message>
    <message>
        <source>Card wiped</source>
        <translation>已清空卡</translation>
    </message>
    <message>
        <source>Card read</source>
        <translation>已读卡</translation>
    </message>
    <message>
        <source>Encoder and card looked at</source>
        <translation>已查看发卡器和卡</translation>
    </message>
    <message>
        <source>Card number read</source>
        <translation>已读取卡号</translation>
    </message>
    <message>
        <source>Serial trace</source>
        <translation>串口跟踪</translation>
    </message>
    <message>
        <source>Ports probed</source>
        <translation>已探测端口</translation>
    </message>
    <message>
        <source>Cloud connection tested</source>
        <translation>已测试云连接</translation>
    </message>
    <message>
        <source>Room list read</source>
        <translation>已读取房间列表</translation>
    </message>
    <message>
        <source>Guest key made</source>
        <translation>已生成客人钥匙</translation>
    </message>
    <message>
        <source>Guest key number</source>
        <translation>客人钥匙编号</translation>
    </message>
    <message>
        <source>Guest key fetched</source>
        <translation>已获取客人钥匙</translation>
    </message>
    <message>
        <source>Bluetooth key made</source>
        <translation>已生成蓝牙钥匙</translation>
    </message>
    <message>
        <source>Guest key cancelled</source>
        <translation>已注销客人钥匙</translation>
    </message>
    <message>
        <source>Key reported lost</source>
        <translation>已挂失钥匙</translation>
    </message>
    <message>
        <source>RF card issued</source>
        <translation>已发射频卡</translation>
    </message>
    <message>
        <source>RF card read</source>
        <translation>已读射频卡</translation>
    </message>
    <message>
        <source>RF card logged out</source>
        <translation>已注销射频卡</translation>
    </message>
    <message>
        <source>Door opened remotely</source>
        <translation>已远程开门</translation>
    </message>
    <message>
        <source>Door log read</source>
        <translation>已读取开门记录</translation>
    </message>
    <message>
        <source>Reader access given</source>
        <translation>已授予门禁权限</translation>
    </message>
    <message>
        <source>Reader access taken away</source>
        <translation>已收回门禁权限</translation>
    </message>
    <message>
        <source>Card enrolled on a reader</source>
        <translation>已在门禁登记卡</translation>
    </message>
    <message>
        <source>Card removed from a reader</source>
        <translation>已从门禁删除卡</translation>
    </message>
    <message>
        <source>Reader clock set</source>
        <translation>已校准门禁时钟</translation>
    </message>
    <message>
        <source>Reader door opened</source>
        <translation>已通过门禁开门</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>已添加操作员</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>已修改密码</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>已修改角色</translation>
    </message>
    <message>
        <source>Operator removed</source>
        <translation>已删除操作员</translation>
    </message>
    <message>
        <source>Idle lock changed</source>
        <translation>已修改空闲锁定</translation>
    </message>
    <message>
        <source>Operators listed</source>
        <translation>已列出操作员</translation>
    </message>
    <message>
        <source>Operators file set aside</source>
        <translation>已将操作员文件移到一旁</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>已修改设置</translation>
    </message>
    <message>
        <source>Audit trail viewed</source>
        <translation>已查看审计记录</translation>
    </message>
    <message>
        <source>Audit trail listed</source>
        <translation>已列出审计记录</translation>
    </message>
    <message>
        <source>Audit trail checked</source>
        <translation>已校验审计记录</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>已导出审计记录</translation>
    </message>
    <message>
        <source>Audit chain key viewed</source>
        <translation>已查看审计记录密钥</translation>
    </message>
    <message>
        <source>Audit chain key shown</source>
        <translation>已显示审计记录密钥</translation>
    </message>
    <message>
        <source>Events exported</source>
        <translation>已导出事件</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>已确认警报</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>门锁云</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Bluetooth locks</source>
        <translation>蓝牙门锁</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Lock: {step}</source>
        <translation>门锁：{step}</translation>
    </message>
    <message>
        <source>Failed: unexpected error ({name})</source>
        <translation>失败：意外错误（{name}）</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>desk locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Keep events for</source>
        <translation>事件保存天数</translation>
    </message>
    <message>
        <source>Encoder port</source>
        <translation>发卡器端口</translation>
    </message>
    <message>
        <source>Encoder USB identity</source>
        <translation>发卡器 USB 标识</translation>
    </message>
    <message>
        <source>Encoder serial number</source>
        <translation>发卡器序列号</translation>
    </message>
    <message>
        <source>Encoder hex trace</source>
        <translation>发卡器十六进制记录</translation>
    </message>
    <message>
        <source>Card layout</source>
        <translation>卡格式</translation>
    </message>
    <message>
        <source>Lock cloud address</source>
        <translation>门锁云地址</translation>
    </message>
    <message>
        <source>Lock cloud account</source>
        <translation>门锁云账号</translation>
    </message>
    <message>
        <source>Community number</source>
        <translation>社区编号</translation>
    </message>
    <message>
        <source>Card issuer MAC</source>
        <translation>云端发卡器 MAC</translation>
    </message>
    <message>
        <source>Operator area code</source>
        <translation>操作员区号</translation>
    </message>
    <message>
        <source>Operator mobile</source>
        <translation>操作员手机号</translation>
    </message>
    <message>
        <source>Community time zone</source>
        <translation>社区时区</translation>
    </message>
    <message>
        <source>Bluetooth radio</source>
        <translation>蓝牙无线</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token（访问令牌）</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>操作员密码</translation>
    </message>
</context>
<context>
    <name>BluetoothSection</name>
    <message>
        <source>Commissioning Bluetooth locks from this PC (the Locks page).</source>
        <translation>在本机调试蓝牙门锁（门锁页）。</translation>
    </message>
    <message>
        <source>empty: this PC&apos;s Bluetooth radio</source>
        <translation>留空：使用本机的蓝牙</translation>
    </message>
    <message>
        <source>HOST:PORT of a simulated lock site (keydesk sim lock), for training</source>
        <translation>模拟门锁现场的 HOST:端口（keydesk sim lock），用于培训</translation>
    </message>
    <message>
        <source>written in the site report and the locks&apos; logs</source>
        <translation>写入现场报告和门锁日志</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>蓝牙</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Bluetooth</source>
        <translation>蓝牙</translation>
    </message>
</context>
<context>
    <name>CardTray</name>
    <message>
        <source>Training card tray (demo)</source>
        <translation>练习用卡片托盘（演示）</translation>
    </message>
    <message>
        <source>Put a blank card</source>
        <translation>放一张空白卡</translation>
    </message>
    <message>
        <source>Take the card away</source>
        <translation>把卡拿走</translation>
    </message>
    <message>
        <source>Put back the first card</source>
        <translation>放回第一张卡</translation>
    </message>
    <message>
        <source>Blank card {uid} laid down.</source>
        <translation>已放上空白卡 {uid}。</translation>
    </message>
    <message>
        <source>Card {uid} is in the tray.</source>
        <translation>卡 {uid} 在托盘里。</translation>
    </message>
    <message>
        <source>The tray is empty.</source>
        <translation>托盘是空的。</translation>
    </message>
    <message>
        <source>Card {uid} is back on the encoder.</source>
        <translation>卡 {uid} 已放回发卡器。</translation>
    </message>
</context>
<context>
    <name>ChainKeyRow</name>
    <message>
        <source>Show key…</source>
        <translation>显示密钥…</translation>
    </message>
    <message>
        <source>Show this desk&apos;s key, to type on the other desks of the site (an admin&apos;s; recorded)</source>
        <translation>显示本前台的密钥，以便在本现场其他前台输入（仅管理员；会被记录）</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>设置密钥…</translation>
    </message>
    <message>
        <source>Type the key the site&apos;s first desk shows (an admin&apos;s; recorded)</source>
        <translation>输入本现场第一台前台显示的密钥（仅管理员；会被记录）</translation>
    </message>
    <message>
        <source>fingerprint {fingerprint}: every desk of the site must show the same (Show key… on this desk, Set key… on the others)</source>
        <translation>指纹 {fingerprint}：本现场每个前台显示的都应相同（在本前台点“显示密钥…”，在其他前台点“设置密钥…”）</translation>
    </message>
    <message>
        <source>none: this PC has no system keyring, so audit rows are written unsealed</source>
        <translation>无：本机没有系统密钥环，因此审计记录不带封印写入</translation>
    </message>
    <message>
        <source>This desk holds no key: this PC has no system keyring.</source>
        <translation>本前台没有密钥：本机没有系统密钥环。</translation>
    </message>
    <message>
        <source>The key was shown; the audit trail records that it was.</source>
        <translation>密钥已显示；审计记录已记下此次显示。</translation>
    </message>
    <message>
        <source>Nothing changed: this desk keeps its key.</source>
        <translation>未做更改：本前台保留原密钥。</translation>
    </message>
    <message>
        <source>That is not an audit chain key: type the 64 hex digits (0–9, a–f) the first desk shows.</source>
        <translation>这不是审计记录密钥：请输入第一台前台显示的 64 位十六进制数字（0–9、a–f）。</translation>
    </message>
    <message>
        <source>This PC has no system keyring: the key cannot be kept here.</source>
        <translation>本机没有系统密钥环：无法在此保存密钥。</translation>
    </message>
    <message>
        <source>This desk holds that key already (fingerprint {fingerprint}).</source>
        <translation>本前台已持有该密钥（指纹 {fingerprint}）。</translation>
    </message>
    <message>
        <source>Key stored (fingerprint {fingerprint}).</source>
        <translation>密钥已保存（指纹 {fingerprint}）。</translation>
    </message>
    <message>
        <source>The site store&apos;s trail uses it from the next start.</source>
        <translation>酒店数据库的审计记录从下次启动起使用它。</translation>
    </message>
    <message>
        <source>KEYDESK_AUDIT_KEY is set on this PC: that key is used instead.</source>
        <translation>本机设置了 KEYDESK_AUDIT_KEY：实际使用的是该密钥。</translation>
    </message>
    <message>
        <source>Set the audit chain key</source>
        <translation>设置审计记录密钥</translation>
    </message>
    <message>
        <source>The key the site&apos;s first desk shows (Settings → Store → Show key…):</source>
        <translation>本现场第一台前台显示的密钥（设置 → 存储 → 显示密钥…）：</translation>
    </message>
    <message>
        <source>Replace the audit chain key</source>
        <translation>替换审计记录密钥</translation>
    </message>
    <message>
        <source>This desk&apos;s audit trail holds {rows} rows sealed with its key (fingerprint {fingerprint}). With another key, this desk can no longer check them. Replace it anyway?</source>
        <translation>本前台的审计记录中有 {rows} 条用其密钥封印的记录（指纹 {fingerprint}）。换成另一个密钥后，本前台将无法再校验这些记录。仍要替换吗？</translation>
    </message>
    <message>
        <source>The audit chain key</source>
        <translation>审计记录密钥</translation>
    </message>
    <message>
        <source>Type it on every other desk of the site (Settings → Store → Set key…). Anyone who has it can seal audit rows for this site: do not write it down where guests can see it.</source>
        <translation>请在本现场的其他每台前台输入它（设置 → 存储 → 设置密钥…）。持有它的人可以为本现场封印审计记录：不要写在客人能看到的地方。</translation>
    </message>
</context>
<context>
    <name>CloudForm</name>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Community number</source>
        <translation>社区编号</translation>
    </message>
    <message>
        <source>Card issuer MAC</source>
        <translation>云端发卡器 MAC</translation>
    </message>
    <message>
        <source>Operator area code</source>
        <translation>操作员国际区号</translation>
    </message>
    <message>
        <source>Operator mobile</source>
        <translation>操作员手机号</translation>
    </message>
    <message>
        <source>Community time zone</source>
        <translation>社区时区</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token</translation>
    </message>
    <message>
        <source>Operator password</source>
        <translation>操作员密码</translation>
    </message>
    <message>
        <source>for RF cards, e.g. A4C138000D01</source>
        <translation>用于 RF 卡，例如 A4C138000D01</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>One call per signing scheme and the operator&apos;s login, with the values as typed (nothing saved)</source>
        <translation>用所填的值按每种签名方式各调用一次，并检查操作员登录（不保存任何内容）</translation>
    </message>
    <message>
        <source>no system keyring available</source>
        <translation>没有可用的系统密钥环</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>已保存在系统密钥环中（输入即可替换）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>the operator&apos;s login works</source>
        <translation>操作员登录正常</translation>
    </message>
    <message>
        <source>no operator login given (RF cards need the operator&apos;s mobile and password)</source>
        <translation>未填写操作员登录信息（RF 卡需要操作员手机号和密码）</translation>
    </message>
    <message>
        <source>the operator&apos;s login could not be checked: the card issuer is offline</source>
        <translation>无法检查操作员登录：云端发卡器离线</translation>
    </message>
    <message>
        <source>Lock cloud OK: community {community}, {rooms} rooms in {buildings} buildings, card issuers: {issuers}; {operator}.</source>
        <translation>门锁云正常：社区 {community}，{buildings} 栋楼共 {rooms} 个房间，云端发卡器：{issuers}；{operator}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Testing the lock cloud…</source>
        <translation>正在测试门锁云…</translation>
    </message>
</context>
<context>
    <name>CloudPage</name>
    <message>
        <source>Lock cloud</source>
        <translation>门锁云</translation>
    </message>
    <message>
        <source>The account of the lock cloud: the room directory, QR and Bluetooth keys, RF cards and door logs. Test checks it without saving anything.</source>
        <translation>门锁云账户：房间目录、二维码和蓝牙钥匙、RF 卡和开门记录。“测试”只做检查，不保存任何内容。</translation>
    </message>
</context>
<context>
    <name>CloudPanel</name>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>{n} rooms loaded.</source>
        <translation>已加载 {n} 个房间。</translation>
    </message>
</context>
<context>
    <name>CloudSection</name>
    <message>
        <source>The lock-cloud account: the room directory, QR and Bluetooth keys, RF cards and door logs. The Auth Token and the operator&apos;s password are kept in the system keyring and never shown again.</source>
        <translation>门锁云账户：房间目录、二维码和蓝牙钥匙、RF 卡和开门记录。Auth Token 和操作员密码保存在系统密钥环中，之后不再显示。</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>门锁云</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>S&amp;witch operator…</source>
        <translation>切换操作员(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>锁定前台(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Single-operator desk ({name})</source>
        <translation>单人前台（{name}）</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>DeskShortcuts</name>
    <message>
        <source>&amp;Issue card</source>
        <translation>制卡(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Read card</source>
        <translation>读卡(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find room</source>
        <translation>查找房间(&amp;F)</translation>
    </message>
</context>
<context>
    <name>DeviceActions</name>
    <message>
        <source>clock set to this PC&apos;s time ({time}); drift now {drift}.</source>
        <translation>时钟已按本机时间校准（{time}）；当前偏差：{drift}。</translation>
    </message>
    <message>
        <source>setting the clock to this PC&apos;s time…</source>
        <translation>正在按本机时间校准时钟…</translation>
    </message>
    <message>
        <source>Open door</source>
        <translation>开门</translation>
    </message>
    <message>
        <source>Open a door of {reader} now?</source>
        <translation>现在打开 {reader} 的门吗？</translation>
    </message>
    <message>
        <source>The door unlocks at once: whoever is there can walk in. This is recorded in the audit trail.</source>
        <translation>门会立即解锁：在门口的任何人都能进入。此操作会记入审计记录。</translation>
    </message>
    <message>
        <source>Open door {door}</source>
        <translation>打开 {door} 号门</translation>
    </message>
    <message>
        <source>{reader}: no door opened (cancelled).</source>
        <translation>{reader}：未开门（已取消）。</translation>
    </message>
    <message>
        <source>door {door} opened.</source>
        <translation>{door} 号门已打开。</translation>
    </message>
    <message>
        <source>opening door {door}…</source>
        <translation>正在打开 {door} 号门…</translation>
    </message>
</context>
<context>
    <name>DeviceNames</name>
    <message>
        <source>Encoder</source>
        <translation>发卡器</translation>
    </message>
    <message>
        <source>Bluetooth locks</source>
        <translation>蓝牙门锁</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>门锁云</translation>
    </message>
    <message>
        <source>Site store</source>
        <translation>酒店数据库</translation>
    </message>
</context>
<context>
    <name>DeviceStatusBar</name>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>{name} status</source>
        <translation>{name} 状态</translation>
    </message>
    <message>
        <source>{name}: not set up</source>
        <translation>{name}：未设置</translation>
    </message>
    <message>
        <source>Click to set it up</source>
        <translation>点击进行设置</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>门禁</translation>
    </message>
</context>
<context>
    <name>DeviceStatusTable</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最近心跳</translation>
    </message>
    <message>
        <source>Clock drift</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Doors</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>… connecting</source>
        <translation>… 正在连接</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 故障</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>{n} 秒前</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <source> — set clock</source>
        <translation> — 请校准时钟</translation>
    </message>
    <message>
        <source>The reader&apos;s clock is {drift} off this PC&apos;s: its events are shown on this PC&apos;s clock. Press Set clock to correct the reader.</source>
        <translation>门禁的时钟与本机相差 {drift}：它的事件按本机时间显示。点“校准时钟”修正门禁的时钟。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation>设备状态</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DoorLogPanel</name>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Real-time</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Show door log</source>
        <translation>查看开门记录</translation>
    </message>
    <message>
        <source>Open door remotely…</source>
        <translation>远程开门…</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Dates and times are the community&apos;s: {zone}</source>
        <translation>日期和时间均为社区当地时间：{zone}</translation>
    </message>
    <message>
        <source>Opened at ({zone})</source>
        <translation>开门时间（{zone}）</translation>
    </message>
    <message>
        <source>{n} door openings.</source>
        <translation>{n} 次开门。</translation>
    </message>
    <message>
        <source>No door openings in that period.</source>
        <translation>该时间段内没有开门记录。</translation>
    </message>
    <message>
        <source>Open door remotely</source>
        <translation>远程开门</translation>
    </message>
    <message>
        <source>Open the door of room {room} now, through its gateway?
Anyone at the door can walk in.</source>
        <translation>现在通过网关打开房间 {room} 的门吗？
门口的任何人都能进入。</translation>
    </message>
    <message>
        <source>Remote unlock cancelled.</source>
        <translation>已取消远程开门。</translation>
    </message>
    <message>
        <source>Door of room {room} opened.</source>
        <translation>房间 {room} 的门已打开。</translation>
    </message>
</context>
<context>
    <name>EncoderPage</name>
    <message>
        <source>Card encoder</source>
        <translation>发卡器</translation>
    </message>
    <message>
        <source>The USB encoder that writes guest cards. KeyDesk remembers it by its USB identity, so it is found again on another port after a replug.</source>
        <translation>用于写宾客卡的 USB 发卡器。KeyDesk 按其 USB 身份记住它，重新插拔到其他端口后也能再找到。</translation>
    </message>
</context>
<context>
    <name>EncoderPanel</name>
    <message>
        <source>blank keys</source>
        <translation>出厂密钥</translation>
    </message>
    <message>
        <source>keyed by this site</source>
        <translation>本现场密钥</translation>
    </message>
    <message>
        <source>keys of another system</source>
        <translation>其他系统的密钥</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>客人卡</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工卡</translation>
    </message>
    <message>
        <source>master</source>
        <translation>总卡</translation>
    </message>
    <message>
        <source>Encoder ready</source>
        <translation>发卡器就绪</translation>
    </message>
    <message>
        <source>Connecting to the encoder…</source>
        <translation>正在连接发卡器…</translation>
    </message>
    <message>
        <source>Encoder not connected</source>
        <translation>发卡器未连接</translation>
    </message>
    <message>
        <source>Encoder not available</source>
        <translation>发卡器不可用</translation>
    </message>
    <message>
        <source>No card on the encoder</source>
        <translation>发卡器上没有卡</translation>
    </message>
    <message>
        <source>Room(s)</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Card kind</source>
        <translation>卡类型</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡序号</translation>
    </message>
    <message>
        <source>Issue card</source>
        <translation>制卡</translation>
    </message>
    <message>
        <source>Issue a card</source>
        <translation>制作房卡</translation>
    </message>
    <message>
        <source>Read card</source>
        <translation>读卡</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制卡…</translation>
    </message>
    <message>
        <source>Wipe card</source>
        <translation>清卡</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{what}…</source>
        <translation>{what}…</translation>
    </message>
    <message>
        <source>you will be asked</source>
        <translation>会先询问您</translation>
    </message>
    <message>
        <source>Issue it for those dates anyway?</source>
        <translation>仍按这些日期发卡吗？</translation>
    </message>
    <message>
        <source>Nothing was done: correct what is marked in red.</source>
        <translation>什么也没做：请修改标红的内容。</translation>
    </message>
    <message>
        <source>Room {rooms} is not in the lock cloud&apos;s room directory.</source>
        <translation>房间 {rooms} 不在门锁云的房间列表里。</translation>
    </message>
    <message>
        <source>Check the room number. Issue the card for it anyway?</source>
        <translation>请核对房号。仍为这个房间发卡吗？</translation>
    </message>
    <message>
        <source>Check the form</source>
        <translation>请检查填写内容</translation>
    </message>
    <message>
        <source>Wipe card {uid}?</source>
        <translation>清空卡 {uid}？</translation>
    </message>
    <message>
        <source>Wipe the card on the encoder?</source>
        <translation>清空发卡器上的卡？</translation>
    </message>
    <message>
        <source>Its stay is erased: it will no longer open any door, and it becomes a blank card that can be issued again.</source>
        <translation>卡上的入住信息会被清除：它将打不开任何门，变成一张可以重新发卡的空白卡。</translation>
    </message>
    <message>
        <source>Issuing</source>
        <translation>正在制卡</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Card {uid}, number {number}, {kind}</source>
        <translation>卡 {uid}，序号 {number}，{kind}</translation>
    </message>
    <message>
        <source>Valid {start} to {end}</source>
        <translation>有效期 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Card issued for room {rooms}</source>
        <translation>已为房间 {rooms} 制卡</translation>
    </message>
    <message>
        <source>Every block written, read back and decoded to this stay. Hand the card to the guest.</source>
        <translation>所有数据块均已写入、回读并核对为本次入住。可以把卡交给客人。</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>正在读卡</translation>
    </message>
    <message>
        <source>Valid card for room {rooms}</source>
        <translation>房间 {rooms} 的有效卡</translation>
    </message>
    <message>
        <source>Not a valid card</source>
        <translation>不是有效的卡</translation>
    </message>
    <message>
        <source>Card {uid}: {reason}</source>
        <translation>卡 {uid}：{reason}</translation>
    </message>
    <message>
        <source>Reading the card to copy</source>
        <translation>正在读取要复制的卡</translation>
    </message>
    <message>
        <source>Writing the duplicate</source>
        <translation>正在写入复制卡</translation>
    </message>
    <message>
        <source>Duplicate written for room {rooms}</source>
        <translation>已为房间 {rooms} 写入复制卡</translation>
    </message>
    <message>
        <source>a copy of card {uid} (number {number}); both open the same doors</source>
        <translation>是卡 {uid}（序号 {number}）的副本；两张卡可开同样的门</translation>
    </message>
    <message>
        <source>Every block written and read back.</source>
        <translation>所有数据块均已写入并回读。</translation>
    </message>
    <message>
        <source>Write duplicate</source>
        <translation>写入复制卡</translation>
    </message>
    <message>
        <source>Copying the stay of card {uid}. Take it off the encoder, put a new card on it and press “Write duplicate”.</source>
        <translation>正在复制卡 {uid} 的入住信息。把它从发卡器上拿开，放一张新卡，然后点“写入副本”。</translation>
    </message>
    <message>
        <source>Training: “Put a blank card” in the card tray above lays a new card on the encoder.</source>
        <translation>练习：点上方卡片托盘里的“放一张空白卡”，就会在发卡器上放一张新卡。</translation>
    </message>
    <message>
        <source>Now place the new card</source>
        <translation>现在放上新卡</translation>
    </message>
    <message>
        <source>Wiping</source>
        <translation>正在清卡</translation>
    </message>
    <message>
        <source>Card wiped</source>
        <translation>卡已清空</translation>
    </message>
    <message>
        <source>Card {uid} is blank and can be reused.</source>
        <translation>卡 {uid} 已清空，可以再次使用。</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
    <message>
        <source>Card on the encoder: {uid} ({what})</source>
        <translation>发卡器上的卡：{uid}（{what}）</translation>
    </message>
</context>
<context>
    <name>EncoderPicker</name>
    <message>
        <source>Encoder port</source>
        <translation>发卡器端口</translation>
    </message>
    <message>
        <source>COM3, /dev/ttyUSB0 or socket://host:port</source>
        <translation>COM3、/dev/ttyUSB0 或 socket://主机:端口</translation>
    </message>
    <message>
        <source>Encoder address</source>
        <translation>发卡器地址</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging the encoder in)</source>
        <translation>重新列出串口（插上发卡器之后）</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Ask the chosen encoder for its firmware</source>
        <translation>读取所选发卡器的固件版本</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>No encoder at this desk</source>
        <translation>本前台没有发卡器</translation>
    </message>
    <message>
        <source>USB serial number: {serial}</source>
        <translation>USB 序列号：{serial}</translation>
    </message>
    <message>
        <source>The encoder remembered by USB identity ({vid_pid}, not plugged in now)</source>
        <translation>按 USB 身份记住的发卡器（{vid_pid}，当前未插入）</translation>
    </message>
    <message>
        <source>Other address…</source>
        <translation>其他地址…</translation>
    </message>
    <message>
        <source>No serial port found. Plug the encoder in and press Detect, or type its address.</source>
        <translation>未找到串口。请插上发卡器后点“检测”，或输入其地址。</translation>
    </message>
    <message>
        <source>{count} serial port(s) found, {likely} look like an encoder.</source>
        <translation>找到 {count} 个串口，其中 {likely} 个像是发卡器。</translation>
    </message>
    <message>
        <source>Looking for serial ports…</source>
        <translation>正在查找串口…</translation>
    </message>
    <message>
        <source>In use by this desk: {firmware} on {port}</source>
        <translation>本前台正在使用：{port} 上的 {firmware}</translation>
    </message>
    <message>
        <source>Choose a port or type an address first.</source>
        <translation>请先选择端口或输入地址。</translation>
    </message>
    <message>
        <source>Asking the encoder…</source>
        <translation>正在询问发卡器…</translation>
    </message>
    <message>
        <source>Encoder found: {firmware} on {port}</source>
        <translation>找到发卡器：{port} 上的 {firmware}</translation>
    </message>
</context>
<context>
    <name>EncoderSection</name>
    <message>
        <source>The USB card encoder of this desk, remembered by its USB identity. Saved, the desk lets go of the old port and opens the new one at once.</source>
        <translation>本前台的 USB 发卡器，按其 USB 身份记住。保存后，前台立即释放旧端口并打开新端口。</translation>
    </message>
    <message>
        <source>Write a hex trace of every byte (for support)</source>
        <translation>以十六进制记录每个字节（供技术支持使用）</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>站点发卡密钥</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>发卡器</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Person / card</source>
        <translation>人员 / 卡</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>开门方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Kept on this desk: the site store&apos;s server cannot be reached. It is sent when the server is back, and then shown with every desk&apos;s events.</source>
        <translation>暂存在本前台：无法连接酒店数据库的服务器。服务器恢复后自动发送，之后与所有前台的事件一起显示。</translation>
    </message>
    <message>
        <source>Events in the order KeyDesk received them, at this PC&apos;s time: a reader whose clock is off is corrected by its measured drift (its own time is in the event&apos;s detail). ↺: fetched from the reader&apos;s log later. In italics: kept on this desk while the site store&apos;s server is away.</source>
        <translation>事件按 KeyDesk 收到的顺序排列，时间为本机时间：时钟不准的门禁按测得的偏差修正（门禁自己的时间见事件详情）。↺：之后从门禁的记录中补取。斜体：酒店数据库的服务器无法连接期间暂存在本前台的事件。</translation>
    </message>
</context>
<context>
    <name>EventWords</name>
    <message>
        <source>entry</source>
        <translation>进</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>出</translation>
    </message>
    <message>
        <source>{name} (user {user})</source>
        <translation>{name}（用户 {user}）</translation>
    </message>
    <message>
        <source>user {user}</source>
        <translation>用户 {user}</translation>
    </message>
    <message>
        <source>card {card}</source>
        <translation>卡 {card}</translation>
    </message>
    <message>
        <source>method {method}</source>
        <translation>方式 {method}</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>未开门</translation>
    </message>
    <message>
        <source>{verdict} — {reason} ({code}): {explanation}; {action}</source>
        <translation>{verdict} — {reason}（{code}）：{explanation}；{action}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Card {uid} taken off the encoder</source>
        <translation>卡 {uid} 已从发卡器上取走</translation>
    </message>
    <message>
        <source>Card {uid} on the encoder ({what})</source>
        <translation>发卡器上放了卡 {uid}（{what}）</translation>
    </message>
    <message>
        <source>Door opened</source>
        <translation>门已打开</translation>
    </message>
    <message>
        <source>Door closed</source>
        <translation>门已关闭</translation>
    </message>
    <message>
        <source>(ended)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <source>ALARM</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Fetched from the reader&apos;s own log after a gap in the live stream.</source>
        <translation>实时推送中断后，从门禁自身的记录中补取。</translation>
    </message>
    <message>
        <source>Time on this PC&apos;s clock; the reader&apos;s own clock said {time} ({offset} s off).</source>
        <translation>按本机时间；门禁自己的时钟显示 {time}（相差 {offset} 秒）。</translation>
    </message>
    <message>
        <source>Raw: {raw}</source>
        <translation>原始数据：{raw}</translation>
    </message>
</context>
<context>
    <name>ExplainPage</name>
    <message>
        <source>Search codes</source>
        <translation>搜索代码</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Language: as in Settings</source>
        <translation>语言：跟随设置</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>代码说明</translation>
    </message>
    <message>
        <source>Code or words, in any language (e.g. 5310, card, cartão, 发卡器)</source>
        <translation>输入代码或关键词，任何语言均可（如 5310、发卡器、cartão）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>找到 {n} 条</translation>
    </message>
    <message>
        <source>Pick an entry on the left to see what it means and what to do.</source>
        <translation>在左侧选择一项，查看含义和处理方法。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>发卡器</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>门锁</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <source>All results</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Device filter</source>
        <translation>设备筛选</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation>来源筛选</translation>
    </message>
    <message>
        <source>Result filter</source>
        <translation>结果筛选</translation>
    </message>
    <message>
        <source>Search card, name, code…</source>
        <translation>搜索卡号、姓名、代码…</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>搜索事件</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <source>No desk tools are installed.</source>
        <translation>未安装任何前台工具。</translation>
    </message>
</context>
<context>
    <name>FrontDeskTabs</name>
    <message>
        <source>Cards</source>
        <translation>房卡</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Guest keys</source>
        <translation>客人钥匙</translation>
    </message>
    <message>
        <source>RF cards</source>
        <translation>RF 卡</translation>
    </message>
    <message>
        <source>Door log and unlock</source>
        <translation>开门记录与远程开门</translation>
    </message>
    <message>
        <source>Lobby access</source>
        <translation>大堂门禁</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>The language of the window, the explanations and the commands, and how long the Monitor keeps events.</source>
        <translation>窗口、说明和命令所用的语言，以及监控页保留事件的时长。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Keep events for</source>
        <translation>事件保留</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>GuestKeysPanel</name>
    <message>
        <source>digits only, without country code</source>
        <translation>只填数字，不含国家区号</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Also send it by SMS</source>
        <translation>同时发送短信</translation>
    </message>
    <message>
        <source>Issue QR key</source>
        <translation>发放二维码钥匙</translation>
    </message>
    <message>
        <source>Bluetooth key for this room&apos;s lock</source>
        <translation>为此房间门锁生成蓝牙钥匙</translation>
    </message>
    <message>
        <source>New guest key</source>
        <translation>新客人钥匙</translation>
    </message>
    <message>
        <source>Guest mobile</source>
        <translation>客人手机号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Key opens</source>
        <translation>钥匙可开</translation>
    </message>
    <message>
        <source>16-character card number</source>
        <translation>16 位卡号</translation>
    </message>
    <message>
        <source>Show QR</source>
        <translation>显示二维码</translation>
    </message>
    <message>
        <source>Cancel key</source>
        <translation>注销钥匙</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Every key of the room (older locks need this)</source>
        <translation>该房间的所有钥匙（旧款门锁需要）</translation>
    </message>
    <message>
        <source>Existing key (uses the guest mobile above)</source>
        <translation>已有钥匙（使用上面的客人手机号）</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>The guest&apos;s QR key appears here.</source>
        <translation>客人的二维码钥匙显示在这里。</translation>
    </message>
    <message>
        <source>Guest QR key</source>
        <translation>客人二维码钥匙</translation>
    </message>
    <message>
        <source>Bluetooth key strings and next steps appear here.</source>
        <translation>蓝牙钥匙字符串和后续步骤显示在这里。</translation>
    </message>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>时间为社区当地时间：{zone}</translation>
    </message>
    <message>
        <source>Key {key} issued for room {room} and texted to the guest.</source>
        <translation>已为房间 {room} 发放钥匙 {key}，并已短信发送给客人。</translation>
    </message>
    <message>
        <source>Key {key} issued for room {room}.</source>
        <translation>已为房间 {room} 发放钥匙 {key}。</translation>
    </message>
    <message>
        <source>Key {key} fetched.</source>
        <translation>已取回钥匙 {key}。</translation>
    </message>
    <message>
        <source>Bluetooth key for {room}:</source>
        <translation>{room} 的蓝牙钥匙：</translation>
    </message>
    <message>
        <source>Bluetooth key ready: the guest&apos;s app uses this string.</source>
        <translation>蓝牙钥匙已生成：客人的 App 使用这串字符。</translation>
    </message>
    <message>
        <source>Key {key} cancelled.</source>
        <translation>钥匙 {key} 已注销。</translation>
    </message>
    <message>
        <source>Loss reported.</source>
        <translation>已挂失。</translation>
    </message>
    <message>
        <source>No QR image was returned.</source>
        <translation>未返回二维码图片。</translation>
    </message>
    <message>
        <source>Card number: {key}</source>
        <translation>卡号：{key}</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>在开始前已取消。</translation>
    </message>
</context>
<context>
    <name>KeyDeskSession</name>
    <message>
        <source>Saved. Work is still running (a card, a door…): the window speaks {language} from the next start of KeyDesk.</source>
        <translation>已保存。仍有操作在进行（制卡、调试门锁等）：下次启动 KeyDesk 时窗口将使用{language}。</translation>
    </message>
    <message>
        <source>Saved. The window now speaks {language}.</source>
        <translation>已保存。窗口已切换为{language}。</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to KeyDesk</source>
        <translation>欢迎使用 KeyDesk</translation>
    </message>
    <message>
        <source>A few steps set this desk up for its devices. Each can be skipped and done later in Settings; nothing is saved until Finish.</source>
        <translation>几个步骤即可为本前台设置好各设备。每一步都可以跳过，之后在“设置”中完成；点“完成”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LiveEventTable</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>The desk is locked.</source>
        <translation>前台已锁定。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
</context>
<context>
    <name>LocksPage</name>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>I am at this door (wake it)</source>
        <translation>我在这扇门前（唤醒）</translation>
    </message>
    <message>
        <source>Simulated site: touch the chosen door&apos;s lock so it advertises</source>
        <translation>模拟现场：触碰所选门的锁，让它开始广播</translation>
    </message>
    <message>
        <source>Plan from the cloud</source>
        <translation>从云端导入计划</translation>
    </message>
    <message>
        <source>Plan from a CSV…</source>
        <translation>从 CSV 导入计划…</translation>
    </message>
    <message>
        <source>Write the site report</source>
        <translation>生成现场报告</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Locks nearby</source>
        <translation>附近的门锁</translation>
    </message>
    <message>
        <source>All doors</source>
        <translation>全部门</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>需复查</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Site plan</source>
        <translation>现场计划</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Choose a door in the plan or a lock nearby.</source>
        <translation>请在计划中选择一扇门，或选择附近的一把锁。</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Test open</source>
        <translation>测试开门</translation>
    </message>
    <message>
        <source>Set clock</source>
        <translation>校准时钟</translation>
    </message>
    <message>
        <source>Read log</source>
        <translation>读取记录</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <source>This door</source>
        <translation>这扇门</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>门锁</translation>
    </message>
    <message>
        <source>Radio: simulated site at %1</source>
        <translation>无线：模拟现场 %1</translation>
    </message>
    <message>
        <source>Radio: this PC&apos;s Bluetooth</source>
        <translation>无线：本机蓝牙</translation>
    </message>
    <message>
        <source>No site plan</source>
        <translation>没有现场计划</translation>
    </message>
    <message>
        <source>%1 of %2 doors</source>
        <translation>%2 扇门中已处理 %1 扇</translation>
    </message>
    <message>
        <source>next: %1</source>
        <translation>下一扇：%1</translation>
    </message>
    <message>
        <source>Reading the cloud&apos;s room directory…</source>
        <translation>正在读取云端房间目录…</translation>
    </message>
    <message>
        <source>Site plan (CSV: room,mac)</source>
        <translation>现场计划（CSV：room,mac）</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 doors in the plan.</source>
        <translation>计划中共有 %1 扇门。</translation>
    </message>
    <message>
        <source>not in the site list</source>
        <translation>不在项目清单中</translation>
    </message>
    <message>
        <source>Door: %1 (lock %2)</source>
        <translation>门：%1（锁 %2）</translation>
    </message>
    <message>
        <source>Scanning… wake the lock if it is not in the list.</source>
        <translation>正在扫描… 如果列表中没有这把锁，请唤醒它。</translation>
    </message>
    <message>
        <source>%1 locks advertising.</source>
        <translation>%1 把锁正在广播。</translation>
    </message>
    <message>
        <source>No lock is advertising: touch the lock&apos;s keypad to wake it, stand close, and scan again.</source>
        <translation>没有门锁在广播：请触摸门锁键盘唤醒它，靠近后重新扫描。</translation>
    </message>
    <message>
        <source>The lock of %1 is awake.</source>
        <translation>%1 的门锁已唤醒。</translation>
    </message>
    <message>
        <source>Working on %1…</source>
        <translation>正在处理 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1: every step passed.</source>
        <translation>%1：所有步骤均通过。</translation>
    </message>
    <message>
        <source>%1 works but needs a revisit: </source>
        <translation>%1 可以使用，但需要复查：</translation>
    </message>
    <message>
        <source>Cancelled. The lock: %1</source>
        <translation>已取消。门锁状态：%1</translation>
    </message>
    <message>
        <source>Site report written: %1</source>
        <translation>现场报告已生成：%1</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>KeyDesk log</source>
        <translation>KeyDesk 日志</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>The last {count} lines; the full log is in {folder}. Passwords and tokens are masked.</source>
        <translation>最近 {count} 行；完整日志在 {folder}。密码和令牌已隐去。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>KeyDesk — demo (simulated devices)</source>
        <translation>KeyDesk — 演示（模拟设备）</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Starting KeyDesk…</source>
        <translation>正在启动 KeyDesk…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>前台(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Set-up &amp;assistant…</source>
        <translation>设置向导(&amp;A)…</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>显示日志(&amp;L)</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>打开日志文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Set-up saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>&amp;About KeyDesk {version}</source>
        <translation>关于 KeyDesk {version}(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Something unexpected went wrong ({kind}). It was written to the log; the window keeps working.</source>
        <translation>发生了意外错误（{kind}）。已写入日志；窗口可继续使用。</translation>
    </message>
    <message>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <source>Load older</source>
        <translation>加载更早的</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Select an event to read it in full.</source>
        <translation>选择一条事件查看完整内容。</translation>
    </message>
    <message>
        <source>Explain this code</source>
        <translation>说明此代码</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>nothing older in the store</source>
        <translation>数据库中没有更早的事件</translation>
    </message>
    <message>
        <source>{shown} events shown</source>
        <translation>显示 {shown} 条事件</translation>
    </message>
    <message>
        <source>({skipped} skipped while busy: in the store)</source>
        <translation>（繁忙时跳过 {skipped} 条：已保存在数据库中）</translation>
    </message>
    <message>
        <source>({kept} of them kept on this desk, not yet in the site store)</source>
        <translation>（其中 {kept} 条暂存在本前台，尚未进入酒店数据库）</translation>
    </message>
    <message>
        <source>Kept on this desk, not yet in the site store: it is sent when the server is back.</source>
        <translation>暂存在本前台，尚未进入酒店数据库：服务器恢复后自动发送。</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {n} events to {path}</source>
        <translation>已导出 {n} 条事件到 {path}</translation>
    </message>
</context>
<context>
    <name>NotSetUp</name>
    <message>
        <source>The card encoder is not set up yet</source>
        <translation>发卡器尚未设置</translation>
    </message>
    <message>
        <source>Choose the USB encoder of this desk to issue, read and copy guest cards.</source>
        <translation>请选择本前台的 USB 发卡器，用于制作、读取和复制宾客卡。</translation>
    </message>
    <message>
        <source>Set up the encoder…</source>
        <translation>设置发卡器…</translation>
    </message>
    <message>
        <source>The site card key is not set yet</source>
        <translation>站点发卡密钥尚未设置</translation>
    </message>
    <message>
        <source>Every card of this site is signed with its key: generate it on the first desk, or type the one the other desks use.</source>
        <translation>本站点的每张卡都用站点密钥签名：在第一台前台生成密钥，或输入其他前台使用的密钥。</translation>
    </message>
    <message>
        <source>Set the site card key…</source>
        <translation>设置站点发卡密钥…</translation>
    </message>
    <message>
        <source>The lock cloud is not set up yet</source>
        <translation>门锁云尚未设置</translation>
    </message>
    <message>
        <source>Rooms, guest keys, RF cards and door logs come from the lock cloud: give this desk the hotel&apos;s account.</source>
        <translation>房间、宾客钥匙、RF 卡和开门记录都来自门锁云：请为本前台填写酒店的账户。</translation>
    </message>
    <message>
        <source>Set up the lock cloud…</source>
        <translation>设置门锁云…</translation>
    </message>
    <message>
        <source>No access reader is set up yet</source>
        <translation>尚未设置门禁设备</translation>
    </message>
    <message>
        <source>Add the readers at the doors to give guests lobby access and to see who went where on the Monitor.</source>
        <translation>添加各门口的门禁设备，即可为宾客开通大堂通行权限，并在监控页查看谁去了哪里。</translation>
    </message>
    <message>
        <source>Add a reader…</source>
        <translation>添加门禁设备…</translation>
    </message>
    <message>
        <source>Who is commissioning?</source>
        <translation>由谁调试？</translation>
    </message>
    <message>
        <source>The technician&apos;s name is written in the site report and in each lock&apos;s log.</source>
        <translation>技术员的名字会写入现场报告和每把门锁的日志。</translation>
    </message>
    <message>
        <source>Set the technician…</source>
        <translation>设置技术员…</translation>
    </message>
</context>
<context>
    <name>OperatorRoles</name>
    <message>
        <source>clerk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>OperatorsSection</name>
    <message>
        <source>Who may work at this desk and what each may do. Changes here apply at once and are written to the audit trail.</source>
        <translation>谁可以在本前台工作以及各自能做什么。这里的修改立即生效，并记入审计记录。</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Lock the desk after</source>
        <translation>空闲多久后锁定前台</translation>
    </message>
    <message>
        <source>&lt;b&gt;Single-operator desk.&lt;/b&gt; Nobody signs in; every action is recorded under {name}. Add an admin to give each person an account.</source>
        <translation>&lt;b&gt;单人前台。&lt;/b&gt;无需登录；所有操作都记在 {name} 名下。添加一位管理员即可为每个人建立账户。</translation>
    </message>
    <message>
        <source>Everyone signs in. {count} account(s).</source>
        <translation>每个人都需登录。共 {count} 个账户。</translation>
    </message>
    <message>
        <source>Only an admin manages operators. Sign in as an admin (File → Switch operator).</source>
        <translation>只有管理员可以管理操作员。请以管理员身份登录（文件 → 切换操作员）。</translation>
    </message>
    <message>
        <source>Add the first admin…</source>
        <translation>添加第一位管理员…</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>正在添加 {name}…</translation>
    </message>
    <message>
        <source>{name} added as {role}.</source>
        <translation>已添加 {name}，角色：{role}。</translation>
    </message>
    <message>
        <source>Changing the role…</source>
        <translation>正在更改角色…</translation>
    </message>
    <message>
        <source>{name} is now {role}.</source>
        <translation>{name} 现在的角色是 {role}。</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>正在设置密码…</translation>
    </message>
    <message>
        <source>New password set for {name}.</source>
        <translation>已为 {name} 设置新密码。</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>正在删除 {name}…</translation>
    </message>
    <message>
        <source>{name} removed.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The desk locks after {minutes} idle minutes.</source>
        <translation>前台空闲 {minutes} 分钟后自动锁定。</translation>
    </message>
    <message>
        <source>The desk never locks by itself.</source>
        <translation>前台从不自动锁定。</translation>
    </message>
</context>
<context>
    <name>OutcomeLine</name>
    <message>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>门锁</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>代码说明</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>revisit</source>
        <translation>需复查</translation>
    </message>
</context>
<context>
    <name>ReaderAccessPanel</name>
    <message>
        <source>doors: numbers from 1, e.g. &apos;1&apos; or &apos;1, 2&apos; (got {text})</source>
        <translation>门：从 1 开始的编号，例如 &apos;1&apos; 或 &apos;1, 2&apos;（输入的是 {text}）</translation>
    </message>
    <message>
        <source>card UID in hex, e.g. 12EA3004</source>
        <translation>卡 UID（十六进制），例如 12EA3004</translation>
    </message>
    <message>
        <source>Capture from encoder</source>
        <translation>从发卡器读取</translation>
    </message>
    <message>
        <source>Reads the UID of the card lying on the local USB encoder (the Cards tab&apos;s encoder).</source>
        <translation>读取放在本机 USB 发卡器（“房卡”页的发卡器）上的卡的 UID。</translation>
    </message>
    <message>
        <source>shown on the reader&apos;s access events</source>
        <translation>显示在门禁的通行事件中</translation>
    </message>
    <message>
        <source>e.g. 101</source>
        <translation>例如 101</translation>
    </message>
    <message>
        <source>Door numbers on each chosen reader (1 = its first door).</source>
        <translation>所选每台门禁上的门编号（1 = 第一扇门）。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Guest card</source>
        <translation>客人房卡</translation>
    </message>
    <message>
        <source>Card UID</source>
        <translation>卡 UID</translation>
    </message>
    <message>
        <source>Guest name</source>
        <translation>客人姓名</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <source>Doors</source>
        <translation>门</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>门禁</translation>
    </message>
    <message>
        <source>No access readers are configured: add them in Settings.</source>
        <translation>尚未配置门禁：请在“设置”中添加。</translation>
    </message>
    <message>
        <source>Give access</source>
        <translation>开通门禁权限</translation>
    </message>
    <message>
        <source>Take access away</source>
        <translation>收回门禁权限</translation>
    </message>
    <message>
        <source>Result per reader</source>
        <translation>各门禁结果</translation>
    </message>
    <message>
        <source>No local encoder: type the card&apos;s UID.</source>
        <translation>本机没有发卡器：请输入卡的 UID。</translation>
    </message>
    <message>
        <source>Card {uid} captured on the encoder.</source>
        <translation>已从发卡器读取卡 {uid}。</translation>
    </message>
    <message>
        <source>Reading the card on the encoder…</source>
        <translation>正在读取发卡器上的卡…</translation>
    </message>
    <message>
        <source>Giving card {card} access…</source>
        <translation>正在为卡 {card} 开通权限…</translation>
    </message>
    <message>
        <source>Access given on {good} of {total} readers.</source>
        <translation>已在 {total} 台门禁中的 {good} 台开通权限。</translation>
    </message>
    <message>
        <source>Taking card {card}&apos;s access away…</source>
        <translation>正在收回卡 {card} 的权限…</translation>
    </message>
    <message>
        <source>Access taken away on {good} of {total} readers.</source>
        <translation>已在 {total} 台门禁中的 {good} 台收回权限。</translation>
    </message>
    <message>
        <source>tick at least one reader</source>
        <translation>请至少勾选一台门禁</translation>
    </message>
    <message>
        <source>{reader}: working…</source>
        <translation>{reader}：处理中…</translation>
    </message>
    <message>
        <source>See the failures below.</source>
        <translation>失败情况见下方。</translation>
    </message>
</context>
<context>
    <name>ReaderCheck</name>
    <message>
        <source>set its clock from the Monitor page</source>
        <translation>请在监控页校准其时钟</translation>
    </message>
    <message>
        <source>{type}, serial {serial}, firmware {firmware}; clock {drift}</source>
        <translation>{type}，序列号 {serial}，固件 {firmware}；时钟 {drift}</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>门禁设备</translation>
    </message>
</context>
<context>
    <name>ReaderDialog</name>
    <message>
        <source>Access reader</source>
        <translation>门禁设备</translation>
    </message>
    <message>
        <source>Edit access reader</source>
        <translation>编辑门禁设备</translation>
    </message>
    <message>
        <source>e.g. Lobby</source>
        <translation>例如：大堂</translation>
    </message>
    <message>
        <source>e.g. http://192.168.1.108</source>
        <translation>例如：http://192.168.1.108</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>已保存在系统密钥环中（输入即可替换）</translation>
    </message>
    <message>
        <source>the reader&apos;s web password</source>
        <translation>门禁设备的网页登录密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Careful with the password: after {tries} wrong passwords in a row the reader locks this PC out for about {minutes} minutes. KeyDesk never retries a refused password by itself.</source>
        <translation>请注意密码：连续输错 {tries} 次后，门禁设备会把本机锁定约 {minutes} 分钟。KeyDesk 不会自动重试被拒绝的密码。</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Give the reader a name (it is shown on its events).</source>
        <translation>请为门禁设备取个名字（会显示在其事件中）。</translation>
    </message>
    <message>
        <source>Another reader is already called {name}.</source>
        <translation>已有另一台门禁设备叫 {name}。</translation>
    </message>
    <message>
        <source>Type the reader&apos;s address, e.g. http://192.168.1.108.</source>
        <translation>请输入门禁设备的地址，例如 http://192.168.1.108。</translation>
    </message>
    <message>
        <source>Type the reader&apos;s password (it is kept in the system keyring).</source>
        <translation>请输入门禁设备的密码（保存在系统密钥环中）。</translation>
    </message>
    <message>
        <source>Type the address and the password first.</source>
        <translation>请先输入地址和密码。</translation>
    </message>
    <message>
        <source>The reader refused this user and password a moment ago. Another wrong try brings the lock-out closer: type the right password, then Test again.</source>
        <translation>门禁设备刚刚拒绝了这个用户名和密码。再错一次就更接近被锁定：请输入正确的密码后再测试。</translation>
    </message>
    <message>
        <source>Asking the reader…</source>
        <translation>正在询问门禁设备…</translation>
    </message>
</context>
<context>
    <name>ReaderList</name>
    <message>
        <source>Access readers</source>
        <translation>门禁设备</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>上次测试</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Ask the chosen reader who it is and what time its clock shows</source>
        <translation>询问所选门禁设备的身份及其时钟时间</translation>
    </message>
    <message>
        <source>{name} has no password yet: Edit… and type it.</source>
        <translation>{name} 还没有密码：请点“编辑…”输入。</translation>
    </message>
    <message>
        <source>{name} refused this password a moment ago: Edit… and type the right one first (wrong tries lead to a lock-out).</source>
        <translation>{name} 刚刚拒绝了这个密码：请先点“编辑…”输入正确的密码（多次输错会被锁定）。</translation>
    </message>
    <message>
        <source>Asking {name}…</source>
        <translation>正在询问 {name}…</translation>
    </message>
</context>
<context>
    <name>ReadersPage</name>
    <message>
        <source>Access readers</source>
        <translation>门禁设备</translation>
    </message>
    <message>
        <source>The Intelbras/Dahua readers at the doors whose events the Monitor shows. Add as many as the site has; each password is kept in the system keyring.</source>
        <translation>各门口的 Intelbras/大华门禁设备，其事件显示在监控页。现场有几台就添加几台；每个密码都保存在系统密钥环中。</translation>
    </message>
</context>
<context>
    <name>ReadersSection</name>
    <message>
        <source>The access readers whose events the Monitor shows. Saved, a new reader starts streaming at once and a removed one stops; each password is kept in the system keyring.</source>
        <translation>监控页显示其事件的门禁设备。保存后，新添加的设备立即开始推送事件，删除的设备立即停止；每个密码都保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>门禁</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Explain…</source>
        <translation>说明…</translation>
    </message>
    <message>
        <source>Place a card on the encoder, then choose what to do.</source>
        <translation>把卡放在发卡器上，然后选择要做的操作。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Check the form</source>
        <translation>请检查填写内容</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>RfCardsPanel</name>
    <message>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>{time} (community time: {zone})</source>
        <translation>{time}（社区当地时间：{zone}）</translation>
    </message>
    <message>
        <source>Serial {serial}
Room {room}
Valid until {until}
Batch {batch}</source>
        <translation>序列号 {serial}
房间 {room}
有效期至 {until}
批次 {batch}</translation>
    </message>
    <message>
        <source>QRA/QRB/other locks</source>
        <translation>QRA/QRB/其他门锁</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Issue RF card on the card issuer</source>
        <translation>在云端发卡器上制作 RF 卡</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>制卡</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Lock kind</source>
        <translation>门锁类型</translation>
    </message>
    <message>
        <source>Card holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>serial number of the card</source>
        <translation>卡的序列号</translation>
    </message>
    <message>
        <source>Read card on the issuer</source>
        <translation>在云端发卡器上读卡</translation>
    </message>
    <message>
        <source>Capture from encoder</source>
        <translation>从发卡器读取</translation>
    </message>
    <message>
        <source>Reads the card&apos;s serial number (UID) on the local USB encoder of the Cards tab.</source>
        <translation>在“房卡”页的本机 USB 发卡器上读取卡的序列号（UID）。</translation>
    </message>
    <message>
        <source>Log out (cancel) this card</source>
        <translation>注销此卡</translation>
    </message>
    <message>
        <source>Read / cancel</source>
        <translation>读卡 / 注销</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>The card read from the issuer appears here.</source>
        <translation>从云端发卡器读到的卡显示在这里。</translation>
    </message>
    <message>
        <source>Times are the community&apos;s: {zone}</source>
        <translation>时间为社区当地时间：{zone}</translation>
    </message>
    <message>
        <source>RF card {serial} logged out.</source>
        <translation>RF 卡 {serial} 已注销。</translation>
    </message>
    <message>
        <source>No local encoder: type the serial number or read it on the card issuer.</source>
        <translation>本机没有 USB 发卡器：请输入序列号，或在云端发卡器上读取。</translation>
    </message>
    <message>
        <source>Serial {serial} captured on the encoder.</source>
        <translation>已从发卡器读取序列号 {serial}。</translation>
    </message>
    <message>
        <source>Card {serial} on the issuer.</source>
        <translation>云端发卡器上的卡：{serial}。</translation>
    </message>
</context>
<context>
    <name>RoomPicker</name>
    <message>
        <source>BUILDING-FLOOR-ROOM, e.g. 001-01-0101</source>
        <translation>楼栋-楼层-房间，例如 001-01-0101</translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <source>Building / floor / room</source>
        <translation>楼栋 / 楼层 / 房间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lock type</source>
        <translation>门锁类型</translation>
    </message>
    <message>
        <source>Lock MAC</source>
        <translation>门锁 MAC</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Room directory</source>
        <translation>房间目录</translation>
    </message>
    <message>
        <source>Search rooms, lock types, MACs…</source>
        <translation>搜索房间、门锁类型、MAC…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Check every lock-cloud setting with calls that change nothing: the account, the card issuer and the operator&apos;s login</source>
        <translation>用不做任何修改的请求检查门锁云的每项设置：账号、云端发卡器和操作员登录</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Connection OK: community {community}, {rooms} rooms, card issuers: {issuers}.</source>
        <translation>连接正常：社区 {community}，{rooms} 个房间，云端发卡器：{issuers}。</translation>
    </message>
    <message>
        <source>Operator login accepted.</source>
        <translation>操作员登录已通过。</translation>
    </message>
    <message>
        <source>Operator login not checked: no operator mobile and password in Settings (RF cards need them).</source>
        <translation>未检查操作员登录：设置中没有操作员手机号和密码（制作射频卡需要它们）。</translation>
    </message>
    <message>
        <source>Operator login not checked: the card issuer is offline.</source>
        <translation>未检查操作员登录：云端发卡器离线。</translation>
    </message>
    <message>
        <source>Building {n}</source>
        <translation>{n} 号楼</translation>
    </message>
    <message>
        <source>Floor {n}</source>
        <translation>{n} 层</translation>
    </message>
    <message>
        <source>{buildings} buildings, {rooms} rooms.</source>
        <translation>{buildings} 栋楼，{rooms} 个房间。</translation>
    </message>
</context>
<context>
    <name>ScanList</name>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电量</translation>
    </message>
    <message>
        <source>Setting mode</source>
        <translation>设置模式</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>not in the site list</source>
        <translation>不在项目清单中</translation>
    </message>
</context>
<context>
    <name>SettingsBanner</name>
    <message>
        <source>Open Settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings sections</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Save every section (Ctrl+S)</source>
        <translation>保存所有分类（Ctrl+S）</translation>
    </message>
    <message>
        <source>Settings were not saved: {reason}. Nothing was changed; check the disk and press Save again.</source>
        <translation>设置未保存：{reason}。没有任何更改；请检查磁盘后再次点“保存”。</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as they were.</source>
        <translation>没有需要保存的内容：设置与原来相同。</translation>
    </message>
    <message>
        <source>The encoder reconnects with the new settings.</source>
        <translation>发卡器将按新设置重新连接。</translation>
    </message>
    <message>
        <source>Now streaming: {names}.</source>
        <translation>已开始推送：{names}。</translation>
    </message>
    <message>
        <source>Stopped: {names}.</source>
        <translation>已停止：{names}。</translation>
    </message>
    <message>
        <source>Reconnecting: {names}.</source>
        <translation>正在重新连接：{names}。</translation>
    </message>
    <message>
        <source>Restart KeyDesk to use the new store location.</source>
        <translation>请重新启动 KeyDesk 以使用新的数据存储位置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up KeyDesk</source>
        <translation>设置 KeyDesk</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>跳过此步</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>skipped — set it up later in Settings</source>
        <translation>已跳过——稍后在“设置”中完成</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Card encoder</source>
        <translation>发卡器</translation>
    </message>
    <message>
        <source>found by its USB identity {vid_pid}, serial {serial}</source>
        <translation>按 USB 身份 {vid_pid}（序列号 {serial}）查找</translation>
    </message>
    <message>
        <source>Lock cloud</source>
        <translation>门锁云</translation>
    </message>
    <message>
        <source>community {community} at {url}</source>
        <translation>{url} 上的社区 {community}</translation>
    </message>
    <message>
        <source>Access readers</source>
        <translation>门禁设备</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>站点发卡密钥</translation>
    </message>
    <message>
        <source>the key this PC already has</source>
        <translation>本机已有的密钥</translation>
    </message>
    <message>
        <source>a new key — write it down before you press Finish</source>
        <translation>新密钥——点“完成”之前请先抄下来</translation>
    </message>
    <message>
        <source>the key you typed</source>
        <translation>您输入的密钥</translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}. Nothing was changed; free some disk space or choose a writable folder, then press Finish again.</source>
        <translation>无法保存设置：{reason}。没有任何更改；请释放磁盘空间或选择可写的文件夹，然后再次点“完成”。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to KeyDesk</source>
        <translation>登录 KeyDesk</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或 PIN</translation>
    </message>
    <message>
        <source>Demo operators, to try each role:</source>
        <translation>演示操作员，可试用各个角色：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit KeyDesk</source>
        <translation>退出 KeyDesk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <source>{name} was signed in. Type the password to carry on, or another operator can sign in.</source>
        <translation>{name} 已登录。输入密码继续，或由其他操作员登录。</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>The next operator signs in; everything they do is recorded under their name.</source>
        <translation>下一位操作员登录后，其所有操作都会记在其名下。</translation>
    </message>
    <message>
        <source>Who is at the desk?</source>
        <translation>谁在前台？</translation>
    </message>
    <message>
        <source>Sign in with your name and password or PIN. Everything you do is recorded under your name.</source>
        <translation>请用您的名字和密码或 PIN 登录。您的所有操作都会记在您名下。</translation>
    </message>
    <message>
        <source>Type your name and your password or PIN.</source>
        <translation>请输入您的名字和密码或 PIN。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; it is in the log.</source>
        <translation>发生了意外错误，详情已记入日志。</translation>
    </message>
    <message>
        <source>Try again in {seconds} s.</source>
        <translation>请在 {seconds} 秒后重试。</translation>
    </message>
</context>
<context>
    <name>SiteKeyForm</name>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;site card key&lt;/b&gt; is the secret every guest card of this hotel is signed with: a door opens only for cards signed with its site&apos;s key.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Every desk of the site must use the same key.&lt;/b&gt; On the first desk, generate one; on the others, type the key the first desk shows.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Write it down and keep it safe&lt;/b&gt; (a safe, a password manager). It is kept only in this PC&apos;s keyring: if the PC is replaced and the key is lost, every card in use must be issued again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;站点发卡密钥&lt;/b&gt;是本酒店每张宾客卡签名所用的密钥：门锁只认用本站点密钥签名的卡。&lt;/p&gt;&lt;p&gt;&lt;b&gt;同一站点的所有前台必须使用同一个密钥。&lt;/b&gt;在第一台前台生成密钥；在其他前台输入第一台显示的密钥。&lt;/p&gt;&lt;p&gt;&lt;b&gt;请抄下来并妥善保管&lt;/b&gt;（保险柜、密码管理器）。它只保存在本机的密钥环中：如果更换电脑时密钥丢失，所有在用的卡都必须重新制作。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Generate a new key (the first desk of this site)</source>
        <translation>生成新密钥（本站点的第一台前台）</translation>
    </message>
    <message>
        <source>Type the key the other desks use</source>
        <translation>输入其他前台使用的密钥</translation>
    </message>
    <message>
        <source>Site card key</source>
        <translation>站点发卡密钥</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>至少 {count} 个字符</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the key to paste it into a password manager</source>
        <translation>复制密钥，以便粘贴到密码管理器中</translation>
    </message>
    <message>
        <source>Keep the key this PC already has</source>
        <translation>保留本机已有的密钥</translation>
    </message>
    <message>
        <source>Not now (cards cannot be issued until a key is set)</source>
        <translation>暂不设置（设置密钥之前无法制卡）</translation>
    </message>
    <message>
        <source>The key must have at least {count} characters.</source>
        <translation>密钥至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The key starts or ends with a space: type it exactly.</source>
        <translation>密钥开头或结尾有空格：请准确输入。</translation>
    </message>
</context>
<context>
    <name>SiteKeyPage</name>
    <message>
        <source>Site card key</source>
        <translation>站点发卡密钥</translation>
    </message>
    <message>
        <source>The secret the cards of this site are signed with.</source>
        <translation>本站点的卡签名所用的密钥。</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Initialise</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Admin login</source>
        <translation>管理员登录</translation>
    </message>
    <message>
        <source>Tie to its room</source>
        <translation>绑定房间</translation>
    </message>
    <message>
        <source>Set the clock</source>
        <translation>校准时钟</translation>
    </message>
    <message>
        <source>Prove it opens</source>
        <translation>验证开门</translation>
    </message>
    <message>
        <source>Find it in the log</source>
        <translation>在记录中查找</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>StoreHealth</name>
    <message>
        <source>Check event &amp;database…</source>
        <translation>检查事件数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Event database</source>
        <translation>事件数据库</translation>
    </message>
</context>
<context>
    <name>StoreHealthBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>StoreSection</name>
    <message>
        <source>Where the events and the audit trail are kept. Empty: SQLite files in {folder}.</source>
        <translation>事件和审计记录的保存位置。留空：{folder} 中的 SQLite 文件。</translation>
    </message>
    <message>
        <source>empty, or postgresql://user@host/keydesk</source>
        <translation>留空，或 postgresql://用户@主机/keydesk</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Audit chain key</source>
        <translation>审计记录密钥</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Connect with the address and password as typed (nothing saved, nothing written)</source>
        <translation>按输入的地址和密码连接（不保存、不写入任何内容）</translation>
    </message>
    <message>
        <source>With a PostgreSQL server (on the back-office PC), every desk of the hotel shares the events and the audit trail, and sees the others&apos; events live; every desk needs the same audit chain key. While the server cannot be reached, this desk keeps what it records and sends it when the server is back. A change applies at the next start. The password is kept in the system keyring.</source>
        <translation>使用 PostgreSQL 服务器（放在后台办公室的电脑上）时，酒店的所有前台共享事件和审计记录，并实时看到彼此的事件；每个前台都需要同一个审计链密钥。服务器无法连接期间，本前台会保存所记录的内容，待服务器恢复后再发送。更改在下次启动时生效。密码保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>数据存储</translation>
    </message>
    <message>
        <source>saved in the system keyring (type to replace)</source>
        <translation>已保存在系统密钥环中（输入即可替换）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>This is what Finish saves. Anything skipped can be set up later in Settings, or by running this assistant again from the Help menu.</source>
        <translation>点“完成”将保存以下内容。跳过的部分可以稍后在“设置”中完成，或从“帮助”菜单再次运行本向导。</translation>
    </message>
</context>
<context>
    <name>entry</name>
    <message>
        <source>KeyDesk could not start: {reason}. The details are in the log in {folder}. Start it again; if this happens again, send that log to support.</source>
        <translation>KeyDesk 无法启动：{reason}。详细信息在 {folder} 的日志中。请再次启动；如果仍然出现，请把该日志发给技术支持。</translation>
    </message>
</context>
<context>
    <name>question</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
