/// The console's two web pages, complete HTML documents with their CSS and JavaScript inline: no
/// external resources, no build step, so the dashboard works on a coordinator with no internet access.
///
/// The dashboard reads `/api/me`, `/api/snapshot`-shaped `snapshot` events and `flow` events from
/// `/api/events`, and `/api/statistics`; docs/console.md describes the API and every view. Chinese by
/// default; `#lang-toggle` or `?lang=en` switches every label to English (remembered in localStorage).
/// Every string from outside (agency ids, subjects, details) is escaped before it reaches the DOM.
package enum ConsolePage {
    /// The dashboard (`GET /` once logged in).
    package static let dashboard: String =
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>衔接 · 协调台</title>\n<style>\n" + style + dashboardStyle + "</style>\n</head>\n"
        + dashboardBody + "<script>\n" + dashboardScript + "</script>\n</body>\n</html>\n"

    /// The login page (`GET /login`, and again with `error` after a refused `POST /login`).
    package static func login(error: String?) -> String {
        let message = error.map { #"<p id="login-error" class="error" role="alert">"# + escapeHTML($0) + "</p>\n" } ?? ""
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>衔接 · 协调台 — 登录</title>\n<style>\n" + style + loginStyle + "</style>\n</head>\n"
            + loginBodyStart + message + loginBodyEnd + "<script>\n" + loginScript + "</script>\n</body>\n</html>\n"
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and quoted attributes.
    static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    // MARK: Shared style

    static let style = #"""
        :root {
          --bg: #f3f5f8; --panel: #fff; --ink: #1c2530; --muted: #5d6977; --line: #dce2e9; --head: #eef2f6;
          --accent: #1d4f8f; --accent-soft: #e4edf8; --red: #b3261e; --red-bg: #fdeceb; --green: #23904a;
          --green-bg: #e4f4e9; --grey: #a0a8b2; --amber: #9a5b00; --amber-bg: #fff3dc;
        }
        * { box-sizing: border-box; }
        html, body { margin: 0; }
        body {
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
            "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
          color: var(--ink); background: var(--bg);
        }
        button {
          font: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--panel); color: var(--ink);
          border-radius: 4px; padding: 3px 10px;
        }
        button:hover { border-color: var(--accent); }
        button:disabled { opacity: .55; cursor: default; }
        input, select {
          font: inherit; color: var(--ink); background: var(--panel); border: 1px solid var(--line);
          border-radius: 4px; padding: 4px 8px;
        }
        input:focus, select:focus, button:focus-visible { outline: 2px solid var(--accent-soft); border-color: var(--accent); }
        .muted { color: var(--muted); }
        .error { color: var(--red); background: var(--red-bg); border-radius: 4px; padding: 6px 10px; }
        .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }

        """#

    // MARK: Dashboard

    static let dashboardStyle = #"""
        header.top {
          display: flex; align-items: center; gap: 18px; flex-wrap: wrap; padding: 10px 20px;
          background: var(--accent); color: #fff;
        }
        header.top h1 { font-size: 18px; margin: 0; font-weight: 600; letter-spacing: .03em; }
        header.top .meta { display: flex; gap: 16px; align-items: center; font-size: 13px; }
        header.top .meta b { font-weight: 600; }
        header.top .spacer { flex: 1; }
        header.top button { background: transparent; color: #fff; border-color: rgba(255, 255, 255, .55); }
        header.top button:hover { background: rgba(255, 255, 255, .12); border-color: #fff; }
        header.top form { margin: 0; }
        #connection-status { padding: 2px 10px; border-radius: 10px; font-size: 12px; background: rgba(255, 255, 255, .16); white-space: nowrap; }
        #connection-status::before {
          content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: #f2b53a;
        }
        #connection-status[data-state="live"]::before { background: #5fdc7f; }
        #user-role { font-size: 12px; opacity: .85; }
        #alerts { margin: 0; padding: 8px 20px 8px 38px; background: var(--amber-bg); color: var(--amber); border-bottom: 1px solid #f1dcb0; }
        #alerts[hidden] { display: none; }
        nav.tabs { display: flex; gap: 2px; padding: 0 20px; background: var(--panel); border-bottom: 1px solid var(--line); overflow-x: auto; }
        nav.tabs button {
          border: none; border-bottom: 3px solid transparent; border-radius: 0; padding: 10px 14px; background: none;
          color: var(--muted); white-space: nowrap;
        }
        nav.tabs button[aria-selected="true"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
        nav.tabs .count { display: inline-block; min-width: 18px; margin-left: 5px; padding: 0 5px; border-radius: 9px; font-size: 11px; background: var(--red); color: #fff; }
        nav.tabs .count:empty { display: none; }
        main { padding: 14px 20px 24px; }
        section[hidden] { display: none; }
        h2 { font-size: 15px; margin: 18px 0 8px; }
        h2:first-child { margin-top: 0; }
        .toolbar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
        .toolbar input[type="search"] { width: 240px; }
        .toolbar .counter { margin-left: auto; color: var(--muted); font-size: 13px; }
        .scroll { max-height: calc(100vh - 200px); overflow: auto; border: 1px solid var(--line); background: var(--panel); }
        table { border-collapse: collapse; width: 100%; background: var(--panel); }
        .scroll > table { border: none; }
        table.plain { border: 1px solid var(--line); }
        th, td { text-align: left; padding: 5px 9px; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th {
          position: sticky; top: 0; z-index: 1; background: var(--head); font-weight: 600; font-size: 12px;
          color: var(--muted); white-space: nowrap;
        }
        tbody tr:hover td { background: #f7f9fc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.nowrap { white-space: nowrap; }
        tr.empty td { color: var(--muted); text-align: center; padding: 18px; }
        tr.group th { background: #f6f8fb; font-size: 13px; color: var(--ink); padding-top: 8px; }
        tr.group th .muted { font-weight: normal; margin-left: 8px; }
        tr.overdue td, tbody tr.overdue:hover td { background: var(--red-bg); color: var(--red); }
        tr.absent td { color: var(--muted); }
        .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; background: var(--grey); vertical-align: 0; }
        .dot.on { background: var(--green); }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; background: #e8edf3; color: var(--muted); white-space: nowrap; }
        .badge.ev-accepted { background: var(--accent-soft); color: var(--accent); }
        .badge.ev-delivered { background: var(--green-bg); color: var(--green); }
        .badge.ev-rejected, .badge.bad { background: var(--red-bg); color: var(--red); }
        .badge.good { background: var(--green-bg); color: var(--green); }
        .badge.warn { background: var(--amber-bg); color: var(--amber); }
        .reason { color: var(--red); font-size: 12px; margin-left: 4px; }
        /* Fixed layout: changed cells among 1,000 rows cost less layout, and columns do not jump as values change. */
        #nodes-table { table-layout: fixed; }
        #nodes-table th:nth-child(1) { width: 24%; }
        #nodes-table th:nth-child(2) { width: 11%; }
        #nodes-table th:nth-child(3) { width: 9%; }
        #nodes-table th:nth-child(4) { width: 15%; }
        #nodes-table th:nth-child(5), #nodes-table th:nth-child(6) { width: 7%; }
        #nodes-table th:nth-child(7) { width: 10%; }
        #nodes-table th:nth-child(8) { width: 17%; }
        #nodes-table td { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        #flow-table { table-layout: fixed; }
        #flow-table th:nth-child(1) { width: 7%; }
        #flow-table th:nth-child(2) { width: 13%; }
        #flow-table th:nth-child(3) { width: 17%; }
        #flow-table th:nth-child(4) { width: 21%; }
        #flow-table th:nth-child(5) { width: 24%; }
        #flow-table th:nth-child(6) { width: 18%; }
        #flow-table td { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        td.actions { white-space: nowrap; }
        td.actions button { padding: 1px 8px; font-size: 12px; }
        button.suspend { color: var(--red); }
        .summary { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 10px; }
        .figure { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 7px 12px; min-width: 120px; }
        .figure b { display: block; font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .figure span { font-size: 12px; color: var(--muted); }
        .card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-bottom: 12px; }
        .card h3 { margin: 0 0 6px; font-size: 15px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
        .card dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 6px 0 10px; font-size: 13px; }
        .card dt { color: var(--muted); }
        .card dd { margin: 0; }
        .card h4 { margin: 10px 0 4px; font-size: 13px; color: var(--muted); }
        .card ol, .card ul, #agenda-list { margin: 0; padding-left: 22px; }
        #agenda-list { background: var(--panel); border: 1px solid var(--line); padding: 8px 12px 8px 34px; }
        #agenda-list li { padding: 3px 0; }
        #agenda-list li.empty { list-style: none; margin-left: -22px; color: var(--muted); }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; }
        figure.chart-box { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        figure.chart-box figcaption { font-size: 13px; font-weight: 600; display: flex; justify-content: space-between; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart .bar { fill: var(--accent); }
        svg.chart .bar:hover { fill: #3b78c4; }
        svg.chart .axis { stroke: var(--line); stroke-width: 1; }
        svg.chart text { font-size: 10px; fill: var(--muted); }
        #notice {
          position: fixed; right: 20px; bottom: 20px; max-width: 420px; padding: 10px 14px; border-radius: 6px;
          background: #24313f; color: #fff; box-shadow: 0 4px 14px rgba(0, 0, 0, .2); z-index: 10;
        }
        #notice.bad { background: var(--red); }
        #notice[hidden] { display: none; }

        """#

    static let dashboardBody = #"""
        <body>
        <header class="top">
          <h1 data-i18n="title">衔接 · 协调台</h1>
          <div class="meta">
            <span id="region-box" hidden><span data-i18n="header.region">地区</span> <b id="region"></b></span>
            <span><span data-i18n="header.today">今日</span> <b id="today">—</b></span>
            <span id="connection-status" data-state="reconnecting">连接中…</span>
          </div>
          <div class="spacer"></div>
          <div class="meta">
            <span><b id="user-name"></b> <span id="user-role"></span></span>
            <button type="button" id="lang-toggle">English</button>
            <form method="post" action="/logout"><button type="submit" id="logout" data-i18n="header.logout">退出登录</button></form>
          </div>
        </header>
        <ul id="alerts" hidden></ul>
        <nav class="tabs" role="tablist">
          <button type="button" role="tab" id="tab-flow" data-view="flow" data-i18n="tab.flow">消息流</button>
          <button type="button" role="tab" id="tab-nodes" data-view="nodes"><span data-i18n="tab.nodes">节点</span></button>
          <button type="button" role="tab" id="tab-due" data-view="due"><span data-i18n="tab.due">期限</span><span class="count" id="due-count"></span></button>
          <button type="button" role="tab" id="tab-meetings" data-view="meetings" data-i18n="tab.meetings">联席会议</button>
          <button type="button" role="tab" id="tab-agreements" data-view="agreements" data-i18n="tab.agreements">协作机制</button>
          <button type="button" role="tab" id="tab-rejections" data-view="rejections"><span data-i18n="tab.rejections">拒收</span><span class="count" id="rejections-count"></span></button>
          <button type="button" role="tab" id="tab-stats" data-view="stats" data-i18n="tab.stats">统计</button>
        </nav>
        <main>
        <noscript><p class="error">This console needs JavaScript. 本页面需要启用 JavaScript。</p></noscript>

        <section id="view-flow" role="tabpanel">
          <div class="toolbar">
            <input type="search" id="filter-agency" autocomplete="off" data-i18n-placeholder="flow.filterAgency" placeholder="机关（发送方或收件方）">
            <input type="search" id="filter-type" autocomplete="off" data-i18n-placeholder="flow.filterType" placeholder="类型">
            <input type="search" id="filter-subject" autocomplete="off" data-i18n-placeholder="flow.filterSubject" placeholder="事项编号">
            <button type="button" id="filter-clear" data-i18n="flow.clear">清除筛选</button>
            <span class="counter" id="flow-count"></span>
          </div>
          <div class="scroll">
            <table id="flow-table">
              <thead><tr>
                <th data-i18n="col.time">时间</th><th data-i18n="col.event">事件</th><th data-i18n="col.source">发送方</th>
                <th data-i18n="col.type">类型</th><th data-i18n="col.subject">事项</th><th data-i18n="col.recipients">收件方</th>
              </tr></thead>
              <tbody id="flow-body"><tr class="empty"><td colspan="6" data-i18n="flow.waiting">等待消息…</td></tr></tbody>
            </table>
          </div>
        </section>

        <section id="view-nodes" role="tabpanel" hidden>
          <div class="summary" id="status-summary"></div>
          <div class="scroll">
            <table id="nodes-table">
              <thead><tr>
                <th data-i18n="col.agency">机关</th><th data-i18n="col.kind">类别</th><th data-i18n="col.present">在线</th>
                <th data-i18n="col.lastSeen">最后联系</th><th class="num" data-i18n="col.queueDepth">待投递</th>
                <th class="num" data-i18n="col.inFlight">在途</th><th data-i18n="col.version">版本</th>
                <th id="nodes-actions-th" data-i18n="col.actions" hidden>操作</th>
              </tr></thead>
              <tbody id="nodes-body"><tr class="empty"><td colspan="8" data-i18n="loading">加载中…</td></tr></tbody>
            </table>
          </div>
        </section>

        <section id="view-due" role="tabpanel" hidden>
          <h2 data-i18n="due.title">运行中和已逾期的期限（按责任方、到期日）</h2>
          <div class="scroll">
            <table id="due-table">
              <thead><tr>
                <th data-i18n="col.subject">事项</th><th data-i18n="col.process">流程</th><th data-i18n="col.state">状态</th>
                <th data-i18n="col.timer">时限</th><th data-i18n="col.obligated">责任方</th><th data-i18n="col.due">到期日</th>
                <th class="num" data-i18n="col.daysLeft">剩余</th><th data-i18n="col.supervisor">督办方</th>
              </tr></thead>
              <tbody id="due-body"><tr class="empty"><td colspan="8" data-i18n="loading">加载中…</td></tr></tbody>
            </table>
          </div>
          <h2 data-i18n="due.agenda">督办事项（列入下次联席会议议程）</h2>
          <ol id="agenda-list"><li class="empty" data-i18n="loading">加载中…</li></ol>
        </section>

        <section id="view-meetings" role="tabpanel" hidden>
          <div id="meetings-list"><p class="muted" data-i18n="loading">加载中…</p></div>
        </section>

        <section id="view-agreements" role="tabpanel" hidden>
          <table id="agreements-table" class="plain">
            <thead><tr>
              <th data-i18n="col.agreementId">编号</th><th data-i18n="col.title">名称</th><th data-i18n="col.state">状态</th>
              <th data-i18n="col.parties">参加方</th><th data-i18n="col.signedBy">已会签</th><th data-i18n="col.area">区域与领域</th>
              <th data-i18n="col.transfers">移送线索</th>
            </tr></thead>
            <tbody id="agreements-body"><tr class="empty"><td colspan="7" data-i18n="loading">加载中…</td></tr></tbody>
          </table>
        </section>

        <section id="view-rejections" role="tabpanel" hidden>
          <h2 data-i18n="rej.byReason">按原因统计（自协调中心启动）</h2>
          <div class="summary" id="rejection-counts"></div>
          <h2 data-i18n="rej.recent">最近的拒收</h2>
          <div class="scroll">
            <table id="rejections-table">
              <thead><tr>
                <th data-i18n="col.time">时间</th><th data-i18n="col.source">发送方</th><th data-i18n="col.type">类型</th>
                <th data-i18n="col.reason">原因</th><th data-i18n="col.rule">规则</th><th data-i18n="col.detail">详情</th>
                <th class="num" data-i18n="col.quarantine">隔离编号</th>
              </tr></thead>
              <tbody id="rejections-body"><tr class="empty"><td colspan="7" data-i18n="loading">加载中…</td></tr></tbody>
            </table>
          </div>
        </section>

        <section id="view-stats" role="tabpanel" hidden>
          <div class="toolbar">
            <label><span data-i18n="stats.period">时段</span>
              <select id="stats-days">
                <option value="7" data-i18n="stats.d7">近 7 天</option>
                <option value="30" selected data-i18n="stats.d30">近 30 天</option>
                <option value="90" data-i18n="stats.d90">近 90 天</option>
                <option value="365" data-i18n="stats.d365">近 365 天</option>
              </select></label>
            <label><span data-i18n="col.agency">机关</span>
              <select id="stats-agency"><option value="" data-i18n="stats.allAgencies">全部机关</option></select></label>
            <span class="counter" id="stats-state"></span>
          </div>
          <h2 data-i18n="stats.workflow">办理情况（当前）</h2>
          <div class="summary" id="stats-workflow"></div>
          <h2 data-i18n="stats.perDay">每日数量</h2>
          <div class="charts" id="stats-charts"></div>
          <h2 data-i18n="stats.byAgency">按机关（发送方）</h2>
          <table id="stats-agency-table" class="plain"><thead id="stats-agency-head"></thead><tbody id="stats-agency-body"></tbody></table>
        </section>
        </main>
        <div id="notice" role="status" hidden></div>

        """#

    static let dashboardScript = #"""
        "use strict";
        (() => {
        const MAX_FLOW = 500;
        const LANG_KEY = "xianjie.console.lang";
        const VIEWS = ["flow", "nodes", "due", "meetings", "agreements", "rejections", "stats"];

        // Every label, in both languages. Keys with a dot-prefix group ("event.", "reason.", …) translate
        // values that come from the server; an unknown value is shown as it is.
        const D = {
          zh: {
            "title": "衔接 · 协调台", "header.region": "地区", "header.today": "今日", "header.logout": "退出登录",
            "conn.live": "实时", "conn.reconnecting": "正在重新连接…", "role.admin": "管理员", "role.viewer": "只读",
            "tab.flow": "消息流", "tab.nodes": "节点", "tab.due": "期限", "tab.meetings": "联席会议",
            "tab.agreements": "协作机制", "tab.rejections": "拒收", "tab.stats": "统计",
            "loading": "加载中…", "empty": "暂无", "none": "—", "yes": "是", "no": "否",
            "flow.filterAgency": "机关（发送方或收件方）", "flow.filterType": "类型", "flow.filterSubject": "事项编号",
            "flow.clear": "清除筛选", "flow.waiting": "等待消息…", "flow.count": "已接收 {n} 条事件 · 显示 {m} 条（最多 500）",
            "col.time": "时间", "col.event": "事件", "col.source": "发送方", "col.type": "类型", "col.subject": "事项",
            "col.recipients": "收件方", "col.agency": "机关", "col.kind": "类别", "col.present": "在线", "col.lastSeen": "最后联系",
            "col.queueDepth": "待投递", "col.inFlight": "在途", "col.version": "版本", "col.actions": "操作",
            "col.process": "流程", "col.state": "状态", "col.timer": "时限", "col.obligated": "责任方", "col.due": "到期日",
            "col.daysLeft": "剩余", "col.supervisor": "督办方", "col.agreementId": "编号", "col.title": "名称",
            "col.parties": "参加方", "col.signedBy": "已会签", "col.area": "区域与领域", "col.transfers": "移送线索",
            "col.reason": "原因", "col.rule": "规则", "col.detail": "详情", "col.quarantine": "隔离编号",
            "col.item": "事项", "col.responsibleUnit": "责任单位", "col.deadline": "期限",
            "nodes.present": "在线", "nodes.absent": "离线", "nodes.suspend": "停用", "nodes.activate": "启用",
            "nodes.suspended": "已停用 {agency}", "nodes.activated": "已启用 {agency}",
            "sum.present": "在线节点", "sum.stored": "已存储消息", "sum.quarantined": "已隔离", "sum.authFailures": "认证失败",
            "sum.epoch": "纪元", "sum.started": "启动于",
            "due.title": "运行中和已逾期的期限（按责任方、到期日）", "due.agenda": "督办事项（列入下次联席会议议程）",
            "due.left": "剩 {n} 天", "due.today": "今日到期", "due.overdueBy": "逾期 {n} 天", "due.overdue": "已逾期",
            "due.items": "{n} 项", "due.overdueItems": "其中逾期 {n} 项", "due.queuedOn": "列入于 {d}", "due.dueOn": "到期 {d}",
            "mtg.scheduledFor": "日期", "mtg.convener": "召集方", "mtg.members": "成员", "mtg.quorum": "法定人数",
            "mtg.quorumMet": "已达到", "mtg.quorumNotMet": "未达到", "mtg.quorumPending": "尚未开会",
            "mtg.agenda": "议程", "mtg.agendaOpen": "议程尚在征集", "mtg.motions": "成员动议", "mtg.decisions": "决定事项",
            "mtg.none": "暂无联席会议",
            "agr.trial": "试行", "agr.version": "第 {n} 版", "agr.ackFeedback": "签收 {a} 日 · 反馈 {f} 日", "agr.unsigned": "未签",
            "rej.byReason": "按原因统计（自协调中心启动）", "rej.recent": "最近的拒收",
            "stats.period": "时段", "stats.d7": "近 7 天", "stats.d30": "近 30 天", "stats.d90": "近 90 天", "stats.d365": "近 365 天",
            "stats.allAgencies": "全部机关", "stats.workflow": "办理情况（当前）", "stats.perDay": "每日数量",
            "stats.byAgency": "按机关（发送方）", "stats.total": "合计 {n}", "stats.range": "{from} 至 {to}",
            "stats.failed": "统计加载失败：", "stats.retry": "协调中心尚未生成快照，稍后重试…",
            "kind.clues": "线索", "kind.suggestionsTransferred": "转交代表建议", "kind.casesFiled": "立案",
            "kind.suggestionsIssued": "制发检察建议", "kind.repliesReceived": "收到整改回复", "kind.overdueNotices": "逾期通知",
            "fig.suggestionsIssued": "已制发检察建议", "fig.replied": "已书面回复", "fig.repliedOnTime": "按期回复",
            "fig.rectified": "已整改", "fig.rectificationRate": "整改率", "fig.overdueNow": "当前逾期", "fig.runningNow": "正在计时",
            "event.accepted": "已受理", "event.delivered": "已送达", "event.rejected": "已拒收",
            "reason.malformedFrames": "帧格式错误", "reason.invalidEnvelope": "信封无效", "reason.unknownType": "未知类型",
            "reason.schemaViolation": "不符合模式", "reason.oversize": "超过大小限制", "reason.sourceMismatch": "发送方不符",
            "reason.unknownRecipient": "未知收件方", "reason.recipientUnavailable": "收件方不可用", "reason.forbidden": "无权发送",
            "reason.badSignature": "签名无效", "reason.protocolViolation": "违反协议", "reason.workflowViolation": "违反办理流程",
            "nodekind.congress": "人大常委会", "nodekind.procuratorate": "检察院", "nodekind.agency": "行政机关",
            "nodekind.station": "联络站", "nodekind.coordinator": "协调中心", "nodekind.operator": "操作员",
            "process.deputySuggestion": "代表建议", "process.publicInterestCase": "公益诉讼案件", "process.reverseConversion": "检察建议转化",
            "process.threeListsItem": "三单事项", "process.jointMeeting": "联席会议", "process.meetingAssignment": "会议交办事项",
            "process.agreement": "协作机制", "process.clueTransfer": "线索移送", "process.assistance": "委托调查取证",
            "process.hearing": "听证", "process.specialInquiry": "专题询问", "process.inquiryProblem": "询问交办问题",
            "process.interpellation": "质询", "process.investigation": "特定问题调查", "process.evaluation": "满意度测评",
            "timer.assignSuggestion": "交办", "timer.suggestionReply": "答复", "timer.deputyFeedback": "征询意见",
            "timer.rehandlingReply": "重新办理答复", "timer.procuratorialReply": "检察建议回复", "timer.fileWithSuperior": "报上级院备案",
            "timer.copyToCongress": "抄送人大", "timer.rectification": "整改", "timer.lookBack": "回头看",
            "timer.meetingAssignment": "会议交办", "timer.clueAcknowledgement": "线索签收", "timer.clueFeedback": "线索反馈",
            "timer.assistance": "委托调查取证", "timer.inquiryReport": "询问办理报告", "timer.interpellationAnswer": "质询答复",
            "mkind.weeklyOffice": "周例会", "mkind.monthlyCoordination": "月碰头会", "mkind.periodicJoint": "定期联席会议",
            "mkind.topic": "专题联席会议", "mkind.assignment": "问题交办会议",
            "cat.newClue": "新线索", "cat.conversionCandidate": "转化候选", "cat.overdue": "逾期督办", "cat.lookBackDue": "回头看到期",
            "cat.motion": "成员动议",
            "area.road": "道路", "area.riverBasin": "流域", "area.divisions": "行政区划",
            "domain.ecologyAndResources": "生态环境和资源保护", "domain.foodAndDrugSafety": "食品药品安全",
            "domain.stateProperty": "国有财产保护", "domain.minorsProtection": "未成年人保护", "domain.workSafety": "安全生产",
            "domain.personalInformation": "个人信息保护", "domain.stateLandTransfer": "国有土地使用权出让",
            "domain.heroesAndMartyrs": "英烈权益保护", "domain.womensRights": "妇女权益保障", "domain.accessibility": "无障碍环境建设",
            "domain.culturalRelics": "文物和文化遗产保护", "domain.antiFraud": "反电信网络诈骗",
            "domain.agriculturalProductQuality": "农产品质量安全", "domain.other": "其他",
            "state.planned": "已计划", "state.agendaOpen": "议程征集中", "state.agendaFrozen": "议程已确定", "state.convened": "已召开",
            "state.minutesDrafted": "纪要已起草", "state.minutesCosigned": "纪要已会签", "state.decisionsPublished": "决定已发布",
            "state.open": "待办", "state.inProgress": "办理中", "state.done": "已完成", "state.overdue": "已逾期",
            "state.draft": "草案", "state.negotiating": "协商中", "state.signed": "已会签", "state.active": "生效",
            "state.amended": "已修订", "state.suspended": "已中止", "state.terminated": "已终止", "state.closed": "已办结",
            "state.registered": "已登记", "state.assigned": "已交办", "state.handling": "办理中", "state.replied": "已答复",
            "state.feedbackPending": "待征询意见", "state.rehandling": "重新办理", "state.filed": "已立案",
            "state.investigating": "调查中", "state.suggestionIssued": "已制发检察建议", "state.awaitingReply": "待回复",
            "state.replyReceived": "已收到回复", "state.replyOverdue": "回复逾期", "state.rectified": "已整改",
            "state.lookBack": "回头看"
          },
          en: {
            "title": "Xianjie console", "header.region": "Region", "header.today": "Today", "header.logout": "Log out",
            "conn.live": "Live", "conn.reconnecting": "Reconnecting…", "role.admin": "admin", "role.viewer": "viewer",
            "tab.flow": "Flow", "tab.nodes": "Nodes", "tab.due": "Deadlines", "tab.meetings": "Meetings",
            "tab.agreements": "Agreements", "tab.rejections": "Rejections", "tab.stats": "Statistics",
            "loading": "Loading…", "empty": "None", "none": "—", "yes": "yes", "no": "no",
            "flow.filterAgency": "Agency (sender or recipient)", "flow.filterType": "Type", "flow.filterSubject": "Subject",
            "flow.clear": "Clear filters", "flow.waiting": "Waiting for messages…", "flow.count": "{n} events received · {m} shown (newest 500)",
            "col.time": "Time", "col.event": "Event", "col.source": "Sender", "col.type": "Type", "col.subject": "Subject",
            "col.recipients": "Recipients", "col.agency": "Agency", "col.kind": "Kind", "col.present": "Present", "col.lastSeen": "Last seen",
            "col.queueDepth": "Queued", "col.inFlight": "In flight", "col.version": "Version", "col.actions": "Actions",
            "col.process": "Process", "col.state": "State", "col.timer": "Timer", "col.obligated": "Obligated", "col.due": "Due",
            "col.daysLeft": "Days left", "col.supervisor": "Supervisor", "col.agreementId": "Id", "col.title": "Title",
            "col.parties": "Parties", "col.signedBy": "Signed by", "col.area": "Area and domains", "col.transfers": "Clue transfers",
            "col.reason": "Reason", "col.rule": "Rule", "col.detail": "Detail", "col.quarantine": "Quarantine id",
            "col.item": "Item", "col.responsibleUnit": "Responsible unit", "col.deadline": "Deadline",
            "nodes.present": "present", "nodes.absent": "absent", "nodes.suspend": "Suspend", "nodes.activate": "Activate",
            "nodes.suspended": "Suspended {agency}", "nodes.activated": "Activated {agency}",
            "sum.present": "Nodes present", "sum.stored": "Messages stored", "sum.quarantined": "Quarantined",
            "sum.authFailures": "Authentication failures", "sum.epoch": "Epoch", "sum.started": "Started",
            "due.title": "Running and expired deadlines (by obligated party, then due day)",
            "due.agenda": "Urged items (督办) on the next joint meeting's agenda",
            "due.left": "{n} days left", "due.left.one": "1 day left", "due.today": "due today", "due.overdueBy": "{n} days overdue",
            "due.overdueBy.one": "1 day overdue", "due.overdue": "overdue", "due.items": "{n} items", "due.items.one": "1 item", "due.overdueItems": "{n} overdue", "due.queuedOn": "queued {d}", "due.dueOn": "due {d}",
            "mtg.scheduledFor": "Date", "mtg.convener": "Convener", "mtg.members": "Members", "mtg.quorum": "Quorum",
            "mtg.quorumMet": "met", "mtg.quorumNotMet": "not met", "mtg.quorumPending": "not convened yet",
            "mtg.agenda": "Agenda", "mtg.agendaOpen": "Agenda still open", "mtg.motions": "Members' motions", "mtg.decisions": "Decisions",
            "mtg.none": "No joint meetings yet",
            "agr.trial": "trial", "agr.version": "version {n}", "agr.ackFeedback": "acknowledge in {a} d · feedback in {f} d", "agr.unsigned": "not signed",
            "rej.byReason": "By reason (since the coordinator started)", "rej.recent": "Recent rejections",
            "stats.period": "Period", "stats.d7": "Last 7 days", "stats.d30": "Last 30 days", "stats.d90": "Last 90 days",
            "stats.d365": "Last 365 days", "stats.allAgencies": "All agencies", "stats.workflow": "Workflow (now)",
            "stats.perDay": "Per day", "stats.byAgency": "By agency (sender)", "stats.total": "total {n}", "stats.range": "{from} to {to}",
            "stats.failed": "Could not load the statistics: ", "stats.retry": "The coordinator has no snapshot yet; retrying…",
            "kind.clues": "Clues", "kind.suggestionsTransferred": "Suggestions transferred", "kind.casesFiled": "Cases filed",
            "kind.suggestionsIssued": "Procuratorial suggestions issued", "kind.repliesReceived": "Rectification replies",
            "kind.overdueNotices": "Overdue notices",
            "fig.suggestionsIssued": "Suggestions issued", "fig.replied": "Replied in writing", "fig.repliedOnTime": "Replied on time",
            "fig.rectified": "Rectified", "fig.rectificationRate": "Rectification rate", "fig.overdueNow": "Overdue now",
            "fig.runningNow": "Deadlines running",
            "event.accepted": "accepted", "event.delivered": "delivered", "event.rejected": "rejected",
            "reason.malformedFrames": "malformed frames", "reason.invalidEnvelope": "invalid envelope", "reason.unknownType": "unknown type",
            "reason.schemaViolation": "schema violation", "reason.oversize": "oversize", "reason.sourceMismatch": "source mismatch",
            "reason.unknownRecipient": "unknown recipient", "reason.recipientUnavailable": "recipient unavailable",
            "reason.forbidden": "forbidden", "reason.badSignature": "bad signature", "reason.protocolViolation": "protocol violation",
            "reason.workflowViolation": "workflow violation",
            "nodekind.congress": "congress", "nodekind.procuratorate": "procuratorate", "nodekind.agency": "agency",
            "nodekind.station": "liaison station", "nodekind.coordinator": "coordinator", "nodekind.operator": "operator",
            "process.deputySuggestion": "deputy suggestion", "process.publicInterestCase": "public-interest case",
            "process.reverseConversion": "reverse conversion", "process.threeListsItem": "three-lists item",
            "process.jointMeeting": "joint meeting", "process.meetingAssignment": "meeting assignment", "process.agreement": "agreement",
            "process.clueTransfer": "clue transfer", "process.assistance": "evidence request", "process.hearing": "hearing",
            "process.specialInquiry": "special inquiry", "process.inquiryProblem": "inquiry problem", "process.interpellation": "interpellation",
            "process.investigation": "investigation", "process.evaluation": "evaluation",
            "timer.assignSuggestion": "assignment", "timer.suggestionReply": "reply", "timer.deputyFeedback": "deputy's rating",
            "timer.rehandlingReply": "second reply", "timer.procuratorialReply": "reply to the suggestion",
            "timer.fileWithSuperior": "filing with the superior", "timer.copyToCongress": "copy to the congress",
            "timer.rectification": "rectification", "timer.lookBack": "look-back", "timer.meetingAssignment": "meeting assignment",
            "timer.clueAcknowledgement": "clue acknowledgement", "timer.clueFeedback": "clue feedback", "timer.assistance": "evidence request",
            "timer.inquiryReport": "inquiry report", "timer.interpellationAnswer": "interpellation answer",
            "mkind.weeklyOffice": "weekly office meeting", "mkind.monthlyCoordination": "monthly coordination",
            "mkind.periodicJoint": "periodic joint meeting", "mkind.topic": "topic meeting", "mkind.assignment": "assignment meeting",
            "cat.newClue": "new clue", "cat.conversionCandidate": "conversion candidate", "cat.overdue": "overdue (urged)",
            "cat.lookBackDue": "look-back due", "cat.motion": "motion",
            "area.road": "road", "area.riverBasin": "river basin", "area.divisions": "divisions",
            "domain.ecologyAndResources": "ecology and resources", "domain.foodAndDrugSafety": "food and drug safety",
            "domain.stateProperty": "state property", "domain.minorsProtection": "minors' protection", "domain.workSafety": "work safety",
            "domain.personalInformation": "personal information", "domain.stateLandTransfer": "state land transfer",
            "domain.heroesAndMartyrs": "heroes and martyrs", "domain.womensRights": "women's rights", "domain.accessibility": "accessibility",
            "domain.culturalRelics": "cultural relics", "domain.antiFraud": "anti-fraud",
            "domain.agriculturalProductQuality": "agricultural product quality", "domain.other": "other"
          }
        };

        function pickLang() {
          const asked = new URLSearchParams(location.search).get("lang");
          if (asked === "en" || asked === "zh") {
            try { localStorage.setItem(LANG_KEY, asked); } catch (_) { /* storage may be off */ }
            return asked;
          }
          try {
            const kept = localStorage.getItem(LANG_KEY);
            if (kept === "en" || kept === "zh") return kept;
          } catch (_) { /* storage may be off */ }
          return "zh";
        }

        let lang = pickLang();
        function t(key, vars) {
          const one = vars && vars.n === 1 ? D[lang][key + ".one"] : undefined;
          let text = one ?? D[lang][key] ?? D.zh[key] ?? key;
          if (vars) for (const [name, value] of Object.entries(vars)) text = text.split("{" + name + "}").join(String(value));
          return text;
        }
        // A server value through a dictionary group. One the dictionary does not know is shown as it is
        // (in English, a camelCase name is spelt out: awaitingReply → awaiting reply).
        function tv(group, value) {
          if (value === null || value === undefined || value === "") return "";
          const known = D[lang][group + "." + value];
          if (known !== undefined) return known;
          const raw = String(value);
          return lang === "en" && /^[a-z][A-Za-z0-9]*$/.test(raw) ? raw.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase() : raw;
        }
        const sep = () => (lang === "en" ? ", " : "、");

        const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };
        const esc = (value) => (value === null || value === undefined) ? "" : String(value).replace(/[&<>"']/g, (c) => ESC[c]);
        const $ = (id) => document.getElementById(id);
        const num = (value) => Number.isFinite(Number(value)) ? Number(value) : 0;
        const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
        const pad = (n) => String(n).padStart(2, "0");

        function fmtTime(iso) {
          if (!iso) return "";
          const d = new Date(iso);
          if (Number.isNaN(d.getTime())) return String(iso);
          return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
        }
        function fmtDateTime(iso) {
          if (!iso) return "";
          const d = new Date(iso);
          if (Number.isNaN(d.getTime())) return String(iso);
          return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + fmtTime(iso);
        }
        // To the minute: a heartbeat every few seconds then changes the cell about once a minute, not every snapshot.
        function fmtMinute(iso) {
          const full = fmtDateTime(iso);
          return /:\d\d:\d\d$/.test(full) ? full.slice(0, -3) : full;
        }
        function partyText(p) {
          if (!p) return "";
          const parts = [];
          if (p.agency) parts.push(p.agency);
          if (p.role && p.role !== p.agency) parts.push(p.role);
          if (p.person) parts.push(p.person);
          return parts.join(" · ");
        }
        const list = (items) => (Array.isArray(items) && items.length) ? items.map(esc).join(", ") : esc(t("none"));

        // ---- State, and one animation frame for every DOM change ----
        const S = {
          me: null, snap: null, snapDirty: false, keys: {}, view: "flow",
          flow: [], pending: [], received: 0, filterDirty: false, scheduled: false,
          nodeView: null, stats: null, statsAt: 0, statsSeq: 0, statsRetry: null, es: null, noticeTimer: null
        };

        function schedule() {
          if (S.scheduled) return;
          S.scheduled = true;
          if (document.hidden) setTimeout(frame, 250); else requestAnimationFrame(frame);
        }
        function frame() {
          S.scheduled = false;
          if (S.pending.length) flushFlow();
          if (S.filterDirty) { S.filterDirty = false; applyFilters(); }
          if (S.snapDirty) { S.snapDirty = false; renderSnapshot(); }
        }
        document.addEventListener("visibilitychange", () => { if (!document.hidden && S.scheduled) { S.scheduled = false; schedule(); } });

        // ---- Header, language, tabs ----
        function applyStatic() {
          document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
          document.title = t("title");
          for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
          for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
          $("lang-toggle").textContent = lang === "en" ? "中文" : "English";
          setConnection($("connection-status").dataset.state);
          renderUser();
        }
        function setLang(next) {
          lang = next;
          try { localStorage.setItem(LANG_KEY, lang); } catch (_) { /* storage may be off */ }
          const url = new URL(location.href);
          if (url.searchParams.has("lang")) { url.searchParams.delete("lang"); history.replaceState(null, "", url); }
          applyStatic();
          S.keys = {};
          S.nodeView = null;
          S.snapDirty = true;
          rebuildFlow();
          renderStats();
          schedule();
        }
        function setConnection(state) {
          const el = $("connection-status");
          el.dataset.state = state === "live" ? "live" : "reconnecting";
          el.textContent = t(state === "live" ? "conn.live" : "conn.reconnecting");
        }
        function renderUser() {
          if (!S.me) return;
          $("user-name").textContent = S.me.name ?? "";
          $("user-role").textContent = t("role." + S.me.role);
        }
        function show(view) {
          if (!VIEWS.includes(view)) view = "flow";
          S.view = view;
          for (const v of VIEWS) {
            $("view-" + v).hidden = v !== view;
            $("tab-" + v).setAttribute("aria-selected", v === view ? "true" : "false");
          }
          if (location.hash !== "#" + view) history.replaceState(null, "", "#" + view);
          if (view === "stats" && (!S.stats || Date.now() - S.statsAt > 15000)) loadStats();
        }
        function notice(text, bad) {
          const el = $("notice");
          el.textContent = text;
          el.className = bad ? "bad" : "";
          el.hidden = false;
          clearTimeout(S.noticeTimer);
          S.noticeTimer = setTimeout(() => { el.hidden = true; }, 6000);
        }
        function toLogin() { location.href = "/login" + (lang === "en" ? "?lang=en" : ""); }

        // ---- Flow: rows prepended in batches, at most 500 kept ----
        function currentFilter() {
          return {
            agency: $("filter-agency").value.trim().toLowerCase(),
            type: $("filter-type").value.trim().toLowerCase(),
            subject: $("filter-subject").value.trim().toLowerCase()
          };
        }
        function matches(f, source, recipients, type, subject) {
          if (f.agency && !String(source ?? "").toLowerCase().includes(f.agency)
              && !recipients.some((r) => String(r).toLowerCase().includes(f.agency))) return false;
          if (f.type && !String(type ?? "").toLowerCase().includes(f.type)) return false;
          if (f.subject && !String(subject ?? "").toLowerCase().includes(f.subject)) return false;
          return true;
        }
        function flowRow(ev, f) {
          const recipients = Array.isArray(ev.recipients) ? ev.recipients : [];
          const hidden = !matches(f, ev.source, recipients, ev.type, ev.subject);
          const reason = ev.reason ? ' <span class="reason">' + esc(tv("reason", ev.reason)) + "</span>" : "";
          return '<tr data-message-id="' + esc(ev.messageId ?? "") + '" data-event="' + esc(ev.event) + '" data-at="' + esc(ev.at ?? "") + '" data-source="' + esc(ev.source)
            + '" data-recipients="' + esc(recipients.join(" ")) + '" data-type="' + esc(ev.type ?? "") + '" data-subject="' + esc(ev.subject ?? "")
            + '"' + (hidden ? " hidden" : "") + ">"
            + '<td class="mono nowrap" title="' + esc(ev.at) + '">' + esc(fmtTime(ev.at)) + "</td>"
            + '<td class="nowrap"><span class="badge ev-' + esc(ev.event) + '">' + esc(tv("event", ev.event)) + "</span>" + reason + "</td>"
            + '<td class="mono" title="' + esc(ev.source) + '">' + esc(ev.source) + '</td><td class="mono" title="' + esc(ev.type ?? "") + '">' + esc(ev.type ?? "") + "</td>"
            + '<td title="' + esc(ev.subject ?? "") + '">' + esc(ev.subject ?? "") + '</td><td class="mono" title="' + esc(recipients.join(", ")) + '">'
            + esc(recipients.join(", ")) + "</td></tr>";
        }
        function onFlow(data) {
          let ev;
          try { ev = JSON.parse(data); } catch (_) { return; }
          if (!ev || typeof ev !== "object") return;
          S.received += 1;
          S.pending.push(ev);
          if (S.pending.length > MAX_FLOW) S.pending.splice(0, S.pending.length - MAX_FLOW);
          schedule();
        }
        function flushFlow() {
          const batch = S.pending;
          S.pending = [];
          for (const ev of batch) S.flow.push(ev);
          if (S.flow.length > MAX_FLOW) S.flow.splice(0, S.flow.length - MAX_FLOW);
          const f = currentFilter();
          let html = "";
          for (let i = batch.length - 1; i >= 0; i--) html += flowRow(batch[i], f);
          const body = $("flow-body");
          const waiting = body.querySelector("tr.empty");
          if (waiting) waiting.remove();
          body.insertAdjacentHTML("afterbegin", html);
          for (let extra = body.rows.length - MAX_FLOW; extra > 0; extra--) body.lastElementChild.remove();
          updateFlowCount();
        }
        function rebuildFlow() {
          const f = currentFilter();
          let html = "";
          for (let i = S.flow.length - 1; i >= 0; i--) html += flowRow(S.flow[i], f);
          $("flow-body").innerHTML = html || '<tr class="empty"><td colspan="6">' + esc(t("flow.waiting")) + "</td></tr>";
          updateFlowCount();
        }
        function applyFilters() {
          const f = currentFilter();
          for (const row of $("flow-body").rows) {
            if (row.classList.contains("empty")) continue;
            const d = row.dataset;
            row.hidden = !matches(f, d.source, d.recipients ? d.recipients.split(" ") : [], d.type, d.subject);
          }
          updateFlowCount();
        }
        function updateFlowCount() {
          const shown = $("flow-body").querySelectorAll("tr[data-event]:not([hidden])").length;
          $("flow-count").textContent = t("flow.count", { n: S.received, m: shown });
        }

        // ---- Snapshot: each part re-rendered only when its data changed ----
        function onSnapshot(data) {
          let snap;
          try { snap = JSON.parse(data); } catch (_) { return; }
          if (!snap || typeof snap !== "object") return;
          S.snap = snap;
          S.snapDirty = true;
          schedule();
          if (S.view === "stats" && Date.now() - S.statsAt > 15000) loadStats();
        }
        function part(name, data, render) {
          const key = JSON.stringify(data ?? null);
          if (S.keys[name] === key) return;
          S.keys[name] = key;
          try { render(); } catch (err) { console.error("console: rendering " + name + " failed", err); }
        }
        function renderSnapshot() {
          const s = S.snap;
          if (!s) return;
          const status = s.status ?? {};
          part("header", [s.today, s.region, status.alerts], () => renderHeader(s));
          part("nodes", [status.nodes, S.me && S.me.role], () => renderNodes(status.nodes ?? []));
          const { nodes: _nodes, topicHeads: _heads, ...summary } = status;
          part("summary", [summary, (status.nodes ?? []).map((n) => n.present)], () => renderSummary(status));
          part("due", s.due, () => renderDue(s.due ?? {}));
          part("meetings", s.meetings, () => renderMeetings((s.meetings ?? {}).meetings ?? []));
          part("agreements", s.agreements, () => renderAgreements((s.agreements ?? {}).agreements ?? []));
          part("rejections", [s.rejections, status.rejectionsByReason], () => renderRejections(s.rejections ?? [], status.rejectionsByReason ?? {}));
        }
        function renderHeader(s) {
          $("today").textContent = s.today ?? "—";
          $("region").textContent = s.region ?? "";
          $("region-box").hidden = !s.region;
          const alerts = (s.status ?? {}).alerts ?? [];
          $("alerts").innerHTML = alerts.map((a) => "<li>" + esc(a) + "</li>").join("");
          $("alerts").hidden = alerts.length === 0;
        }
        // 1,000 nodes whose last-seen times move with every heartbeat: the table is rebuilt only when the
        // set of agencies (or the role or language) changes; otherwise only the cells that changed are touched.
        const NODE_CELL_CLASSES = ["mono", "", "nowrap", "nowrap", "num", "num", "mono", "actions"];
        function nodeCells(n, admin) {
          const present = n.present === true;
          const cells = [
            esc(n.agency), esc(tv("nodekind", n.kind)),
            '<span class="dot' + (present ? " on" : "") + '"></span>' + esc(t(present ? "nodes.present" : "nodes.absent")),
            esc(fmtMinute(n.lastSeen)), String(num(n.queueDepth)), String(num(n.inFlight)), esc(n.softwareVersion ?? "")
          ];
          if (admin) {
            cells.push('<button type="button" class="suspend" data-agency="' + esc(n.agency) + '">' + esc(t("nodes.suspend"))
              + '</button> <button type="button" class="activate" data-agency="' + esc(n.agency) + '">' + esc(t("nodes.activate")) + "</button>");
          }
          return cells;
        }
        function renderNodes(nodes) {
          const admin = !!(S.me && S.me.role === "admin");
          const sorted = nodes.slice().sort((a, b) => cmp(a.agency, b.agency));
          const signature = [lang, admin, ...sorted.map((n) => n.agency)].join("\n");
          const body = $("nodes-body");
          const view = S.nodeView;
          if (view && view.signature === signature) {
            sorted.forEach((n, index) => {
              const row = body.rows[index];
              const before = view.cells[index];
              const after = nodeCells(n, admin);
              for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) row.cells[i].innerHTML = after[i];
              const present = n.present === true ? "true" : "false";
              if (row.dataset.present !== present) { row.dataset.present = present; row.className = present === "true" ? "" : "absent"; }
              view.cells[index] = after;
            });
            return;
          }
          const cells = sorted.map((n) => nodeCells(n, admin));
          let html = "";
          sorted.forEach((n, index) => {
            const present = n.present === true;
            html += '<tr data-agency="' + esc(n.agency) + '" data-present="' + (present ? "true" : "false") + '"' + (present ? "" : ' class="absent"') + ">"
              + cells[index].map((cell, i) => '<td class="' + NODE_CELL_CLASSES[i] + '"' + (i === 0 ? ' title="' + esc(n.agency) + '"' : "") + ">" + cell + "</td>").join("")
              + "</tr>";
          });
          $("nodes-actions-th").hidden = !admin;
          body.innerHTML = html || '<tr class="empty"><td colspan="8">' + esc(t("empty")) + "</td></tr>";
          S.nodeView = sorted.length ? { signature, cells } : null;
          renderAgencyOptions(sorted.map((n) => n.agency));
        }
        function figure(label, value, key) {
          return '<div class="figure"' + (key ? ' data-figure="' + esc(key) + '"' : "") + "><b>" + esc(value) + "</b><span>" + esc(label) + "</span></div>";
        }
        function renderSummary(status) {
          const nodes = status.nodes ?? [];
          const present = nodes.filter((n) => n.present === true).length;
          $("status-summary").innerHTML = figure(t("sum.present"), present + " / " + nodes.length, "present")
            + figure(t("sum.stored"), num(status.messagesStored), "messagesStored")
            + figure(t("sum.quarantined"), num(status.quarantined), "quarantined")
            + figure(t("sum.authFailures"), num(status.authenticationFailures), "authenticationFailures")
            + figure(t("sum.started"), fmtDateTime(status.startedAt), "startedAt")
            + figure(t("sum.epoch"), status.epoch ?? "", "epoch");
        }
        function daysLeftText(item) {
          const n = num(item.daysLeft);
          if (item.overdue) return n < 0 ? t("due.overdueBy", { n: -n }) : t("due.overdue");
          return n === 0 ? t("due.today") : t("due.left", { n });
        }
        function renderDue(due) {
          const groupOf = (item) => (item.obligated && (item.obligated.agency || item.obligated.role)) || "";
          const items = (due.items ?? []).slice().sort((a, b) =>
            cmp(groupOf(a), groupOf(b)) || cmp(a.due, b.due) || cmp(a.subjectId, b.subjectId) || cmp(a.timer, b.timer));
          const counts = new Map();
          for (const item of items) {
            const c = counts.get(groupOf(item)) ?? { all: 0, overdue: 0 };
            c.all += 1;
            if (item.overdue) c.overdue += 1;
            counts.set(groupOf(item), c);
          }
          let html = "";
          let group = null;
          let overdue = 0;
          for (const item of items) {
            const g = groupOf(item);
            if (g !== group) {
              group = g;
              const c = counts.get(g);
              html += '<tr class="group"><th colspan="8"><span class="mono">' + esc(g || t("none")) + '</span><span class="muted">'
                + esc(t("due.items", { n: c.all })) + (c.overdue ? " · " + esc(t("due.overdueItems", { n: c.overdue })) : "") + "</span></th></tr>";
            }
            if (item.overdue) overdue += 1;
            html += '<tr data-subject="' + esc(item.subjectId) + '" data-timer="' + esc(item.timer) + '" data-overdue="' + (item.overdue ? "true" : "false") + '"'
              + (item.overdue ? ' class="overdue"' : "") + '><td class="mono">' + esc(item.subjectId) + "</td><td>" + esc(tv("process", item.process))
              + "</td><td>" + esc(tv("state", item.state)) + "</td><td>" + esc(tv("timer", item.timer)) + "</td><td>" + esc(partyText(item.obligated))
              + '</td><td class="nowrap">' + esc(item.due) + '</td><td class="num nowrap">' + esc(daysLeftText(item)) + "</td><td>"
              + esc(partyText(item.supervisor)) + "</td></tr>";
          }
          $("due-body").innerHTML = html || '<tr class="empty"><td colspan="8">' + esc(t("empty")) + "</td></tr>";
          $("due-count").textContent = overdue ? String(overdue) : "";
          const agenda = due.agenda ?? [];
          $("agenda-list").innerHTML = agenda.map((a) => {
            const extra = [partyText(a.obligated), a.due ? t("due.dueOn", { d: a.due }) : "", t("due.queuedOn", { d: a.queuedOn ?? "" })].filter(Boolean);
            return '<li data-subject="' + esc(a.subjectId) + '"><span class="mono">' + esc(a.subjectId) + "</span> " + esc(a.reason)
              + ' <span class="muted">(' + esc(extra.join(" · ")) + ")</span></li>";
          }).join("") || '<li class="empty">' + esc(t("empty")) + "</li>";
        }
        function renderMeetings(meetings) {
          const html = meetings.map((m) => {
            const quorum = m.quorum === true ? '<span class="badge good">' + esc(t("mtg.quorumMet")) + "</span>"
              : m.quorum === false ? '<span class="badge bad">' + esc(t("mtg.quorumNotMet")) + "</span>" + (m.quorumProblem ? " " + esc(m.quorumProblem) : "")
              : '<span class="muted">' + esc(t("mtg.quorumPending")) + "</span>";
            const agenda = (m.agenda ?? []).map((a) => '<li data-item-id="' + esc(a.itemId) + '"><span class="badge">' + esc(tv("cat", a.category)) + "</span> "
              + esc(a.title) + (a.subjectId ? ' <span class="mono muted">' + esc(a.subjectId) + "</span>" : "")
              + (a.due ? ' <span class="muted">' + esc(t("due.dueOn", { d: a.due })) + "</span>" : "")
              + (a.obligated ? ' <span class="muted">' + esc(partyText(a.obligated)) + "</span>" : "") + "</li>").join("");
            const motions = (m.motions ?? []).map((x) => "<li>" + esc(x) + "</li>").join("");
            const decisions = (m.decisions ?? []).map((d) => '<tr data-decision-id="' + esc(d.decisionId) + '"' + (d.state === "overdue" ? ' class="overdue"' : "") + ">"
              + '<td class="mono">' + esc(d.decisionId) + "</td><td>" + esc(d.item) + '</td><td class="mono">' + esc(d.responsibleUnit)
              + '</td><td class="nowrap">' + esc(d.deadline) + "</td><td>" + esc(tv("state", d.state)) + "</td></tr>").join("");
            return '<article class="card meeting" data-meeting-id="' + esc(m.meetingId) + '" data-state="' + esc(m.state) + '">'
              + "<h3>" + esc(m.title) + ' <span class="badge">' + esc(tv("mkind", m.kind)) + '</span> <span class="badge warn">' + esc(tv("state", m.state))
              + '</span> <span class="mono muted">' + esc(m.meetingId) + "</span></h3><dl>"
              + "<dt>" + esc(t("mtg.scheduledFor")) + "</dt><dd>" + esc(m.scheduledFor) + "</dd>"
              + "<dt>" + esc(t("mtg.convener")) + '</dt><dd class="mono">' + esc(m.convener) + "</dd>"
              + "<dt>" + esc(t("mtg.members")) + '</dt><dd class="mono">' + list(m.members) + "</dd>"
              + "<dt>" + esc(t("mtg.quorum")) + "</dt><dd>" + quorum + "</dd></dl>"
              + "<h4>" + esc(t("mtg.agenda")) + "</h4>" + (agenda ? "<ol>" + agenda + "</ol>" : '<p class="muted">' + esc(t("mtg.agendaOpen")) + "</p>")
              + (motions ? "<h4>" + esc(t("mtg.motions")) + "</h4><ul>" + motions + "</ul>" : "")
              + (decisions ? "<h4>" + esc(t("mtg.decisions")) + '</h4><table class="plain"><thead><tr><th>#</th><th>' + esc(t("col.item")) + "</th><th>"
                + esc(t("col.responsibleUnit")) + "</th><th>" + esc(t("col.deadline")) + "</th><th>" + esc(t("col.state")) + "</th></tr></thead><tbody>"
                + decisions + "</tbody></table>" : "")
              + "</article>";
          }).join("");
          $("meetings-list").innerHTML = html || '<p class="muted">' + esc(t("mtg.none")) + "</p>";
        }
        function renderAgreements(agreements) {
          const html = agreements.map((a) => {
            const signed = new Set(a.signedBy ?? []);
            const parties = (a.parties ?? []).map((p) => '<span class="mono">' + esc(p) + "</span>").join(", ");
            const signatures = (a.parties ?? []).map((p) => signed.has(p) ? '<span class="badge good mono">' + esc(p) + "</span>"
              : '<span class="badge mono" title="' + esc(t("agr.unsigned")) + '">' + esc(p) + "</span>").join(" ");
            const area = a.area ? esc(a.area.name) + ' <span class="muted">(' + esc(tv("area", a.area.kind)) + ")</span>"
              + ((a.area.segments ?? []).length ? '<br><span class="muted">' + (a.area.segments ?? []).map(esc).join(sep()) + "</span>" : "") : "";
            const domains = (a.domains ?? []).map((d) => esc(tv("domain", d))).join(sep());
            const transfers = a.transfers ?? [];
            return '<tr data-agreement-id="' + esc(a.agreementId) + '" data-state="' + esc(a.state) + '">'
              + '<td class="mono nowrap">' + esc(a.agreementId) + '<br><span class="muted">' + esc(t("agr.version", { n: num(a.version) })) + "</span></td>"
              + "<td>" + esc(a.title) + (a.trial ? ' <span class="badge warn">' + esc(t("agr.trial")) + "</span>" : "")
              + '<br><span class="muted">' + esc(t("agr.ackFeedback", { a: num(a.acknowledgeWithinDays), f: num(a.feedbackWithinDays) })) + "</span></td>"
              + '<td><span class="badge' + (a.state === "active" ? " good" : "") + '">' + esc(tv("state", a.state)) + "</span></td>"
              + "<td>" + (parties || esc(t("none"))) + "</td><td>" + (signatures || esc(t("none"))) + "</td>"
              + "<td>" + area + (domains ? "<br>" + domains : "") + "</td>"
              + '<td><b>' + transfers.length + "</b>" + (transfers.length ? '<br><span class="mono muted">' + transfers.map(esc).join(", ") + "</span>" : "") + "</td></tr>";
          }).join("");
          $("agreements-body").innerHTML = html || '<tr class="empty"><td colspan="7">' + esc(t("empty")) + "</td></tr>";
        }
        function renderRejections(rejections, byReason) {
          const rows = rejections.slice().sort((a, b) => cmp(b.at, a.at));
          $("rejections-body").innerHTML = rows.map((r) => '<tr data-message-id="' + esc(r.messageId ?? "") + '" data-reason="' + esc(r.reason) + '">'
            + '<td class="mono nowrap" title="' + esc(r.at) + '">' + esc(fmtDateTime(r.at)) + '</td><td class="mono">' + esc(r.source)
            + '</td><td class="mono">' + esc(r.type ?? "") + '</td><td><span class="badge bad">' + esc(tv("reason", r.reason)) + '</span></td><td class="mono">'
            + esc(r.rule ?? "") + "</td><td>" + esc(r.detail) + '</td><td class="num">' + esc(r.quarantineId ?? "") + "</td></tr>").join("")
            || '<tr class="empty"><td colspan="7">' + esc(t("empty")) + "</td></tr>";
          const reasons = Object.entries(byReason).sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
          $("rejection-counts").innerHTML = reasons.map(([reason, count]) => '<div class="figure" data-reason="' + esc(reason) + '"><b>' + num(count)
            + "</b><span>" + esc(tv("reason", reason)) + "</span></div>").join("") || '<p class="muted">' + esc(t("empty")) + "</p>";
          const total = reasons.reduce((sum, [, count]) => sum + num(count), 0);
          $("rejections-count").textContent = total ? String(total) : "";
        }

        // ---- Statistics ----
        function renderAgencyOptions(agencies) {
          const select = $("stats-agency");
          const chosen = select.value;
          select.innerHTML = '<option value="">' + esc(t("stats.allAgencies")) + "</option>"
            + agencies.map((a) => '<option value="' + esc(a) + '">' + esc(a) + "</option>").join("");
          select.value = agencies.includes(chosen) ? chosen : "";
        }
        async function loadStats() {
          const seq = ++S.statsSeq;
          clearTimeout(S.statsRetry);
          S.statsAt = Date.now();
          const url = "/api/statistics?days=" + encodeURIComponent($("stats-days").value) + "&agency=" + encodeURIComponent($("stats-agency").value);
          $("stats-state").textContent = t("loading");
          try {
            const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
            if (response.status === 401) { toLogin(); return; }
            const body = await response.json().catch(() => ({}));
            if (seq !== S.statsSeq) return;
            if (!response.ok) {
              $("stats-state").textContent = response.status === 503 ? t("stats.retry") : t("stats.failed") + (body.error || "HTTP " + response.status);
              if (response.status === 503) S.statsRetry = setTimeout(() => { if (S.view === "stats") loadStats(); }, 2000);
              return;
            }
            S.stats = body;
            renderStats();
          } catch (err) {
            if (seq === S.statsSeq) $("stats-state").textContent = t("stats.failed") + String(err);
          }
        }
        function chart(kind, days) {
          const W = 440, H = 130, left = 30, right = 4, top = 8, bottom = 18;
          const values = days.map((d) => num((d.counts ?? {})[kind]));
          const max = values.reduce((m, v) => Math.max(m, v), 0);
          const scale = Math.max(1, max);
          const inner = W - left - right, height = H - top - bottom;
          const step = inner / Math.max(1, values.length);
          let bars = "";
          values.forEach((v, i) => {
            const h = v / scale * height;
            bars += '<rect class="bar" x="' + (left + i * step + step * 0.12).toFixed(2) + '" y="' + (top + height - h).toFixed(2)
              + '" width="' + Math.max(0.6, step * 0.76).toFixed(2) + '" height="' + h.toFixed(2) + '"><title>' + esc(days[i].day) + ": " + v + "</title></rect>";
          });
          const first = days.length ? days[0].day : "", last = days.length ? days[days.length - 1].day : "";
          return '<svg class="chart" data-kind="' + esc(kind) + '" viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="' + esc(tv("kind", kind)) + '">'
            + '<line class="axis" x1="' + left + '" y1="' + (top + height) + '" x2="' + (W - right) + '" y2="' + (top + height) + '"></line>'
            + '<line class="axis" x1="' + left + '" y1="' + top + '" x2="' + left + '" y2="' + (top + height) + '"></line>'
            + '<text x="' + (left - 4) + '" y="' + (top + 8) + '" text-anchor="end">' + max + "</text>"
            + '<text x="' + (left - 4) + '" y="' + (top + height) + '" text-anchor="end">0</text>'
            + '<text x="' + left + '" y="' + (H - 5) + '">' + esc(first) + "</text>"
            + '<text x="' + (W - right) + '" y="' + (H - 5) + '" text-anchor="end">' + esc(last) + "</text>"
            + bars + "</svg>";
        }
        function percent(rate) {
          if (rate === null || rate === undefined || !Number.isFinite(Number(rate))) return t("none");
          return (Math.round(Number(rate) * 1000) / 10) + "%";
        }
        function renderStats() {
          const s = S.stats;
          if (!s) return;
          const kinds = Array.isArray(s.kinds) && s.kinds.length ? s.kinds : Object.keys(s.totals ?? {});
          const days = Array.isArray(s.days) ? s.days : [];
          const totals = s.totals ?? {};
          $("stats-state").textContent = t("stats.range", { from: s.from ?? "", to: s.to ?? "" });
          const w = s.workflow ?? {};
          $("stats-workflow").innerHTML = ["suggestionsIssued", "replied", "repliedOnTime", "rectified"].map((k) => figure(t("fig." + k), num(w[k]), k)).join("")
            + figure(t("fig.rectificationRate"), percent(w.rectificationRate), "rectificationRate")
            + figure(t("fig.overdueNow"), num(w.overdueNow), "overdueNow") + figure(t("fig.runningNow"), num(w.runningNow), "runningNow");
          $("stats-charts").innerHTML = kinds.map((k) => '<figure class="chart-box" data-kind="' + esc(k) + '"><figcaption><span>' + esc(tv("kind", k))
            + '</span><span class="muted">' + esc(t("stats.total", { n: num(totals[k]) })) + "</span></figcaption>" + chart(k, days) + "</figure>").join("");
          $("stats-agency-head").innerHTML = "<tr><th>" + esc(t("col.agency")) + "</th>" + kinds.map((k) => '<th class="num">' + esc(tv("kind", k)) + "</th>").join("") + "</tr>";
          const rows = (s.byAgency ?? []).map((a) => '<tr data-agency="' + esc(a.agency) + '"><td class="mono">' + esc(a.agency) + "</td>"
            + kinds.map((k) => '<td class="num">' + num((a.counts ?? {})[k]) + "</td>").join("") + "</tr>").join("");
          $("stats-agency-body").innerHTML = rows || '<tr class="empty"><td colspan="' + (kinds.length + 1) + '">' + esc(t("empty")) + "</td></tr>";
        }

        // ---- Registry actions (admin) ----
        async function agencyAction(button) {
          const agency = button.dataset.agency;
          const action = button.classList.contains("suspend") ? "suspend" : "activate";
          button.disabled = true;
          try {
            const response = await fetch("/api/agencies/" + encodeURIComponent(agency) + "/" + action, { method: "POST", credentials: "same-origin" });
            if (response.status === 401) { toLogin(); return; }
            const body = await response.json().catch(() => ({}));
            if (response.ok) notice(t(action === "suspend" ? "nodes.suspended" : "nodes.activated", { agency }), false);
            else notice(body.error || "HTTP " + response.status, true);
          } catch (err) {
            notice(String(err), true);
          } finally {
            button.disabled = false;
          }
        }

        // ---- The live stream ----
        function connect() {
          if (S.es) S.es.close();
          const es = new EventSource("/api/events");
          S.es = es;
          es.addEventListener("open", () => setConnection("live"));
          es.addEventListener("snapshot", (e) => { setConnection("live"); onSnapshot(e.data); });
          es.addEventListener("flow", (e) => onFlow(e.data));
          es.addEventListener("error", () => {
            setConnection("reconnecting");
            // EventSource retries by itself after a dropped stream; it gives up after an HTTP error (401).
            if (es.readyState === EventSource.CLOSED && S.es === es) setTimeout(() => checkSession().then((ok) => { if (ok) connect(); }), 2000);
          });
        }
        async function checkSession() {
          try {
            const response = await fetch("/api/me", { credentials: "same-origin", cache: "no-store" });
            if (response.status === 401) { toLogin(); return false; }
            if (response.ok) {
              S.me = await response.json();
              renderUser();
              S.snapDirty = true;
              schedule();
            }
            return true;
          } catch (_) {
            return true;
          }
        }

        // ---- Wiring ----
        for (const v of VIEWS) $("tab-" + v).addEventListener("click", () => show(v));
        $("lang-toggle").addEventListener("click", () => setLang(lang === "en" ? "zh" : "en"));
        for (const id of ["filter-agency", "filter-type", "filter-subject"]) {
          $(id).addEventListener("input", () => { S.filterDirty = true; schedule(); });
        }
        $("filter-clear").addEventListener("click", () => {
          for (const id of ["filter-agency", "filter-type", "filter-subject"]) $(id).value = "";
          S.filterDirty = true;
          schedule();
        });
        $("nodes-table").addEventListener("click", (e) => {
          const button = e.target.closest("button.suspend, button.activate");
          if (button) agencyAction(button);
        });
        $("stats-days").addEventListener("change", loadStats);
        $("stats-agency").addEventListener("change", loadStats);
        window.addEventListener("hashchange", () => show(location.hash.slice(1)));

        applyStatic();
        updateFlowCount();
        show(location.hash.slice(1) || "flow");
        checkSession();
        connect();
        })();

        """#

    // MARK: Login

    static let loginStyle = #"""
        body { display: flex; min-height: 100vh; align-items: center; justify-content: center; }
        .login-box { width: 360px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 24px 28px; box-shadow: 0 6px 24px rgba(20, 40, 70, .08); }
        .login-head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 6px; }
        .login-head h1 { font-size: 20px; margin: 0; color: var(--accent); }
        form { display: grid; gap: 12px; margin-top: 14px; }
        label { display: grid; gap: 4px; font-size: 13px; color: var(--muted); }
        label input { width: 100%; padding: 7px 10px; font-size: 15px; }
        button[type="submit"] { background: var(--accent); color: #fff; border-color: var(--accent); padding: 7px 10px; font-size: 15px; }
        .hint { font-size: 12px; color: var(--muted); margin: 16px 0 0; }

        """#

    static let loginBodyStart = #"""
        <body>
        <main class="login-box">
          <div class="login-head">
            <h1 data-i18n="title">衔接 · 协调台</h1>
            <button type="button" id="lang-toggle">English</button>
          </div>
          <p class="muted" data-i18n="intro">请输入您的姓名和访问码。</p>

        """#

    static let loginBodyEnd = #"""
          <form id="login-form" method="post" action="/login">
            <input type="hidden" name="lang" id="login-lang" value="zh">
            <label><span data-i18n="name">姓名</span><input type="text" name="name" id="login-name" required autofocus autocomplete="username"></label>
            <label><span data-i18n="code">访问码</span><input type="password" name="code" id="login-code" required autocomplete="current-password"></label>
            <button type="submit" id="login-submit" data-i18n="submit">登录</button>
          </form>
          <p class="hint" data-i18n="hint">访问码由协调中心的运维人员用 xianjie console user add 生成，只显示一次。</p>
        </main>

        """#

    static let loginScript = #"""
        "use strict";
        (() => {
        const LANG_KEY = "xianjie.console.lang";
        const D = {
          zh: { title: "衔接 · 协调台", page: "衔接 · 协调台 — 登录", intro: "请输入您的姓名和访问码。", name: "姓名", code: "访问码", submit: "登录",
                hint: "访问码由协调中心的运维人员用 xianjie console user add 生成，只显示一次。" },
          en: { title: "Xianjie console", page: "Xianjie console — log in", intro: "Enter your name and access code.", name: "Name",
                code: "Access code", submit: "Log in",
                hint: "The coordinator's operator creates access codes with xianjie console user add; each is shown once." }
        };
        function pickLang() {
          const asked = new URLSearchParams(location.search).get("lang");
          if (asked === "en" || asked === "zh") {
            try { localStorage.setItem(LANG_KEY, asked); } catch (_) { /* storage may be off */ }
            return asked;
          }
          try {
            const kept = localStorage.getItem(LANG_KEY);
            if (kept === "en" || kept === "zh") return kept;
          } catch (_) { /* storage may be off */ }
          return "zh";
        }
        let lang = pickLang();
        function apply() {
          document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
          document.title = D[lang].page;
          for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = D[lang][el.dataset.i18n];
          document.getElementById("lang-toggle").textContent = lang === "en" ? "中文" : "English";
          document.getElementById("login-lang").value = lang;
        }
        document.getElementById("lang-toggle").addEventListener("click", () => {
          lang = lang === "en" ? "zh" : "en";
          try { localStorage.setItem(LANG_KEY, lang); } catch (_) { /* storage may be off */ }
          apply();
        });
        apply();
        })();

        """#
}
