<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</TS>
