<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于物业交接台</source>
        <translation>About HandoverDesk</translation>
    </message>
    <message>
        <source>本机 SQLite 文件</source>
        <translation>Local SQLite file</translation>
    </message>
    <message>
        <source>PostgreSQL 服务器</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <source>{database}（{kind}）</source>
        <translation>{database} ({kind})</translation>
    </message>
    <message>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <source>数据文件夹：</source>
        <translation>Data folder: </translation>
    </message>
    <message>
        <source>日志文件：</source>
        <translation>Log file: </translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>物业交接的清单、遗留问题、钥匙和费用对账。</source>
        <translation>Property handover lists, defects, keys and fee reconciliation.</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>同事的账号</source>
        <translation>Colleagues' accounts</translation>
    </message>
    <message>
        <source>为每位同事建一个账号：文员办理日常事务，主管签署清单、批准借钥匙，管理员管理账号和设置。大家各用各的账号登录，操作日志才记得清是谁做的。以后在“管理 → 用户管理”中添加。</source>
        <translation>Create an account for each colleague: clerks handle daily work, supervisors sign lists and approve key loans, administrators manage accounts and settings. When everyone logs in with their own account, the audit log shows clearly who did what. You can add accounts later in "Admin → User management".</translation>
    </message>
    <message>
        <source>添加或管理账号…</source>
        <translation>Add or manage accounts…</translation>
    </message>
    <message>
        <source>在用账号：{line}。</source>
        <translation>Active accounts: {line}.</translation>
    </message>
    <message>
        <source>还没有文员或主管的账号。</source>
        <translation>There are no clerk or supervisor accounts yet.</translation>
    </message>
</context>
<context>
    <name>AddMeterDialog</name>
    <message>
        <source>新增表具</source>
        <translation>Add meter</translation>
    </message>
    <message>
        <source>表具上的编号</source>
        <translation>Number shown on the meter</translation>
    </message>
    <message>
        <source>房号；公共表具填位置，如“3栋 总水表”</source>
        <translation>Unit; for a shared meter enter its location, e.g. "Building 3 main water meter"</translation>
    </message>
    <message>
        <source>原物业最后一次计费的读数（可空）</source>
        <translation>Last reading the previous company billed (optional)</translation>
    </message>
    <message>
        <source>已知</source>
        <translation>Known</translation>
    </message>
    <message>
        <source>交接基准日读数</source>
        <translation>Reading on the cut-off date</translation>
    </message>
    <message>
        <source>表号</source>
        <translation>Meter no.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>房号/位置</source>
        <translation>Unit/location</translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation>Last reading</translation>
    </message>
    <message>
        <source>上次抄表日</source>
        <translation>Last read on</translation>
    </message>
    <message>
        <source>本次读数</source>
        <translation>Current reading</translation>
    </message>
    <message>
        <source>抄表日</source>
        <translation>Read on</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>首次登录时须修改密码</source>
        <translation>Must change password at first login</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>Username: </translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role: </translation>
    </message>
    <message>
        <source>初始密码：</source>
        <translation>Initial password: </translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation>Confirm password: </translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>修订财务结算</source>
        <translation>Amend financial settlement</translation>
    </message>
    <message>
        <source>将创建第 {n} 版结算草稿；第 {old} 版保持签署时的内容。修订期间可重新导入台账、处理差异、更正抄表底数，完成后再次签署。</source>
        <translation>A draft settlement, version {n}, will be created; version {old} keeps the content it was signed with. While amending you can re-import ledgers, resolve differences and correct meter readings, then sign again when done.</translation>
    </message>
</context>
<context>
    <name>ArchiveRestoreDialog</name>
    <message>
        <source>从备份文件恢复到空数据库</source>
        <translation>Restore a backup file into an empty database</translation>
    </message>
    <message>
        <source>备份文件只能恢复到一个空的数据库：请先请管理员在服务器上新建一个空数据库，在下面填写它。当前数据库不会被改动。</source>
        <translation>A backup file can only be restored into an empty database: first ask the administrator to create an empty database on the server, then enter it below. The current database will not be changed.</translation>
    </message>
    <message>
        <source>物业交接台备份文件（.zip）</source>
        <translation>HandoverDesk backup file (.zip)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>空数据库的名称</source>
        <translation>Name of the empty database</translation>
    </message>
    <message>
        <source>备份文件：</source>
        <translation>Backup file: </translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation>Server: </translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port: </translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation>Database name: </translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>Username: </translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <source>「备份文件」：请选择一个存在的备份文件。</source>
        <translation>"Backup file": please choose an existing backup file.</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>已把备份恢复到数据库“{where}”（共 {rows} 行）。

要让本机改用这个数据库吗？程序将重新启动。</source>
        <translation>The backup was restored into database "{where}" ({rows} rows in total).

Switch this computer to this database? The program will restart.</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>操作日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>全部数据表</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>在内容中查找（如房号、姓名）</source>
        <translation>Search the content (e.g. unit, name)</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <source>数据表：</source>
        <translation>Table: </translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date: </translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>查找：</source>
        <translation>Search: </translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>操作日志_{day}.xlsx</source>
        <translation>audit_log_{day}.xlsx</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出操作日志…</source>
        <translation>Exporting audit log…</translation>
    </message>
    <message>
        <source>已导出 {rows} 条到 {path}</source>
        <translation>Exported {rows} entries to {path}</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>备份时间</source>
        <translation>Backup time</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>BlankListDialog</name>
    <message>
        <source>新建空白清单</source>
        <translation>New blank list</translation>
    </message>
    <message>
        <source>清单名称：</source>
        <translation>List name: </translation>
    </message>
</context>
<context>
    <name>BrowseTab</name>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>输入文字筛选，回车转到表格</source>
        <translation>Type to filter; Enter moves to the table</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>超过 {n} 条，正在计数…</source>
        <translation>More than {n} rows, counting…</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <source>新增楼栋</source>
        <translation>Add building</translation>
    </message>
    <message>
        <source>修改楼栋</source>
        <translation>Edit building</translation>
    </message>
    <message>
        <source>如 3栋、B座</source>
        <translation>e.g. Building 3, Block B</translation>
    </message>
    <message>
        <source>留空：排在最后</source>
        <translation>Leave blank to put it last</translation>
    </message>
    <message>
        <source>楼栋名称</source>
        <translation>Building name</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Sort order</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>批量处理对账差异</source>
        <translation>Resolve differences in bulk</translation>
    </message>
    <message>
        <source>选中的 {n} 行</source>
        <translation>The {n} selected rows</translation>
    </message>
    <message>
        <source>处理方式：</source>
        <translation>Decision: </translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Scope: </translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation>Explanation: </translation>
    </message>
    <message>
        <source>全部差异类型</source>
        <translation>all difference types</translation>
    </message>
    <message>
        <source>全部收费项目</source>
        <translation>all fee items</translation>
    </message>
    <message>
        <source>当前筛选（{what}）的全部待处理差异</source>
        <translation>All open differences in the current filter ({what})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；文字筛选不适用</source>
        <translation>; the text filter does not apply</translation>
    </message>
    <message>
        <source>将把 {n} 项待处理差异标记为“{decision}”。不适用此处理或已处理的项保持不变。</source>
        <translation>{n} open differences will be marked "{decision}". Items this decision does not apply to, or already resolved, stay unchanged.</translation>
    </message>
    <message>
        <source>处理 {n} 项</source>
        <translation>Resolve {n}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>请设置新密码</source>
        <translation>Please set a new password</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <source>原密码：</source>
        <translation>Current password: </translation>
    </message>
    <message>
        <source>{who}，管理员为您设置了临时密码。请设置只有您自己知道的新密码，保存后才能继续使用。</source>
        <translation>{who}, the administrator has given you a temporary password. Please set a new password that only you know; you can continue once it is saved.</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>新密码：</source>
        <translation>New password: </translation>
    </message>
    <message>
        <source>确认新密码：</source>
        <translation>Confirm new password: </translation>
    </message>
    <message>
        <source>至少 {n} 位；不能与原密码相同。</source>
        <translation>At least {n} characters; must differ from the current password.</translation>
    </message>
    <message>
        <source>保存新密码</source>
        <translation>Save new password</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
</context>
<context>
    <name>ChecklistImportDialog</name>
    <message>
        <source>从 Excel 导入交接清单</source>
        <translation>Import handover list from Excel</translation>
    </message>
    <message>
        <source>请选择交接清单 Excel 文件（.xlsx）：有标题行、合并单元格、分类行均可。</source>
        <translation>Please choose a handover list Excel file (.xlsx): title rows, merged cells and category rows are all fine.</translation>
    </message>
    <message>
        <source>选择交接清单</source>
        <translation>Choose handover list</translation>
    </message>
    <message>
        <source>正在读取交接清单…</source>
        <translation>Reading handover list…</translation>
    </message>
    <message>
        <source>正在导入交接清单…</source>
        <translation>Importing handover list…</translation>
    </message>
    <message>
        <source>默认取表格的标题行或文件名</source>
        <translation>Defaults to the sheet's title row or the file name</translation>
    </message>
    <message>
        <source>清单名称*：</source>
        <translation>List name*: </translation>
    </message>
    <message>
        <source>将创建一张草稿清单：{0} 类 {1} 项。</source>
        <translation>A draft list will be created: {0} categories, {1} items.</translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation>Import complete: </translation>
    </message>
</context>
<context>
    <name>ChecklistPreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specification/model</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>ClosingTimeDialog</name>
    <message>
        <source>下班时间</source>
        <translation>Closing time</translation>
    </message>
    <message>
        <source>下班时间（借出钥匙默认此前归还）：</source>
        <translation>Closing time (lent keys are due back before it by default): </translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <source>列对应</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>手动指定</source>
        <translation>Set manually</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(don't import)</translation>
    </message>
    <message>
        <source>按表头各列</source>
        <translation>By header column</translation>
    </message>
    <message>
        <source>未识别</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>Recognised automatically</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>没有找到完好的备份。请联系技术支持。</source>
        <translation>No intact backup was found. Please contact technical support.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>最近一份完好的备份（已检查）：</source>
        <translation>Latest intact backup (checked): </translation>
    </message>
    <message>
        <source>恢复后，损坏的文件另存一份（文件名含“恢复前”），程序打开恢复后的数据库。备份之后所做的修改不在备份里。</source>
        <translation>After restoring, a copy of the damaged file is kept (its name contains "before-restore"), and the program opens the restored database. Changes made after the backup are not in it.</translation>
    </message>
    <message>
        <source>恢复这份备份</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>不恢复</source>
        <translation>Don't restore</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>本机数据库文件（SQLite，一个前台）</source>
        <translation>Local database file (SQLite, one front desk)</translation>
    </message>
    <message>
        <source>PostgreSQL 服务器（多个前台共用）</source>
        <translation>PostgreSQL server (shared by several front desks)</translation>
    </message>
    <message>
        <source>保存后下次启动程序时生效。切换数据库不会搬移数据：原数据库的内容仍在原处。</source>
        <translation>Takes effect the next time the program starts. Switching databases does not move any data: the old database's contents stay where they are.</translation>
    </message>
    <message>
        <source>留空即本机默认数据库文件</source>
        <translation>Leave blank for the default local database file</translation>
    </message>
    <message>
        <source>选择或新建…</source>
        <translation>Choose or create…</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File: </translation>
    </message>
    <message>
        <source>服务器名称或 IP 地址</source>
        <translation>Server name or IP address</translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation>Server: </translation>
    </message>
    <message>
        <source>端口：</source>
        <translation>Port: </translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation>Database name: </translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>Username: </translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>选择或新建数据库文件</source>
        <translation>Choose or create a database file</translation>
    </message>
    <message>
        <source>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>SQLite database (*.sqlite *.db);;All files (*)</translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>整改期限设置</source>
        <translation>Rectification deadline settings</translation>
    </message>
    <message>
        <source>天（1～365）</source>
        <translation>days (1–365)</translation>
    </message>
    <message>
        <source>{s}问题整改期限：</source>
        <translation>Rectification deadline for {s} defects: </translation>
    </message>
    <message>
        <source>{s}问题整改期限</source>
        <translation>Rectification deadline for {s} defects</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>处理对账差异 — {unit} {item}</source>
        <translation>Resolve difference — {unit} {item}</translation>
    </message>
    <message>
        <source>所属期：</source>
        <translation>Period: </translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>差异：</source>
        <translation>Difference: </translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>原物业说明：</source>
        <translation>Previous company's note: </translation>
    </message>
    <message>
        <source>当前处理：</source>
        <translation>Current decision: </translation>
    </message>
    <message>
        <source>处理：</source>
        <translation>Decision: </translation>
    </message>
    <message>
        <source>调整后应收：</source>
        <translation>Adjusted billed: </translation>
    </message>
    <message>
        <source>调整后实收：</source>
        <translation>Adjusted paid: </translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation>Explanation: </translation>
    </message>
    <message>
        <source>应收</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>原物业台账</source>
        <translation>Previous company's ledger</translation>
    </message>
    <message>
        <source>我方台账</source>
        <translation>Our ledger</translation>
    </message>
    <message>
        <source>恢复待处理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>调整后应收</source>
        <translation>Adjusted billed</translation>
    </message>
    <message>
        <source>调整后实收</source>
        <translation>Adjusted paid</translation>
    </message>
    <message>
        <source>必填：处理依据，如“业主提供收据”“双方核实”</source>
        <translation>Required: the basis, e.g. "owner showed a receipt", "checked by both parties"</translation>
    </message>
</context>
<context>
    <name>DefectDialog</name>
    <message>
        <source>编辑遗留问题 {n}</source>
        <translation>Edit defect {n}</translation>
    </message>
    <message>
        <source>登记遗留问题</source>
        <translation>Record defect</translation>
    </message>
    <message>
        <source>选择或输入房号；公共部位直接填写，如“地下车库B区”</source>
        <translation>Choose or type a unit; for a common area type it in, e.g. "Basement car park zone B"</translation>
    </message>
    <message>
        <source>留空为当前用户</source>
        <translation>Leave blank for the current user</translation>
    </message>
    <message>
        <source>修改整改期限须写明原因，记入处理记录</source>
        <translation>Give a reason for changing the rectification deadline; it is written to the history</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>期限变更原因</source>
        <translation>Reason for deadline change</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>照片：</source>
        <translation>Photos:</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>把照片文件拖到这里，或点“添加照片…”；单击照片查看原图</source>
        <translation>Drag photo files here or click "Add photos…"; click a photo to view it full size</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>删除照片</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>正在读取照片…</source>
        <translation>Reading photos…</translation>
    </message>
    <message>
        <source>照片仍在读取，请稍候再保存。</source>
        <translation>Photos are still being read; please wait a moment before saving.</translation>
    </message>
    <message>
        <source>转为遗留问题 — 第 {seq} 项</source>
        <translation>Convert to defect — item {seq}</translation>
    </message>
    <message>
        <source>严重程度：</source>
        <translation>Severity: </translation>
    </message>
    <message>
        <source>责任方：</source>
        <translation>Responsible party: </translation>
    </message>
    <message>
        <source>问题描述：</source>
        <translation>Description: </translation>
    </message>
</context>
<context>
    <name>DefectsTab</name>
    <message>
        <source>按编号、位置、描述筛选，回车转到表格</source>
        <translation>Filter by number, location or description; Enter moves to the table</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部程度</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>全部责任方</source>
        <translation>All responsible parties</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>今日待办</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>详情与记录</source>
        <translation>Details and history</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>整改期限已保存，新登记的问题按新期限计算</source>
        <translation>Rectification deadlines saved; newly recorded defects use the new deadlines</translation>
    </message>
    <message>
        <source>发出整改通知</source>
        <translation>Send rectification notice</translation>
    </message>
    <message>
        <source>备注（送达方式、签收人）</source>
        <translation>Note (how it was delivered, who signed for it)</translation>
    </message>
    <message>
        <source>提交复验</source>
        <translation>Submit for re-inspection</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification work done</translation>
    </message>
    <message>
        <source>复验通过</source>
        <translation>Re-inspection passed</translation>
    </message>
    <message>
        <source>复验不合格</source>
        <translation>Re-inspection failed</translation>
    </message>
    <message>
        <source>复验意见（复验覆盖整套房屋或整个项目）</source>
        <translation>Re-inspection remarks (the re-inspection covers the whole unit or the whole project)</translation>
    </message>
    <message>
        <source>不合格原因</source>
        <translation>Reason for failing</translation>
    </message>
    <message>
        <source>无法整改</source>
        <translation>Cannot be fixed</translation>
    </message>
    <message>
        <source>书面报告</source>
        <translation>Written report</translation>
    </message>
    <message>
        <source>记录已催办/已上报</source>
        <translation>Record reminder sent / reported</translation>
    </message>
    <message>
        <source>说明（发给谁、如何告知）</source>
        <translation>Note (sent to whom, how they were told)</translation>
    </message>
    <message>
        <source>登记问题…</source>
        <translation>Record defect…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>复验不合格…</source>
        <translation>Re-inspection failed…</translation>
    </message>
    <message>
        <source>无法整改…</source>
        <translation>Cannot be fixed…</translation>
    </message>
    <message>
        <source>记录已催办/已上报…</source>
        <translation>Record reminder sent / reported…</translation>
    </message>
    <message>
        <source>整改通知单…</source>
        <translation>Rectification notice…</translation>
    </message>
    <message>
        <source>复验记录…</source>
        <translation>Re-inspection record…</translation>
    </message>
    <message>
        <source>催办函（该责任方全部逾期问题）…</source>
        <translation>Reminder letter (all overdue defects of this party)…</translation>
    </message>
    <message>
        <source>遗留问题汇总表…</source>
        <translation>Defect summary…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>整改期限设置…</source>
        <translation>Rectification deadline settings…</translation>
    </message>
    <message>
        <source>修改各严重程度的默认整改期限（天）</source>
        <translation>Change the default rectification deadline (days) of each severity</translation>
    </message>
    <message>
        <source>导出遗留问题到 Excel</source>
        <translation>Export defects to Excel</translation>
    </message>
    <message>
        <source>遗留问题.xlsx</source>
        <translation>defects.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出遗留问题…</source>
        <translation>Exporting defects…</translation>
    </message>
    <message>
        <source>书面整改通知单已发给责任方（应在发现后 24 小时内）</source>
        <translation>Written rectification notice sent to the responsible party (due within 24 hours of finding)</translation>
    </message>
    <message>
        <source>责任方报告已整改，等待复验</source>
        <translation>The responsible party reports it rectified; awaiting re-inspection</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>整改通知单 — {n}</source>
        <translation>Rectification notice — {n}</translation>
    </message>
    <message>
        <source>复验记录 — {n}</source>
        <translation>Re-inspection record — {n}</translation>
    </message>
    <message>
        <source>催办函 — {p}</source>
        <translation>Reminder letter — {p}</translation>
    </message>
    <message>
        <source>遗留问题汇总表</source>
        <translation>Defect summary</translation>
    </message>
    <message>
        <source>已导出 {n} 条到 {path}</source>
        <translation>Exported {n} rows to {path}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>请在表格中选择一条遗留问题</source>
        <translation>Select a defect in the table</translation>
    </message>
    <message>
        <source>，逾期 {n} 天</source>
        <translation>, {n} days overdue</translation>
    </message>
    <message>
        <source>{location}｜{category}｜{severity}｜责任方 {party}
发现 {found}（{by}）　通知 {notice}
整改期限 {deadline}　复验不合格 {failed} 次
{description}</source>
        <translation>{location} | {category} | {severity} | Responsible party: {party}
Found {found} ({by})  Notice: {notice}
Rectification deadline: {deadline}  Failed re-inspections: {failed}
{description}</translation>
    </message>
    <message>
        <source>未发</source>
        <translation>not sent</translation>
    </message>
    <message>
        <source>整改通知晚于发现后 24 小时发出</source>
        <translation>The rectification notice was sent more than 24 hours after the defect was found</translation>
    </message>
    <message>
        <source>{duty}（{due} 前）</source>
        <translation>{duty} (by {due})</translation>
    </message>
    <message>
        <source>应办：</source>
        <translation>To do: </translation>
    </message>
    <message>
        <source>{by}　已办：{what}</source>
        <translation>{by}  done: {what}</translation>
    </message>
    <message>
        <source>催办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Report up</translation>
    </message>
    <message>
        <source>复验不合格报告</source>
        <translation>Failed re-inspection report</translation>
    </message>
    <message>
        <source>重大问题报告</source>
        <translation>Major defect report</translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message>
        <source>按房号、收费项目、说明筛选，回车转到表格</source>
        <translation>Filter by unit, fee item or note; Enter moves to the table</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>全部差异</source>
        <translation>All differences</translation>
    </message>
    <message>
        <source>全部收费项目</source>
        <translation>All fee items</translation>
    </message>
    <message>
        <source>只看待处理</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>处理…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>处理选中的差异（回车或双击）</source>
        <translation>Resolve the selected difference (Enter or double-click)</translation>
    </message>
    <message>
        <source>批量处理…</source>
        <translation>Resolve in bulk…</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>财务结算已签署或未选择交接：只读</source>
        <translation>Financial settlement signed or no handover selected: read-only</translation>
    </message>
    <message>
        <source>正在读取差异…</source>
        <translation>Reading differences…</translation>
    </message>
    <message>
        <source>正在统计待处理差异…</source>
        <translation>Counting open differences…</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>应办事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>整改逾期 {n} 天（{party}）</source>
        <translation>Rectification {n} days overdue ({party})</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{n} 项待办，其中 {late} 项已逾期（红色）</source>
        <translation>{n} to do, {late} of them overdue (red)</translation>
    </message>
    <message>
        <source>今天没有到期的通知、催办或上报。</source>
        <translation>No notices, reminders or reports are due today.</translation>
    </message>
</context>
<context>
    <name>ExitPrints</name>
    <message>
        <source>告业主书</source>
        <translation>Letter to owners</translation>
    </message>
    <message>
        <source>押金退还确认单</source>
        <translation>Deposit refund receipt</translation>
    </message>
    <message>
        <source>预收款移交确认单</source>
        <translation>Prepayment transfer receipt</translation>
    </message>
    <message>
        <source>打印{title}…</source>
        <translation>Print {title}…</translation>
    </message>
    <message>
        <source>致业主文件</source>
        <translation>Owner letters</translation>
    </message>
    <message>
        <source>告业主书和确认单只用于退场移交；本交接不是退场移交。</source>
        <translation>The owners' letters and confirmations are for an exit handover only; this handover is not an exit.</translation>
    </message>
    <message>
        <source>退场移交：打印选中行所属房屋的告业主书、押金退还确认单或预收款移交确认单；未选中任何行时打印全部</source>
        <translation>Exit handover: print the letter to owners, deposit refund receipts or prepayment transfer receipts for the units of the selected rows; all of them when no row is selected</translation>
    </message>
</context>
<context>
    <name>FeeItemsDialog</name>
    <message>
        <source>收费项目与收费标准</source>
        <translation>Fee items and tariffs</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>计费方式</source>
        <translation>Billing method</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation>Unit use</translation>
    </message>
    <message>
        <source>起用日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>单价（元）</source>
        <translation>Rate (yuan)</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee items</translation>
    </message>
    <message>
        <source>收费标准（所选项目）</source>
        <translation>Tariffs (selected item)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>如 SF</source>
        <translation>e.g. SF</translation>
    </message>
    <message>
        <source>如 水费</source>
        <translation>e.g. Water</translation>
    </message>
    <message>
        <source>押金</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>代收代缴</source>
        <translation>Collected for others</translation>
    </message>
    <message>
        <source>新增收费项目</source>
        <translation>Add fee item</translation>
    </message>
    <message>
        <source>全部用途</source>
        <translation>All uses</translation>
    </message>
    <message>
        <source>元，如 2.8</source>
        <translation>yuan, e.g. 2.8</translation>
    </message>
    <message>
        <source>设定单价</source>
        <translation>Set rate</translation>
    </message>
    <message>
        <source>新单价自起用日期起生效，原单价到前一天为止。</source>
        <translation>The new rate applies from the start date; the old rate ends the day before.</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>至今</source>
        <translation>Open-ended</translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>台账</source>
        <translation>Ledgers</translation>
    </message>
    <message>
        <source>对账差异</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>抄表底数</source>
        <translation>Meter readings</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>　请先在工具栏选择交接。</source>
        <translation>  Select a handover in the toolbar first.</translation>
    </message>
    <message>
        <source>结算：未签署</source>
        <translation>Settlement: not signed</translation>
    </message>
    <message>
        <source>结算：{status}（第 {n} 版）</source>
        <translation>Settlement: {status} (version {n})</translation>
    </message>
    <message>
        <source>尚未计算</source>
        <translation>not computed yet</translation>
    </message>
    <message>
        <source>　{settlement}　｜　差异：待处理 {open} / 共 {total}　｜　结果：{computed}</source>
        <translation>  {settlement}  |  Differences: {open} open / {total} total  |  Results: {computed}</translation>
    </message>
    <message>
        <source>财务结算已签署（第 {n} 版）：只读；如需更改请由主管修订</source>
        <translation>Financial settlement signed (version {n}): read-only; to change it, a supervisor must amend it</translation>
    </message>
    <message>
        <source>原物业台账已导入。请点击“对账”核对双方台账。</source>
        <translation>The previous company's ledger has been imported. Click "Reconcile" to compare the two ledgers.</translation>
    </message>
    <message>
        <source>财务结算第 {n} 版已签署。</source>
        <translation>Financial settlement version {n} has been signed.</translation>
    </message>
    <message>
        <source>收费项目…</source>
        <translation>Fee items…</translation>
    </message>
    <message>
        <source>收费项目、计费方式，以及按日期、按房屋用途生效的单价（抄表费用按此计算）</source>
        <translation>Fee items, billing bases and the unit prices in force by date and unit use (meter charges are computed from them)</translation>
    </message>
    <message>
        <source>导入原物业台账…</source>
        <translation>Import previous company's ledger…</translation>
    </message>
    <message>
        <source>从原物业的 Excel 收费台账导入（全部成功或全部不导入）</source>
        <translation>Import the previous company's Excel fee ledger (all rows or none)</translation>
    </message>
    <message>
        <source>对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>按房号、收费项目、所属期逐项核对双方台账，列出差异</source>
        <translation>Compare both ledgers by unit, fee item and period, and list the differences</translation>
    </message>
    <message>
        <source>计算结果</source>
        <translation>Compute results</translation>
    </message>
    <message>
        <source>按当前台账和处理结果重新计算欠费、预收款、押金、收缴率和结算</source>
        <translation>Recompute arrears, prepayments, deposits, collection rate and settlement from the current ledgers and decisions</translation>
    </message>
    <message>
        <source>签署结算…</source>
        <translation>Sign settlement…</translation>
    </message>
    <message>
        <source>全部差异处理后由主管签署；签署后只读</source>
        <translation>Signed by a supervisor once every difference is decided; read-only after signing</translation>
    </message>
    <message>
        <source>修订结算</source>
        <translation>Amend settlement</translation>
    </message>
    <message>
        <source>主管创建新版本草稿，以便更正</source>
        <translation>A supervisor creates a new draft version to correct it</translation>
    </message>
    <message>
        <source>打印结算报告…</source>
        <translation>Print settlement report…</translation>
    </message>
    <message>
        <source>打印欠费明细表…</source>
        <translation>Print arrears detail…</translation>
    </message>
    <message>
        <source>导出会计工作簿…</source>
        <translation>Export accounting workbook…</translation>
    </message>
    <message>
        <source>汇总、欠费明细、预收款、押金、代收代缴、差异、收缴率，一个 Excel 工作簿</source>
        <translation>Summary, arrears detail, prepayments, deposits, pass-through charges, differences and collection rate in one Excel workbook</translation>
    </message>
    <message>
        <source>正在对账…</source>
        <translation>Reconciling…</translation>
    </message>
    <message>
        <source>财务结算报告</source>
        <translation>Financial settlement report</translation>
    </message>
    <message>
        <source>欠费明细表</source>
        <translation>Arrears detail</translation>
    </message>
    <message>
        <source>导出会计工作簿</source>
        <translation>Export accounting workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>费用对账_会计工作簿.xlsx</source>
        <translation>fee_reconciliation_accounting.xlsx</translation>
    </message>
    <message>
        <source>正在导出会计工作簿…</source>
        <translation>Exporting accounting workbook…</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>已取消，未做任何改动。</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation>Last reading</translation>
    </message>
    <message>
        <source>本次读数</source>
        <translation>Current reading</translation>
    </message>
    <message>
        <source>表号</source>
        <translation>Meter no.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>房号/位置</source>
        <translation>Unit/location</translation>
    </message>
    <message>
        <source>上次抄表日</source>
        <translation>Last read on</translation>
    </message>
    <message>
        <source>抄表日</source>
        <translation>Read on</translation>
    </message>
    <message>
        <source>用量</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>不足 1 年</source>
        <translation>Under 1 year</translation>
    </message>
    <message>
        <source>{n} 年</source>
        <translation>{n} yr</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <source>所属期起</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>所属期止</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>欠费金额</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>欠费年限</source>
        <translation>Arrears age</translation>
    </message>
    <message>
        <source>期间起</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>期间止</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>预收金额</source>
        <translation>Prepaid amount</translation>
    </message>
    <message>
        <source>押金项目</source>
        <translation>Deposit item</translation>
    </message>
    <message>
        <source>收取日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>代收项目</source>
        <translation>Collected item</translation>
    </message>
    <message>
        <source>应收</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>余额（代业主保管）</source>
        <translation>Balance (held for owners)</translation>
    </message>
    <message>
        <source>收缴率</source>
        <translation>Collection rate</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>正在保存处理结果…</source>
        <translation>Saving decisions…</translation>
    </message>
    <message>
        <source>正在批量处理差异…</source>
        <translation>Deciding differences in bulk…</translation>
    </message>
    <message>
        <source>正在计算并签署结算…</source>
        <translation>Computing and signing the settlement…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次使用 — 创建管理员</source>
        <translation>First use — create administrator</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>这是第一次使用本数据库，请创建管理员账号。</source>
        <translation>This database is being used for the first time. Please create an administrator account.</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>Username: </translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation>Confirm password: </translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>首次设置向导 — 物业交接台</source>
        <translation>Setup wizard — HandoverDesk</translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>新建交接</source>
        <translation>New handover</translation>
    </message>
    <message>
        <source>交接信息</source>
        <translation>Handover details</translation>
    </message>
    <message>
        <source>可不填，默认为“类型（移交方 → 接收方）”</source>
        <translation>Optional; defaults to "type (handing-over party → receiving party)"</translation>
    </message>
    <message>
        <source>已定</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>已交接</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>交接类型：</source>
        <translation>Handover type: </translation>
    </message>
    <message>
        <source>交接名称：</source>
        <translation>Handover name: </translation>
    </message>
    <message>
        <source>交接基准日：</source>
        <translation>Cut-off date: </translation>
    </message>
    <message>
        <source>计划交接日期：</source>
        <translation>Planned handover date: </translation>
    </message>
    <message>
        <source>实际交接日期：</source>
        <translation>Actual handover date: </translation>
    </message>
    <message>
        <source>本交接已有已签署的单据（{docs}）。更改交接类型、交接双方或基准日属于更正，须由主管写明原因；已签署的单据仍按签署时的内容打印。</source>
        <translation>This handover already has signed documents ({docs}). Changing the handover type, the parties or the cut-off date is a correction: a supervisor must give the reason. Signed documents still print as they were signed.</translation>
    </message>
    <message>
        <source>仅更正交接双方或基准日时填写</source>
        <translation>Fill in only when correcting the parties or the cut-off date</translation>
    </message>
    <message>
        <source>更正原因：</source>
        <translation>Reason for correction: </translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>代表</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>移交方：</source>
        <translation>Handing-over party: </translation>
    </message>
    <message>
        <source>接收方：</source>
        <translation>Receiving party: </translation>
    </message>
    <message>
        <source>监交方：</source>
        <translation>Supervising party: </translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>第一次交接</source>
        <translation>First handover</translation>
    </message>
    <message>
        <source>新建交接（承接查验、物业更迭或退场移交），填写交接双方和基准日；再按模板生成第一张交接清单。完成后打开“交接清单”页，逐项核对实收数量，由主管签署。</source>
        <translation>Create a handover (acceptance inspection, change of management company or exit handover) and enter both parties and the cut-off date; then generate the first handover list from a template. Afterwards open the "Handover lists" tab, check the received quantity of each item, and have a supervisor sign.</translation>
    </message>
    <message>
        <source>新建交接…</source>
        <translation>New handover…</translation>
    </message>
    <message>
        <source>新建清单（从模板）…</source>
        <translation>New list (from template)…</translation>
    </message>
    <message>
        <source>本项目现有交接 {h} 个，清单 {n} 张。</source>
        <translation>This project has {h} handovers and {n} lists.</translation>
    </message>
    <message>
        <source>刚建的交接：{c}。</source>
        <translation>Handover just created: {c}.</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <source>与原清单相比的变更</source>
        <translation>Changes from the original list</translation>
    </message>
    <message>
        <source>本清单已签署（签署于 {at}），不能修改；如需更正请创建补充清单</source>
        <translation>This list was signed (at {at}) and cannot be changed; to correct it, create a supplementary list</translation>
    </message>
    <message>
        <source>本清单已作废，不能修改</source>
        <translation>This list is void and cannot be changed</translation>
    </message>
    <message>
        <source>已核对 {n}/{total}，短缺 {k} 项，问题 {m} 项</source>
        <translation>Checked {n}/{total}, {k} missing, {m} with problems</translation>
    </message>
    <message>
        <source>（没有清单）</source>
        <translation>(no lists)</translation>
    </message>
    <message>
        <source>原清单</source>
        <translation>the original list</translation>
    </message>
    <message>
        <source>补充第 {n} 版</source>
        <translation>supplement {n}</translation>
    </message>
    <message>
        <source>与{version}相比的变更（{k} 项）</source>
        <translation>Changes from {version} ({k})</translation>
    </message>
    <message>
        <source>与{version}相同，尚无变更。</source>
        <translation>Same as {version}; no changes yet.</translation>
    </message>
    <message>
        <source>{line} {kind}：{category} / {name}</source>
        <translation>{line} {kind}: {category} / {name}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{head}（{fields}）</source>
        <translation>{head} ({fields})</translation>
    </message>
    <message>
        <source>原第 {old} 行</source>
        <translation>Was row {old}</translation>
    </message>
    <message>
        <source>第 {new} 行</source>
        <translation>Row {new}</translation>
    </message>
    <message>
        <source>第 {new} 行（原第 {old} 行）</source>
        <translation>Row {new} (was row {old})</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>新条目</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>删除第 {seq} 项“{name}”？</source>
        <translation>Delete item {seq} "{name}"?</translation>
    </message>
    <message>
        <source>已另存为模板。</source>
        <translation>Saved as a template.</translation>
    </message>
    <message>
        <source>为“{title}”创建补充清单（更正）？原清单保持已签署不变。</source>
        <translation>Create a supplementary list (correction) for "{title}"? The original list stays signed and unchanged.</translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>交接信息…</source>
        <translation>Handover details…</translation>
    </message>
    <message>
        <source>新建交接…</source>
        <translation>New handover…</translation>
    </message>
    <message>
        <source>新建清单（从模板）…</source>
        <translation>New list (from template)…</translation>
    </message>
    <message>
        <source>新建空白清单…</source>
        <translation>New blank list…</translation>
    </message>
    <message>
        <source>从 Excel 导入清单…</source>
        <translation>Import list from Excel…</translation>
    </message>
    <message>
        <source>另存为模板…</source>
        <translation>Save as template…</translation>
    </message>
    <message>
        <source>签署…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>创建补充清单（更正）</source>
        <translation>Create supplementary list (correction)</translation>
    </message>
    <message>
        <source>打印清单…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>打印交接确认书…</source>
        <translation>Print handover confirmation…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>按应交数验收</source>
        <translation>Receive as expected</translation>
    </message>
    <message>
        <source>实收 = 应交，状况完好，并转到下一行</source>
        <translation>Received = expected, condition good, and go to the next row</translation>
    </message>
    <message>
        <source>插入条目</source>
        <translation>Insert item</translation>
    </message>
    <message>
        <source>删除条目</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>转为遗留问题…</source>
        <translation>Make a defect…</translation>
    </message>
    <message>
        <source>记录纸质清单的签署人和时间，签署后清单锁定</source>
        <translation>Record who signed the paper list and when; the list is locked once signed</translation>
    </message>
    <message>
        <source>为已签署的清单创建补充版本，更正后再次签署</source>
        <translation>Create a supplementary version of a signed list, correct it and sign again</translation>
    </message>
    <message>
        <source>导出交接清单到 Excel</source>
        <translation>Export handover list to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出交接清单…</source>
        <translation>Exporting handover list…</translation>
    </message>
    <message>
        <source>新建清单</source>
        <translation>New list</translation>
    </message>
    <message>
        <source>{tip}（{keys}）</source>
        <translation>{tip} ({keys})</translation>
    </message>
    <message>
        <source>交接确认书 — {h}</source>
        <translation>Handover confirmation — {h}</translation>
    </message>
    <message>
        <source>交接清单 — {title}</source>
        <translation>Handover list — {title}</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>借用人/归还人/业主/接收方</source>
        <translation>Borrower / returner / owner / receiver</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HousesPage</name>
    <message>
        <source>房屋与业主</source>
        <translation>Units and owners</translation>
    </message>
    <message>
        <source>导入原物业或开发商给的业主名册（Excel，先预览、核对后再导入），或逐户添加房屋。以后可在“文件 → 导入业主名册”和“项目 → 楼栋、房屋与业主”中继续。</source>
        <translation>Import the owner roster from the previous company or the developer (Excel; preview and check it before importing), or add units one by one. You can continue later in "File → Import owner roster" and "Project → Buildings, units and owners".</translation>
    </message>
    <message>
        <source>导入业主名册…</source>
        <translation>Import owner roster…</translation>
    </message>
    <message>
        <source>逐户添加房屋…</source>
        <translation>Add units one by one…</translation>
    </message>
    <message>
        <source>本项目现有楼栋 {b} 栋，房屋 {u} 户，业主 {o} 位。</source>
        <translation>This project has {b} buildings, {u} units and {o} owners.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>发放钥匙给业主 — {key}</source>
        <translation>Issue key to owner — {key}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>业主：</source>
        <translation>Owner: </translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>该房屋没有登记业主，不能发放。</source>
        <translation>This unit has no registered owner, so the key cannot be issued.</translation>
    </message>
    <message>
        <source>请选择业主。</source>
        <translation>Please choose an owner.</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>UoM</translation>
    </message>
    <message>
        <source>应交</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>短缺</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Orig/copy</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Cond.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>核对人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>核对时间</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <source>遗留问题</source>
        <translation>Defects</translation>
    </message>
    <message>
        <source>未核对</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>KeyCard</name>
    <message>
        <source>借出…</source>
        <translation>Lend…</translation>
    </message>
    <message>
        <source>归还…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>发放给业主…</source>
        <translation>Issue to owner…</translation>
    </message>
    <message>
        <source>封存…</source>
        <translation>Seal…</translation>
    </message>
    <message>
        <source>启封…</source>
        <translation>Unseal…</translation>
    </message>
    <message>
        <source>遗失…</source>
        <translation>Lost…</translation>
    </message>
    <message>
        <source>移交…</source>
        <translation>Hand over…</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>历史…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>这把钥匙的全部记录（也可双击表格中的行）</source>
        <translation>All records of this key (or double-click its row in the table)</translation>
    </message>
    <message>
        <source>未选钥匙</source>
        <translation>No key selected</translation>
    </message>
    <message>
        <source>扫描钥匙标签（或输入标签号）后回车</source>
        <translation>Scan the key tag (or type the tag number), then press Enter</translation>
    </message>
    <message>
        <source>开启：{opens}</source>
        <translation>Opens: {opens}</translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>柜格：{place}</source>
        <translation>Slot: {place}</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <source>原柜格：{place}</source>
        <translation>Former slot: {place}</translation>
    </message>
    <message>
        <source>借用人 {who}，应还 {due}，批准：{approver}</source>
        <translation>Borrower {who}, due back {due}, approved by: {approver}</translation>
    </message>
    <message>
        <source>，延期原因：{why}</source>
        <translation>, reason for extension: {why}</translation>
    </message>
</context>
<context>
    <name>KeyHistoryDialog</name>
    <message>
        <source>钥匙历史 — {tag}</source>
        <translation>Key history — {tag}</translation>
    </message>
    <message>
        <source>{tag}　开启：{opens}　{where}：{place}　状态：{status}　共 {n} 条记录</source>
        <translation>{tag}  Opens: {opens}  {where}: {place}  Status: {status}  {n} records</translation>
    </message>
    <message>
        <source>柜格</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>原柜格</source>
        <translation>Former slot</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>KeyImportDialog</name>
    <message>
        <source>从 Excel 批量接收钥匙</source>
        <translation>Receive keys in bulk from Excel</translation>
    </message>
    <message>
        <source>请选择钥匙清单 Excel 文件（.xlsx）：每行一把（套）钥匙；标签号可不填，由程序编号。</source>
        <translation>Please choose a key list Excel file (.xlsx): one key (or set) per row; tag numbers may be left blank and the program will number them.</translation>
    </message>
    <message>
        <source>选择钥匙清单</source>
        <translation>Choose key list</translation>
    </message>
    <message>
        <source>正在读取钥匙清单…</source>
        <translation>Reading key list…</translation>
    </message>
    <message>
        <source>正在接收钥匙…</source>
        <translation>Receiving keys…</translation>
    </message>
    <message>
        <source>如 G01；表中已填的不变</source>
        <translation>e.g. G01; cabinets filled in the sheet are kept</translation>
    </message>
    <message>
        <source>钥匙柜（表中未填时）：</source>
        <translation>Key cabinet (when not in the sheet): </translation>
    </message>
    <message>
        <source>将接收钥匙 {0} 条（共 {1} 把/套）。</source>
        <translation>{0} key entries will be received ({1} keys/sets in total).</translation>
    </message>
    <message>
        <source> 其中 {n} 把未填标签号，将自动编号（蓝字）。</source>
        <translation> {n} of them have no tag number and will be numbered automatically (in blue).</translation>
    </message>
    <message>
        <source>接收完成：</source>
        <translation>Receiving complete: </translation>
    </message>
</context>
<context>
    <name>KeyPreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>开启对象</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>钥匙柜</source>
        <translation>Key cabinet</translation>
    </message>
    <message>
        <source>格位</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>{tag}（自动）</source>
        <translation>{tag} (auto)</translation>
    </message>
    <message>
        <source>表中未填标签号，导入时按此编号</source>
        <translation>No tag number in the sheet; this number will be used on import</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>按标签号、房号、开启对象筛选，回车转到表格</source>
        <translation>Filter by tag number, unit or what it opens; Enter moves to the table</translation>
    </message>
    <message>
        <source>扫码或输入标签号，回车</source>
        <translation>Scan or type a tag number, then Enter</translation>
    </message>
    <message>
        <source>扫码（或输入标签号）后回车打开该钥匙；再按回车开始卡片上加框的操作</source>
        <translation>Scan (or type a tag number) and press Enter to open that key; press Enter again to start the action framed on the card</translation>
    </message>
    <message>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>标签号：</source>
        <translation>Tag no.: </translation>
    </message>
    <message>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>接收钥匙…</source>
        <translation>Receive key…</translation>
    </message>
    <message>
        <source>接收一把（套）钥匙入柜</source>
        <translation>Receive one key (or set) into the key cabinet</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>从钥匙交接清单接收…</source>
        <translation>Receive from key handover list…</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>批量接收钥匙…</source>
        <translation>Receive keys in bulk…</translation>
    </message>
    <message>
        <source>请先在工具栏选择交接</source>
        <translation>Select a handover in the toolbar first</translation>
    </message>
    <message>
        <source>下班时间：{t}（未还即逾期）</source>
        <translation>Closing time: {t} (keys not back by then are overdue)</translation>
    </message>
    <message>
        <source>修改下班时间（借出钥匙默认此前归还）</source>
        <translation>Change the closing time (lent keys are due back before it by default)</translation>
    </message>
    <message>
        <source>已扫描 {tags}：关闭本窗口后打开；本窗口仍只办理 {key}。</source>
        <translation>Scanned {tags}: they open after this window closes; this window still handles only {key}.</translation>
    </message>
    <message>
        <source>本窗口的事项</source>
        <translation>this window's task</translation>
    </message>
    <message>
        <source>钥匙标签（所选钥匙）…</source>
        <translation>Key tags (selected keys)…</translation>
    </message>
    <message>
        <source>钥匙标签（整个钥匙柜）…</source>
        <translation>Key tags (whole cabinet)…</translation>
    </message>
    <message>
        <source>钥匙发放签收单（当前钥匙）…</source>
        <translation>Key issue receipt (current key)…</translation>
    </message>
    <message>
        <source>钥匙借用登记表…</source>
        <translation>Key loan register…</translation>
    </message>
    <message>
        <source>备用钥匙封存表…</source>
        <translation>Sealed spare keys…</translation>
    </message>
    <message>
        <source>钥匙交接表…</source>
        <translation>Key handover form…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印当前钥匙最近一次发放给业主的签收单</source>
        <translation>Print the receipt of the current key's latest issue to an owner</translation>
    </message>
    <message>
        <source>请先扫描一把已发放给业主的钥匙</source>
        <translation>Scan a key issued to an owner first</translation>
    </message>
    <message>
        <source>本次交接的全部钥匙，三方签字</source>
        <translation>Every key of this handover, signed by the three parties</translation>
    </message>
    <message>
        <source>备用钥匙封存表</source>
        <translation>Sealed spare keys</translation>
    </message>
    <message>
        <source>钥匙交接表</source>
        <translation>Key handover form</translation>
    </message>
    <message>
        <source>项目不存在，请重新选择项目。</source>
        <translation>The project does not exist; choose a project again.</translation>
    </message>
    <message>
        <source>打印钥匙柜的标签</source>
        <translation>Print the tags of a key cabinet</translation>
    </message>
    <message>
        <source>钥匙柜：</source>
        <translation>Key cabinet: </translation>
    </message>
    <message>
        <source>钥匙借用登记表</source>
        <translation>Key loan register</translation>
    </message>
    <message>
        <source>自：</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>至：</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>请先在表格中选择钥匙（可多选），或扫描一把钥匙。</source>
        <translation>Select keys in the table first (several allowed), or scan a key.</translation>
    </message>
    <message>
        <source>钥匙标签 — {tag}</source>
        <translation>Key tag — {tag}</translation>
    </message>
    <message>
        <source>钥匙标签 — {n} 把</source>
        <translation>Key tags — {n} keys</translation>
    </message>
    <message>
        <source>钥匙标签 — 钥匙柜 {c}</source>
        <translation>Key tags — cabinet {c}</translation>
    </message>
    <message>
        <source>钥匙发放签收单 — {tag}</source>
        <translation>Key issue receipt — {tag}</translation>
    </message>
    <message>
        <source>钥匙借用登记表 {a} 至 {b}</source>
        <translation>Key loan register {a} to {b}</translation>
    </message>
    <message>
        <source>还没有钥匙存入钥匙柜。</source>
        <translation>No key is in a cabinet yet.</translation>
    </message>
    <message>
        <source>请选择钥匙柜。</source>
        <translation>Choose a key cabinet.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>重新启动程序后生效。打印的表单和导出的工作簿也用这种语言。</source>
        <translation>Takes effect after restarting the program. Printed forms and exported workbooks use this language too.</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>导入原物业收费台账</source>
        <translation>Import previous company's fee ledger</translation>
    </message>
    <message>
        <source>请选择原物业收费台账 Excel 文件（.xlsx、.xls）：有标题行、两行表头、小计/合计行，按收费项目或按月分列均可。</source>
        <translation>Please choose the previous company's fee ledger Excel file (.xlsx, .xls): title rows, two-row headers, subtotal/total rows, and columns per fee item or per month are all fine.</translation>
    </message>
    <message>
        <source>选择原物业收费台账</source>
        <translation>Choose previous company's fee ledger</translation>
    </message>
    <message>
        <source>正在读取原物业收费台账…</source>
        <translation>Reading previous company's fee ledger…</translation>
    </message>
    <message>
        <source>正在导入原物业收费台账…</source>
        <translation>Importing previous company's fee ledger…</translation>
    </message>
    <message>
        <source>如 2025年06月、2025年度、2025Q2</source>
        <translation>e.g. 2025-06, 2025, 2025Q2</translation>
    </message>
    <message>
        <source>按收费项目或按月分列、没有所属期列的台账，在此写明它的所属期（或年份）</source>
        <translation>For a ledger with columns per fee item or per month and no billing period column, enter its billing period (or year) here</translation>
    </message>
    <message>
        <source>追加到此前导入的台账（台账分几个文件时）</source>
        <translation>Add to the ledger imported before (a ledger in several files)</translation>
    </message>
    <message>
        <source>不勾选时，导入将替换此前导入的原物业台账；台账按楼栋或年度分成几个文件时，第一个文件之后的每个文件勾选此项再导入</source>
        <translation>Unticked, the import replaces the outgoing company's ledger imported before; when the ledger comes as several files (per building or per year), tick this for every file after the first</translation>
    </message>
    <message>
        <source>所属期（表中没有时）：</source>
        <translation>Billing period (when not in the sheet): </translation>
    </message>
    <message>
        <source>已按“{0}”上次的列对应读取。</source>
        <translation>Read using the column mapping last used for "{0}".</translation>
    </message>
    <message>
        <source>……共 {0} 行</source>
        <translation>… {0} rows in all</translation>
    </message>
    <message>
        <source>共 {0} 行：应收 {1} 元，实收 {2} 元，欠费 {3} 元。</source>
        <translation>{0} rows: billed {1} yuan, paid {2} yuan, arrears {3} yuan.</translation>
    </message>
    <message>
        <source>跳过 {0}，不计入合计。</source>
        <translation>Skipped {0}; not included in the totals.</translation>
    </message>
    <message>
        <source>将新建收费项目：{0}。</source>
        <translation>New fee items will be created: {0}.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>其中 {0} 行应收与收费标准不符（悬停查看），可在对账时核实。</source>
        <translation>In {0} rows the billed amount does not match the tariff (hover to see); you can check them during reconciliation.</translation>
    </message>
    <message>
        <source>检查通过，可以导入；导入将追加到此前导入的原物业台账，不替换。</source>
        <translation>Checked: ready to import. The import is added to the outgoing company's ledger imported before; nothing is replaced.</translation>
    </message>
    <message>
        <source>检查通过，可以导入；导入将替换此前导入的原物业台账。</source>
        <translation>Check passed, ready to import; importing replaces the previous company's ledger imported before.</translation>
    </message>
    <message>
        <source>有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。</source>
        <translation>Correct the rows with problems in Excel and click "Reload", or adjust the column mapping; nothing can be imported while there are problems.</translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation>Import complete: </translation>
    </message>
    <message>
        <source>列对应未能记住：</source>
        <translation>The column mapping could not be remembered: </translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>按房号、业主、收费项目筛选，回车转到表格</source>
        <translation>Filter by unit, owner or fee item; Enter moves to the table</translation>
    </message>
</context>
<context>
    <name>LedgerPreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <source>所属期</source>
        <translation>Billing period</translation>
    </message>
    <message>
        <source>应收</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>欠费</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>收款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>工程部</source>
        <translation>Engineering</translation>
    </message>
    <message>
        <source>保洁部</source>
        <translation>Cleaning</translation>
    </message>
    <message>
        <source>秩序部</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>客服部</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <source>绿化部</source>
        <translation>Landscaping</translation>
    </message>
    <message>
        <source>{tag}（{opens}）</source>
        <translation>{tag} ({opens})</translation>
    </message>
    <message>
        <source>借出钥匙 — {key}</source>
        <translation>Lend key — {key}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>具体事由（“其他”时必填）</source>
        <translation>Details (required for "Other")</translation>
    </message>
    <message>
        <source>默认当天下班时间（{t}）前归还</source>
        <translation>Due back by today's closing time ({t}) by default</translation>
    </message>
    <message>
        <source>应还时间晚于借出当天时必填</source>
        <translation>Required when the key is due back after the day it is lent</translation>
    </message>
    <message>
        <source>借用人：</source>
        <translation>Borrower: </translation>
    </message>
    <message>
        <source>部门：</source>
        <translation>Department: </translation>
    </message>
    <message>
        <source>借用事由：</source>
        <translation>Purpose: </translation>
    </message>
    <message>
        <source>事由说明：</source>
        <translation>Details: </translation>
    </message>
    <message>
        <source>应还时间：</source>
        <translation>Due back: </translation>
    </message>
    <message>
        <source>延期原因：</source>
        <translation>Reason for extension: </translation>
    </message>
    <message>
        <source>批准主管：</source>
        <translation>Approving supervisor: </translation>
    </message>
    <message>
        <source>主管密码：</source>
        <translation>Supervisor password: </translation>
    </message>
    <message>
        <source>{name}（{account}）</source>
        <translation>{name} ({account})</translation>
    </message>
    <message>
        <source>请选择批准借出的主管</source>
        <translation>Choose the supervisor who approves the loan</translation>
    </message>
    <message>
        <source>由该主管本人输入登录密码</source>
        <translation>The supervisor types their own login password</translation>
    </message>
    <message>
        <source>没有可批准的主管账号，请管理员先添加主管。</source>
        <translation>There is no supervisor account to approve the loan; ask an administrator to add a supervisor first.</translation>
    </message>
</context>
<context>
    <name>LinkOwnerDialog</name>
    <message>
        <source>关联已有业主（{u}）</source>
        <translation>Link existing owner ({u})</translation>
    </message>
    <message>
        <source>输入姓名、房号，或完整的电话/证件号码</source>
        <translation>Enter a name, unit, or full phone/ID document number</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>请先在表中选择一位业主。</source>
        <translation>Please select an owner in the table first.</translation>
    </message>
</context>
<context>
    <name>ListIntakeDialog</name>
    <message>
        <source>从钥匙交接清单接收钥匙</source>
        <translation>Receive keys from a key handover list</translation>
    </message>
    <message>
        <source>如 G01，可不填</source>
        <translation>e.g. G01; optional</translation>
    </message>
    <message>
        <source>钥匙交接清单：</source>
        <translation>Key handover list: </translation>
    </message>
    <message>
        <source>存入钥匙柜：</source>
        <translation>Into key cabinet: </translation>
    </message>
    <message>
        <source>每个条目接收为一把（套）钥匙：已核对的按实收数量，未核对的按应交数量；核对为缺失或实收为 0 的不接收。已接收过的条目不会重复接收。</source>
        <translation>Each item is received as one key (or set): checked items with the quantity actually received, unchecked items with the quantity due. Items checked as missing or with 0 received are not received. Items already received are not received again.</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{title}（已核 {checked}/{total}）</source>
        <translation>{title} (checked {checked}/{total})</translation>
    </message>
    <message>
        <source>本次交接还没有钥匙交接清单：请先在“交接清单”页签从“钥匙交接清单”模板新建。</source>
        <translation>This handover has no key handover list yet: first create one on the "Handover lists" tab from the "Key handover list" template.</translation>
    </message>
    <message>
        <source>将接收 {n} 项，已接收过 {a} 项，不接收 {x} 项。</source>
        <translation>{n} items will be received, {a} already received, {x} not received.</translation>
    </message>
    <message>
        <source>正在接收钥匙…</source>
        <translation>Receiving keys…</translation>
    </message>
    <message>
        <source>接收完成：</source>
        <translation>Done: </translation>
    </message>
    <message>
        <source>已取消接收，未写入任何数据。</source>
        <translation>Receiving cancelled; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>ListsPanel</name>
    <message>
        <source>清单（状态，进度）</source>
        <translation>List (status, progress)</translation>
    </message>
    <message>
        <source>版本历史</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>补充第 {n} 版</source>
        <translation>Supplement {n}</translation>
    </message>
    <message>
        <source>（未选择清单）</source>
        <translation>(no list selected)</translation>
    </message>
    <message>
        <source>原清单</source>
        <translation>Original list</translation>
    </message>
    <message>
        <source>{name}：{status}</source>
        <translation>{name}: {status}</translation>
    </message>
    <message>
        <source>{name}：{status} {at}（{who}）</source>
        <translation>{name}: {status} {at} ({who})</translation>
    </message>
    <message>
        <source>已核 {n}/{total}，短缺 {k}</source>
        <translation>checked {n}/{total}, short {k}</translation>
    </message>
    <message>
        <source>{caption}
{status}，{progress}</source>
        <translation>{caption}
{status}, {progress}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 物业交接台</source>
        <translation>Log in — HandoverDesk</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>Username: </translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password: </translation>
    </message>
    <message>
        <source>管理员重置了您的密码：须设置新密码后才能继续使用。</source>
        <translation>The administrator has reset your password: you must set a new password before you can continue.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>项目与交接</source>
        <translation>Project and handover</translation>
    </message>
    <message>
        <source>项目：</source>
        <translation>Project: </translation>
    </message>
    <message>
        <source>　交接：</source>
        <translation>  Handover: </translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>交接清单</source>
        <translation>Handover lists</translation>
    </message>
    <message>
        <source>遗留问题</source>
        <translation>Defects</translation>
    </message>
    <message>
        <source>钥匙管理</source>
        <translation>Key custody</translation>
    </message>
    <message>
        <source>费用对账</source>
        <translation>Fee reconciliation</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>管理(&amp;A)</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>导出当前表格到 Excel…</source>
        <translation>Export current table to Excel…</translation>
    </message>
    <message>
        <source>导入业主名册…</source>
        <translation>Import owner roster…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>数据库：{name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>用户：{name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{caption}（基准日 {cutoff}）</source>
        <translation>{caption} (cut-off date {cutoff})</translation>
    </message>
    <message>
        <source>当前页面没有可导出的表格。</source>
        <translation>There is no table to export on this page.</translation>
    </message>
    <message>
        <source>导出到 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出到 Excel…</source>
        <translation>Exporting to Excel…</translation>
    </message>
    <message>
        <source>已导出 {rows} 行到 {path}</source>
        <translation>Exported {rows} rows to {path}</translation>
    </message>
    <message>
        <source>请先选择一个项目。</source>
        <translation>Please select a project first.</translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation>User management…</translation>
    </message>
    <message>
        <source>添加用户、重置密码、停用账号、修改角色</source>
        <translation>Add users, reset passwords, deactivate accounts, change roles</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>谁在何时改了哪条记录</source>
        <translation>Who changed which record, and when</translation>
    </message>
    <message>
        <source>切换用户（退出登录）…</source>
        <translation>Switch user (log out)…</translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>编辑项目…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <source>楼栋、房屋与业主…</source>
        <translation>Buildings, units and owners…</translation>
    </message>
    <message>
        <source>请先新建或选择一个项目。</source>
        <translation>Please create or select a project first.</translation>
    </message>
    <message>
        <source>已新建项目“{name}”。</source>
        <translation>Project "{name}" created.</translation>
    </message>
</context>
<context>
    <name>MetersPanel</name>
    <message>
        <source>按表号、房号、位置筛选，回车转到表格</source>
        <translation>Filter by meter number, unit or location; Enter moves to the table</translation>
    </message>
    <message>
        <source>全部表具</source>
        <translation>All meters</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>新增表具…</source>
        <translation>Add meter…</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>请先在工具栏选择交接。</source>
        <translation>Select a handover in the toolbar first.</translation>
    </message>
    <message>
        <source>财务结算已签署：抄表底数只读。</source>
        <translation>Financial settlement signed: meter readings are read-only.</translation>
    </message>
    <message>
        <source>双击或直接输入修改上次读数、上次抄表日、本次读数、抄表日；回车保存并转到下一行。</source>
        <translation>Double-click or just type to change the last reading, last read date, current reading or read date; Enter saves and moves to the next row.</translation>
    </message>
    <message>
        <source>共 {n} 个表具</source>
        <translation>{n} meters</translation>
    </message>
    <message>
        <source>筛选出 {m} 个 / 共 {n} 个</source>
        <translation>{m} shown of {n}</translation>
    </message>
    <message>
        <source>正在读取房屋…</source>
        <translation>Reading units…</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>事项：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>请填写{what}。</source>
        <translation>Please fill in {what}.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>本处信息</source>
        <translation>Office information</translation>
    </message>
    <message>
        <source>物业服务企业（管理处）的名称和地址印在每张表单的页眉上，新建交接时作为接收方（退场时为移交方）的默认单位。可以先不填，以后在“文件 → 设置”中填写。</source>
        <translation>The name and address of the property management company (management office) are printed in the header of every form and used as the default receiving party (handing-over party on exit) for new handovers. You can leave them blank now and fill them in later in "File → Settings".</translation>
    </message>
    <message>
        <source>如 某某物业服务有限公司翠湖园管理处</source>
        <translation>e.g. ABC Property Services Co., Ltd., Green Lake Garden Office</translation>
    </message>
    <message>
        <source>如 某市某区某路 88 号</source>
        <translation>e.g. 88 Example Road, Example District, Example City</translation>
    </message>
    <message>
        <source>单位名称：</source>
        <translation>Company name: </translation>
    </message>
    <message>
        <source>地址：</source>
        <translation>Address: </translation>
    </message>
    <message>
        <source>如：某某物业服务有限公司</source>
        <translation>e.g. ABC Property Services Co., Ltd.</translation>
    </message>
    <message>
        <source>印在每张表单的页眉上；新建交接时作为接收方（退场移交时为移交方）的默认单位。本处信息保存在数据库中，各前台共用。</source>
        <translation>Printed in the header of every form; used as the default receiving party (handing-over party for an exit handover) for new handovers. This office information is stored in the database and shared by all front desks.</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>钥匙下班时间：</source>
        <translation>Key return time (end of day): </translation>
    </message>
    <message>
        <source>整改期限：</source>
        <translation>Rectification deadlines: </translation>
    </message>
    <message>
        <source>{s} {d} 天</source>
        <translation>{s} {d} days</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>借用人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>应还时间</source>
        <translation>Due back</translation>
    </message>
    <message>
        <source>{n} 把钥匙逾期未还</source>
        <translation>{n} keys overdue</translation>
    </message>
    <message>
        <source>没有逾期未还的钥匙</source>
        <translation>No overdue keys</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>交接清单核对进度</source>
        <translation>Handover list check progress</translation>
    </message>
    <message>
        <source>收缴率（按楼栋）</source>
        <translation>Collection rate (by building)</translation>
    </message>
    <message>
        <source>遗留问题（按状态）</source>
        <translation>Defects (by status)</translation>
    </message>
    <message>
        <source>钥匙（按状态）</source>
        <translation>Keys (by status)</translation>
    </message>
    <message>
        <source>业主欠费（按楼栋）</source>
        <translation>Owner arrears (by building)</translation>
    </message>
    <message>
        <source>未关闭遗留问题（按类别，红色表示有逾期）</source>
        <translation>Open defects (by category; red means some are overdue)</translation>
    </message>
    <message>
        <source>未关闭遗留问题（按责任方）</source>
        <translation>Open defects (by responsible party)</translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>尚未选择交接</source>
        <translation>No handover selected</translation>
    </message>
    <message>
        <source>请在上方选择项目和交接；没有项目时用“项目 → 新建项目”或“项目 → 设置向导”，没有交接时在“交接清单”页点“新建交接”。</source>
        <translation>Select a project and a handover above. If there is no project, use "Project → New project" or "Project → Setup wizard"; if there is no handover, click "New handover" on the "Handover lists" tab.</translation>
    </message>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>{title}（{status}）</source>
        <translation>{title} ({status})</translation>
    </message>
    <message>
        <source>尚无交接清单</source>
        <translation>No handover lists yet</translation>
    </message>
    <message>
        <source>尚无遗留问题</source>
        <translation>No defects yet</translation>
    </message>
    <message>
        <source>尚无钥匙</source>
        <translation>No keys yet</translation>
    </message>
    <message>
        <source>没有未关闭的问题</source>
        <translation>No open defects</translation>
    </message>
    <message>
        <source>清单核对 {checked}/{total}　未关闭问题 {open}（逾期 {overdue}）　借出钥匙 {lent}</source>
        <translation>Lists checked {checked}/{total}  Open defects {open} ({overdue} overdue)  Keys lent {lent}</translation>
    </message>
    <message>
        <source>　我方台账欠费 ¥{arrears}</source>
        <translation>  Arrears in our ledger ¥{arrears}</translation>
    </message>
    <message>
        <source>　业主欠费 ¥{arrears}（对账结果）</source>
        <translation>  Owner arrears ¥{arrears} (reconciliation result)</translation>
    </message>
    <message>
        <source>交接类型</source>
        <translation>Handover type</translation>
    </message>
    <message>
        <source>基准日</source>
        <translation>Cut-off date</translation>
    </message>
    <message>
        <source>移交方</source>
        <translation>Handing-over party</translation>
    </message>
    <message>
        <source>接收方</source>
        <translation>Receiving party</translation>
    </message>
    <message>
        <source>监交方</source>
        <translation>Supervising party</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>其中逾期</source>
        <translation>Of which overdue</translation>
    </message>
    <message>
        <source>{n}（逾期 {late}）</source>
        <translation>{n} ({late} overdue)</translation>
    </message>
    <message>
        <source>尚未对账</source>
        <translation>Not reconciled yet</translation>
    </message>
    <message>
        <source>业主欠费（按楼栋，截至 {at}{shown}）</source>
        <translation>Owner arrears (by building, as of {at}{shown})</translation>
    </message>
    <message>
        <source>最多</source>
        <translation>highest</translation>
    </message>
    <message>
        <source>收缴率（按楼栋，截至 {at}{shown}）</source>
        <translation>Collection rate (by building, as of {at}{shown})</translation>
    </message>
    <message>
        <source>最低</source>
        <translation>lowest</translation>
    </message>
    <message>
        <source>没有欠费</source>
        <translation>No arrears</translation>
    </message>
    <message>
        <source>没有应收</source>
        <translation>Nothing billed</translation>
    </message>
    <message>
        <source>；{which} {n} 栋/共 {total} 栋</source>
        <translation>; {which} {n} of {total} buildings</translation>
    </message>
    <message>
        <source>{company}（{rep}）</source>
        <translation>{company} ({rep})</translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>修改业主</source>
        <translation>Edit owner</translation>
    </message>
    <message>
        <source>新建业主（{u}）</source>
        <translation>New owner ({u})</translation>
    </message>
    <message>
        <source>新建业主</source>
        <translation>New owner</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>可留空</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>手机或带区号的固定电话</source>
        <translation>Mobile or landline with area code</translation>
    </message>
    <message>
        <source>多个号码用“、”分隔</source>
        <translation>Separate several numbers with commas</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>姓名/单位名称</source>
        <translation>Name/organisation name</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation>Other phones</translation>
    </message>
    <message>
        <source>与房屋的关系</source>
        <translation>Relation to unit</translation>
    </message>
    <message>
        <source>电话和证件号码打码显示；不修改请保持原样，修改请输入完整号码。</source>
        <translation>Phone and ID document numbers are shown masked; leave them as they are to keep them, or enter the full number to change them.</translation>
    </message>
</context>
<context>
    <name>OwnersBrowser</name>
    <message>
        <source>输入姓名、房号，或完整的电话/证件号码（或其后四位）筛选</source>
        <translation>Filter by name, unit, or full phone/ID document number (or its last four digits)</translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message>
        <source>新建业主…</source>
        <translation>New owner…</translation>
    </message>
    <message>
        <source>新建一位暂不关联房屋的业主；关联房屋请在“房屋”页操作</source>
        <translation>Create an owner not yet linked to a unit; link units on the "Units" page</translation>
    </message>
    <message>
        <source>修改业主…</source>
        <translation>Edit owner…</translation>
    </message>
    <message>
        <source>删除业主</source>
        <translation>Delete owner</translation>
    </message>
    <message>
        <source>所选业主</source>
        <translation>Selected owner</translation>
    </message>
    <message>
        <source>姓名/单位名称</source>
        <translation>Name/organisation name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation>Other phones</translation>
    </message>
    <message>
        <source>房屋</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>（未关联房屋）</source>
        <translation>(no linked unit)</translation>
    </message>
    <message>
        <source>电话和证件号码已打码。</source>
        <translation>Phone and ID document numbers are masked.</translation>
    </message>
    <message>
        <source>已显示完整信息，并记入操作日志。</source>
        <translation>Full details shown and recorded in the audit log.</translation>
    </message>
    <message>
        <source>选择其他业主后恢复打码</source>
        <translation>Masked again when you select another owner</translation>
    </message>
    <message>
        <source>显示此业主的完整电话和证件号码；每次查看都记入操作日志</source>
        <translation>Show this owner's full phone and ID document numbers; every view is recorded in the audit log</translation>
    </message>
    <message>
        <source>删除业主“{n}”？</source>
        <translation>Delete owner "{n}"?</translation>
    </message>
</context>
<context>
    <name>PackageCheckDialog</name>
    <message>
        <source>校验交接档案包</source>
        <translation>Verify handover package</translation>
    </message>
    <message>
        <source>档案包：{path}</source>
        <translation>Package: {path}</translation>
    </message>
    <message>
        <source>完好：{files} 个文件的大小和 SHA-256 校验值全部与目录相符。</source>
        <translation>Intact: the size and SHA-256 of all {files} files match the index.</translation>
    </message>
    <message>
        <source>发现 {count} 处问题：档案包在生成之后被增删或改动过，不能作为交接依据。</source>
        <translation>{count} problem(s) found: files were added, removed or changed after the package was built; it cannot serve as the handover record.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Results</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 - %1</source>
        <translation>Print preview - %1</translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>其余 %1 页未预览；打印和另存为包含全部 %2 页。</source>
        <translation>The remaining %1 pages are not previewed; printing and saving include all %2 pages.</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机是否可用。</source>
        <translation>Printing could not start. Please check that the printer is available.</translation>
    </message>
    <message>
        <source>正在打印第 %1 / %2 页…</source>
        <translation>Printing page %1 of %2…</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation>Generating PDF…</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>编辑项目</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <source>如 CHY（字母或数字，不含空格）</source>
        <translation>e.g. CHY (letters or digits, no spaces)</translation>
    </message>
    <message>
        <source>如 翠湖园</source>
        <translation>e.g. Green Lake Garden</translation>
    </message>
    <message>
        <source>如 某市某区某路 88 号</source>
        <translation>e.g. 88 Example Road, Example District, Example City</translation>
    </message>
    <message>
        <source>如 某某物业服务有限公司</source>
        <translation>e.g. ABC Property Services Co., Ltd.</translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>项目类型</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>管理单位</source>
        <translation>Management company</translation>
    </message>
    <message>
        <source>项目编码是简短代号（命令行用 --project 选项目），以后可以修改。</source>
        <translation>The project code is a short identifier (the command line uses --project to choose a project); you can change it later.</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>第一个项目</source>
        <translation>First project</translation>
    </message>
    <message>
        <source>项目就是一个小区或一栋楼宇。项目编码是简短的字母或数字（如 CHY），用于导出文件名。不填则跳过，以后在“项目 → 新建项目”中添加。</source>
        <translation>A project is one community or one building. The project code is a few letters or digits (e.g. CHY) used in export file names. Leave blank to skip; you can add one later in "Project → New project".</translation>
    </message>
    <message>
        <source>如 CHY</source>
        <translation>e.g. CHY</translation>
    </message>
    <message>
        <source>如 翠湖园</source>
        <translation>e.g. Green Lake Garden</translation>
    </message>
    <message>
        <source>默认为本处单位名称</source>
        <translation>Defaults to this office's company name</translation>
    </message>
    <message>
        <source>项目编码：</source>
        <translation>Project code: </translation>
    </message>
    <message>
        <source>项目名称：</source>
        <translation>Project name: </translation>
    </message>
    <message>
        <source>项目类型：</source>
        <translation>Project type: </translation>
    </message>
    <message>
        <source>地址：</source>
        <translation>Address: </translation>
    </message>
    <message>
        <source>管理单位：</source>
        <translation>Management company: </translation>
    </message>
    <message>
        <source>数据库中已有 {n} 个项目。</source>
        <translation>The database already has {n} projects.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>接收钥匙</source>
        <translation>Receive key</translation>
    </message>
    <message>
        <source>如 K-03-02-1201-A（扫码或输入）</source>
        <translation>e.g. K-03-02-1201-A (scan or type)</translation>
    </message>
    <message>
        <source>选择或输入房号；公共部位不填</source>
        <translation>Choose or type a unit; leave blank for a common area</translation>
    </message>
    <message>
        <source>如 入户门、配电室、北门岗亭</source>
        <translation>e.g. front door, switch room, north gatehouse</translation>
    </message>
    <message>
        <source>把/套，整数</source>
        <translation>keys/sets, whole number</translation>
    </message>
    <message>
        <source>如 G01</source>
        <translation>e.g. G01</translation>
    </message>
    <message>
        <source>如 01-16；一个柜格只挂一把（套）</source>
        <translation>e.g. 01-16; one key (or set) per slot</translation>
    </message>
    <message>
        <source>移交钥匙的人</source>
        <translation>Person handing over the key</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>标签号：</source>
        <translation>Tag no.: </translation>
    </message>
    <message>
        <source>房号：</source>
        <translation>Unit: </translation>
    </message>
    <message>
        <source>开启对象：</source>
        <translation>Opens: </translation>
    </message>
    <message>
        <source>数量：</source>
        <translation>Quantity: </translation>
    </message>
    <message>
        <source>钥匙柜：</source>
        <translation>Key cabinet: </translation>
    </message>
    <message>
        <source>柜格：</source>
        <translation>Slot: </translation>
    </message>
    <message>
        <source>交来人：</source>
        <translation>Handed in by: </translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>按楼栋、房号、业主、项目筛选</source>
        <translation>Filter by building, unit, owner or fee item</translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation>Filter: </translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>筛选出 {m} 条 / 共 {n} 条</source>
        <translation>{m} shown of {n}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>押金改为退还业主 — {unit}</source>
        <translation>Refund deposit to owner instead — {unit}</translation>
    </message>
    <message>
        <source>押金：</source>
        <translation>Deposit: </translation>
    </message>
    <message>
        <source>{item} ¥{amount}（{received}）</source>
        <translation>{item} ¥{amount} ({received})</translation>
    </message>
    <message>
        <source>业主：</source>
        <translation>Owner: </translation>
    </message>
    <message>
        <source>退还日期、凭证号等</source>
        <translation>Refund date, voucher number, etc.</translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation>Explanation: </translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <source>临时密码：</source>
        <translation>Temporary password: </translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation>Confirm password: </translation>
    </message>
    <message>
        <source>请把临时密码当面告诉本人；他下次登录时须改为自己的新密码。</source>
        <translation>Tell the temporary password to the user in person; they must change it to their own new password at their next login.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>数据库文件：{path}
备份文件夹：{folder}</source>
        <translation>Database file: {path}
Backup folder: {folder}</translation>
    </message>
    <message>
        <source>
恢复前会先检查所选备份；当前文件另存一份（文件名含“恢复前”），然后程序重新启动并打开恢复后的数据库。</source>
        <translation>
The selected backup is checked before restoring; a copy of the current file is kept (its name contains "before-restore"), then the program restarts and opens the restored database.</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore selected backup…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>还没有备份。请先用“文件 → 备份…”备份一次。</source>
        <translation>There are no backups yet. Please make one first with "File → Backup…".</translation>
    </message>
    <message>
        <source>请先在列表中选一份备份。</source>
        <translation>Please select a backup in the list first.</translation>
    </message>
    <message>
        <source>正在检查所选备份…</source>
        <translation>Checking the selected backup…</translation>
    </message>
    <message>
        <source>所选备份（{label}）检查通过。

用它替换当前数据库吗？当前文件会另存一份，然后程序重新启动。备份之后所做的修改将不在恢复后的数据库里。</source>
        <translation>The selected backup ({label}) passed the check.

Replace the current database with it? A copy of the current file will be kept, then the program restarts. Changes made after the backup will not be in the restored database.</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>恢复没有完成，详情已记入日志。请联系技术支持后再试。</source>
        <translation>The restore was not completed; the details have been logged. Please contact technical support before trying again.</translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复。
原来的文件另存为：{aside}

程序现在重新启动。</source>
        <translation>Restored from the backup of {label}.
The original file was saved as: {aside}

The program will now restart.</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>欠费明细</source>
        <translation>Arrears detail</translation>
    </message>
    <message>
        <source>预收款</source>
        <translation>Prepayments</translation>
    </message>
    <message>
        <source>押金</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>代收代缴</source>
        <translation>Collected for others</translation>
    </message>
    <message>
        <source>收缴率</source>
        <translation>Collection rate</translation>
    </message>
    <message>
        <source>抄表费用</source>
        <translation>Metered charges</translation>
    </message>
    <message>
        <source>改为退还业主…</source>
        <translation>Refund to owner instead…</translation>
    </message>
    <message>
        <source>改为移交</source>
        <translation>Hand over instead</translation>
    </message>
    <message>
        <source>请先在工具栏选择交接。</source>
        <translation>Select a handover in the toolbar first.</translation>
    </message>
    <message>
        <source>正在计算对账结果…</source>
        <translation>Computing reconciliation results…</translation>
    </message>
    <message>
        <source>计算已取消：点击“计算结果”重新计算。</source>
        <translation>Computation cancelled: click "Compute results" to compute again.</translation>
    </message>
    <message>
        <source>欠费合计</source>
        <translation>Total arrears</translation>
    </message>
    <message>
        <source>预收款合计</source>
        <translation>Total prepayments</translation>
    </message>
    <message>
        <source>移交押金合计</source>
        <translation>Total deposits handed over</translation>
    </message>
    <message>
        <source>代业主保管余额合计</source>
        <translation>Total balances held for owners</translation>
    </message>
    <message>
        <source>抄表费用合计</source>
        <translation>Total metered charges</translation>
    </message>
    <message>
        <source>{label}：{amount}</source>
        <translation>{label}: {amount}</translation>
    </message>
    <message>
        <source>合计：应收 {billed}，实收 {paid}，收缴率 {rate}</source>
        <translation>Total: billed {billed}, paid {paid}, collection rate {rate}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>数量不符</source>
        <translation>Count differs</translation>
    </message>
    <message>
        <source>归还钥匙 — {key}</source>
        <translation>Return key — {key}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>归还人：</source>
        <translation>Returned by: </translation>
    </message>
    <message>
        <source>钥匙状况：</source>
        <translation>Key condition: </translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <source>角色：</source>
        <translation>Role: </translation>
    </message>
    <message>
        <source>文员：日常登记；主管：批准借钥匙、签署、更正；管理员：另管理用户和查看操作日志。</source>
        <translation>Clerk: daily records; supervisor: approves key loans, signs, corrects; administrator: also manages users and views the audit log.</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入业主名册</source>
        <translation>Import owner roster</translation>
    </message>
    <message>
        <source>请选择业主名册 Excel 文件（.xlsx）。</source>
        <translation>Please choose an owner roster Excel file (.xlsx).</translation>
    </message>
    <message>
        <source>选择业主名册</source>
        <translation>Choose owner roster</translation>
    </message>
    <message>
        <source>正在读取业主名册…</source>
        <translation>Reading owner roster…</translation>
    </message>
    <message>
        <source>正在导入业主名册…</source>
        <translation>Importing owner roster…</translation>
    </message>
    <message>
        <source>将导入 {0} 户（系统中已有的房屋不改动，只补充没有业主的）。</source>
        <translation>{0} units will be imported (units already in the system are not changed; only missing owners are added).</translation>
    </message>
    <message>
        <source>对应取值…</source>
        <translation>Map values…</translation>
    </message>
    <message>
        <source>表中有不认识的取值（{0}），如是系统代码，请点“对应取值”说明各代表哪一项。</source>
        <translation>The sheet has unrecognised values ({0}). If they are system codes, click "Map values" to say what each one means.</translation>
    </message>
    <message>
        <source>已按“对应取值”读取。</source>
        <translation>Read using "Map values".</translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation>Import complete: </translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>业主姓名</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation>Unit use</translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID card no.</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>另存为模板</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <source>如 MY-DOCS-01</source>
        <translation>e.g. MY-DOCS-01</translation>
    </message>
    <message>
        <source>模板编码：</source>
        <translation>Template code: </translation>
    </message>
    <message>
        <source>模板名称：</source>
        <translation>Template name: </translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本处信息（各前台共用）</source>
        <translation>Office information (shared by all front desks)</translation>
    </message>
    <message>
        <source>数据库（本机）</source>
        <translation>Database (this computer)</translation>
    </message>
    <message>
        <source>界面语言（本机）</source>
        <translation>Interface language (this PC)</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本次启动用命令行 --db 指定了数据库（{db}），它优先于这里的设置。</source>
        <translation>This session was started with --db on the command line ({db}), which takes precedence over the setting here.</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>SettlementBox</name>
    <message>
        <source>财务结算</source>
        <translation>Financial settlement</translation>
    </message>
    <message>
        <source>原物业应付新物业：</source>
        <translation>Previous company owes new company: </translation>
    </message>
    <message>
        <source>新物业应付原物业：</source>
        <translation>New company owes previous company: </translation>
    </message>
    <message>
        <source>结算净额：</source>
        <translation>Net settlement: </translation>
    </message>
    <message>
        <source>尚未计算结果：点击上方“计算结果”。</source>
        <translation>Results not computed yet: click "Compute results" above.</translation>
    </message>
    <message>
        <source>{direction} {amount}</source>
        <translation>{direction} {amount}</translation>
    </message>
    <message>
        <source>大写：{capital}</source>
        <translation>In words: {capital}</translation>
    </message>
    <message>
        <source>结算状态：尚未签署</source>
        <translation>Settlement status: not signed yet</translation>
    </message>
    <message>
        <source>结算状态：{status}（第 {n} 版）</source>
        <translation>Settlement status: {status} (version {n})</translation>
    </message>
    <message>
        <source>，{who} 签署于 {at}</source>
        <translation>, signed by {who} at {at}</translation>
    </message>
    <message>
        <source>对账差异 {total} 项，待处理 {open} 项
台账：原物业 {theirs} 行，我方 {ours} 行
基准日前应收 {billed}，实收 {paid}，收缴率 {rate}
押金退还业主 {refunded}；代收代缴业主尚欠 {owed}（不在两家之间结算）</source>
        <translation>Differences: {total}, {open} open
Ledgers: previous company {theirs} rows, ours {ours} rows
Before the cut-off date: billed {billed}, paid {paid}, collection rate {rate}
Deposits refunded to owners {refunded}; owners still owe {owed} on amounts collected for others (not settled between the two companies)</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>将导入 {0} 行。</source>
        <translation>{0} rows will be imported.</translation>
    </message>
    <message>
        <source>列对应</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>工作表与并排块</source>
        <translation>Sheets and side-by-side blocks</translation>
    </message>
    <message>
        <source>勾选要导入的工作表或并排的块；表头相同的几张工作表合为一张表导入</source>
        <translation>Tick the sheets or side-by-side blocks to import; sheets with the same header are imported together as one table</translation>
    </message>
    <message>
        <source>未选择文件</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>在 Excel 中改好后重新读取同一文件</source>
        <translation>Read the same file again after correcting it in Excel</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>表头认不出时，指明表头在 Excel 的第几行；再在“列对应”中逐个指定</source>
        <translation>If the header is not recognised, give the Excel row it is on, then set each column in "Column mapping"</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File: </translation>
    </message>
    <message>
        <source>表头行：</source>
        <translation>Header row: </translation>
    </message>
    <message>
        <source>问题，以及将导入、跳过、未导入的内容</source>
        <translation>Problems, and what will be imported, skipped or not imported</translation>
    </message>
    <message>
        <source>将导入：</source>
        <translation>Will import: </translation>
    </message>
    <message>
        <source>跳过：</source>
        <translation>Skipped: </translation>
    </message>
    <message>
        <source>未导入及提示：</source>
        <translation>Not imported and notes: </translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.et);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx *.xlsm *.xls *.xlsb *.et);;All files (*)</translation>
    </message>
    <message>
        <source>已取消导入，未写入任何数据。</source>
        <translation>Import cancelled; no data was written.</translation>
    </message>
    <message>
        <source>已取消读取。</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <source>检查通过，可以导入。</source>
        <translation>Check passed, ready to import.</translation>
    </message>
    <message>
        <source>有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。</source>
        <translation>Correct the rows with problems in Excel and click "Reload", or adjust the column mapping; nothing can be imported while there are problems.</translation>
    </message>
    <message>
        <source>工作表“{0}”，表头在第 {1} 行</source>
        <translation>Sheet "{0}", header on row {1}</translation>
    </message>
    <message>
        <source>工作表“{0}”等（合为一张表），表头在第 {1} 行</source>
        <translation>Sheet "{0}" and others (combined into one table), header on row {1}</translation>
    </message>
    <message>
        <source>（其上 {0} 行为标题等，不导入）</source>
        <translation> ({0} rows above it are titles etc. and are not imported)</translation>
    </message>
    <message>
        <source>；共 {0} 行数据，{1} 行有问题。</source>
        <translation>; {0} data rows, {1} with problems.</translation>
    </message>
    <message>
        <source>第 {0} 块（{1}）</source>
        <translation>Block {0} ({1})</translation>
    </message>
    <message>
        <source>工作表与并排块（{0}）</source>
        <translation>Sheets and side-by-side blocks ({0})</translation>
    </message>
    <message>
        <source>各工作表：{0}。</source>
        <translation>By sheet: {0}.</translation>
    </message>
    <message>
        <source>……共 {0} 行（悬停查看全部）</source>
        <translation>… {0} rows in all (hover to see all)</translation>
    </message>
    <message>
        <source>{0} 行：</source>
        <translation>{0} rows: </translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>无（每一列、每张工作表都已导入）</source>
        <translation>None (every column and every sheet is imported)</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>签署财务结算</source>
        <translation>Sign financial settlement</translation>
    </message>
    <message>
        <source>签署时按当前数据重新计算结果并保存；签署后本交接的台账、对账差异、押金处理和抄表底数全部锁定，只能由主管“修订结算”后更改。</source>
        <translation>Signing recomputes the results from the current data and saves them. After signing, this handover's ledgers, differences, deposit decisions and meter readings are all locked; they can only be changed after a supervisor uses "Amend settlement".</translation>
    </message>
    <message>
        <source>原物业应付新物业：</source>
        <translation>Previous company owes new company: </translation>
    </message>
    <message>
        <source>新物业应付原物业：</source>
        <translation>New company owes previous company: </translation>
    </message>
    <message>
        <source>{n}（签署前须全部处理）</source>
        <translation>{n} (all must be resolved before signing)</translation>
    </message>
    <message>
        <source>待处理差异：</source>
        <translation>Open differences: </translation>
    </message>
    <message>
        <source>签署说明（可空），如“双方财务已核对”</source>
        <translation>Signing note (optional), e.g. "Checked by both finance teams"</translation>
    </message>
    <message>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>签署交接清单 — {title}</source>
        <translation>Sign handover list — {title}</translation>
    </message>
    <message>
        <source>可不附（PDF、JPG 或 PNG）</source>
        <translation>Optional (PDF, JPG or PNG)</translation>
    </message>
    <message>
        <source>移交方签字人（{c}）：</source>
        <translation>Signed for handing-over party ({c}): </translation>
    </message>
    <message>
        <source>接收方签字人（{c}）：</source>
        <translation>Signed for receiving party ({c}): </translation>
    </message>
    <message>
        <source>监交方签字人（{c}）：</source>
        <translation>Signed for supervising party ({c}): </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>本次交接没有监交方</source>
        <translation>This handover has no supervising party</translation>
    </message>
    <message>
        <source>签署时间：</source>
        <translation>Signed at: </translation>
    </message>
    <message>
        <source>签字扫描件：</source>
        <translation>Signed scan: </translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>选择签字扫描件</source>
        <translation>Choose signed scan</translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>无法读取扫描件：{err}</source>
        <translation>Cannot read the scan: {err}</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>封存钥匙</source>
        <translation>Seal key</translation>
    </message>
    <message>
        <source>封条编号：</source>
        <translation>Seal number: </translation>
    </message>
    <message>
        <source>启封钥匙</source>
        <translation>Unseal key</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>登记遗失</source>
        <translation>Report lost</translation>
    </message>
    <message>
        <source>后续处理：</source>
        <translation>Follow-up: </translation>
    </message>
    <message>
        <source>移交钥匙</source>
        <translation>Hand over key</translation>
    </message>
    <message>
        <source>接收单位：</source>
        <translation>Receiving organisation: </translation>
    </message>
    <message>
        <source>作废钥匙</source>
        <translation>Void key</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>Reason: </translation>
    </message>
</context>
<context>
    <name>TemplatePickerDialog</name>
    <message>
        <source>新建清单（从模板）</source>
        <translation>New list (from template)</translation>
    </message>
    <message>
        <source>显示所有交接类型的模板</source>
        <translation>Show templates for all handover types</translation>
    </message>
    <message>
        <source>模板（{kind}）：</source>
        <translation>Template ({kind}): </translation>
    </message>
    <message>
        <source>清单名称：</source>
        <translation>List name: </translation>
    </message>
    <message>
        <source>{name}（{n} 项）</source>
        <translation>{name} ({n} items)</translation>
    </message>
    <message>
        <source>{label}　自定义</source>
        <translation>{label}  custom</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>新增房屋</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>修改房屋</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <source>如 3栋2单元1201、1-2-1201、车位 B2-117</source>
        <translation>e.g. Bldg 3 Entrance 2 1201, 1-2-1201, parking space B2-117</translation>
    </message>
    <message>
        <source>按房号识别（没有的楼栋自动新建）</source>
        <translation>Recognised from the unit number (missing buildings are created automatically)</translation>
    </message>
    <message>
        <source>m²，最多两位小数；未知可留空</source>
        <translation>m², up to two decimals; leave blank if unknown</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>识别结果</source>
        <translation>Recognised as</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation>Unit use</translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>楼栋 {b}</source>
        <translation>Building {written}</translation>
    </message>
    <message>
        <source>未写楼栋</source>
        <translation>No building given</translation>
    </message>
    <message>
        <source>{e}单元</source>
        <translation>Entrance {e}</translation>
    </message>
    <message>
        <source>未写单元</source>
        <translation>No entrance given</translation>
    </message>
    <message>
        <source>{f}层</source>
        <translation>Floor {f}</translation>
    </message>
    <message>
        <source>楼层不详</source>
        <translation>Floor unknown</translation>
    </message>
    <message>
        <source>按房号：{e}单元</source>
        <translation>From unit number: entrance {e}</translation>
    </message>
    <message>
        <source>房号未写单元；有单元的楼栋请填写，如 2</source>
        <translation>The unit number has no entrance; fill it in for buildings with entrances, e.g. 2</translation>
    </message>
    <message>
        <source>按房号：{f}层</source>
        <translation>From unit number: floor {f}</translation>
    </message>
    <message>
        <source>房号看不出楼层；可填写，如 12、-1、B2</source>
        <translation>The floor cannot be read from the unit number; you can fill it in, e.g. 12, -1, B2</translation>
    </message>
</context>
<context>
    <name>UnitsBrowser</name>
    <message>
        <source>输入房号、楼栋或业主姓名筛选</source>
        <translation>Filter by unit, building or owner name</translation>
    </message>
    <message>
        <source>楼栋：</source>
        <translation>Building: </translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>未分楼栋</source>
        <translation>No building</translation>
    </message>
</context>
<context>
    <name>UnitsOwnersDialog</name>
    <message>
        <source>楼栋、房屋与业主</source>
        <translation>Buildings, units and owners</translation>
    </message>
    <message>
        <source>楼栋与房屋</source>
        <translation>Buildings and units</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>新增房屋…</source>
        <translation>Add unit…</translation>
    </message>
    <message>
        <source>修改房屋…</source>
        <translation>Edit unit…</translation>
    </message>
    <message>
        <source>删除房屋</source>
        <translation>Delete unit</translation>
    </message>
    <message>
        <source>新增楼栋…</source>
        <translation>Add building…</translation>
    </message>
    <message>
        <source>修改楼栋…</source>
        <translation>Edit building…</translation>
    </message>
    <message>
        <source>删除楼栋</source>
        <translation>Delete building</translation>
    </message>
    <message>
        <source>作用于上方“楼栋”筛选中选定的楼栋</source>
        <translation>Applies to the building selected in the "Building" filter above</translation>
    </message>
    <message>
        <source>所选房屋的业主与使用人</source>
        <translation>Owners and occupants of the selected unit</translation>
    </message>
    <message>
        <source>新建业主…</source>
        <translation>New owner…</translation>
    </message>
    <message>
        <source>关联已有业主…</source>
        <translation>Link existing owner…</translation>
    </message>
    <message>
        <source>修改业主…</source>
        <translation>Edit owner…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>从这套房屋移除此人（业主记录保留）</source>
        <translation>Remove this person from the unit (the owner record is kept)</translation>
    </message>
    <message>
        <source>删除楼栋“{n}”？</source>
        <translation>Delete building "{n}"?</translation>
    </message>
    <message>
        <source>删除房屋“{n}”？</source>
        <translation>Delete unit "{n}"?</translation>
    </message>
    <message>
        <source>从房屋“{u}”移除{r}“{n}”？业主记录保留。</source>
        <translation>Remove {r} "{n}" from unit "{u}"? The owner record is kept.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户管理</source>
        <translation>User management</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>停用的账号保留在操作日志中，不能再登录。连续输错密码 5 次锁定 10 分钟；重置密码即解锁。</source>
        <translation>Deactivated accounts stay in the audit log but can no longer log in. Five wrong passwords in a row lock the account for 10 minutes; resetting the password unlocks it.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>请先选择一个用户</source>
        <translation>Please select a user first</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>停用“{who}”的账号？停用后不能登录，其操作记录保留；以后可以再启用。</source>
        <translation>Deactivate the account of "{who}"? They will not be able to log in; their records are kept. You can activate it again later.</translation>
    </message>
</context>
<context>
    <name>ValueMappingDialog</name>
    <message>
        <source>对应取值</source>
        <translation>Map values</translation>
    </message>
    <message>
        <source>表中这些取值不是系统的取值（常见于其他系统导出的代码）。请为每个取值选择它代表的一项；不选的仍按问题列出，不能导入。</source>
        <translation>These values in the sheet are not values the system knows (often codes exported from another system). Choose what each value stands for; values left unmapped stay listed as problems and cannot be imported.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（不对应）</source>
        <translation>(not mapped)</translation>
    </message>
    <message>
        <source>“{0}”（{1} 行）</source>
        <translation>"{0}" ({1} rows)</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>"{0}"</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_ProjectStep</name>
    <message>
        <source>上一步没有新建项目，此步跳过。</source>
        <translation>No project was created in the previous step, so this step is skipped.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>要现在修改本机的数据库设置吗？</source>
        <translation>Change this PC's database settings now?</translation>
    </message>
</context>
<context>
    <name>approvals</name>
    <message>
        <source>「{field}」账号“{username}”不存在或已停用。</source>
        <translation>“{field}”: account “{username}” does not exist or is disabled.</translation>
    </message>
    <message>
        <source>「{field}」不能是当前登录的用户本人：请由另一位主管用自己的账号和密码确认。</source>
        <translation>“{field}” cannot be the user currently logged in: another supervisor must confirm with their own account and password.</translation>
    </message>
    <message>
        <source>「{field}」须是主管或管理员账号；“{name}”是{role}。</source>
        <translation>“{field}” must be a supervisor or administrator account; “{name}” is {role}.</translation>
    </message>
    <message>
        <source>批准主管</source>
        <translation>Approving supervisor</translation>
    </message>
    <message>
        <source>请选择「{field}」。</source>
        <translation>Please choose “{field}”.</translation>
    </message>
    <message>
        <source>请「{field}」输入自己的登录密码。</source>
        <translation>“{field}”: please enter your own login password.</translation>
    </message>
    <message>
        <source>「{field}」的密码不正确，未保存。</source>
        <translation>The password for “{field}” is incorrect; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>archive</name>
    <message>
        <source>“{name}”不是物业交接台的备份文件。</source>
        <translation>“{name}” is not a HandoverDesk backup file.</translation>
    </message>
    <message>
        <source>“{name}”不是物业交接台的备份文件（或格式版本不同）。</source>
        <translation>“{name}” is not a HandoverDesk backup file (or its format version differs).</translation>
    </message>
    <message>
        <source>备份来自数据库结构版本 {revision}，而这个数据库是 {current}：请用相同版本的程序恢复。</source>
        <translation>The backup comes from database schema version {revision}, but this database is at {current}: please restore it with the same version of the program.</translation>
    </message>
    <message>
        <source>恢复只能导入一个空的数据库：这个数据库里已有数据。请新建一个空数据库再恢复。</source>
        <translation>A backup can only be restored into an empty database, and this database already has data. Please create an empty database and restore into it.</translation>
    </message>
    <message>
        <source>备份中的表 {name} 与本程序的结构不一致，无法恢复。</source>
        <translation>Table {name} in the backup does not match the structure of this program and cannot be restored.</translation>
    </message>
    <message>
        <source>恢复后的表 {name} 与备份记录不符，已全部撤销（行数或金额合计不同）。</source>
        <translation>Restored table {name} does not match the backup records (different row count or amount totals); everything has been undone.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>查看操作日志</source>
        <translation>View audit log</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>锁定登录</source>
        <translation>Login locked</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>内置模板</source>
        <translation>Built-in templates</translation>
    </message>
    <message>
        <source>查看个人信息</source>
        <translation>View personal data</translation>
    </message>
    <message>
        <source>对账</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>批量处理差异</source>
        <translation>Bulk-handle differences</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{field}：{old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <source>遗留问题</source>
        <translation>Defect</translation>
    </message>
    <message>
        <source>遗留问题状态记录</source>
        <translation>Defect status record</translation>
    </message>
    <message>
        <source>遗留问题照片</source>
        <translation>Defect photo</translation>
    </message>
    <message>
        <source>遗留问题催办记录</source>
        <translation>Defect reminder record</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <source>收费标准</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <source>抄表底数</source>
        <translation>Meter readings</translation>
    </message>
    <message>
        <source>收费台账</source>
        <translation>Fee ledger</translation>
    </message>
    <message>
        <source>财务结算</source>
        <translation>Financial settlement</translation>
    </message>
    <message>
        <source>对账差异</source>
        <translation>Fee differences</translation>
    </message>
    <message>
        <source>押金处理</source>
        <translation>Deposit handling</translation>
    </message>
    <message>
        <source>台账版本</source>
        <translation>Ledger version</translation>
    </message>
    <message>
        <source>对账结果摘要</source>
        <translation>Reconciliation summary</translation>
    </message>
    <message>
        <source>交接</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>交接清单</source>
        <translation>Handover list</translation>
    </message>
    <message>
        <source>交接清单条目</source>
        <translation>Handover list item</translation>
    </message>
    <message>
        <source>交接信息更正</source>
        <translation>Handover details correction</translation>
    </message>
    <message>
        <source>清单模板</source>
        <translation>List template</translation>
    </message>
    <message>
        <source>模板条目</source>
        <translation>Template item</translation>
    </message>
    <message>
        <source>钥匙</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>钥匙记录</source>
        <translation>Key record</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>房屋产权</source>
        <translation>Unit ownership</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>房屋</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>未登录，不能保存任何修改：请先登录（命令行请用 --user 或 HANDOVERDESK_USER）。</source>
        <translation>Not signed in, so no change can be saved: please sign in first (on the command line use --user or HANDOVERDESK_USER).</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Incorrect user name or password.</translation>
    </message>
    <message>
        <source>用户名“{username}”已存在。</source>
        <translation>Username “{username}” already exists.</translation>
    </message>
    <message>
        <source>数据库中已有用户，不能再创建首个管理员；请由管理员登录后添加用户。</source>
        <translation>The database already has users, so the first administrator cannot be created again. Ask an administrator to log in and add users.</translation>
    </message>
    <message>
        <source>用户名不能为空。</source>
        <translation>Username cannot be empty.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>{field}至少 {MIN_PASSWORD} 位。</source>
        <translation>{field} must be at least {MIN_PASSWORD} characters.</translation>
    </message>
    <message>
        <source>{field}的开头或结尾有空格，请去掉后再输入。</source>
        <translation>{field} begins or ends with a space; please remove it and enter it again.</translation>
    </message>
    <message>
        <source>密码连续输错 {count} 次，账号已暂时锁定，请于 {when} 后再试；如忘记密码，请管理员重置。</source>
        <translation>The password was entered wrongly {count} times in a row, so the account is temporarily locked. Please try again after {when}; if you have forgotten the password, ask an administrator to reset it.</translation>
    </message>
    <message>
        <source>请先登录。</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>请输入原密码。</source>
        <translation>Please enter your current password.</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The current password is incorrect.</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>账号已停用，不能修改密码。</source>
        <translation>The account is disabled; the password cannot be changed.</translation>
    </message>
    <message>
        <source>未登录时只能查看，不能修改数据；请以用户身份登录。</source>
        <translation>Without logging in you can only view data, not change it. Please log in as a user.</translation>
    </message>
    <message>
        <source>用户“{username}”不存在。</source>
        <translation>User “{username}” does not exist.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>备份检查未通过（{problem}），这份备份已丢弃。数据库文件可能已损坏，请联系技术支持。</source>
        <translation>The backup failed its check ({problem}) and has been discarded. The database file may be damaged; please contact technical support.</translation>
    </message>
    <message>
        <source>所选备份“{name}”检查未通过（{problem}），没有恢复。请选择另一份备份。</source>
        <translation>The selected backup “{name}” failed its check ({problem}) and was not restored. Please choose another backup.</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>before-restore</translation>
    </message>
    <message>
        <source>只有本机数据库文件（SQLite）可以这样恢复。</source>
        <translation>Only a database file on this PC (SQLite) can be restored this way.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>详情已记入日志</source>
        <translation>details are in the log</translation>
    </message>
    <message>
        <source>无法写入备份文件夹</source>
        <translation>Cannot write to the backup folder</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>Restoring backup…</translation>
    </message>
    <message>
        <source>正在检查数据库文件和备份…</source>
        <translation>Checking the database file and backups…</translation>
    </message>
    <message>
        <source>自动备份没有完成：{reason}</source>
        <translation>The automatic backup did not finish: {reason}</translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复，程序现在使用恢复后的数据库。
损坏的文件已另存为：{aside}</source>
        <translation>Restored from the backup of {label}; the program now uses the restored database.
The damaged file was kept as: {aside}</translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复。
损坏的文件已另存为：{aside}</source>
        <translation>Restored from the backup of {label}.
The damaged file was kept as: {aside}</translation>
    </message>
    <message>
        <source>已自动备份数据库：{path}</source>
        <translation>Database backed up automatically: {path}</translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>备份保存在数据库文件旁的 backups 文件夹里；每天保留最新的一份，保留最近 {days} 天，另每月保留一份，保留最近 {months} 个月。</source>
        <translation>Backups are kept in the backups folder beside the database file: the latest of each day for the last {days} days, and one a month for the last {months} months.</translation>
    </message>
    <message>
        <source>这个数据库在 PostgreSQL 服务器上：请用“恢复…”载入备份文件到一个空数据库。</source>
        <translation>This database is on a PostgreSQL server: use "Restore…" to load a backup file into an empty database.</translation>
    </message>
    <message>
        <source>备份…</source>
        <translation>Backup…</translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>用一份备份替换或载入数据库</source>
        <translation>Replace or load the database from a backup</translation>
    </message>
    <message>
        <source>保存备份文件</source>
        <translation>Save backup file</translation>
    </message>
    <message>
        <source>物业交接台备份 (*.zip)</source>
        <translation>HandoverDesk backup (*.zip)</translation>
    </message>
    <message>
        <source>正在导出备份文件…</source>
        <translation>Exporting backup file…</translation>
    </message>
    <message>
        <source>立即把本机数据库备份到备份文件夹</source>
        <translation>Back up the local database to the backup folder now</translation>
    </message>
    <message>
        <source>把整个数据库导出为一个备份文件</source>
        <translation>Export the whole database as one backup file</translation>
    </message>
    <message>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>物业交接台备份-{stamp}.zip</source>
        <translation>HandoverDesk-backup-{stamp}.zip</translation>
    </message>
    <message>
        <source>备份没有完成，详情已记入日志。请稍后再试；如果反复出现，请联系技术支持。</source>
        <translation>The backup was not completed; the details have been logged. Please try again later, and contact technical support if it keeps happening.</translation>
    </message>
    <message>
        <source>已把整个数据库（{tables} 张表，{rows} 行）备份到：{path}</source>
        <translation>The whole database ({tables} tables, {rows} rows) was backed up to: {path}</translation>
    </message>
    <message>
        <source>已备份到：{path}（{size}）
{keep}</source>
        <translation>Backed up to: {path} ({size})
{keep}</translation>
    </message>
    <message>
        <source>物业交接台备份 (*.zip);;所有文件 (*)</source>
        <translation>HandoverDesk backups (*.zip);;All files (*)</translation>
    </message>
</context>
<context>
    <name>checklists</name>
    <message>
        <source>应交数量</source>
        <translation>Expected qty</translation>
    </message>
    <message>
        <source>实收数量</source>
        <translation>Received qty</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>「清单名称」不能超过 100 个字。</source>
        <translation>“List name” cannot be longer than 100 characters.</translation>
    </message>
    <message>
        <source>清单模板“{template_code}”不存在。</source>
        <translation>List template “{template_code}” does not exist.</translation>
    </message>
    <message>
        <source>「清单名称」不能为空。</source>
        <translation>“List name” cannot be empty.</translation>
    </message>
    <message>
        <source>「应交数量」不能为空。</source>
        <translation>“Quantity due” cannot be empty.</translation>
    </message>
    <message>
        <source>「{field}」应为整数：“{value}”。</source>
        <translation>"{field}" must be a whole number: "{value}".</translation>
    </message>
    <message>
        <source>「{field}」不能超过 {limit} 个字。</source>
        <translation>"{field}" cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>「{field}」不能为空。</source>
        <translation>"{field}" cannot be empty.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>「{field}」应为：{choices}。</source>
        <translation>"{field}" must be one of: {choices}.</translation>
    </message>
    <message>
        <source>未知的清单字段：{fields}。</source>
        <translation>Unknown list fields: {fields}.</translation>
    </message>
    <message>
        <source>「实收数量」不能为空。</source>
        <translation>“Quantity received” cannot be empty.</translation>
    </message>
    <message>
        <source>「模板编码」和「模板名称」不能为空。</source>
        <translation>“Template code” and “Template name” cannot be empty.</translation>
    </message>
    <message>
        <source>模板编码“{code}”已存在。</source>
        <translation>Template code “{code}” already exists.</translation>
    </message>
    <message>
        <source>第 {seq} 项已登记为遗留问题。</source>
        <translation>Item {seq} is already recorded as a defect.</translation>
    </message>
    <message>
        <source>第 {seq} 项没有短缺、缺陷或缺失，不能转为遗留问题。</source>
        <translation>Item {seq} has no shortfall, fault or missing part, so it cannot be turned into a defect.</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录号</source>
        <translation>Record no.</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>清单状态</source>
        <translation>List status</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>应交</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>核对人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>核对时间</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>开启对象</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>柜/格</source>
        <translation>Cabinet/slot</translation>
    </message>
    <message>
        <source>最近操作</source>
        <translation>Last action</translation>
    </message>
    <message>
        <source>操作时间</source>
        <translation>Action time</translation>
    </message>
    <message>
        <source>经手人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee item</translation>
    </message>
    <message>
        <source>所属期起</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>所属期止</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>应收</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>欠费</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>原物业应收</source>
        <translation>Prev. billed</translation>
    </message>
    <message>
        <source>原物业实收</source>
        <translation>Prev. paid</translation>
    </message>
    <message>
        <source>我方应收</source>
        <translation>Our billed</translation>
    </message>
    <message>
        <source>我方实收</source>
        <translation>Our paid</translation>
    </message>
    <message>
        <source>原物业说明</source>
        <translation>Prev. company's note</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>业主姓名/单位名称</source>
        <translation>Owner/company name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>房屋</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation>Other phones</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>{label}（编号 {record_id}）不存在。</source>
        <translation>{label} (no. {record_id}) does not exist.</translation>
    </message>
</context>
<context>
    <name>cutoff</name>
    <message>
        <source>计费期间有误：起始日 {start} 晚于截止日 {end}。</source>
        <translation>Invalid billing period: the start date {start} is after the end date {end}.</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>数据库文件位于网络共享上（{path}）。多台电脑同时使用网络共享上的 SQLite 文件会损坏数据；多个前台请共用一台 PostgreSQL 服务器（--db postgresql://用户@服务器/数据库）。</source>
        <translation>The database file is on a network share ({path}). Several computers using a SQLite file on a network share at once will damage the data; for several desks please share one PostgreSQL server (--db postgresql://user@server/database).</translation>
    </message>
    <message>
        <source>数据库文件“{path}”已损坏（{detail}）。为免损失扩大，程序不会再写入这个文件。请从备份恢复，或用 --db 打开另一个文件，并联系技术支持。</source>
        <translation>The database file “{path}” is damaged ({detail}). To avoid further loss, the program will not write to this file again. Please restore from a backup, or open another file with --db, and contact technical support.</translation>
    </message>
    <message>
        <source>连不上数据库服务器（{where}）：服务器没有运行、地址或端口不对，或网络不通。请检查服务器和网络，或联系管理员。</source>
        <translation>Cannot reach the database server ({where}): the server is not running, the address or port is wrong, or the network is down. Please check the server and the network, or contact the administrator.</translation>
    </message>
    <message>
        <source>数据库服务器拒绝登录（{where}）：用户名或密码不正确。请检查设置中的数据库用户和密码。</source>
        <translation>The database server refused the login ({where}): the user name or password is incorrect. Please check the database user and password in the settings.</translation>
    </message>
    <message>
        <source>数据库服务器上没有这个数据库用户（{where}）。请检查设置中的数据库用户名。</source>
        <translation>The database server has no such database user ({where}). Please check the database user name in the settings.</translation>
    </message>
    <message>
        <source>数据库服务器上没有这个数据库（{where}）。请检查数据库名称，或请管理员先建库。</source>
        <translation>The database server has no such database ({where}). Please check the database name, or ask the administrator to create it first.</translation>
    </message>
    <message>
        <source>与数据库服务器的连接中断了（{where}），这次操作已全部撤销，没有保存任何内容。请检查网络后重试。</source>
        <translation>The connection to the database server was lost ({where}); this operation was fully undone and nothing was saved. Please check the network and try again.</translation>
    </message>
    <message>
        <source>无法使用数据库（{where}）。请联系管理员；详情已记入日志。</source>
        <translation>The database ({where}) cannot be used. Please contact your administrator; the details have been logged.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>database</translation>
    </message>
    <message>
        <source>记录只能追加，不能修改或删除。</source>
        <translation>Records can only be added, not changed or deleted.</translation>
    </message>
    <message>
        <source>保存失败：与已有记录重复。（{detail}）</source>
        <translation>Could not save: it duplicates an existing record. ({detail})</translation>
    </message>
    <message>
        <source>保存失败：引用的记录不存在或仍被其他记录引用。（{detail}）</source>
        <translation>Could not save: a referenced record does not exist or is still referenced by other records. ({detail})</translation>
    </message>
    <message>
        <source>数据库文件已损坏或不是 HandoverDesk 数据库（{detail}）。请从备份恢复，或用 --db 打开另一个文件。</source>
        <translation>The database file is damaged or is not a HandoverDesk database ({detail}). Please restore from a backup, or open another file with --db.</translation>
    </message>
</context>
<context>
    <name>defects</name>
    <message>
        <source>「位置」不能为空：请选择房屋或填写公共部位。</source>
        <translation>“Location” cannot be empty: choose a unit or enter a common area.</translation>
    </message>
    <message>
        <source>遗留问题 {number} 已{status}，不能再修改。</source>
        <translation>Defect {number} is {status} and can no longer be changed.</translation>
    </message>
    <message>
        <source>遗留问题 {number} 的照片（编号 {photo_id}）已不存在，请刷新后重试；您的修改未保存。</source>
        <translation>The photo (no. {photo_id}) of defect {number} no longer exists. Refresh and try again; your changes were not saved.</translation>
    </message>
    <message>
        <source>未知的遗留问题字段：{fields}。</source>
        <translation>Unknown defect field(s): {fields}.</translation>
    </message>
    <message>
        <source>「无法整改报告」必须写明原因和处理意见（至少 10 个字）。</source>
        <translation>A “cannot be fixed” report must state the reason and how it will be handled (at least 10 characters).</translation>
    </message>
    <message>
        <source>未知的催办/上报类型：{kind}。</source>
        <translation>Unknown reminder/report type: {kind}.</translation>
    </message>
    <message>
        <source>遗留问题 {number} 已{status}，不能再添加照片。</source>
        <translation>Defect {number} is {status}; no more photos can be added.</translation>
    </message>
    <message>
        <source>遗留问题 {number} 已{status}，不能删除照片。</source>
        <translation>Defect {number} is {status}; its photos cannot be deleted.</translation>
    </message>
    <message>
        <source>遗留问题“{number}”不存在。</source>
        <translation>Defect “{number}” does not exist.</translation>
    </message>
    <message>
        <source>「问题描述」不能为空。</source>
        <translation>“Description” cannot be empty.</translation>
    </message>
    <message>
        <source>「严重程度」应为：{choices}。</source>
        <translation>“Severity” must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「类别」应为：{choices}。</source>
        <translation>“Category” must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「责任方」应为：{choices}。</source>
        <translation>“Responsible party” must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「{severity}整改期限」应为 1–{days} 天。</source>
        <translation>“Rectification deadline for {severity} defects” must be 1–{days} days.</translation>
    </message>
    <message>
        <source>「期限变更原因」不能为空：修改整改期限须写明原因。</source>
        <translation>“Reason for deadline change” cannot be empty: a changed rectification deadline needs a written reason.</translation>
    </message>
    <message>
        <source>遗留问题不能从“{old}”改为“{new}”。</source>
        <translation>An outstanding issue cannot go from “{old}” to “{new}”.</translation>
    </message>
    <message>
        <source>请指定项目编码或交接编号。</source>
        <translation>Give a project code or a handover number.</translation>
    </message>
    <message>
        <source>遗留问题编号在各项目内唯一，请用 --project 指定项目编码。</source>
        <translation>Defect numbers are unique only within a project: give the project code with --project.</translation>
    </message>
    <message>
        <source>还没有项目。</source>
        <translation>There are no projects yet.</translation>
    </message>
    <message>
        <source>{party}负责的遗留问题没有逾期未整改的，无需发催办函。</source>
        <translation>None of the defects {party} is responsible for is overdue, so no reminder letter is needed.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>{project_name}（{project_code}，{size}，种子 {seed}）：楼栋 {buildings}，房屋 {units}，业主 {owners}，交接清单 {lists}（{list_items} 项），遗留问题 {defects}，钥匙 {keys}（记录 {key_events}），收费项目 {fee_items}，抄表 {meter_readings}，台账 {ledger_lines} 行</source>
        <translation>{project_name} ({project_code}, {size}, seed {seed}): {buildings} buildings, {units} units, {owners} owners, {lists} handover lists ({list_items} items), {defects} outstanding issues, {keys} keys ({key_events} records), {fee_items} fee items, {meter_readings} meter readings, {ledger_lines} ledger lines</translation>
    </message>
    <message>
        <source>数据库中已有演示项目 {project_code}，请用 --db 指定一个新文件。</source>
        <translation>The database already holds the demo project {project_code}; please give a new file with --db.</translation>
    </message>
    <message>
        <source>演示规模“{size}”无效，应为 small 或 large。</source>
        <translation>Invalid demo size “{size}”: it must be small or large.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>程序出现了一个错误，已记录到日志。您的数据已保存到上一次成功的操作。
如果问题反复出现，请把详细信息发给技术支持。</source>
        <translation>The program ran into an error; it has been logged. Your data is saved up to the last successful action.
If it keeps happening, send the details to technical support.</translation>
    </message>
    <message>
        <source>已取消，未做任何改动。</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>{what}已被其他人修改，请刷新后重试；您的修改未保存。</source>
        <translation>{what} was changed by someone else. Refresh and try again; your changes were not saved.</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>The record</translation>
    </message>
    <message>
        <source>其他前台正在保存同一数据，请刷新后重试；您的修改未保存。</source>
        <translation>Another desk is saving the same data. Refresh and try again; your changes were not saved.</translation>
    </message>
    <message>
        <source>{what}已签署，不能修改或删除；如需更正，请创建补充/更正版本。</source>
        <translation>{what} has been signed and cannot be changed or deleted. To correct it, create an amendment or correction.</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>The document</translation>
    </message>
    <message>
        <source>“{path}”</source>
        <translation>“{path}”</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>the file</translation>
    </message>
    <message>
        <source>无法写入{name}：文件可能正在 Excel 或其他程序中打开，或者没有写入这个文件夹的权限。请关闭该文件，或另选一个保存位置后重试。</source>
        <translation>Cannot write to {name}: the file may be open in Excel or another program, or you may not have permission to write to this folder. Close the file, or choose another location, and try again.</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法写入{name}。请清理磁盘，或另选一个保存位置。</source>
        <translation>Not enough disk space to write {name}. Free up disk space, or choose another location.</translation>
    </message>
    <message>
        <source>找不到{name}（或它所在的文件夹）。请检查路径。</source>
        <translation>Cannot find {name} (or the folder it is in). Please check the path.</translation>
    </message>
    <message>
        <source>{name}所在的磁盘是只读的，无法写入。请另选一个保存位置。</source>
        <translation>The disk holding {name} is read-only and cannot be written to. Please choose another location.</translation>
    </message>
    <message>
        <source>{name}是一个文件夹，请选择或输入文件名。</source>
        <translation>{name} is a folder. Please choose or enter a file name.</translation>
    </message>
    <message>
        <source>路径太长，无法保存{name}。请选一个较短的文件夹或文件名。</source>
        <translation>The path is too long to save {name}. Please choose a shorter folder or file name.</translation>
    </message>
    <message>
        <source>无法读写{name}（{reason}）。</source>
        <translation>Cannot read or write {name} ({reason}).</translation>
    </message>
</context>
<context>
    <name>escalation</name>
    <message>
        <source>发出书面整改通知单（发现后 24 小时内）</source>
        <translation>Send a written rectification notice (within 24 hours of finding)</translation>
    </message>
    <message>
        <source>重大问题立即报告公司领导</source>
        <translation>Report a major defect to company leadership at once</translation>
    </message>
    <message>
        <source>发催办函，并在 24 小时内告知公司领导</source>
        <translation>Send a reminder letter and inform company leadership within 24 hours</translation>
    </message>
    <message>
        <source>上报公司领导、开发商工程部及开发商领导</source>
        <translation>Report to company leadership, the developer's engineering department and the developer's leadership</translation>
    </message>
    <message>
        <source>三次复验不合格，24 小时内报告公司领导</source>
        <translation>Three failed re-inspections: report to company leadership within 24 hours</translation>
    </message>
</context>
<context>
    <name>exit_letters</name>
    <message>
        <source>告业主书</source>
        <translation>letter to owners</translation>
    </message>
    <message>
        <source>押金退还确认单</source>
        <translation>deposit refund receipt</translation>
    </message>
    <message>
        <source>预收款移交确认单</source>
        <translation>prepayment transfer receipt</translation>
    </message>
    <message>
        <source>{form}只用于退场移交；本交接为{kind}，无需出具。</source>
        <translation>The {form} is only for an exit handover; this handover is a {kind}, so none is issued.</translation>
    </message>
    <message>
        <source>本交接的对账结果中没有需要出具{form}的业主。</source>
        <translation>No owner in this handover's fee results needs a {form}.</translation>
    </message>
    <message>
        <source>房号“{unit}”在交接基准日没有需要写入{form}的款项，无需出具。</source>
        <translation>Unit “{unit}” has nothing at the cut-off date to put in a {form}; none is issued.</translation>
    </message>
</context>
<context>
    <name>fee_items</name>
    <message>
        <source>「项目编码」不能为空。</source>
        <translation>“Project code” cannot be empty.</translation>
    </message>
    <message>
        <source>「项目名称」不能为空。</source>
        <translation>“Project name” cannot be empty.</translation>
    </message>
    <message>
        <source>「计费方式」无效：{basis}。</source>
        <translation>“Charging basis” is not valid: {basis}.</translation>
    </message>
    <message>
        <source>收费项目“{name}”或编码“{code}”已存在。</source>
        <translation>Fee item “{name}” or code “{code}” already exists.</translation>
    </message>
    <message>
        <source>「单价」应为数字（元，最多四位小数）。</source>
        <translation>“Unit price” must be a number (yuan, at most 4 decimal places).</translation>
    </message>
    <message>
        <source>「单价」应为数字，不能是“{rate}”。</source>
        <translation>“Unit price” must be a number, not “{rate}”.</translation>
    </message>
    <message>
        <source>「单价」不能为负数。</source>
        <translation>“Unit price” cannot be negative.</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>「单价」最多四位小数。</source>
        <translation>“Unit price” can have at most 4 decimal places.</translation>
    </message>
    <message>
        <source>「房屋用途」无效：{value}。可选：{choices}。</source>
        <translation>“Unit use” is not valid: {value}. Choose from: {choices}.</translation>
    </message>
    <message>
        <source>「起用日期」应为日期。</source>
        <translation>“Effective from” must be a date.</translation>
    </message>
    <message>
        <source>「起用日期」{valid_from} 早于已签署的财务结算（{caption}）所结算的期间（至 {until}），这个单价会改变已签署的金额。请从 {next_day} 起设置，或由主管先“修订结算”再调整。</source>
        <translation>The “Effective from” date {valid_from} falls within the period settled by the signed financial settlement ({caption}) (up to {until}), so this rate would change signed amounts. Set it from {next_day}, or have a supervisor “Revise settlement” first.</translation>
    </message>
</context>
<context>
    <name>fee_results</name>
    <message>
        <source>表号 {meter_no}（{kind}表）找不到按用量计费的收费项目，无法计算抄表费用。</source>
        <translation>Meter {meter_no} ({kind} meter): no usage-based fee item found, so its charges cannot be calculated.</translation>
    </message>
    <message>
        <source>表号 {meter_no}</source>
        <translation>meter {meter_no}</translation>
    </message>
    <message>
        <source>「处理说明」不能为空：请写明退还日期、凭证等。</source>
        <translation>“Note” cannot be empty: state the refund date, voucher, etc.</translation>
    </message>
</context>
<context>
    <name>field_labels</name>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>须修改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>连续输错次数</source>
        <translation>Wrong passwords in a row</translation>
    </message>
    <message>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>项目类型</source>
        <translation>Project type</translation>
    </message>
    <message>
        <source>管理单位</source>
        <translation>Management company</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation>Unit use</translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>业主姓名或单位名称</source>
        <translation>Owner name or company name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation>Other phones</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>交接名称</source>
        <translation>Handover name</translation>
    </message>
    <message>
        <source>移交方</source>
        <translation>Handing-over party</translation>
    </message>
    <message>
        <source>移交方代表</source>
        <translation>Handing-over representative</translation>
    </message>
    <message>
        <source>接收方</source>
        <translation>Receiving party</translation>
    </message>
    <message>
        <source>接收方代表</source>
        <translation>Receiving representative</translation>
    </message>
    <message>
        <source>监交方</source>
        <translation>Supervising party</translation>
    </message>
    <message>
        <source>监交方代表</source>
        <translation>Supervising representative</translation>
    </message>
    <message>
        <source>清单名称</source>
        <translation>List name</translation>
    </message>
    <message>
        <source>模板编码</source>
        <translation>Template code</translation>
    </message>
    <message>
        <source>移交方签字人</source>
        <translation>Handing-over signatory</translation>
    </message>
    <message>
        <source>接收方签字人</source>
        <translation>Receiving signatory</translation>
    </message>
    <message>
        <source>监交方签字人</source>
        <translation>Supervising signatory</translation>
    </message>
    <message>
        <source>扫描件文件名</source>
        <translation>Scan file name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specification/model</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>核对人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>适用交接类型</source>
        <translation>For handover types</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>照片文件名</source>
        <translation>Photo file name</translation>
    </message>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>开启对象</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>钥匙柜</source>
        <translation>Key cabinet</translation>
    </message>
    <message>
        <source>柜格</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>借用人/归还人</source>
        <translation>Borrower/returner</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>借用事由</source>
        <translation>Reason for loan</translation>
    </message>
    <message>
        <source>事由说明</source>
        <translation>Reason details</translation>
    </message>
    <message>
        <source>批准主管</source>
        <translation>Approving supervisor</translation>
    </message>
    <message>
        <source>封条编号</source>
        <translation>Seal no.</translation>
    </message>
    <message>
        <source>钥匙状况</source>
        <translation>Key condition</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee items</translation>
    </message>
    <message>
        <source>表号</source>
        <translation>Meter no.</translation>
    </message>
    <message>
        <source>表类</source>
        <translation>Meter type</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{place}「{field}」最多 {limit} 个字，现有 {length} 个字；请缩短后再保存。</source>
        <translation>{place}“{field}” can have at most {limit} characters, but has {length}; please shorten it and save again.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>交接清单（编号 {list_id}）不属于交接（编号 {handover_id}）。</source>
        <translation>Handover list (no. {list_id}) does not belong to handover (no. {handover_id}).</translation>
    </message>
    <message>
        <source>钥匙“{missing}”不存在。</source>
        <translation>Key “{missing}” does not exist.</translation>
    </message>
    <message>
        <source>钥匙“{tag}”还没有发放给业主，无法打印发放签收单。</source>
        <translation>Key “{tag}” has not been issued to the owner yet, so no issue receipt can be printed.</translation>
    </message>
</context>
<context>
    <name>guards</name>
    <message>
        <source>财务结算已签署，其{label}</source>
        <translation>The financial settlement has been signed, so its {label}</translation>
    </message>
    <message>
        <source>{label}只能追加，不能修改或删除。</source>
        <translation>{label} can only be added to, not changed or deleted.</translation>
    </message>
</context>
<context>
    <name>handoff</name>
    <message>
        <source>导出到其他物业系统（HC 小区管理系统）…</source>
        <translation>Export to another property system (HC)…</translation>
    </message>
    <message>
        <source>把所选交接的房屋、业主（完整联系电话与证件号码）、欠费和预收款按 HC 小区管理系统的导入模板导出</source>
        <translation>Export the selected handover's units, owners (full phone and ID numbers), arrears and prepayments in the import templates of the HC property system</translation>
    </message>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation>HandoverDesk</translation>
    </message>
    <message>
        <source>正在导出到 HC 小区管理系统…</source>
        <translation>Exporting for the HC property system…</translation>
    </message>
    <message>
        <source>请先在上方选择一次交接。</source>
        <translation>Select a handover above first.</translation>
    </message>
    <message>
        <source>已导出到 {folder}：
{summary}</source>
        <translation>Exported to {folder}:
{summary}</translation>
    </message>
</context>
<context>
    <name>handovers</name>
    <message>
        <source>移交方</source>
        <translation>Handing-over party</translation>
    </message>
    <message>
        <source>接收方</source>
        <translation>Receiving party</translation>
    </message>
    <message>
        <source>交接基准日</source>
        <translation>Handover cut-off date</translation>
    </message>
    <message>
        <source>交接类型</source>
        <translation>Handover type</translation>
    </message>
    <message>
        <source>移交方代表</source>
        <translation>Handing-over representative</translation>
    </message>
    <message>
        <source>接收方代表</source>
        <translation>Receiving representative</translation>
    </message>
    <message>
        <source>监交方</source>
        <translation>Supervising party</translation>
    </message>
    <message>
        <source>监交方代表</source>
        <translation>Supervising representative</translation>
    </message>
    <message>
        <source>计划交接日期</source>
        <translation>Planned handover date</translation>
    </message>
    <message>
        <source>实际交接日期</source>
        <translation>Actual handover date</translation>
    </message>
    <message>
        <source>交接清单“{title}”</source>
        <translation>handover list “{title}”</translation>
    </message>
    <message>
        <source>财务结算（第 {revision} 版）</source>
        <translation>financial settlement (revision {revision})</translation>
    </message>
    <message>
        <source>未知的交接字段：{fields}。</source>
        <translation>Unknown handover fields: {fields}.</translation>
    </message>
    <message>
        <source>「{field}」应为日期。</source>
        <translation>“{field}” must be a date.</translation>
    </message>
    <message>
        <source>「{field}」不能为空。</source>
        <translation>“{field}” cannot be empty.</translation>
    </message>
    <message>
        <source>「{field}」</source>
        <translation>“{field}”</translation>
    </message>
    <message>
        <source>更正{names}（本交接已有已签署的单据）</source>
        <translation>Correcting {names} (this handover has signed documents)</translation>
    </message>
    <message>
        <source>财务结算已签署，「交接基准日」不能更改：结算按它计算。如需更正，请由主管先“修订结算”，再改基准日并重新对账、签署。</source>
        <translation>The financial settlement is signed, so the “Handover cut-off date” cannot be changed: the settlement is calculated from it. To correct it, a supervisor must first “Revise settlement”, then change the cut-off date, reconcile again and sign.</translation>
    </message>
    <message>
        <source>本交接已有已签署的单据（{documents}），更改{names}属于更正，须写明「更正原因」。已签署的单据仍按签署时的内容打印。</source>
        <translation>This handover has signed documents ({documents}), so changing {names} is a correction and needs a “Reason for correction”. Signed documents still print as they were signed.</translation>
    </message>
</context>
<context>
    <name>hc_export</name>
    <message>
        <source>已导出 {files} 个文件：房屋 {units} 户，业主 {owners} 人；欠费 {arrears} 笔 {arrears_total:,}；预收 {prepaid} 笔 {prepaid_total:,}</source>
        <translation>Exported {files} files: {units} units, {owners} owners; {arrears} arrears lines {arrears_total:,}; {prepaid} prepayments {prepaid_total:,}</translation>
    </message>
    <message>
        <source>{count} 户的房屋类型在 HC 中没有代码（已写用途名称）</source>
        <translation>{count} units have a use HC has no room-type code for (the use's name was written)</translation>
    </message>
    <message>
        <source>{count} 户没有单元（HC 要求填写）</source>
        <translation>{count} units have no entrance (HC requires one)</translation>
    </message>
    <message>
        <source>{count} 位业主的性别无法由身份证号得出（已留空）</source>
        <translation>{count} owners' sex cannot be told from an ID card number (left blank)</translation>
    </message>
    <message>
        <source>导入 HC 前请补全：</source>
        <translation>Complete before importing into HC: </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>「{field}」{problem}。</source>
        <translation>"{field}": {problem}.</translation>
    </message>
    <message>
        <source>“{number}”不是有效的身份证号</source>
        <translation>"{number}" is not a valid ID card number</translation>
    </message>
    <message>
        <source>“{number}”是 15 位的旧身份证号，已停止使用；请填写 18 位身份证号</source>
        <translation>"{number}" is an old 15-digit ID card number, no longer in use; enter the 18-digit number</translation>
    </message>
    <message>
        <source>{bad}（应为 18 位：17 位数字加最后 1 位数字或 X，现有 {n} 位）</source>
        <translation>{bad} (it should have 18 characters: 17 digits and a last digit or X; it has {n})</translation>
    </message>
    <message>
        <source>{bad}（地区码无效：前六位 {region} 不是行政区划代码）</source>
        <translation>{bad} (invalid region code: the first six digits {region} are not an administrative division code)</translation>
    </message>
    <message>
        <source>{bad}（出生日期无效：{born} 不存在）</source>
        <translation>{bad} (invalid date of birth: {born} does not exist)</translation>
    </message>
    <message>
        <source>{bad}（出生日期无效：{born} 不可能）</source>
        <translation>{bad} (invalid date of birth: {born} is not possible)</translation>
    </message>
    <message>
        <source>{bad}（校验码不对）</source>
        <translation>{bad} (the check character is wrong)</translation>
    </message>
    <message>
        <source>“{number}”不是有效的统一社会信用代码</source>
        <translation>"{number}" is not a valid unified social credit code</translation>
    </message>
    <message>
        <source>{bad}（应为 18 位，现有 {n} 位）</source>
        <translation>{bad} (it should have 18 characters; it has {n})</translation>
    </message>
    <message>
        <source>{bad}（不能含有字符 {chars}；代码不用 I、O、S、V、Z）</source>
        <translation>{bad} (it cannot contain the characters {chars}; codes do not use I, O, S, V or Z)</translation>
    </message>
    <message>
        <source>{bad}（第 3 至 8 位应为行政区划代码数字）</source>
        <translation>{bad} (characters 3 to 8 should be the digits of an administrative division code)</translation>
    </message>
    <message>
        <source>“{number}”不是有效的护照号码（应为 5 至 17 位字母和数字，如 E12345678）</source>
        <translation>"{number}" is not a valid passport number (it should be 5 to 17 letters and digits, e.g. E12345678)</translation>
    </message>
    <message>
        <source>“{number}”不是有效的港澳台通行证号码（港澳居民来往内地通行证为 H 或 M 加 8 位或 10 位数字，台湾居民来往大陆通行证为 8 位或 10 位数字）</source>
        <translation>"{number}" is not a valid HK/Macao/Taiwan travel permit number (a Hong Kong or Macao permit is H or M followed by 8 or 10 digits; a Taiwan permit is 8 or 10 digits)</translation>
    </message>
    <message>
        <source>“{phone}”不是有效的电话号码（手机为 11 位；固定电话请带区号，如 010-62345678）</source>
        <translation>"{phone}" is not a valid phone number (a mobile has 11 digits; give a landline with its area code, e.g. 010-62345678)</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>{names}与「{number_label}」合成一个房号（如 {example}）；同一房号在不同楼栋、单元不算重复，“1-2-101”“1栋2单元0101”等写法对应同一户</source>
        <translation>{names} and “{number_label}” are combined into one unit number (e.g. {example}); the same number in different buildings or entrances is not a duplicate, and spellings like “1-2-101” and “1栋2单元0101” mean the same unit</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Specification</translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>原件（勾选列）</source>
        <translation>Original (tick column)</translation>
    </message>
    <message>
        <source>复印件（勾选列）</source>
        <translation>Copy (tick column)</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>房号</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>清单名称不能为空。</source>
        <translation>The list name cannot be empty.</translation>
    </message>
    <message>
        <source>清单名称不能超过 {limit} 个字。</source>
        <translation>The list name cannot be longer than {limit} characters.</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>开启部位</source>
        <translation>Lock location</translation>
    </message>
    <message>
        <source>；{named}列用于核对，不作为钥匙</source>
        <translation>; the {named} columns are used for checking only, not as keys</translation>
    </message>
    <message>
        <source>按钥匙种类列导入：{kinds}{checked}</source>
        <translation>Imported by key-kind columns: {kinds}{checked}</translation>
    </message>
    <message>
        <source>{column}列用于核对数量，不作为钥匙导入</source>
        <translation>The {column} column is used to check the counts and is not imported as keys</translation>
    </message>
    <message>
        <source>「{place}」与「{opens}」两列都导入：合写在开启对象中</source>
        <translation>Both the “{place}” and “{opens}” columns are imported: combined in what the key opens</translation>
    </message>
    <message>
        <source>各种类均为 0 或空</source>
        <translation>every kind is 0 or empty</translation>
    </message>
    <message>
        <source>没有钥匙的行</source>
        <translation>row without keys</translation>
    </message>
    <message>
        <source>各钥匙种类列均为 0 或空</source>
        <translation>every key-kind column is 0 or empty</translation>
    </message>
    <message>
        <source>不能为空：按钥匙种类列导入时，请填写房号或开启对象</source>
        <translation>cannot be empty: when importing by key-kind columns, fill in the unit number or what the key opens</translation>
    </message>
    <message>
        <source>一个标签号不能给 {counts} 种钥匙（{shown}）：请留空由程序编号，或每种钥匙一行</source>
        <translation>one tag number cannot be given to {counts} kinds of key ({shown}): leave it blank for the program to number them, or use one row per kind of key</translation>
    </message>
    <message>
        <source>为 {stated}，与本行钥匙数 {summed}{by_kind}不符</source>
        <translation>is {stated}, which does not match the row's key count {summed}{by_kind}</translation>
    </message>
    <message>
        <source>标签号</source>
        <translation>Tag no.</translation>
    </message>
    <message>
        <source>开启对象</source>
        <translation>Opens</translation>
    </message>
    <message>
        <source>钥匙柜</source>
        <translation>Key cabinet</translation>
    </message>
    <message>
        <source>格位</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>already received</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>钥匙表</source>
        <translation>The key sheet</translation>
    </message>
    <message>
        <source>即钥匙 {tag}：同一交接、同一房屋/开启对象/格位，不重复接收</source>
        <translation>key {tag}: same handover, same unit/what it opens/hook, not received twice</translation>
    </message>
    <message>
        <source>「钥匙柜」不能超过 {place_limit} 个字。</source>
        <translation>“Key cabinet” cannot be longer than {place_limit} characters.</translation>
    </message>
    <message>
        <source>该交接不属于钥匙表所读的项目。</source>
        <translation>This handover does not belong to the project the key sheet was read for.</translation>
    </message>
    <message>
        <source>{reason} {count} 行</source>
        <translation>{reason}: {count} rows</translation>
    </message>
    <message>
        <source>已接收（钥匙 {tag}），请重新读取</source>
        <translation>already received (key {tag}); please read the sheet again</translation>
    </message>
    <message>
        <source>钥匙表有 {again} 行已接收过，未导入任何数据：{listed}</source>
        <translation>{again} rows of the key sheet were already received; nothing was imported: {listed}</translation>
    </message>
    <message>
        <source>“{tag}”已被其他钥匙使用（读取后才登记），请重新读取</source>
        <translation>“{tag}” is already used by another key (registered after the sheet was read); please read the sheet again</translation>
    </message>
    <message>
        <source>钥匙表有 {clashes} 处问题，未导入任何数据：{listed}</source>
        <translation>The key sheet has {clashes} problems; nothing was imported: {listed}</translation>
    </message>
    <message>
        <source>分类标题行</source>
        <translation>category heading row</translation>
    </message>
    <message>
        <source>“{tag}”含空格：扫码枪读出的标签号不能有空格</source>
        <translation>“{tag}” contains a space: a tag number read by a barcode scanner cannot contain spaces</translation>
    </message>
    <message>
        <source>超过 {limit} 个字符（{length} 个）</source>
        <translation>longer than {limit} characters ({length})</translation>
    </message>
    <message>
        <source>“{number}”可对应本项目的 {which}，请写明单元</source>
        <translation>“{number}” could be {which} in this project; please give the entrance</translation>
    </message>
    <message>
        <source>“{number}”不是本项目的房屋（请先导入业主名册，或核对房号）</source>
        <translation>“{number}” is not a unit of this project (import the owner roster first, or check the unit number)</translation>
    </message>
    <message>
        <source>不能为空：请填写房号或开启对象（公共部位、设备房等）</source>
        <translation>cannot be empty: please fill in the unit number or what the key opens (common areas, plant rooms, etc.)</translation>
    </message>
    <message>
        <source>“{text}”不是数量：请填写把数，或留空（按 1 把计）</source>
        <translation>“{text}” is not a quantity: enter the number of keys, or leave it blank (counted as 1)</translation>
    </message>
    <message>
        <source>表头中找不到「房号」或「开启对象」列，请在“列对应”中指定</source>
        <translation>The header has no “Unit number” or “Opens” column; please assign one under “Column mapping”</translation>
    </message>
    <message>
        <source>“{tag}”已在钥匙台账中</source>
        <translation>“{tag}” is already in the key register</translation>
    </message>
    <message>
        <source>“{tag}”在表中重复（{at}）</source>
        <translation>“{tag}” appears more than once in the sheet ({at})</translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation>Fee items</translation>
    </message>
    <message>
        <source>应收金额</source>
        <translation>Amount billed</translation>
    </message>
    <message>
        <source>实收金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>欠费金额</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>所属期</source>
        <translation>Billing period</translation>
    </message>
    <message>
        <source>计费起始</source>
        <translation>Billing start</translation>
    </message>
    <message>
        <source>计费截止</source>
        <translation>Billing end</translation>
    </message>
    <message>
        <source>业主姓名</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>楼栋只用于查找房屋（与房号合起来），不单独保存</source>
        <translation>the building is only used to find the unit (together with the unit number) and is not saved separately</translation>
    </message>
    <message>
        <source>单元只用于查找房屋（与楼栋、房号合起来），不单独保存</source>
        <translation>the entrance is only used to find the unit (together with the building and unit number) and is not saved separately</translation>
    </message>
    <message>
        <source>收款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>票据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>The ledger</translation>
    </message>
    <message>
        <source>台账是为另一次交接读取的，请重新读取后再导入。</source>
        <translation>The ledger was read for another handover; please read it again before importing.</translation>
    </message>
    <message>
        <source>「所属期」{exc}。</source>
        <translation>“Billing period”: {exc}.</translation>
    </message>
    <message>
        <source>收费项目不能为空</source>
        <translation>The fee item cannot be empty</translation>
    </message>
    <message>
        <source>房号不能为空</source>
        <translation>The unit number cannot be empty</translation>
    </message>
    <message>
        <source>“{number}”不是本项目的房屋；请先导入业主名册，或核对房号写法</source>
        <translation>“{number}” is not a unit of this project; import the owner roster first, or check how the unit number is written</translation>
    </message>
    <message>
        <source>欠费金额为空（本表只有欠费一列，每行都要有欠费金额）</source>
        <translation>The arrears are empty (this sheet has only an arrears column, so every row needs an arrears amount)</translation>
    </message>
    <message>
        <source>应收 {billed:,.2f} − 实收 {paid:,.2f} = {difference:,.2f}，与欠费 {arrears:,.2f} 不符</source>
        <translation>billed {billed:,.2f} − paid {paid:,.2f} = {difference:,.2f}, which does not match the arrears {arrears:,.2f}</translation>
    </message>
    <message>
        <source>应收、实收、欠费至少要填两项，才能算出第三项</source>
        <translation>At least two of billed, paid and arrears must be filled in to work out the third</translation>
    </message>
    <message>
        <source>没有年份，无法确定月份列属于哪一年</source>
        <translation>No year, so it is unclear which year the month columns belong to</translation>
    </message>
    <message>
        <source>没有所属期（或计费起始、计费截止），无法确定属于哪段时间</source>
        <translation>No billing period (or billing start and end), so it is unclear which period the row belongs to</translation>
    </message>
    <message>
        <source>为空，无法确定计费期间（另一端已填）</source>
        <translation>is empty, so the billing period cannot be determined (the other end is filled in)</translation>
    </message>
    <message>
        <source>计费截止 {end:%Y-%m-%d} 早于计费起始 {start:%Y-%m-%d}</source>
        <translation>The billing end {end:%Y-%m-%d} is before the billing start {start:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>“{bad}”不是日期（应为 2025-07-01、2025/7/1 或 2025年7月1日）</source>
        <translation>“{bad}” is not a date (write it as 2025-07-01 or 2025/7/1)</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation>Unit use</translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID card no.</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID document type</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>{rows}是“{number}”的共有业主，分行列出，合为一户导入</source>
        <translation>{rows} are co-owners of "{number}" listed one per row, imported as one unit</translation>
    </message>
    <message>
        <source>没有计算结果（文件由程序生成、未经 Excel 保存）：请在 Excel 中打开、保存后再导入，或改填数值</source>
        <translation>has no calculated result (the file was generated by a program and never saved by Excel): please open it in Excel, save it and import again, or type in the values</translation>
    </message>
    <message>
        <source>旧版 .xls</source>
        <translation>old .xls</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{name}”：文件已损坏或不完整（{what}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。</source>
        <translation>Cannot read the Excel file “{name}”: the file is damaged or incomplete ({what}). Please open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>公式</source>
        <translation>Formula </translation>
    </message>
    <message>
        <source>单元格是错误值 {error}（公式出错），无法读取</source>
        <translation>The cell holds the error value {error} (a formula error) and cannot be read</translation>
    </message>
    <message>
        <source>已取消导入，未写入任何数据。</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>「{field}」</source>
        <translation> “{field}”</translation>
    </message>
    <message>
        <source>{place}{field}：{message}</source>
        <translation>{place}{field}: {message}</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>“{text}”不是数字</source>
        <translation>“{text}” is not a number</translation>
    </message>
    <message>
        <source>“{text}”是日期，不是数字</source>
        <translation>“{text}” is a date, not a number</translation>
    </message>
    <message>
        <source>“{text}”是日期或时间，不是数字</source>
        <translation>“{text}” is a date or time, not a number</translation>
    </message>
    <message>
        <source>“{text}”小数超过 {places} 位</source>
        <translation>“{text}” has more than {places} decimal places</translation>
    </message>
    <message>
        <source>“{text}”不是日期</source>
        <translation>“{text}” is not a date</translation>
    </message>
    <message>
        <source>“{text}”不是日期（应为 2025-07-01、2025/7/1 或 2025年07月）</source>
        <translation>“{text}” is not a date (write it as 2025-07-01, 2025/7/1 or 2025.07)</translation>
    </message>
    <message>
        <source>2025年07月、2025.07、2025-07、202507、2025-07-01、2025.01-2025.06、2025年、2025年第一季度、2025Q1 或 2025年上半年</source>
        <translation>2025.07, 2025-07, 202507, 2025-07-01, 2025.01-2025.06, 2025, 2025Q1 or 2025H1</translation>
    </message>
    <message>
        <source>“{text}”不是所属期</source>
        <translation>“{text}” is not a billing period</translation>
    </message>
    <message>
        <source>“{text}”没有写年份，无法确定是哪一年（应写成 2025年{text} 这样）</source>
        <translation>“{text}” has no year, so it is unclear which year it belongs to (write the year too, e.g. 2025 {text})</translation>
    </message>
    <message>
        <source>“{text}”不是所属期（应为 {forms}）</source>
        <translation>“{text}” is not a billing period (write it as {forms})</translation>
    </message>
    <message>
        <source>“{text}”是数字，分不清是 {year}年{month}月 还是 {year}年{month}0月（Excel 会去掉末尾的 0）；请写成 {year}年{month}0月 这样的文字</source>
        <translation>“{text}” is a number, so it is unclear whether it means {year}-0{month} or {year}-{month}0 (Excel drops a trailing 0); please type it as text, like {year}-{month}0</translation>
    </message>
    <message>
        <source>“{text}”不是有效日期</source>
        <translation>“{text}” is not a valid date</translation>
    </message>
    <message>
        <source>“{text}”的年份超出范围（应在 {first} 到 {last} 年之间）</source>
        <translation>The year of “{text}” is out of range (it must be between {first} and {last})</translation>
    </message>
    <message>
        <source>不能为空</source>
        <translation>cannot be empty</translation>
    </message>
    <message>
        <source>{place} 数量“{written}”没有数字：应交数量按 1 计，原文记入备注</source>
        <translation>{place} quantity "{written}" has no number: the expected quantity is taken as 1 and the text kept in the remarks</translation>
    </message>
    <message>
        <source>{pages} 与数量列的“{written}”不同</source>
        <translation>{pages} differs from "{written}" in the quantity column</translation>
    </message>
    <message>
        <source>{place} 数量“{written}”按页数 {pages} 导入，应交数量按 1 计，原文记入备注</source>
        <translation>{place} quantity "{written}" imported as {pages} pages; the expected quantity is taken as 1 and the text kept in the remarks</translation>
    </message>
    <message>
        <source>“{written}”的单位与单位列的“{uom}”不同</source>
        <translation>the unit in "{written}" differs from "{uom}" in the unit column</translation>
    </message>
    <message>
        <source>{place} 数量“{written}”按 {number}{unit} 导入，原文记入备注</source>
        <translation>{place} quantity "{written}" imported as {number} {unit}; the text kept in the remarks</translation>
    </message>
    <message>
        <source>“{text}”不是数量：请填写数量，或留空（按 1 计）</source>
        <translation>"{text}" is not a quantity: enter a number, or leave it empty (counts as 1)</translation>
    </message>
    <message>
        <source>“{text}”无效，应为：{choices}</source>
        <translation>"{text}" is not valid; it must be one of: {choices}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再导入。</source>
        <translation>Please open it in Excel or WPS, save it as .xlsx (Excel workbook) and import that.</translation>
    </message>
    <message>
        <source>Word 文档（.doc）</source>
        <translation>a Word document (.doc)</translation>
    </message>
    <message>
        <source>PowerPoint 演示文稿（.ppt）</source>
        <translation>a PowerPoint presentation (.ppt)</translation>
    </message>
    <message>
        <source>Visio 绘图</source>
        <translation>a Visio drawing</translation>
    </message>
    <message>
        <source>Word 文档（.docx）</source>
        <translation>a Word document (.docx)</translation>
    </message>
    <message>
        <source>PowerPoint 演示文稿（.pptx）</source>
        <translation>a PowerPoint presentation (.pptx)</translation>
    </message>
    <message>
        <source>OpenDocument 文件（WPS/LibreOffice）</source>
        <translation>an OpenDocument file (WPS/LibreOffice)</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>文件“{name}”有 {size}，超过导入上限 {max_file}：请拆分后再导入。</source>
        <translation>The file “{name}” is {size}, over the {max_file} import limit: please split it and import the parts.</translation>
    </message>
    <message>
        <source>文件“{name}”是空文件（0 字节），没有任何内容：请确认选的文件，或重新导出后再导入。</source>
        <translation>The file “{name}” is empty (0 bytes): please check the file you chose, or export it again and import that.</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{name}”：不是有效的 {path} 文件（压缩包已损坏或不完整）。{save_as}</source>
        <translation>Cannot read the Excel file “{name}”: it is not a valid {path} file (the archive is damaged or incomplete). {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”是网页表格（HTML），有 {size}，超过导入上限 {max_old_file}：请拆分，或在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。</source>
        <translation>The file “{name}” is a web-page table (HTML) of {size}, over the {max_old_file} import limit: please split it, or open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{name}”：不是有效的 {path} 文件，也不是可识别的其他格式。{save_as}</source>
        <translation>Cannot read the Excel file “{name}”: it is not a valid {path} file, nor any other recognisable format. {save_as}</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{name}”：不是有效的 {path} 文件，它实际上是{what}。{save_as}</source>
        <translation>Cannot read the Excel file “{name}”: it is not a valid {path} file; it is actually {what}. {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”有 {size}，超过旧版 .xls 的导入上限 {max_old_file}：请拆分，或另存为 .xlsx 后再导入。</source>
        <translation>The file “{name}” is {size}, over the {max_old_file} import limit for old .xls files: please split it, or save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”是加密的工作簿：请在 Excel 中去掉密码后另存再导入。</source>
        <translation>The file “{name}” is an encrypted workbook: please remove the password in Excel, save it again and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”像是旧版 Excel 文件（.xls），但已损坏或不完整，无法读取：{save_as}</source>
        <translation>The file “{name}” looks like an old Excel file (.xls) but is damaged or incomplete and cannot be read: {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”是 WPS 表格文件（.et），但不是能直接读取的格式：请在 WPS 中打开，另存为 .xlsx 后再导入。</source>
        <translation>The file “{name}” is a WPS Spreadsheets file (.et) in a format that cannot be read directly: please open it in WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”是 Excel 5.0/95 格式的旧工作簿，无法直接读取：{save_as}</source>
        <translation>The file “{name}” is an old Excel 5.0/95 workbook and cannot be read directly: {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”不是 Excel 工作簿，而是{what}：请确认选的文件；表格请在 Excel 或 WPS 中另存为 .xlsx 后再导入。</source>
        <translation>The file “{name}” is not an Excel workbook but {what}: please check the file you chose; for a spreadsheet, save it as .xlsx in Excel or WPS and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”是 Office 复合文档，但不是 Excel 工作簿：请确认选的文件；{save_as}</source>
        <translation>The file “{name}” is an Office compound document but not an Excel workbook: please check the file you chose; {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”是 Excel 95 或更早的格式，无法直接读取：{save_as}</source>
        <translation>The file “{name}” is in Excel 95 or an earlier format and cannot be read directly: {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”的工作表共占 {cells:,} 个单元格（含中间的空格子；{what} 上限 {max_old_cells:,}），未导入：请删去远处多余的内容，或另存为 .xlsx 后再导入。</source>
        <translation>The sheets of the file “{name}” span {cells:,} cells (empty cells in between included; the limit for {what} is {max_old_cells:,}); not imported: please delete stray content far from the table, or save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”含 {members} 个部件（上限 {max_members}），不是正常的 Excel 工作簿，未导入。</source>
        <translation>The file “{name}” has {members} parts (the limit is {max_members}); it is not a normal Excel workbook and was not imported.</translation>
    </message>
    <message>
        <source>ZIP 压缩包</source>
        <translation>a ZIP archive</translation>
    </message>
    <message>
        <source>文件“{name}”不是 Excel 工作簿（.xlsx），而是{what}：请确认选的文件；{save_as}</source>
        <translation>The file “{name}” is not an Excel workbook (.xlsx) but {what}: please check the file you chose; {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”解压后超过 {max_total}，超过导入上限，未导入：请拆分后再导入。</source>
        <translation>The file “{name}” is over {max_total} uncompressed, over the import limit; not imported: please split it and import the parts.</translation>
    </message>
    <message>
        <source>文件“{name}”中的部件“{filename}”解压后有 {file_size}，超过 .xlsb 的导入上限 {max_old_file}：请另存为 .xlsx 后再导入。</source>
        <translation>The part “{filename}” of the file “{name}” is {file_size} uncompressed, over the {max_old_file} import limit for .xlsb: please save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”是 Excel 二进制工作簿（.xlsb），但已损坏或不完整，无法读取：{save_as}</source>
        <translation>The file “{name}” is an Excel binary workbook (.xlsb) but is damaged or incomplete and cannot be read: {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”中的部件“{filename}”解压后有 {file_size}，超过导入上限 {limit}，未导入：请确认文件来源，或拆分后再导入。</source>
        <translation>The part “{filename}” of the file “{name}” is {file_size} uncompressed, over the {limit} import limit; not imported: please check where the file came from, or split it and import the parts.</translation>
    </message>
    <message>
        <source>文件“{name}”中的部件“{filename}”压缩比异常（1:{ratio}），可能是恶意构造的文件，未导入。</source>
        <translation>The part “{filename}” of the file “{name}” has an abnormal compression ratio (1:{ratio}); the file may have been built maliciously and was not imported.</translation>
    </message>
    <message>
        <source>文件“{name}”中的部件“{part}”含有 DTD 或实体声明（Excel 从不写入），可能是恶意构造的文件，未导入。</source>
        <translation>The part “{part}” of the file “{name}” contains a DTD or entity declaration (which Excel never writes); the file may have been built maliciously and was not imported.</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件：部件“{filename}”已损坏或使用了不支持的压缩方式（{error}）。请在 Excel 中打开并另存后再导入。</source>
        <translation>Cannot read the Excel file: the part “{filename}” is damaged or uses an unsupported compression method ({error}). Please open it in Excel, save it again and import that.</translation>
    </message>
    <message>
        <source>文件“{name}”中的部件“{part}”使用了不支持的编码，不是 Excel 保存的文件，未导入：请在 Excel 中打开并另存后再导入。</source>
        <translation>The part “{part}” of the file “{name}” uses an unsupported encoding, so the file was not saved by Excel; not imported: please open it in Excel, save it again and import that.</translation>
    </message>
    <message>
        <source>请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。</source>
        <translation>Please open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>无法读取“{file_name}”的工作表“{title}”：第 {wide_row} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列），请删去多余的列。</source>
        <translation>Cannot read sheet “{title}” of “{file_name}”: row {wide_row} has content beyond column {max_columns} (an import reads at most {max_columns} columns); please delete the extra columns.</translation>
    </message>
    <message>
        <source>文件“{name}”是网页表格（HTML），共有 {cells:,} 个单元格（上限 {max_cells:,}），未导入：请拆分后再导入，或在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。</source>
        <translation>The file “{name}” is a web-page table (HTML) with {cells:,} cells (the limit is {max_cells:,}); not imported: please split it, or open it in Excel or WPS, save it as .xlsx and import that.</translation>
    </message>
    <message>
        <source>无法读取文件“{name}”：它是网页表格（HTML），但已损坏，无法读取。{save_as}</source>
        <translation>Cannot read the file “{name}”: it is a web-page table (HTML) but is damaged and cannot be read. {save_as}</translation>
    </message>
    <message>
        <source>文件“{name}”是网页（HTML），但里面没有表格（&lt;table&gt;），没有可导入的内容：请确认导出的文件。</source>
        <translation>The file “{name}” is a web page (HTML) with no table (&lt;table&gt;) in it, so there is nothing to import: please check the exported file.</translation>
    </message>
    <message>
        <source>无法读取文件“{name}”：它是网页表格（HTML），但文字编码无法识别{said}，既不是 UTF-8，也不是 GBK/GB18030。{save_as}</source>
        <translation>Cannot read the file “{name}”: it is a web-page table (HTML) but its text encoding cannot be recognised{said}; it is neither UTF-8 nor GBK/GB18030. {save_as}</translation>
    </message>
    <message>
        <source>无法读取文件“{name}”：网页表格第 {row} 行附近结构异常（标签嵌套过深或已损坏），未导入。{save_as}</source>
        <translation>Cannot read the file “{name}”: the web-page table is malformed near row {row} (tags nested too deeply, or damaged); not imported. {save_as}</translation>
    </message>
    <message>
        <source>无法读取文件“{name}”：网页表格第 {row} 行附近结构异常（元素过多），未导入。{save_as}</source>
        <translation>Cannot read the file “{name}”: the web-page table is malformed near row {row} (too many elements); not imported. {save_as}</translation>
    </message>
    <message>
        <source>无法读取文件“{name}”：网页表格超过 {max_rows:,} 行（Excel 的上限），未导入。</source>
        <translation>Cannot read the file “{name}”: the web-page table has more than {max_rows:,} rows (Excel's limit); not imported.</translation>
    </message>
    <message>
        <source>超过 Excel 单元格上限（{max_text} 个字），无法读取</source>
        <translation>Longer than Excel's cell limit ({max_text} characters); cannot be read</translation>
    </message>
    <message>
        <source>{start}–{stop} 列</source>
        <translation>columns {start}–{stop}</translation>
    </message>
    <message>
        <source>第 {block} 块 {columns}</source>
        <translation>block {block} {columns}</translation>
    </message>
    <message>
        <source>表头并排重复 {count} 次（{names}）；只导入第 {taken} 块，未导入第 {left_out} 块</source>
        <translation>The header repeats {count} times side by side ({names}); only block {taken} is imported, block {left_out} is not</translation>
    </message>
    <message>
        <source>表头并排重复 {count} 次，按 {count} 块读取（{names}），每块的行都导入</source>
        <translation>The header repeats {count} times side by side, so the sheet is read as {count} blocks ({names}) and every block's rows are imported</translation>
    </message>
    <message>
        <source>并排块：表头只并排重复 {count} 次（第 1–{count} 块），没有第 {wrong} 块。</source>
        <translation>Side-by-side blocks: the header repeats only {count} times (blocks 1–{count}); there is no block {wrong}.</translation>
    </message>
    <message>
        <source>{name}{state}：无法读取</source>
        <translation>{name}{state}: cannot be read</translation>
    </message>
    <message>
        <source>表头在第 {row} 行</source>
        <translation>header in row {row}</translation>
    </message>
    <message>
        <source>表头认不出</source>
        <translation>header not recognised</translation>
    </message>
    <message>
        <source>{name}{state}：{rows} 行，{header}</source>
        <translation>{name}{state}: {rows} rows, {header}</translation>
    </message>
    <message>
        <source>工作表「{name}」{state}：{holds}，{taken}</source>
        <translation>Sheet “{name}”{state}: {holds}, {taken}</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>not imported</translation>
    </message>
    <message>
        <source>（隐藏）</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>表头可识别（第 {row} 行）</source>
        <translation>header recognised (row {row})</translation>
    </message>
    <message>
        <source>{rows} 行，{header}</source>
        <translation>{rows} rows, {header}</translation>
    </message>
    <message>
        <source>工作簿中没有工作表「{missing}」；工作表有：{names}。</source>
        <translation>The workbook has no sheet “{missing}”; its sheets are: {names}.</translation>
    </message>
    <message>
        <source>{row} {unit} {fee_item}：台账应收 {billed:,.2f} 元，按收费标准应为 {expected:,.2f} 元</source>
        <translation>{row} {unit} {fee_item}: the ledger bills {billed:,.2f} yuan, the tariff gives {expected:,.2f} yuan</translation>
    </message>
    <message>
        <source>计费截止按所写日期为最后一天（含当日）读取：有 {count} 行的计费起始、计费截止都是月初（如第 {example} 行），但第 {row} 行等截止于 {day}；如果月初的截止日是下一期的第一天，请改为前一天后重新导入</source>
        <translation>Billing ends are read as the last day, inclusive: {count} rows start and end on the first of a month (e.g. row {example}), but row {row} and others end on {day}; if an end on the first of a month is the next period's first day, change it to the day before and import again</translation>
    </message>
    <message>
        <source>计费截止按“下一期第一天”（不含当日）读取：本表的计费起始、计费截止都是月初（如 {start} → {end}），各行截止日按前一天（{last}）导入</source>
        <translation>Billing ends are read as “the next period's first day” (exclusive): this sheet's billing starts and ends are all the first of a month (e.g. {start} → {end}), so each row ends on the day before ({last})</translation>
    </message>
    <message>
        <source>应收</source>
        <translation>billed</translation>
    </message>
    <message>
        <source>实收</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>欠费</source>
        <translation>arrears</translation>
    </message>
    <message>
        <source>{first:%Y-%m-%d} 至 {last:%Y-%m-%d}</source>
        <translation>{first:%Y-%m-%d} to {last:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>本表没有所属期列：各行按导入时指定的所属期 {period} 导入</source>
        <translation>This sheet has no billing period column: every row is imported with the billing period given at import, {period}</translation>
    </message>
    <message>
        <source>（或指定计费起始、计费截止）</source>
        <translation> (or assign billing start and billing end)</translation>
    </message>
    <message>
        <source>（应收、实收、欠费至少要有两列）</source>
        <translation> (at least two of billed, paid and arrears are needed)</translation>
    </message>
    <message>
        <source>本表只有欠费金额，没有应收、实收：每行按 应收 = 欠费、实收 = 0 导入（欠费为负数即多缴的，按 实收 = 多缴金额、应收 = 0 导入）；收缴率不能由本表得出</source>
        <translation>This sheet has only arrears, no billed or paid amounts: each row is imported as billed = arrears, paid = 0 (a negative arrears, i.e. an overpayment, as paid = the overpayment, billed = 0); the collection rate cannot be worked out from this sheet</translation>
    </message>
    <message>
        <source>各项金额均为空或 0 的行</source>
        <translation>row whose amounts are all empty or 0</translation>
    </message>
    <message>
        <source>合计 {stated:,.2f} 与各项{kind_words}之和 {summed:,.2f} 不符</source>
        <translation>The total {stated:,.2f} does not match the sum of the items' {kind_words}, {summed:,.2f}</translation>
    </message>
    <message>
        <source>「{value}」只有{kind_words}一列，缺实收或欠费，无法得出欠费（每个收费项目要有应收、实收、欠费中的两列，或只有欠费）</source>
        <translation>“{value}” has only a {kind_words} column and lacks paid or arrears, so the arrears cannot be worked out (each fee item needs two of billed, paid and arrears, or arrears alone)</translation>
    </message>
    <message>
        <source>按月分列的金额：标题和表头都没有写“欠费”，金额应是各月应收，但表中没有实收，无法得出欠费；如果这些金额是欠费，请在标题中写明（如“2025年欠费明细”）后再导入</source>
        <translation>Amounts by month: neither the title nor the header says “arrears”, so the amounts should be each month's billed amount, but the sheet has no paid amounts, so the arrears cannot be worked out; if these amounts are arrears, say so in the title (e.g. “2025年欠费明细”) and import again</translation>
    </message>
    <message>
        <source>按月分列的台账没有写年份：请在标题中写明（如“2025年度”），或增加“年度”列，或在导入时指定所属期</source>
        <translation>The monthly ledger gives no year: write it in the title (e.g. “2025年度”), add a “year” column, or give the billing period when importing</translation>
    </message>
    <message>
        <source>按收费项目分列的台账没有所属期列（或计费起始、计费截止）：请在导入时指定本表的所属期，或增加所属期列</source>
        <translation>The ledger with a column per fee item has no billing period column (or billing start and end): give the sheet's billing period when importing, or add a billing period column</translation>
    </message>
    <message>
        <source>欠费（按 应收 = 欠费、实收 = 0 导入）</source>
        <translation>arrears (imported as billed = arrears, paid = 0)</translation>
    </message>
    <message>
        <source>“年度”列</source>
        <translation>the “year” column</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>the header</translation>
    </message>
    <message>
        <source>本表按月分列：{count} 个月份列，每个房屋、收费项目、月份一行；各月金额按{what}读取，年份取自{year}</source>
        <translation>This sheet has a column per month: {count} month columns, one line per unit, fee item and month; each month's amount is read as {what}, and the year is taken from {year}</translation>
    </message>
    <message>
        <source>本表按收费项目分列：{items}，每个房屋、收费项目一行</source>
        <translation>This sheet has a column per fee item: {items}; one line per unit and fee item</translation>
    </message>
    <message>
        <source>本表分列前期、本期金额：每行的本期金额与前期金额各导入为一行</source>
        <translation>This sheet has separate earlier-period and current-period amounts: each row's current and earlier amounts are imported as one line each</translation>
    </message>
    <message>
        <source>本表没有所属期列：本期各项按标题中的“{titled}”（{period}）导入；不对时请在导入时指定所属期</source>
        <translation>This sheet has no billing period column: the current items are imported for “{titled}” from the title ({period}); if that is wrong, give the billing period when importing</translation>
    </message>
    <message>
        <source>本表没有所属期列：本期各项按导入时指定的所属期 {period} 导入</source>
        <translation>This sheet has no billing period column: the current items are imported with the billing period given at import, {period}</translation>
    </message>
    <message>
        <source>{items}：前期金额按本期之前一个月（所属期的上一个月）导入，实际可能更早</source>
        <translation>{items}: earlier-period amounts are imported for the month before the current period (the month before the billing period); they may actually be older</translation>
    </message>
    <message>
        <source>只有欠费一列的收费项目：按 应收 = 欠费、实收 = 0 导入</source>
        <translation>Fee items with only an arrears column: imported as billed = arrears, paid = 0</translation>
    </message>
    <message>
        <source>财务结算已签署，不能再导入原物业台账；如需更改请先修订结算。</source>
        <translation>The financial settlement is signed, so the previous company's ledger can no longer be imported; to change it, revise the settlement first.</translation>
    </message>
    <message>
        <source>将新建收费项目：{name}</source>
        <translation>A new fee item will be created: {name}</translation>
    </message>
    <message>
        <source>第 {first}–{last} 行</source>
        <translation>rows {first}–{last}</translation>
    </message>
    <message>
        <source>第 {row} 行</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <source>工作表「{sheet}」</source>
        <translation>sheet “{sheet}” </translation>
    </message>
    <message>
        <source>第 {rows} 行</source>
        <translation>rows {rows}</translation>
    </message>
    <message>
        <source>表头中找不到这一列，请在“列对应”中指定</source>
        <translation>This column is not in the header; please assign it under “Column mapping”</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>The sheet</translation>
    </message>
    <message>
        <source>{rows} 行（{reasons}）</source>
        <translation>{rows} rows ({reasons})</translation>
    </message>
    <message>
        <source>「{sheet}」{rows} 行</source>
        <translation>“{sheet}” {rows} rows</translation>
    </message>
    <message>
        <source>合计行与明细不符：{mismatch}</source>
        <translation>Total row does not match its lines: {mismatch}</translation>
    </message>
    <message>
        <source>“{file}”中没有可导入的数据行，未写入任何数据。</source>
        <translation>“{file}” has no data rows to import; nothing was saved.</translation>
    </message>
    <message>
        <source>{noun}有 {problems} 处问题（{rows} 行），未导入任何数据：{listed}</source>
        <translation>{noun} has {problems} problems ({rows} rows); nothing was imported: {listed}</translation>
    </message>
    <message>
        <source>空行</source>
        <translation>blank row</translation>
    </message>
    <message>
        <source>{letter} 列「{label}」</source>
        <translation>column {letter} “{label}”</translation>
    </message>
    <message>
        <source>{letter} 列</source>
        <translation>column {letter}</translation>
    </message>
    <message>
        <source>工作表「{sheet}」{note}</source>
        <translation>sheet “{sheet}”: {note}</translation>
    </message>
    <message>
        <source>未导入的列：{columns}（没有对应的字段，可在“列对应”中指定）</source>
        <translation>Columns not imported: {columns} (no matching field; you can assign them under “Column mapping”)</translation>
    </message>
    <message>
        <source>{letter} 列（没有表头，{count} 行有内容）</source>
        <translation>column {letter} (no header, {count} rows filled)</translation>
    </message>
    <message>
        <source>未导入的列：{columns}（可在“列对应”中指定）</source>
        <translation>Columns not imported: {columns} (you can assign them under “Column mapping”)</translation>
    </message>
    <message>
        <source>重复的列：{columns}</source>
        <translation>Duplicate columns: {columns}</translation>
    </message>
    <message>
        <source>同名</source>
        <translation>has the same name</translation>
    </message>
    <message>
        <source>同为「{field}」</source>
        <translation>both are “{field}”</translation>
    </message>
    <message>
        <source>{column}（与 {twin}{how}，只导入 {letter} 列）</source>
        <translation>{column} ({how} as {twin}; only column {letter} is imported)</translation>
    </message>
    <message>
        <source>{where}：{reason}{detail}，已跳过</source>
        <translation>{where}: {reason}{detail}, skipped</translation>
    </message>
    <message>
        <source>只有序号的空行</source>
        <translation>blank row with only a number</translation>
    </message>
    <message>
        <source>小计行</source>
        <translation>subtotal row</translation>
    </message>
    <message>
        <source>合计行</source>
        <translation>total row</translation>
    </message>
    <message>
        <source>重复的表头</source>
        <translation>repeated header</translation>
    </message>
    <message>
        <source>说明行</source>
        <translation>note row</translation>
    </message>
    <message>
        <source>签字栏</source>
        <translation>signature block</translation>
    </message>
    <message>
        <source>“{file}”中找不到表头：前 {rows} 行里没有可识别的列名（如 {names}）。请确认表头文字，或指明表头在第几行并逐列对应。</source>
        <translation>No header found in “{file}”: none of the first {rows} rows has recognisable column names (such as {names}). Please check the header text, or say which row the header is in and map the columns one by one.</translation>
    </message>
    <message>
        <source>工作表「{sheet}」中找不到表头：前 {rows} 行里没有可识别的列名。请不选这张工作表，或指明表头在第几行。</source>
        <translation>No header found in sheet “{sheet}”: none of the first {rows} rows has recognisable column names. Please leave this sheet out, or say which row the header is in.</translation>
    </message>
    <message>
        <source>并排块：这张表的表头没有并排重复，不能选择块；请去掉块的选择。</source>
        <translation>Side-by-side blocks: this sheet's header does not repeat side by side, so blocks cannot be chosen; please clear the block choice.</translation>
    </message>
    <message>
        <source>表头行：第 {row} 行不在表的前 {count} 行中（表头须在前 {limit} 行）。</source>
        <translation>Header row: row {row} is not among the sheet's first {count} rows (the header must be within the first {limit} rows).</translation>
    </message>
    <message>
        <source>列对应：没有字段“{named}”；可对应的字段有：{fields}。</source>
        <translation>Column mapping: there is no field “{named}”; the fields are: {fields}.</translation>
    </message>
    <message>
        <source>列对应无效：第 {column} 列不在表中。</source>
        <translation>Invalid column mapping: column {column} is not in the sheet.</translation>
    </message>
    <message>
        <source>列对应：表头中没有“{ref}”这一列（也不是列字母 A、B…）。表头各列：{shown}。</source>
        <translation>Column mapping: the header has no column “{ref}” (and it is not a column letter A, B…). The header's columns: {shown}.</translation>
    </message>
    <message>
        <source>PNG 图片</source>
        <translation>a PNG image</translation>
    </message>
    <message>
        <source>JPEG 图片</source>
        <translation>a JPEG image</translation>
    </message>
    <message>
        <source>GIF 图片</source>
        <translation>a GIF image</translation>
    </message>
    <message>
        <source>TIFF 图片</source>
        <translation>a TIFF image</translation>
    </message>
    <message>
        <source>BMP 图片</source>
        <translation>a BMP image</translation>
    </message>
    <message>
        <source>PDF 文档</source>
        <translation>a PDF document</translation>
    </message>
    <message>
        <source>RAR 压缩包</source>
        <translation>a RAR archive</translation>
    </message>
    <message>
        <source>7z 压缩包</source>
        <translation>a 7z archive</translation>
    </message>
    <message>
        <source>RTF 文档</source>
        <translation>an RTF document</translation>
    </message>
    <message>
        <source>HTML 网页（网页表格）</source>
        <translation>an HTML web page (web-page table)</translation>
    </message>
    <message>
        <source>WebP 图片</source>
        <translation>a WebP image</translation>
    </message>
    <message>
        <source>单个文件网页（.mht，网页表格）</source>
        <translation>a single-file web page (.mht, web-page table)</translation>
    </message>
    <message>
        <source>XML 电子表格（Excel 2003 XML 格式）</source>
        <translation>an XML spreadsheet (Excel 2003 XML format)</translation>
    </message>
    <message>
        <source>XML 文件</source>
        <translation>an XML file</translation>
    </message>
    <message>
        <source>CSV 或文本文件</source>
        <translation>a CSV or text file</translation>
    </message>
    <message>
        <source>{row}（{word}行）「{field}」为 {stated}，明细相加为 {summed}</source>
        <translation>{row} ({word} row): “{field}” is {stated}, but its lines add up to {summed}</translation>
    </message>
    <message>
        <source>--value 应写成 字段:表中的值=取值（如 房屋用途:110=住宅；字段为{labels}），而不是“{option}”。</source>
        <translation>--value must be written field:value in the sheet=value (e.g. use:110=residential; the fields are {labels}), not “{option}”.</translation>
    </message>
    <message>
        <source>--value {option}：“{word}”不是{label}的取值，应为：{choices}。</source>
        <translation>--value {option}: “{word}” is not a value of {label}; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件“{name}”：文件已损坏或不是 Excel 保存的 .xlsx（请在 Excel 中打开并另存后再导入）。</source>
        <translation>Cannot read the Excel file “{name}”: the file is damaged or is not an .xlsx saved by Excel (please open it in Excel, save it again and import that).</translation>
    </message>
    <message>
        <source>工作表“{title}”有 {count} 处合并单元格（上限 {max_merges}）：请取消合并后另存再导入。</source>
        <translation>Sheet “{title}” has {count} merged cell ranges (the limit is {max_merges}): please unmerge them, save again and import.</translation>
    </message>
    <message>
        <source>无法读取“{file_name}”的工作表“{title}”：第 {row} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列），请删去多余的列。</source>
        <translation>Cannot read sheet “{title}” of “{file_name}”: row {row} has content beyond column {max_columns} (an import reads at most {max_columns} columns); please delete the extra columns.</translation>
    </message>
    <message>
        <source>第 {previous} 行附近结构异常（元素过多）</source>
        <translation>malformed near row {previous} (too many elements)</translation>
    </message>
    <message>
        <source>第 {previous} 行附近已损坏（{exc}）</source>
        <translation>damaged near row {previous} ({exc})</translation>
    </message>
    <message>
        <source>无法读取“{file_name}”的工作表“{sheet}”：{what}。请在 Excel 中打开并另存后再导入。</source>
        <translation>Cannot read sheet “{sheet}” of “{file_name}”: {what}. Please open it in Excel, save it again and import that.</translation>
    </message>
    <message>
        <source>行号“{ref}”异常（在第 {previous} 行之后）</source>
        <translation>abnormal row number “{ref}” (after row {previous})</translation>
    </message>
    <message>
        <source>第 {number} 行在第 {max_columns} 列之后还有内容（导入最多读取 {max_columns} 列），请删去多余的列</source>
        <translation>row {number} has content beyond column {max_columns} (an import reads at most {max_columns} columns); please delete the extra columns</translation>
    </message>
    <message>
        <source>公式“{formula}”</source>
        <translation>Formula “{formula}” </translation>
    </message>
    <message>
        <source>“{text}”无法读取为{kind}</source>
        <translation>“{text}” cannot be read as {kind}</translation>
    </message>
    <message>
        <source>单元格是错误值 {text}（公式出错），无法读取</source>
        <translation>The cell holds the error value {text} (a formula error) and cannot be read</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>是/否</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>a date</translation>
    </message>
</context>
<context>
    <name>key_intake</name>
    <message>
        <source>“{title}”不是钥匙交接清单（应由“钥匙交接清单”模板创建，或名称含“钥匙”）。</source>
        <translation>“{title}” is not a key handover list (it must be created from the “Key handover list” template, or have “钥匙” (key) in its name).</translation>
    </message>
    <message>
        <source>清单“{title}”已作废，不能从中接收钥匙。</source>
        <translation>List “{title}” is void; keys cannot be received from it.</translation>
    </message>
    <message>
        <source>清单“{title}”已有补充版本，请从最新版本接收。</source>
        <translation>List “{title}” has an amendment; please receive from the latest version.</translation>
    </message>
    <message>
        <source>清单“{title}”没有条目。</source>
        <translation>List “{title}” has no items.</translation>
    </message>
    <message>
        <source>「{label}」不能超过 {PLACE_LIMIT} 个字。</source>
        <translation>“{label}” cannot be longer than {PLACE_LIMIT} characters.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <source>钥匙 {tag}：</source>
        <translation>Key {tag}: </translation>
    </message>
    <message>
        <source>「柜格」{place} 已有钥匙 {key}</source>
        <translation>“Slot” {place} already holds key {key}</translation>
    </message>
    <message>
        <source>；等共 {count} 处</source>
        <translation>; {count} problems in all</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{shown}。一个柜格只挂一把（套）钥匙：请换一个柜格。</source>
        <translation>{shown}. A slot holds only one key (or key set): please choose another slot.</translation>
    </message>
    <message>
        <source>「房号」“{number}”不是本项目的房屋，请从列表中选择。</source>
        <translation>“Unit no.” “{number}” is not a unit of this project; please choose one from the list.</translation>
    </message>
    <message>
        <source>「标签号」不能为空。</source>
        <translation>“Tag no.” cannot be empty.</translation>
    </message>
    <message>
        <source>「标签号」不能含空格：扫码枪读出的标签号没有空格。</source>
        <translation>“Tag no.” cannot contain spaces: tag numbers read by a scanner have no spaces.</translation>
    </message>
    <message>
        <source>「开启对象」不能为空：请选择房屋或填写公共部位、设备房等。</source>
        <translation>“Opens” cannot be empty: choose a unit or enter a common area, plant room, etc.</translation>
    </message>
    <message>
        <source>「标签号」“{tag}”已存在。</source>
        <translation>“Tag no.” “{tag}” already exists.</translation>
    </message>
    <message>
        <source>钥匙“{tag}”不存在。</source>
        <translation>Key “{tag}” does not exist.</translation>
    </message>
    <message>
        <source>「封条编号」不能为空。</source>
        <translation>“Seal no.” cannot be empty.</translation>
    </message>
    <message>
        <source>「封条编号」{seal_no} 已用于钥匙 {used_on}：每张封条只用一次，请核对封条编号。</source>
        <translation>“Seal no.” {seal_no} has already been used for key {used_on}: each seal is used only once. Please check the seal number.</translation>
    </message>
    <message>
        <source>「借用人」不能为空。</source>
        <translation>“Borrower” cannot be empty.</translation>
    </message>
    <message>
        <source>「归还人」不能为空。</source>
        <translation>“Returned by” cannot be empty.</translation>
    </message>
    <message>
        <source>只有房屋钥匙才能发放给业主。</source>
        <translation>Only unit keys can be issued to owners.</translation>
    </message>
    <message>
        <source>该业主不是这套房屋的业主，不能发放此钥匙。</source>
        <translation>This person is not an owner of this unit, so the key cannot be issued to them.</translation>
    </message>
    <message>
        <source>「后续处理」不能为空（如：换锁、补配）。</source>
        <translation>“Follow-up” cannot be empty (e.g. change the lock, cut a new key).</translation>
    </message>
    <message>
        <source>「接收单位」不能为空。</source>
        <translation>“Receiving organisation” cannot be empty.</translation>
    </message>
    <message>
        <source>该钥匙已作废，不能再登记任何操作。</source>
        <translation>This key has been voided; nothing more can be recorded for it.</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>钥匙当前为“{status}”，不能“{event}”。</source>
        <translation>The key is currently “{status}”, so “{event}” is not possible.</translation>
    </message>
    <message>
        <source>「借用事由」应为：{choices}。</source>
        <translation>“Purpose” must be one of: {choices}.</translation>
    </message>
    <message>
        <source>借用事由为“{other}”时须写明具体事由。</source>
        <translation>When the purpose is “{other}”, please fill in the details.</translation>
    </message>
    <message>
        <source>「应还时间」必须晚于借出时间。</source>
        <translation>“Due back” must be later than the time the key is lent.</translation>
    </message>
    <message>
        <source>应还时间（{due}）晚于借出当天，须填写「延期原因」。</source>
        <translation>Due back ({due}) is after the day the key is lent, so “Reason for extension” is required.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>文员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>在库</source>
        <translation>In store</translation>
    </message>
    <message>
        <source>封存</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>借出</source>
        <translation>Lent</translation>
    </message>
    <message>
        <source>已发放</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>已移交</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>启封</source>
        <translation>Unseal</translation>
    </message>
    <message>
        <source>归还</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>移交</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>待通知</source>
        <translation>Awaiting notice</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Rectifying</translation>
    </message>
    <message>
        <source>待复验</source>
        <translation>Awaiting re-inspection</translation>
    </message>
    <message>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>无法整改</source>
        <translation>Cannot be fixed</translation>
    </message>
    <message>
        <source>金额不符</source>
        <translation>Amounts differ</translation>
    </message>
    <message>
        <source>与标准不符</source>
        <translation>Off tariff</translation>
    </message>
    <message>
        <source>仅原物业</source>
        <translation>Prev. only</translation>
    </message>
    <message>
        <source>仅我方</source>
        <translation>Ours only</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>以原物业为准</source>
        <translation>Use previous company's</translation>
    </message>
    <message>
        <source>以我方为准</source>
        <translation>Use ours</translation>
    </message>
    <message>
        <source>协商调整</source>
        <translation>Negotiated adjustment</translation>
    </message>
    <message>
        <source>不计入</source>
        <translation>Exclude</translation>
    </message>
    <message>
        <source>退还业主</source>
        <translation>Refund to owner</translation>
    </message>
    <message>
        <source>承接查验</source>
        <translation>Acceptance inspection</translation>
    </message>
    <message>
        <source>进场接管</source>
        <translation>Takeover</translation>
    </message>
    <message>
        <source>退场移交</source>
        <translation>Exit handover</translation>
    </message>
    <message>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>轻微</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>土建装饰</source>
        <translation>Civil works and finishes</translation>
    </message>
    <message>
        <source>给排水</source>
        <translation>Water supply and drainage</translation>
    </message>
    <message>
        <source>强电</source>
        <translation>Electrical (power)</translation>
    </message>
    <message>
        <source>弱电智能化</source>
        <translation>Low-voltage and smart systems</translation>
    </message>
    <message>
        <source>消防</source>
        <translation>Fire protection</translation>
    </message>
    <message>
        <source>电梯</source>
        <translation>Lifts</translation>
    </message>
    <message>
        <source>暖通</source>
        <translation>HVAC</translation>
    </message>
    <message>
        <source>绿化景观</source>
        <translation>Landscaping</translation>
    </message>
    <message>
        <source>道路车库</source>
        <translation>Roads and car parks</translation>
    </message>
    <message>
        <source>资料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>开发商</source>
        <translation>Developer</translation>
    </message>
    <message>
        <source>施工单位</source>
        <translation>Contractor</translation>
    </message>
    <message>
        <source>原物业</source>
        <translation>Previous company</translation>
    </message>
    <message>
        <source>本公司</source>
        <translation>Our company</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>有缺陷</source>
        <translation>Defective</translation>
    </message>
    <message>
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>复印件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>住宅</source>
        <translation>Residential</translation>
    </message>
    <message>
        <source>写字楼</source>
        <translation>Office building</translation>
    </message>
    <message>
        <source>商业</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <source>混合</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <source>商铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>办公</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>车位</source>
        <translation>Parking space</translation>
    </message>
    <message>
        <source>储藏室</source>
        <translation>Storage room</translation>
    </message>
    <message>
        <source>空置</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>已入住</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <source>装修中</source>
        <translation>Being renovated</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>使用人</source>
        <translation>Occupant</translation>
    </message>
    <message>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳台通行证</source>
        <translation>HK/Macao/Taiwan travel permit</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>清洁</source>
        <translation>Cleaning</translation>
    </message>
    <message>
        <source>维修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>水</source>
        <translation>Water</translation>
    </message>
    <message>
        <source>电</source>
        <translation>Power</translation>
    </message>
    <message>
        <source>气</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{label}（{code}）</source>
        <translation>{label} ({code})</translation>
    </message>
    <message>
        <source>“{text}”不是可选的值；可选：{choices}</source>
        <translation>"{text}" is not one of the choices: {choices}</translation>
    </message>
    <message>
        <source>{kind}（{from_company} → {to_company}）</source>
        <translation>{kind} ({from_company} → {to_company})</translation>
    </message>
    <message>
        <source>{kind}：{from_company} → {to_company}</source>
        <translation>{kind}: {from_company} → {to_company}</translation>
    </message>
</context>
<context>
    <name>meters</name>
    <message>
        <source>「{label}」不能为空。</source>
        <translation>“{label}” cannot be empty.</translation>
    </message>
    <message>
        <source>「{label}」应为数字（最多两位小数）。</source>
        <translation>“{label}” must be a number (up to 2 decimal places).</translation>
    </message>
    <message>
        <source>「{label}」应为不小于 0 的数字。</source>
        <translation>“{label}” must be a number not less than 0.</translation>
    </message>
    <message>
        <source>「{label}」最多两位小数。</source>
        <translation>“{label}” can have at most 2 decimal places.</translation>
    </message>
    <message>
        <source>「{label}」应为日期。</source>
        <translation>“{label}” must be a date.</translation>
    </message>
    <message>
        <source>「本次读数」{reading} 小于「上次读数」{prev_reading}：表数不会倒走，请核对。</source>
        <translation>“Current reading” {reading} is less than “Previous reading” {prev_reading}: meters do not run backwards. Please check.</translation>
    </message>
    <message>
        <source>「抄表日」{read_on} 应晚于「上次抄表日」{prev_read_on}。</source>
        <translation>“Read on” {read_on} must be later than “Last read on” {prev_read_on}.</translation>
    </message>
    <message>
        <source>「类别」应为{choices}之一。</source>
        <translation>“Type” must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「表号」不能为空。</source>
        <translation>“Meter no.” cannot be empty.</translation>
    </message>
    <message>
        <source>请选择房屋，或为公共表具填写「位置」。</source>
        <translation>Choose a unit, or enter a “Location” for a common-area meter.</translation>
    </message>
    <message>
        <source>所选房屋不属于本交接的项目。</source>
        <translation>The selected unit does not belong to the project of this handover.</translation>
    </message>
    <message>
        <source>「表号」{meter_no} 在本次交接中已登记。</source>
        <translation>“Meter no.” {meter_no} is already recorded in this handover.</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>天</source>
        <translation>days</translation>
    </message>
    <message>
        <source>「{field}」请用半角数字：“{text}”应写作“{plain}”。</source>
        <translation>“{field}”: please type half-width digits: “{text}” should be “{plain}”.</translation>
    </message>
    <message>
        <source>「{field}」应为数字，“{text}”不是数字。</source>
        <translation>“{field}” must be a number; “{text}” is not a number.</translation>
    </message>
    <message>
        <source>「{field}」不能为负数。</source>
        <translation>“{field}” cannot be negative.</translation>
    </message>
    <message>
        <source>「{field}」应为整数。</source>
        <translation>“{field}” must be a whole number.</translation>
    </message>
    <message>
        <source>「{field}」最多 {places} 位小数。</source>
        <translation>“{field}” can have at most {places} decimal places.</translation>
    </message>
    <message>
        <source>「{field}」超出范围：应在 {low} 到 {high} {unit}之间。</source>
        <translation>“{field}” is out of range: it must be between {low} and {high} {unit}.</translation>
    </message>
    <message>
        <source>「{field}」不能为空。</source>
        <translation>“{field}” cannot be empty.</translation>
    </message>
    <message>
        <source>「{field}」应为数字。</source>
        <translation>“{field}” must be a number.</translation>
    </message>
    <message>
        <source>「{field}」应为数字，不能是“{value}”。</source>
        <translation>“{field}” must be a number, not “{value}”.</translation>
    </message>
    <message>
        <source>「{field}」超出范围：应在 {low} 到 {high} 之间。</source>
        <translation>“{field}” is out of range: it must be between {low} and {high}.</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <source>「{field}」最多 {longest} 个字，现有 {length} 个字。</source>
        <translation>“{field}” can have at most {longest} characters; it has {length}.</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
    </message>
    <message>
        <source>「{field}」不能为空。</source>
        <translation>“{field}” cannot be empty.</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>本机默认数据库文件</source>
        <translation>the default database file on this computer</translation>
    </message>
    <message>
        <source>文件“{where}”还不存在：下次启动时将新建这个数据库文件。</source>
        <translation>The file “{where}” does not exist yet: it will be created as a new database at the next start.</translation>
    </message>
    <message>
        <source>文件“{where}”不是可用的数据库（已损坏，或不是数据库文件）：{detail}。请换一个文件。</source>
        <translation>The file “{where}” is not a usable database (it is damaged, or not a database file): {detail}. Please choose another file.</translation>
    </message>
    <message>
        <source>连接成功。数据库“{where}”是空的：下次启动时将在其中建立数据表。</source>
        <translation>Connected. The database “{where}” is empty: its tables will be created at the next start.</translation>
    </message>
    <message>
        <source>数据库“{where}”里已有别的数据表，但不是物业交接台的数据库。为免弄乱其中的数据，请换一个空数据库（或请管理员新建一个）。</source>
        <translation>The database “{where}” already holds other tables but is not a HandoverDesk database. To avoid mixing up its data, please use an empty database (or ask the administrator to create one).</translation>
    </message>
    <message>
        <source>连接成功。这是物业交接台的数据库，结构是最新的（结构版本 {revision}）。</source>
        <translation>Connected. This is a HandoverDesk database and its structure is up to date (schema version {revision}).</translation>
    </message>
    <message>
        <source>连接成功。这是物业交接台的数据库，但结构较旧（结构版本 {revision}）：下次启动时将自动升级到 {head}。升级前请先备份；共用这个数据库的其他前台也须升级到本程序的版本 {version}。</source>
        <translation>Connected. This is a HandoverDesk database, but its structure is older (schema version {revision}): it will be upgraded to {head} automatically at the next start. Make a backup before upgrading; the other desks sharing this database must also be upgraded to version {version} of this program.</translation>
    </message>
    <message>
        <source>数据库“{where}”由更新版本的物业交接台建立（结构版本 {revision}），本程序（版本 {version}）太旧，不能使用它：请先把本程序升级到最新版本。</source>
        <translation>The database “{where}” was created by a newer HandoverDesk (schema version {revision}); this program (version {version}) is too old to use it: please upgrade this program to the latest version first.</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>（未指定）</source>
        <translation>(unspecified)</translation>
    </message>
    <message>
        <source>交接（编号 {handover_id}）不存在。</source>
        <translation>Handover (no. {handover_id}) does not exist.</translation>
    </message>
</context>
<context>
    <name>package</name>
    <message>
        <source>交接档案包中有重名文件：{path}</source>
        <translation>Two files of the handover package have the same name: {path}</translation>
    </message>
    <message>
        <source>交接档案包完好：{files} 个文件的大小和 SHA-256 校验值全部与目录相符。</source>
        <translation>The handover package is intact: the size and SHA-256 of all {files} files match the index.</translation>
    </message>
    <message>
        <source>交接档案包有 {count} 处问题：</source>
        <translation>The handover package has {count} problem(s):</translation>
    </message>
    <message>
        <source>目录文件 {path} 过大（超过 128 MB），不是本程序生成的，无法核对。</source>
        <translation>The index file {path} is too large (over 128 MB); it was not made by this program and cannot be checked.</translation>
    </message>
    <message>
        <source>目录文件 {path} 已损坏，无法读出。</source>
        <translation>The index file {path} is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>目录文件 {path} 不是有效的 JSON，无法核对。</source>
        <translation>The index file {path} is not valid JSON and cannot be checked.</translation>
    </message>
    <message>
        <source>目录文件 {path} 中没有文件清单（files），无法核对。</source>
        <translation>The index file {path} has no file list (files) and cannot be checked.</translation>
    </message>
    <message>
        <source>被改动的文件：“{path}”大小为 {actual} 字节，目录记录为 {size} 字节。</source>
        <translation>Changed file: "{path}" is {actual} bytes; the index records {size} bytes.</translation>
    </message>
    <message>
        <source>已损坏的文件：“{path}”无法完整读出（{why}）。</source>
        <translation>Damaged file: "{path}" cannot be read completely ({why}).</translation>
    </message>
    <message>
        <source>无法读出的文件：“{path}”使用了不支持的压缩方式或加了密码。</source>
        <translation>Unreadable file: "{path}" uses an unsupported compression or is password-protected.</translation>
    </message>
    <message>
        <source>被改动的文件：“{path}”的实际大小与目录记录的 {size} 字节不符。</source>
        <translation>Changed file: the actual size of "{path}" differs from the {size} bytes the index records.</translation>
    </message>
    <message>
        <source>被改动的文件：“{path}”的 SHA-256 校验值与目录不符。</source>
        <translation>Changed file: the SHA-256 of "{path}" does not match the index.</translation>
    </message>
    <message>
        <source>已取消校验。</source>
        <translation>Verification cancelled.</translation>
    </message>
    <message>
        <source>正在校验 {done}/{total}…</source>
        <translation>Verifying {done}/{total}…</translation>
    </message>
    <message>
        <source>目录文件 index.json 的第 {n} 条记录不完整或格式不对，已忽略。</source>
        <translation>Record {n} of index.json is incomplete or malformed and was ignored.</translation>
    </message>
    <message>
        <source>目录中的路径不安全：“{path}”（绝对路径、含“..”或指向目录自身），已忽略该条目。</source>
        <translation>Unsafe path in the index: "{path}" (absolute, containing "..", or the index itself); the entry was ignored.</translation>
    </message>
    <message>
        <source>目录中重复列出了“{path}”。</source>
        <translation>The index lists "{path}" more than once.</translation>
    </message>
    <message>
        <source>缺少的文件：“{path}”列在目录中，但压缩包中没有。</source>
        <translation>Missing file: "{path}" is in the index but not in the zip.</translation>
    </message>
    <message>
        <source>压缩包中有 {n} 个同名文件“{path}”，解压时会互相覆盖。</source>
        <translation>The zip holds {n} files named "{path}"; unpacking would overwrite one with another.</translation>
    </message>
    <message>
        <source>多出的文件：“{path}”在压缩包中，但目录中没有（且路径不安全，解压时可能写到别处）。</source>
        <translation>Added file: "{path}" is in the zip but not in the index (and its path is unsafe: unpacking may write it elsewhere).</translation>
    </message>
    <message>
        <source>多出的文件：“{path}”在压缩包中，但目录中没有。</source>
        <translation>Added file: "{path}" is in the zip but not in the index.</translation>
    </message>
    <message>
        <source>“{name}”不是有效的交接档案包（无法作为 zip 压缩包打开）。</source>
        <translation>"{name}" is not a valid handover package (it cannot be opened as a zip archive).</translation>
    </message>
    <message>
        <source>压缩包中没有目录文件 {path}，无法核对。</source>
        <translation>The zip has no index file {path}; it cannot be checked.</translation>
    </message>
    <message>
        <source>压缩包中有 {n} 个目录文件 {path}，无法确定以哪个为准。</source>
        <translation>The zip holds {n} index files {path}; it cannot tell which one to trust.</translation>
    </message>
</context>
<context>
    <name>package_menu</name>
    <message>
        <source>生成交接档案包…</source>
        <translation>Build handover package…</translation>
    </message>
    <message>
        <source>把本次交接的已签署清单、遗留问题、钥匙和财务结算连同目录和校验值打包为一个 zip</source>
        <translation>Pack this handover's signed lists, defects, keys and settlement, with an index and checksums, into one zip</translation>
    </message>
    <message>
        <source>校验交接档案包…</source>
        <translation>Verify handover package…</translation>
    </message>
    <message>
        <source>核对档案包中每个文件是否与目录中的校验值相符</source>
        <translation>Check every file of a package against the checksums in its index</translation>
    </message>
    <message>
        <source>生成交接档案包</source>
        <translation>Build handover package</translation>
    </message>
    <message>
        <source>选择交接：</source>
        <translation>Handover:</translation>
    </message>
    <message>
        <source>保存交接档案包</source>
        <translation>Save handover package</translation>
    </message>
    <message>
        <source>交接档案包 (*.zip)</source>
        <translation>Handover package (*.zip)</translation>
    </message>
    <message>
        <source>正在生成交接档案包…</source>
        <translation>Building the handover package…</translation>
    </message>
    <message>
        <source>选择要校验的交接档案包</source>
        <translation>Choose the handover package to verify</translation>
    </message>
    <message>
        <source>正在校验交接档案包…</source>
        <translation>Verifying the handover package…</translation>
    </message>
    <message>
        <source>请先新建或选择一个项目。</source>
        <translation>Please create or select a project first.</translation>
    </message>
    <message>
        <source>该项目还没有交接，无法生成交接档案包。</source>
        <translation>This project has no handover yet, so no handover package can be built.</translation>
    </message>
    <message>
        <source>已生成交接档案包：{path}（{files} 个文件，其中已签署 {signed} 个）</source>
        <translation>Handover package built: {path} ({files} files, {signed} of them signed)</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>是打码显示的号码；要修改请输入完整号码，不修改请保持原样</source>
        <translation>is the masked number; to change it, enter the full number, otherwise leave it as it is</translation>
    </message>
    <message>
        <source>{number}（{relation}）</source>
        <translation>{number} ({relation})</translation>
    </message>
    <message>
        <source>「业主姓名或单位名称」不能为空。</source>
        <translation>“Owner name or company name” cannot be empty.</translation>
    </message>
    <message>
        <source>「证件类型」“{value}”无效，应为：{choices}。</source>
        <translation>“ID document type” “{value}” is not valid; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「证件类型」单位业主的证件应为{CREDIT_CODE}。</source>
        <translation>“ID type”: the ID document of a company owner must be the unified social credit code.</translation>
    </message>
    <message>
        <source>「证件类型」{CREDIT_CODE}是单位的证件；单位业主请勾选“单位”。</source>
        <translation>“ID type”: the unified social credit code is for companies; for a company owner, tick “Company”.</translation>
    </message>
    <message>
        <source>「证件号码」原号码 {number} 不是有效的{kind}号码；改了证件类型，请同时重新填写证件号码。</source>
        <translation>“ID document number”: the existing number {number} is not a valid {kind} number; since the document type was changed, please enter the number again as well.</translation>
    </message>
    <message>
        <source>「联系电话」只填一个号码，其余的请填在「其他电话」中。</source>
        <translation>“Phone” takes only one number; enter the others under “Other phones”.</translation>
    </message>
    <message>
        <source>「{field}」“{text}”{hint}。</source>
        <translation>“{field}” “{text}” {hint}.</translation>
    </message>
    <message>
        <source>「证件号码」与本项目已有的业主“{other}”相同；同一人有多套房屋时，请在房屋中用“关联已有业主”。</source>
        <translation>“ID document number” is the same as that of the existing owner “{other}” in this project; when one person owns several units, use “Link existing owner” on the unit.</translation>
    </message>
    <message>
        <source>业主“{name}”</source>
        <translation>Owner “{name}”</translation>
    </message>
    <message>
        <source>请先在房屋的业主列表中移除此人；领过钥匙的业主留在记录中，不能删除。</source>
        <translation>Remove this person from the units' owner lists first; an owner who has been issued keys stays on record and cannot be deleted.</translation>
    </message>
    <message>
        <source>「关系」“{value}”无效，应为：{choices}。</source>
        <translation>“Relation” “{value}” is not valid; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>业主“{name}”不是房屋“{number}”所在项目的业主。</source>
        <translation>Owner “{name}” is not an owner in the project of unit “{number}”.</translation>
    </message>
    <message>
        <source>“{name}”已是房屋“{number}”的{relation}。</source>
        <translation>“{name}” is already the {relation} of unit “{number}”.</translation>
    </message>
    <message>
        <source>（{relation}）</source>
        <translation> ({relation})</translation>
    </message>
    <message>
        <source>证件类型“{kind}”无效，应为：{choices}</source>
        <translation>ID document type “{kind}” is not valid; it must be one of: {choices}</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>创建用户</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>修改整改期限</source>
        <translation>Edit rectification deadlines</translation>
    </message>
    <message>
        <source>设置收费标准</source>
        <translation>Set tariff</translation>
    </message>
    <message>
        <source>更改交接基准日</source>
        <translation>Change the cut-off date</translation>
    </message>
    <message>
        <source>更正交接类型、交接双方或基准日</source>
        <translation>Correct the handover type, parties or cut-off date</translation>
    </message>
    <message>
        <source>修改下班时间</source>
        <translation>Change closing time</translation>
    </message>
    <message>
        <source>修改本处信息</source>
        <translation>Change office details</translation>
    </message>
    <message>
        <source>查看业主完整信息</source>
        <translation>View full owner details</translation>
    </message>
    <message>
        <source>{action}需要{role}权限；当前用户是{current}。</source>
        <translation>{action}: needs the {role} role; the current user is {current}.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>仅{holders}可以{action}</source>
        <translation>{action}: only {holders} may do this</translation>
    </message>
    <message>
        <source>导出备份文件</source>
        <translation>Export backup file</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>使用设置向导</source>
        <translation>Use the setup wizard</translation>
    </message>
    <message>
        <source>签署财务结算</source>
        <translation>Sign financial settlement</translation>
    </message>
    <message>
        <source>修订财务结算</source>
        <translation>Amend financial settlement</translation>
    </message>
    <message>
        <source>签署交接清单</source>
        <translation>Sign handover list</translation>
    </message>
    <message>
        <source>创建补充清单</source>
        <translation>Create amendment list</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>启用账号</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>导出业主完整信息到其他物业系统</source>
        <translation>export owners' full data to another property system</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <source>照片“{filename}”是空文件（0 字节），请重新选择。</source>
        <translation>Photo “{filename}” is an empty file (0 bytes); please choose it again.</translation>
    </message>
    <message>
        <source>照片“{filename}”有 {size}，超过 {max_upload} 的上限，请压缩后再添加。</source>
        <translation>Photo “{filename}” is {size}, over the {max_upload} limit; please compress it before adding it.</translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>没有读取权限</source>
        <translation>no permission to read it</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>it cannot be read</translation>
    </message>
    <message>
        <source>照片“{filename}”{why}，请重新选择。</source>
        <translation>Photo “{filename}”: {why}; please choose it again.</translation>
    </message>
    <message>
        <source>“{name}”不是文件，请选择照片文件。</source>
        <translation>“{name}” is not a file; please choose a photo file.</translation>
    </message>
    <message>
        <source>照片“{filename}”像素过大（{width}×{height}），请缩小后再添加（最多 {max_pixels} 万像素）。</source>
        <translation>Photo “{filename}” has too many pixels ({width}×{height}); please shrink it before adding it (at most {max_pixels} × 10,000 pixels).</translation>
    </message>
    <message>
        <source>“{filename}”不是可识别的图片文件。</source>
        <translation>“{filename}” is not a recognised image file.</translation>
    </message>
    <message>
        <source>照片“{filename}”的尺寸无效（{width}×{height}）。</source>
        <translation>Photo “{filename}” has an invalid size ({width}×{height}).</translation>
    </message>
    <message>
        <source>照片“{filename}”已损坏或不完整，无法读取，请重新导出后再添加。</source>
        <translation>Photo “{filename}” is damaged or incomplete and cannot be read; please export it again and add it.</translation>
    </message>
</context>
<context>
    <name>projects</name>
    <message>
        <source>「项目编码」不能为空。</source>
        <translation>“Project code” cannot be empty.</translation>
    </message>
    <message>
        <source>「项目编码」不能含空格：“{code}”（命令行用 --project 编码 选项目）。</source>
        <translation>“Project code” cannot contain spaces: “{code}” (the command line selects a project with --project CODE).</translation>
    </message>
    <message>
        <source>「项目名称」不能为空。</source>
        <translation>“Project name” cannot be empty.</translation>
    </message>
    <message>
        <source>「项目类型」“{value}”无效，应为：{choices}。</source>
        <translation>“Project type” “{value}” is not valid; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「项目编码」“{code}”已被项目“{name}”使用，请换一个编码。</source>
        <translation>“Project code” “{code}” is already used by project “{name}”; please choose another code.</translation>
    </message>
    <message>
        <source>项目（编号 {project_id}）不存在。</source>
        <translation>Project (no. {project_id}) does not exist.</translation>
    </message>
    <message>
        <source>项目“{code}”不存在。</source>
        <translation>Project “{code}” does not exist.</translation>
    </message>
    <message>
        <source>交接类型“{kind}”无效，应为：{names}。</source>
        <translation>Handover type “{kind}” is not valid; it must be one of: {names}.</translation>
    </message>
    <message>
        <source>移交方不能为空。</source>
        <translation>The handing-over party cannot be empty.</translation>
    </message>
    <message>
        <source>接收方不能为空。</source>
        <translation>The receiving party cannot be empty.</translation>
    </message>
</context>
<context>
    <name>reconcile</name>
    <message>
        <source>对账完成：一致 {matched} 项（其中按收费标准核对 {by_tariff} 项），金额不符 {differs} 项，与标准不符 {tariff} 项，仅原物业 {only_theirs} 项，仅我方 {only_ours} 项；沿用原有处理 {kept} 项，待处理 {open} 项（用时 {seconds} 秒）。</source>
        <translation>Reconciliation done: {matched} match (of which {by_tariff} checked against tariffs), {differs} amounts differ, {tariff} differ from tariff, {only_theirs} previous company only, {only_ours} ours only; {kept} earlier decisions kept, {open} open ({seconds} s).</translation>
    </message>
    <message>
        <source>还没有原物业台账：请先导入原物业收费台账，再对账。</source>
        <translation>There is no ledger from the previous company yet: import the previous company's fee ledger first, then reconcile.</translation>
    </message>
    <message>
        <source>调整后应收</source>
        <translation>Adjusted billed</translation>
    </message>
    <message>
        <source>调整后实收</source>
        <translation>Adjusted paid</translation>
    </message>
    <message>
        <source>「处理说明」不能为空：请写明依据（如“业主提供收据”“双方核实”）。</source>
        <translation>“Note” cannot be empty: state the basis (e.g. “owner showed a receipt”, “checked by both sides”).</translation>
    </message>
    <message>
        <source>我方</source>
        <translation>Our company</translation>
    </message>
    <message>
        <source>原物业台账</source>
        <translation>Previous company's ledger</translation>
    </message>
    <message>
        <source>这一项{side}没有记录，不能“{decision}”；可选“不计入”或“协商调整”。</source>
        <translation>{side} has no record of this item, so “{decision}” cannot be chosen; choose “Exclude” or “Negotiated adjustment”.</translation>
    </message>
    <message>
        <source>「{label}」不能为空。</source>
        <translation>“{label}” cannot be empty.</translation>
    </message>
    <message>
        <source>「{label}」应为金额（元，两位小数）。</source>
        <translation>“{label}” must be an amount (yuan, 2 decimal places).</translation>
    </message>
    <message>
        <source>「{label}」应为金额（元，两位小数），不能是“{value}”。</source>
        <translation>“{label}” must be an amount (yuan, 2 decimal places), not “{value}”.</translation>
    </message>
    <message>
        <source>批量处理只能选“以原物业为准”“以我方为准”或“不计入”；协商调整请逐项处理。</source>
        <translation>Bulk handling can only be “Use previous company's”, “Use ours” or “Exclude”; handle negotiated adjustments one by one.</translation>
    </message>
    <message>
        <source>「处理说明」不能为空：请写明依据。</source>
        <translation>“Note” cannot be empty: state the basis.</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>正在退出登录…</source>
        <translation>Signing out…</translation>
    </message>
</context>
<context>
    <name>settings_menu</name>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关于物业交接台…</source>
        <translation>About HandoverDesk…</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>数据库设置已保存，下次启动程序时生效。</source>
        <translation>Database settings saved; they take effect the next time the program starts.</translation>
    </message>
    <message>
        <source>界面语言已保存，重新启动程序后生效。</source>
        <translation>Interface language saved; it takes effect after restarting the program.</translation>
    </message>
    <message>
        <source>找不到使用说明文件：{path}</source>
        <translation>User guide file not found: {path}</translation>
    </message>
    <message>
        <source>无法打开浏览器显示使用说明，请直接打开文件：{path}</source>
        <translation>Cannot open a browser to show the user guide; open the file directly: {path}</translation>
    </message>
</context>
<context>
    <name>settlement</name>
    <message>
        <source>尚有 {count} 项对账差异未处理，不能签署结算。请在“对账差异”中逐项或批量处理后再签署。</source>
        <translation>{count} reconciliation differences are still open, so the settlement cannot be signed. Handle them under “Reconciliation differences”, one by one or in bulk, then sign.</translation>
    </message>
    <message>
        <source>还没有原物业台账，不能签署结算。</source>
        <translation>There is no ledger from the previous company yet, so the settlement cannot be signed.</translation>
    </message>
    <message>
        <source>只有已签署的财务结算才能修订；草稿可以直接重新对账后签署。</source>
        <translation>Only a signed financial settlement can be amended; a draft can simply be reconciled again and signed.</translation>
    </message>
    <message>
        <source>财务结算（第 {revision} 版）</source>
        <translation>The financial settlement (revision {revision})</translation>
    </message>
    <message>
        <source>还没有对账：请先在“对账差异”中对账，再签署结算。</source>
        <translation>Not reconciled yet: please reconcile under “Reconciliation differences” first, then sign the settlement.</translation>
    </message>
    <message>
        <source>上次对账之后台账或收费标准有变化（重新导入台账或调整了单价），对账结果已过时；请重新对账并处理差异后再签署。</source>
        <translation>The ledger or the tariffs changed after the last reconciliation (the ledger was re-imported or a rate was adjusted), so the reconciliation is out of date; please reconcile again and resolve the differences before signing.</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>{role} {count} 个</source>
        <translation>{role}: {count}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>setup_menu</name>
    <message>
        <source>设置向导…</source>
        <translation>Setup wizard…</translation>
    </message>
    <message>
        <source>本处信息、项目、房屋、账号和第一次交接，一步步设置</source>
        <translation>Set up the office, project, units, accounts and first handover step by step</translation>
    </message>
</context>
<context>
    <name>signoff</name>
    <message>
        <source>「签字扫描件」应为 PDF、JPG 或 PNG 文件。</source>
        <translation>“Signed scan” must be a PDF, JPG or PNG file.</translation>
    </message>
    <message>
        <source>「签字扫描件」不能超过 20 MB。</source>
        <translation>“Signed scan” cannot be larger than 20 MB.</translation>
    </message>
    <message>
        <source>「移交方签字人」不能为空。</source>
        <translation>“Handing-over signatory” cannot be empty.</translation>
    </message>
    <message>
        <source>「接收方签字人」不能为空。</source>
        <translation>“Receiving signatory” cannot be empty.</translation>
    </message>
    <message>
        <source>「签署时间」应为日期时间。</source>
        <translation>“Signed at” must be a date and time.</translation>
    </message>
    <message>
        <source>「监交方签字人」不能为空：本次交接有监交方（{witness}）。</source>
        <translation>“Supervising signatory” cannot be empty: this handover has a supervising party ({witness}).</translation>
    </message>
    <message>
        <source>清单还有 {n} 项未核对，核对完才能签署。</source>
        <translation>{n} items on the list have not been checked yet; check them all before signing.</translation>
    </message>
    <message>
        <source>只有已签署的清单才能创建补充清单；草稿可以直接修改。</source>
        <translation>Only a signed list can have an amendment list; a draft can be edited directly.</translation>
    </message>
    <message>
        <source>该清单已有补充版本，请在最新版本上继续。</source>
        <translation>This list already has an amendment; please continue on the latest version.</translation>
    </message>
</context>
<context>
    <name>tariffs</name>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02}-{day:02}</translation>
    </message>
    <message>
        <source>（不分用途）</source>
        <translation>(any use)</translation>
    </message>
    <message>
        <source>计费期间有误：起始日 {start} 晚于截止日 {end}。</source>
        <translation>Invalid billing period: the start date {start} is after the end date {end}.</translation>
    </message>
    <message>
        <source>{item}收费标准重叠：{on}{use}同时有 {listed} 几个标准，请修改收费标准的起止日期。</source>
        <translation>{item} tariffs overlap: on {on} {use} has several tariffs at once ({listed}); please correct the tariffs' start and end dates.</translation>
    </message>
    <message>
        <source>{item}没有 {on} 适用于{unit_use}的收费标准，请先录入收费标准。</source>
        <translation>{item} has no tariff for {unit_use} on {on}; please enter a tariff first.</translation>
    </message>
    <message>
        <source>{item}本次抄表日期 {read_on} 须晚于上次抄表日期 {prev_date}。</source>
        <translation>{item}: this reading date {read_on} must be after the previous reading date {prev_date}.</translation>
    </message>
    <message>
        <source>{item}读数小于上次读数：本次 {reading}（{read_on}）小于上次 {prev_reading}（{prev_date}）。如系换表或表具走满归零，请分别登记新旧表读数。</source>
        <translation>{item}: the reading is lower than the previous one: {reading} ({read_on}) is less than {prev_reading} ({prev_date}). If the meter was replaced or rolled over to zero, record the old and the new meter's readings separately.</translation>
    </message>
    <message>
        <source>{item}按建筑面积计费，但该房屋没有建筑面积，请先录入。</source>
        <translation>{item} is charged by floor area, but this unit has no floor area; please enter it first.</translation>
    </message>
    <message>
        <source>建筑面积不能为负数：{area}。</source>
        <translation>Floor area cannot be negative: {area}.</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>templates</name>
    <message>
        <source>财务管理资料移交清单</source>
        <translation>Financial records handover list</translation>
    </message>
    <message>
        <source>设施设备维修养护资料移交清单</source>
        <translation>Facility maintenance records handover list</translation>
    </message>
    <message>
        <source>物业原始资料移交清单</source>
        <translation>Original property records handover list</translation>
    </message>
    <message>
        <source>业主资料移交清单</source>
        <translation>Owner records handover list</translation>
    </message>
    <message>
        <source>未移交资料清单（补交承诺）</source>
        <translation>Records not yet handed over (undertaking to supply)</translation>
    </message>
    <message>
        <source>业主共有资金购置资产移交清单</source>
        <translation>Assets bought with owners' common funds handover list</translation>
    </message>
    <message>
        <source>共用部位交接清单</source>
        <translation>Common areas handover list</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（排水）</source>
        <translation>Common facilities handover list (drainage)</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（消防）</source>
        <translation>Common facilities handover list (fire protection)</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（供暖）</source>
        <translation>Common facilities handover list (heating)</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（空调通风）</source>
        <translation>Common facilities handover list (air conditioning and ventilation)</translation>
    </message>
    <message>
        <source>钥匙交接清单</source>
        <translation>Keys handover list</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（电梯）</source>
        <translation>Common facilities handover list (lifts)</translation>
    </message>
    <message>
        <source>物业管理用房交接清单</source>
        <translation>Management premises handover list</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（车场）</source>
        <translation>Common facilities handover list (car park)</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（供电）</source>
        <translation>Common facilities handover list (power supply)</translation>
    </message>
    <message>
        <source>印章交接清单</source>
        <translation>Seals handover list</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（安防监控）</source>
        <translation>Common facilities handover list (security and CCTV)</translation>
    </message>
    <message>
        <source>共用设施设备交接清单（供水）</source>
        <translation>Common facilities handover list (water supply)</translation>
    </message>
    <message>
        <source>岗位交接清单</source>
        <translation>Staff post handover list</translation>
    </message>
    <message>
        <source>系统账号与权限交接清单</source>
        <translation>System accounts and permissions handover list</translation>
    </message>
    <message>
        <source>{where}：缺少 category 或 name。</source>
        <translation>{where}: category or name is missing.</translation>
    </message>
    <message>
        <source>{where}：copy 应为“原件”“复印件”或空，而不是“{copy}”。</source>
        <translation>{where}: copy must be “原件” (original), “复印件” (copy) or empty, not “{copy}”.</translation>
    </message>
    <message>
        <source>{where}：qty 应为非负整数。</source>
        <translation>{where}: qty must be a non-negative whole number.</translation>
    </message>
    <message>
        <source>{where}：交接类型无效（{exc}）。</source>
        <translation>{where}: invalid handover type ({exc}).</translation>
    </message>
    <message>
        <source>{where}：缺少 code 或 name。</source>
        <translation>{where}: code or name is missing.</translation>
    </message>
    <message>
        <source>模板文件 {name} 无法读取：{error}</source>
        <translation>Template file {name} cannot be read: {error}</translation>
    </message>
    <message>
        <source>模板编码重复：{codes}。</source>
        <translation>Duplicate template codes: {codes}.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <source>{label} {n} 条</source>
        <translation>{n} {label} record(s)</translation>
    </message>
    <message>
        <source>{what}不能删除：仍有{used}与它关联。{hint}</source>
        <translation>{what} cannot be deleted: {used} still refer to it. {hint}</translation>
    </message>
    <message>
        <source>「楼栋名称」不能为空。</source>
        <translation>“Building name” cannot be empty.</translation>
    </message>
    <message>
        <source>「楼栋名称」“{name}”已存在。</source>
        <translation>“Building name” “{name}” already exists.</translation>
    </message>
    <message>
        <source>「楼栋名称」“{name}”与已有楼栋“{other}”是同一栋。</source>
        <translation>“Building name” “{name}” is the same building as the existing “{other}”.</translation>
    </message>
    <message>
        <source>楼栋“{name}”</source>
        <translation>Building “{name}”</translation>
    </message>
    <message>
        <source>请先把其中的房屋改到别的楼栋或删除。</source>
        <translation>First move its units to another building or delete them.</translation>
    </message>
    <message>
        <source>「楼层」{problem}。</source>
        <translation>“Floor”: {problem}.</translation>
    </message>
    <message>
        <source>「单元」房号“{number}”写的是 {named} 单元，与填写的“{entrance}”不一致。</source>
        <translation>“Entrance”: unit number “{number}” says entrance {named}, which does not match the “{entrance}” entered.</translation>
    </message>
    <message>
        <source>「房号」不能为空。</source>
        <translation>“Unit no.” cannot be empty.</translation>
    </message>
    <message>
        <source>「房屋用途」“{value}”无效，应为：{choices}。</source>
        <translation>“Unit use” “{value}” is not valid; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「入住状态」“{value}”无效，应为：{choices}。</source>
        <translation>“Occupancy” “{value}” is not valid; it must be one of: {choices}.</translation>
    </message>
    <message>
        <source>「房号」“{number}”已存在（系统中写作“{other}”）。</source>
        <translation>“Unit no.” “{number}” already exists (recorded in the system as “{other}”).</translation>
    </message>
    <message>
        <source>「房号」“{number}”与已有房屋“{other}”是同一套房屋（楼栋、单元、房间号相同）。</source>
        <translation>“Unit no.” “{number}” is the same unit as the existing unit “{other}” (same building, entrance and room number).</translation>
    </message>
    <message>
        <source>「楼栋」（编号 {chosen}）不在本项目中，请刷新后重选。</source>
        <translation>“Building” (no. {chosen}) is not in this project; please refresh and choose again.</translation>
    </message>
    <message>
        <source>「楼栋」房号“{number}”写的是{named}，与所选楼栋“{name}”不一致。</source>
        <translation>“Building”: unit number “{number}” says {named}, which does not match the selected building “{name}”.</translation>
    </message>
    <message>
        <source>房屋“{number}”</source>
        <translation>Unit “{number}”</translation>
    </message>
    <message>
        <source>业主请先在房屋的业主列表中移除；遗留问题、钥匙、台账等记录要保留的，房屋不能删除。</source>
        <translation>Remove its owners from the unit's owner list first; a unit with defects, keys, ledger lines or other records that must be kept cannot be deleted.</translation>
    </message>
    <message>
        <source>房号“{room}”写的是{written}，与楼栋“{building}”不一致</source>
        <translation>The unit number “{room}” says {written}, which does not match the building “{building}”</translation>
    </message>
    <message>
        <source>房号“{number}”写的是 {named} 单元，与单元“{column}”不一致</source>
        <translation>The unit number “{number}” says entrance {named}, which does not match the entrance “{column}”</translation>
    </message>
    <message>
        <source>“{text}”无效：请写数字（如 12、-1）或地下层（如 B2）</source>
        <translation>“{text}” is invalid: write a number (e.g. 12, -1) or a basement level (e.g. B2)</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>{name}（{username}）</source>
        <translation>{name} ({username})</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 {until}</source>
        <translation>Locked until {until}</translation>
    </message>
    <message>
        <source>须修改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>"{name}"</translation>
    </message>
    <message>
        <source>自己的密码请用“修改密码”修改。</source>
        <translation>Change your own password with “Change password”.</translation>
    </message>
    <message>
        <source>不能停用自己的账号；请由另一位管理员停用。</source>
        <translation>You cannot disable your own account; ask another administrator to do it.</translation>
    </message>
    <message>
        <source>不能修改自己的角色；请由另一位管理员修改。</source>
        <translation>You cannot change your own role; ask another administrator to do it.</translation>
    </message>
    <message>
        <source>{who}是最后一位在用的管理员，不能停用；请先把另一位用户设为管理员。</source>
        <translation>{who} is the last active administrator and cannot be disabled; make another user an administrator first.</translation>
    </message>
    <message>
        <source>{who}是最后一位在用的管理员，不能改为其他角色；请先把另一位用户设为管理员。</source>
        <translation>{who} is the last active administrator and cannot be given another role; make another user an administrator first.</translation>
    </message>
    <message>
        <source>{who}的账号已在使用中。</source>
        <translation>{who}'s account is already in use.</translation>
    </message>
    <message>
        <source>{who}的账号已停用。</source>
        <translation>{who}'s account is disabled.</translation>
    </message>
    <message>
        <source>{who}的账号已停用；请先启用再重置密码。</source>
        <translation>{who}'s account is disabled; enable it before resetting the password.</translation>
    </message>
    <message>
        <source>{who}的账号已停用；请先启用再修改角色。</source>
        <translation>{who}'s account is disabled; enable it before changing the role.</translation>
    </message>
    <message>
        <source>{MANAGE}需要管理员权限；您的账号已被停用或改为其他角色，请重新登录。</source>
        <translation>{MANAGE} needs administrator permission; your account has been disabled or given another role. Please log in again.</translation>
    </message>
    <message>
        <source>“{display_name}”已经是{label}。</source>
        <translation>“{display_name}” is already {label}.</translation>
    </message>
</context>
<context>
    <name>version</name>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>物业交接台 HandoverDesk {version}</source>
        <translation>HandoverDesk {version}</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>我方</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>按建筑面积·月</source>
        <translation>Per m² of floor area per month</translation>
    </message>
    <message>
        <source>按户·月</source>
        <translation>Per household per month</translation>
    </message>
    <message>
        <source>按车位·月</source>
        <translation>Per parking space per month</translation>
    </message>
    <message>
        <source>按吨（抄表）</source>
        <translation>Per ton (metered)</translation>
    </message>
    <message>
        <source>按度（抄表）</source>
        <translation>Per kWh (metered)</translation>
    </message>
    <message>
        <source>按立方米（抄表）</source>
        <translation>Per cubic metre (metered)</translation>
    </message>
    <message>
        <source>按建筑面积·采暖季</source>
        <translation>Per m² of floor area per heating season</translation>
    </message>
    <message>
        <source>固定金额</source>
        <translation>Fixed amount</translation>
    </message>
    <message>
        <source>原物业→新物业</source>
        <translation>Previous company → new company</translation>
    </message>
    <message>
        <source>新物业→原物业</source>
        <translation>New company → previous company</translation>
    </message>
    <message>
        <source>互不找付</source>
        <translation>Nothing to pay either way</translation>
    </message>
    <message>
        <source>预收款（基准日后期间，原物业已收）</source>
        <translation>Prepayments (periods after the cut-off date, collected by the previous company)</translation>
    </message>
    <message>
        <source>押金（移交新物业）</source>
        <translation>Deposits (handed over to the new company)</translation>
    </message>
    <message>
        <source>代收代缴余额</source>
        <translation>Collected-on-behalf balances</translation>
    </message>
    <message>
        <source>基准日前未结抄表费用（新物业代收后转付）</source>
        <translation>Unsettled metered charges before the cut-off date (collected by the new company and passed on)</translation>
    </message>
    <message>
        <source>业主欠费（归原物业，另行追缴）</source>
        <translation>Owner arrears (belong to the previous company, collected separately)</translation>
    </message>
    <message>
        <source>水表</source>
        <translation>Water meters</translation>
    </message>
    <message>
        <source>电表</source>
        <translation>Electricity meters</translation>
    </message>
    <message>
        <source>气表</source>
        <translation>Gas meters</translation>
    </message>
</context>
</TS>
