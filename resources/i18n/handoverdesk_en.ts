<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机 SQLite 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL 服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database}（{kind}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据文件夹：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日志文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接的清单、遗留问题、钥匙和费用对账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>同事的账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为每位同事建一个账号：文员办理日常事务，主管签署清单、批准借钥匙，管理员管理账号和设置。大家各用各的账号登录，操作日志才记得清是谁做的。以后在“管理 → 用户管理”中添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加或管理账号…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在用账号：{line}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有文员或主管的账号。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddMeterDialog</name>
    <message>
        <source>新增表具</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表具上的编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号；公共表具填位置，如“3栋 总水表”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业最后一次计费的读数（可空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接基准日读数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号/位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次抄表日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次读数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抄表日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首次登录时须修改密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初始密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>修订财务结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将创建第 {n} 版结算草稿；第 {old} 版保持签署时的内容。修订期间可重新导入台账、处理差异、更正抄表底数，完成后再次签署。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchiveRestoreDialog</name>
    <message>
        <source>从备份文件恢复到空数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件只能恢复到一个空的数据库：请先请管理员在服务器上新建一个空数据库，在下面填写它。当前数据库不会被改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台备份文件（.zip）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空数据库的名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>端口：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「备份文件」：请选择一个存在的备份文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已把备份恢复到数据库“{where}”（共 {rows} 行）。

要让本机改用这个数据库吗？程序将重新启动。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部数据表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在内容中查找（如房号、姓名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据表：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志_{day}.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出操作日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {rows} 条到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>备份时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlankListDialog</name>
    <message>
        <source>新建空白清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单名称：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowseTab</name>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入文字筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <source>新增楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 3栋、B座</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空：排在最后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排序</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>批量处理对账差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选中的 {n} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>范围：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部差异类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前筛选（{what}）的全部待处理差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；文字筛选不适用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将把 {n} 项待处理差异标记为“{decision}”。不适用此处理或已处理的项保持不变。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理 {n} 项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请设置新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}，管理员为您设置了临时密码。请设置只有您自己知道的新密码，保存后才能继续使用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认新密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少 {n} 位；不能与原密码相同。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存新密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistImportDialog</name>
    <message>
        <source>从 Excel 导入交接清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择交接清单 Excel 文件（.xlsx）：有标题行、合并单元格、分类行均可。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择交接清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取交接清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入交接清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认取表格的标题行或文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单名称*：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将创建一张草稿清单：{0} 类 {1} 项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPreviewModel</name>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>页数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosingTimeDialog</name>
    <message>
        <source>下班时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下班时间（借出钥匙默认此前归还）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMappingBox</name>
    <message>
        <source>列对应</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手动指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按表头各列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未识别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>数据库文件已损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有找到完好的备份。请联系技术支持。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近一份完好的备份（已检查）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复后，损坏的文件另存一份（文件名含“恢复前”），程序打开恢复后的数据库。备份之后所做的修改不在备份里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复这份备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不恢复</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>本机数据库文件（SQLite，一个前台）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL 服务器（多个前台共用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存后下次启动程序时生效。切换数据库不会搬移数据：原数据库的内容仍在原处。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空即本机默认数据库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择或新建…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器名称或 IP 地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>端口：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择或新建数据库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineSettingsDialog</name>
    <message>
        <source>整改期限设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>天（1～365）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s}问题整改期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s}问题整改期限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>处理对账差异 — {unit} {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>差异：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前处理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整后应收：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整后实收：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我方台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复待处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整后应收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整后实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必填：处理依据，如“业主提供收据”“双方核实”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefectDialog</name>
    <message>
        <source>编辑遗留问题 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记遗留问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择或输入房号；公共部位直接填写，如“地下车库B区”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空为当前用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改整改期限须写明原因，记入处理记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限变更原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把照片文件拖到这里，或点“添加照片…”；单击照片查看原图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片仍在读取，请稍候再保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转为遗留问题 — 第 {seq} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>严重程度：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任方：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题描述：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefectsTab</name>
    <message>
        <source>按编号、位置、描述筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部责任方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日待办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详情与记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限已保存，新登记的问题按新期限计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发出整改通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注（送达方式、签收人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提交复验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验不合格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验意见（复验覆盖整套房屋或整个项目）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不合格原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法整改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录已催办/已上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明（发给谁、如何告知）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记问题…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验不合格…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法整改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录已催办/已上报…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改通知单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验记录…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>催办函（该责任方全部逾期问题）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题汇总表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改整改期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改各严重程度的默认整改期限（天）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出遗留问题到 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出遗留问题…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>书面整改通知单已发给责任方（应在发现后 24 小时内）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任方报告已整改，等待复验</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改通知单 — {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验记录 — {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>催办函 — {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题汇总表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {n} 条到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>请在表格中选择一条遗留问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，逾期 {n} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{location}｜{category}｜{severity}｜责任方 {party}
发现 {found}（{by}）　通知 {notice}
整改期限 {deadline}　复验不合格 {failed} 次
{description}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改通知晚于发现后 24 小时发出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{duty}（{due} 前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应办：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{by}　已办：{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>催办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复验不合格报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大问题报告</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DifferencesPanel</name>
    <message>
        <source>按房号、收费项目、说明筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看待处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理选中的差异（回车或双击）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量处理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务结算已签署或未选择交接：只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取差异…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计待处理差异…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应办事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改逾期 {n} 天（{party}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 项待办，其中 {late} 项已逾期（红色）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今天没有到期的通知、催办或上报。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeeItemsDialog</name>
    <message>
        <source>收费项目与收费标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计费方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起用日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单价（元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费标准（所选项目）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 SF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 水费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>押金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代收代缴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>元，如 2.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设定单价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新单价自起用日期起生效，原单价到前一天为止。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置收费标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至今</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeesTab</name>
    <message>
        <source>台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对账差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抄表底数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>　请先在工具栏选择交接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结算：未签署</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结算：{status}（第 {n} 版）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>　{settlement}　｜　差异：待处理 {open} / 共 {total}　｜　结果：{computed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务结算已签署（第 {n} 版）：只读；如需更改请由主管修订</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业台账已导入。请点击“对账”核对双方台账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务结算第 {n} 版已签署。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费项目、计费方式，以及按日期、按房屋用途生效的单价（抄表费用按此计算）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入原物业台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从原物业的 Excel 收费台账导入（全部成功或全部不导入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按房号、收费项目、所属期逐项核对双方台账，列出差异</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计算结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按当前台账和处理结果重新计算欠费、预收款、押金、收缴率和结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署结算…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署财务结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部差异处理后由主管签署；签署后只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修订财务结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修订结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主管创建新版本草稿，以便更正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印结算报告…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印欠费明细表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出会计工作簿…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇总、欠费明细、预收款、押金、代收代缴、差异、收缴率，一个 Excel 工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在对账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务结算报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欠费明细表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出会计工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>费用对账_会计工作簿.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出会计工作簿…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消，未做任何改动。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次读数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次读数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号/位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次抄表日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抄表日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不足 1 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属期起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属期止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欠费金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欠费年限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间起</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期间止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预收金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>押金项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收取日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代收项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>余额（代业主保管）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收缴率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存处理结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在批量处理差异…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在计算并签署结算…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>首次使用 — 创建管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是第一次使用本数据库，请创建管理员账号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>首次设置向导 — 物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一步 &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>新建交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可不填，默认为“类型（移交方 → 接收方）”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接基准日：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划交接日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际交接日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本交接已有已签署的单据（{docs}）。更改交接类型、交接双方或基准日属于更正，须由主管写明原因；已签署的单据仍按签署时的内容打印。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅更正交接双方或基准日时填写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更正原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更正交接类型、交接双方或基准日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>更改交接基准日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交方：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收方：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监交方：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>第一次交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建交接（承接查验、物业更迭或退场移交），填写交接双方和基准日；再按模板生成第一张交接清单。完成后打开“交接清单”页，逐项核对实收数量，由主管签署。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建交接…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建清单（从模板）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目现有交接 {h} 个，清单 {n} 张。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>刚建的交接：{c}。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <source>与原清单相比的变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本清单已签署（签署于 {at}），不能修改；如需更正请创建补充清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本清单已作废，不能修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已核对 {n}/{total}，短缺 {k} 项，问题 {m} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（没有清单）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补充第 {n} 版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与{version}相比的变更（{k} 项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与{version}相同，尚无变更。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{line} {kind}：{category} / {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{head}（{fields}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原第 {old} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 {new} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 {new} 行（原第 {old} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除第 {seq} 项“{name}”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已另存为模板。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为“{title}”创建补充清单（更正）？原清单保持已签署不变。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接信息…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建交接…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建清单（从模板）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建空白清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从 Excel 导入清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为模板…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建补充清单（更正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印交接确认书…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按应交数验收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收 = 应交，状况完好，并转到下一行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转为遗留问题…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署交接清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录纸质清单的签署人和时间，签署后清单锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建补充清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为已签署的清单创建补充版本，更正后再次签署</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出交接清单到 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出交接清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tip}（{keys}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接确认书 — {h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接清单 — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借用人/归还人/业主/接收方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HousesPage</name>
    <message>
        <source>房屋与业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入原物业或开发商给的业主名册（Excel，先预览、核对后再导入），或逐户添加房屋。以后可在“文件 → 导入业主名册”和“项目 → 楼栋、房屋与业主”中继续。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入业主名册…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逐户添加房屋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本项目现有楼栋 {b} 栋，房屋 {u} 户，业主 {o} 位。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>发放钥匙给业主 — {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该房屋没有登记业主，不能发放。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择业主。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>规格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>短缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原件/复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>页数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核对人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核对时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未核对</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyCard</name>
    <message>
        <source>借出…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归还…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发放给业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>封存…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启封…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗失…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历史…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这把钥匙的全部记录（也可双击表格中的行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫描钥匙标签（或输入标签号）后回车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开启：{opens}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态：{status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜格：{place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原柜格：{place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借用人 {who}，应还 {due}，批准：{approver}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，延期原因：{why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyHistoryDialog</name>
    <message>
        <source>钥匙历史 — {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tag}　开启：{opens}　{where}：{place}　状态：{status}　共 {n} 条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原柜格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyImportDialog</name>
    <message>
        <source>从 Excel 批量接收钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择钥匙清单 Excel 文件（.xlsx）：每行一把（套）钥匙；标签号可不填，由程序编号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择钥匙清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取钥匙清单…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在接收钥匙…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 G01；表中已填的不变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙柜（表中未填时）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将接收钥匙 {0} 条（共 {1} 把/套）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 其中 {n} 把未填标签号，将自动编号（蓝字）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收完成：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPreviewModel</name>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开启对象</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙柜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>格位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tag}（自动）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表中未填标签号，导入时按此编号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>按标签号、房号、开启对象筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫码或输入标签号，回车</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫码（或输入标签号）后回车打开该钥匙；再按回车开始卡片上加框的操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逾期未还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收钥匙…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收一把（套）钥匙入柜</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从钥匙交接清单接收…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量接收钥匙…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在工具栏选择交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下班时间：{t}（未还即逾期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改下班时间（借出钥匙默认此前归还）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已扫描 {tags}：关闭本窗口后打开；本窗口仍只办理 {key}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本窗口的事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙标签（所选钥匙）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙标签（整个钥匙柜）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙发放签收单（当前钥匙）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙借用登记表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备用钥匙封存表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙交接表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印当前钥匙最近一次发放给业主的签收单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先扫描一把已发放给业主的钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次交接的全部钥匙，三方签字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备用钥匙封存表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙交接表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目不存在，请重新选择项目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印钥匙柜的标签</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙柜：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙借用登记表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在表格中选择钥匙（可多选），或扫描一把钥匙。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙标签 — {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙标签 — {n} 把</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙标签 — 钥匙柜 {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙发放签收单 — {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙借用登记表 {a} 至 {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有钥匙存入钥匙柜。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择钥匙柜。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>跟随系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新启动程序后生效。打印的表单和导出的工作簿也用这种语言。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>导入原物业收费台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择原物业收费台账 Excel 文件（.xlsx、.xls）：有标题行、两行表头、小计/合计行，按收费项目或按月分列均可。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择原物业收费台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取原物业收费台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入原物业收费台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 2025年06月、2025年度、2025Q2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按收费项目或按月分列、没有所属期列的台账，在此写明它的所属期（或年份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属期（表中没有时）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按“{0}”上次的列对应读取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>……共 {0} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 行：应收 {1} 元，实收 {2} 元，欠费 {3} 元。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跳过 {0}，不计入合计。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将新建收费项目：{0}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其中 {0} 行应收与收费标准不符（悬停查看），可在对账时核实。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查通过，可以导入；导入将替换此前导入的原物业台账。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列对应未能记住：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerPanel</name>
    <message>
        <source>按房号、业主、收费项目筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerPreviewModel</name>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欠费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收款日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>票据号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>工程部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保洁部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>秩序部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客服部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>绿化部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tag}（{opens}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借出钥匙 — {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>具体事由（“其他”时必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认当天下班时间（{t}）前归还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应还时间晚于借出当天时必填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借用人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借用事由：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事由说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应还时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延期原因：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批准主管：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主管密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{account}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择批准借出的主管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>由该主管本人输入登录密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有可批准的主管账号，请管理员先添加主管。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkOwnerDialog</name>
    <message>
        <source>关联已有业主（{u}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入姓名、房号，或完整的电话/证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在表中选择一位业主。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListIntakeDialog</name>
    <message>
        <source>从钥匙交接清单接收钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 G01，可不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙交接清单：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存入钥匙柜：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>每个条目接收为一把（套）钥匙：已核对的按实收数量，未核对的按应交数量；核对为缺失或实收为 0 的不接收。已接收过的条目不会重复接收。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}（已核 {checked}/{total}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次交接还没有钥匙交接清单：请先在“交接清单”页签从“钥匙交接清单”模板新建。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将接收 {n} 项，已接收过 {a} 项，不接收 {x} 项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在接收钥匙…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收完成：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消接收，未写入任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListsPanel</name>
    <message>
        <source>清单（状态，进度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补充第 {n} 版</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未选择清单）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}：{status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}：{status} {at}（{who}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>草稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已签署</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已核 {n}/{total}，短缺 {k}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caption}
{status}，{progress}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 — 物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员重置了您的密码：须设置新密码后才能继续使用。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目与交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>　交接：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>费用对账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出当前表格到 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入业主名册…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{username}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caption}（基准日 {cutoff}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前页面没有可导出的表格。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出到 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出到 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {rows} 行到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择一个项目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加用户、重置密码、停用账号、修改角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作日志…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>谁在何时改了哪条记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换用户（退出登录）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑项目…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋、房屋与业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先新建或选择一个项目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已新建项目“{name}”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetersPanel</name>
    <message>
        <source>按表号、房号、位置筛选，回车转到表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部表具</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增表具…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在工具栏选择交接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>财务结算已签署：抄表底数只读。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击或直接输入修改上次读数、上次抄表日、本次读数、抄表日；回车保存并转到下一行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 个表具</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选出 {m} 个 / 共 {n} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取房屋…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>事项：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写{what}。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>本处信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业服务企业（管理处）的名称和地址印在每张表单的页眉上，新建交接时作为接收方（退场时为移交方）的默认单位。可以先不填，以后在“文件 → 设置”中填写。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 某某物业服务有限公司翠湖园管理处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 某市某区某路 88 号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：某某物业服务有限公司</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>印在每张表单的页眉上；新建交接时作为接收方（退场移交时为移交方）的默认单位。本处信息保存在数据库中，各前台共用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙下班时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改期限：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} {d} 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改整改期限</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <source>标签号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>借用人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应还时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 把钥匙逾期未还</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有逾期未还的钥匙</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>交接清单核对进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收缴率（按楼栋）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>遗留问题（按状态）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙（按状态）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主欠费（按楼栋）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未关闭遗留问题（按类别，红色表示有逾期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未关闭遗留问题（按责任方）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加载中…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未选择交接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在上方选择项目和交接；没有项目时用“项目 → 新建项目”或“项目 → 设置向导”，没有交接时在“交接清单”页点“新建交接”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}（{status}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无交接清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无遗留问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有未关闭的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单核对 {checked}/{total}　未关闭问题 {open}（逾期 {overdue}）　借出钥匙 {lent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>　我方台账欠费 ¥{arrears}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>　业主欠费 ¥{arrears}（对账结果）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交接类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基准日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监交方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其中逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}（逾期 {late}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未对账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主欠费（按楼栋，截至 {at}{shown}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最多</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收缴率（按楼栋，截至 {at}{shown}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有欠费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有应收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；{which} {n} 栋/共 {total} 栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{company}（{rep}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnerDialog</name>
    <message>
        <source>修改业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建业主（{u}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机或带区号的固定电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>多个号码用“、”分隔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名/单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与房屋的关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话和证件号码打码显示；不修改请保持原样，修改请输入完整号码。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnersBrowser</name>
    <message>
        <source>输入姓名、房号，或完整的电话/证件号码（或其后四位）筛选</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message>
        <source>新建业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建一位暂不关联房屋的业主；关联房屋请在“房屋”页操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名/单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示完整信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未关联房屋）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话和证件号码已打码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已显示完整信息，并记入操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择其他业主后恢复打码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示此业主的完整电话和证件号码；每次查看都记入操作日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除业主“{n}”？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>打印预览 - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其余 %1 页未预览；打印和另存为包含全部 %2 页。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机是否可用。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>新建项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 CHY（字母或数字，不含空格）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 翠湖园</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 某市某区某路 88 号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 某某物业服务有限公司</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目编码是简短代号（命令行用 --project 选项目），以后可以修改。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>第一个项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目就是一个小区或一栋楼宇。项目编码是简短的字母或数字（如 CHY），用于导出文件名。不填则跳过，以后在“项目 → 新建项目”中添加。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 CHY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 翠湖园</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认为本处单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目编码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目类型：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理单位：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库中已有 {n} 个项目。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>接收钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 K-03-02-1201-A（扫码或输入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择或输入房号；公共部位不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 入户门、配电室、北门岗亭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把/套，整数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 G01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 01-16；一个柜格只挂一把（套）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交钥匙的人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标签号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>开启对象：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙柜：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜格：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交来人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>按楼栋、房号、业主、项目筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选出 {m} 条 / 共 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>押金改为退还业主 — {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>押金：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} ¥{amount}（{received}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退还日期、凭证号等</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理说明：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>临时密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确认密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请把临时密码当面告诉本人；他下次登录时须改为自己的新密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库文件：{path}
备份文件夹：{folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
恢复前会先检查所选备份；当前文件另存一份（文件名含“恢复前”），然后程序重新启动并打开恢复后的数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有备份。请先用“文件 → 备份…”备份一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在列表中选一份备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查所选备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选备份（{label}）检查通过。

用它替换当前数据库吗？当前文件会另存一份，然后程序重新启动。备份之后所做的修改将不在恢复后的数据库里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复。
原来的文件另存为：{aside}

程序现在重新启动。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>欠费明细</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预收款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>押金</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代收代缴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收缴率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抄表费用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改为退还业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改为移交</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在工具栏选择交接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在计算对账结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计算已取消：点击“计算结果”重新计算。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>欠费合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预收款合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交押金合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代业主保管余额合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抄表费用合计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}：{amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计：应收 {billed}，实收 {paid}，收缴率 {rate}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>完好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>损坏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数量不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归还钥匙 — {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>归还人：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>钥匙状况：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>修改角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文员：日常登记；主管：批准借钥匙、签署、更正；管理员：另管理用户和查看操作日志。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>导入业主名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择业主名册 Excel 文件（.xlsx）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择业主名册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取业主名册…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入业主名册…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将导入 {0} 户（系统中已有的房屋不改动，只补充没有业主的）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对应取值…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表中有不认识的取值（{0}），如是系统代码，请点“对应取值”说明各代表哪一项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按“对应取值”读取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPreviewModel</name>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveTemplateDialog</name>
    <message>
        <source>另存为模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 MY-DOCS-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板编码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板名称：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本处信息（各前台共用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库（本机）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言（本机）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次启动用命令行 --db 指定了数据库（{db}），它优先于这里的设置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettlementBox</name>
    <message>
        <source>财务结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业应付新物业：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新物业应付原物业：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结算净额：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未计算结果：点击上方“计算结果”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{direction} {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大写：{capital}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结算状态：尚未签署</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结算状态：{status}（第 {n} 版）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，{who} 签署于 {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对账差异 {total} 项，待处理 {open} 项
台账：原物业 {theirs} 行，我方 {ours} 行
基准日前应收 {billed}，实收 {paid}，收缴率 {rate}
押金退还业主 {refunded}；代收代缴业主尚欠 {owed}（不在两家之间结算）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>将导入 {0} 行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列对应</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表与并排块</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾选要导入的工作表或并排的块；表头相同的几张工作表合为一张表导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在 Excel 中改好后重新读取同一文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表头认不出时，指明表头在 Excel 的第几行；再在“列对应”中逐个指定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表头行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题，以及将导入、跳过、未导入的内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将导入：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跳过：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未导入及提示：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm *.xls *.xlsb *.et);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消导入，未写入任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消读取。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查通过，可以导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有问题的行需在 Excel 中改正后“重新读取”，或调整列对应；有问题时不能导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{0}”，表头在第 {1} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{0}”等（合为一张表），表头在第 {1} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（其上 {0} 行为标题等，不导入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；共 {0} 行数据，{1} 行有问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 {0} 块（{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表与并排块（{0}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各工作表：{0}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>……共 {0} 行（悬停查看全部）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无（每一列、每张工作表都已导入）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>签署财务结算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署时按当前数据重新计算结果并保存；签署后本交接的台账、对账差异、押金处理和抄表底数全部锁定，只能由主管“修订结算”后更改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原物业应付新物业：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新物业应付原物业：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}（签署前须全部处理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待处理差异：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署说明（可空），如“双方财务已核对”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署交接清单 — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可不附（PDF、JPG 或 PNG）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交方签字人（{c}）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收方签字人（{c}）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监交方签字人（{c}）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次交接没有监交方</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签署时间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签字扫描件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择签字扫描件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扫描件 (*.pdf *.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取扫描件：{err}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>封存钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>封条编号：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启封钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记遗失</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>后续处理：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移交钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接收单位：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作废钥匙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatePickerDialog</name>
    <message>
        <source>新建清单（从模板）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示所有交接类型的模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>模板（{kind}）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清单名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{n} 项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}　自定义</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>新增房屋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改房屋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 3栋2单元1201、1-2-1201、车位 B2-117</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按房号识别（没有的楼栋自动新建）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m²，最多两位小数；未知可留空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>识别结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房屋用途</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入住状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋 {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未写楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{e}单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未写单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{f}层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼层不详</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按房号：{e}单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号未写单元；有单元的楼栋请填写，如 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按房号：{f}层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>房号看不出楼层；可填写，如 12、-1、B2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitsBrowser</name>
    <message>
        <source>输入房号、楼栋或业主姓名筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未分楼栋</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitsOwnersDialog</name>
    <message>
        <source>楼栋、房屋与业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋与房屋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>姓名/名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增房屋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改房屋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除房屋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增楼栋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改楼栋…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作用于上方“楼栋”筛选中选定的楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选房屋的业主与使用人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关联已有业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改业主…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从这套房屋移除此人（业主记录保留）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除楼栋“{n}”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除房屋“{n}”？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从房屋“{u}”移除{r}“{n}”？业主记录保留。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用的账号保留在操作日志中，不能再登录。连续输错密码 5 次锁定 10 分钟；重置密码即解锁。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>启用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先选择一个用户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用“{who}”的账号？停用后不能登录，其操作记录保留；以后可以再启用。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueMappingDialog</name>
    <message>
        <source>对应取值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表中这些取值不是系统的取值（常见于其他系统导出的代码）。请为每个取值选择它代表的一项；不选的仍按问题列出，不能导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不对应）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”（{1} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ProjectStep</name>
    <message>
        <source>上一步没有新建项目，此步跳过。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要现在修改本机的数据库设置吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>详情已记入日志</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法写入备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查数据库文件和备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动备份没有完成：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复，程序现在使用恢复后的数据库。
损坏的文件已另存为：{aside}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已从 {label} 的备份恢复。
损坏的文件已另存为：{aside}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已自动备份数据库：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份保存在数据库文件旁的 backups 文件夹里；每天保留最新的一份，保留最近 {days} 天，另每月保留一份，保留最近 {months} 个月。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这个数据库在 PostgreSQL 服务器上：请用“恢复…”载入备份文件到一个空数据库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用一份备份替换或载入数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台备份 (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出备份文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即把本机数据库备份到备份文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把整个数据库导出为一个备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在备份数据库…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台备份-{stamp}.zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已把整个数据库（{tables} 张表，{rows} 行）备份到：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份到：{path}（{size}）
{keep}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业交接台备份 (*.zip);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>物业交接台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序出现了一个错误，已记录到日志。您的数据已保存到上一次成功的操作。
如果问题反复出现，请把详细信息发给技术支持。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings_menu</name>
    <message>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于物业交接台…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库设置已保存，下次启动程序时生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>界面语言已保存，重新启动程序后生效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到使用说明文件：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开浏览器显示使用说明，请直接打开文件：{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>setup_menu</name>
    <message>
        <source>设置向导…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用设置向导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本处信息、项目、房屋、账号和第一次交接，一步步设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
