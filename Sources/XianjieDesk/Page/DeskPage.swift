/// The clerks' page: one HTML document with its style and script, working against the desk's JSON API
/// only. Chinese by default, English with the toggle (remembered in the browser). Forms are built from
/// each document's JSON Schema, so a new action needs no page change.
enum DeskPage {
    static let html = #"""
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>衔接 · 工作台</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
        header { background: #8b1a1a; color: #fff; padding: 10px 16px; display: flex; align-items: center; gap: 16px; }
        header h1 { font-size: 18px; margin: 0; flex: 1; }
        header button { background: #fff; color: #8b1a1a; border: 0; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
        main { display: grid; grid-template-columns: 340px 1fr; gap: 12px; padding: 12px; }
        section { background: #fff; border-radius: 6px; padding: 10px 12px; box-shadow: 0 1px 2px rgba(0,0,0,.08); margin-bottom: 12px; }
        h2 { font-size: 15px; margin: 0 0 8px; }
        ul { list-style: none; margin: 0; padding: 0; }
        #items li { padding: 6px 4px; border-bottom: 1px solid #eee; cursor: pointer; }
        #items li.selected { background: #fdf2e9; }
        #items li .meta { color: #667; font-size: 12px; }
        .badge { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #c0392b; color: #fff; margin-left: 4px; }
        .state { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #ddd; }
        .state.accepted, .state.received { background: #d5f5e3; } .state.pending { background: #fdebd0; } .state.rejected { background: #f5b7b1; }
        .overdue { color: #c0392b; font-weight: bold; }
        #timeline li { border-left: 3px solid #ccc; padding: 4px 8px; margin: 6px 0; }
        #timeline li.out { border-color: #2e86c1; } #timeline li.in { border-color: #27ae60; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 13px; margin: 4px 0; }
        dt { color: #667; } dd { margin: 0; white-space: pre-wrap; word-break: break-word; }
        .actions button, #new-actions button { margin: 2px 4px 2px 0; }
        button { cursor: pointer; }
        form fieldset { border: 1px solid #ddd; margin: 6px 0; }
        form label { display: block; margin: 6px 0 2px; font-size: 13px; }
        form .field.required > label::after { content: " *"; color: #c0392b; }
        form input[type=text], form input[type=number], form input[type=date], form input[type=datetime-local], form select, form textarea { width: 100%; box-sizing: border-box; padding: 4px; }
        form .field.invalid input, form .field.invalid select, form .field.invalid textarea { border: 2px solid #c0392b; background: #fdedec; }
        #result.error { color: #c0392b; } #result.ok { color: #1e8449; }
        progress { width: 100%; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; } td, th { border-bottom: 1px solid #eee; padding: 3px; text-align: left; }
        </style>
        </head>
        <body>
        <header><h1 id="title">衔接</h1><span id="kind"></span><button id="lang-toggle" type="button">English</button></header>
        <main>
          <div>
            <section><h2 data-t="items"></h2><input id="search" type="text" data-tp="search"><ul id="items"></ul></section>
            <section><h2 data-t="due"></h2><div id="due"></div></section>
          </div>
          <div>
            <section><h2 data-t="new"></h2><div id="new-actions"></div></section>
            <section id="form-section" hidden><h2 id="form-title"></h2><form id="action-form"></form><div id="result"></div></section>
            <section id="detail-section" hidden><h2 id="detail-title"></h2><div id="detail"></div></section>
            <section id="import" hidden><h2 data-t="import"></h2>
              <p data-t="importHelp"></p>
              <input id="import-file" type="file" accept=".csv,text/csv">
              <textarea id="import-text" rows="4" style="width:100%" data-tp="importPaste"></textarea>
              <button id="import-start" type="button" data-t="importStart"></button>
              <div id="import-status"></div>
            </section>
          </div>
        </main>
        <script>
        const T = {
          zh: { items: "事项", due: "到期事项", new: "新建", import: "12345 工单导入", importHelp: "选择或粘贴 12345 热线导出的 CSV：合格的工单作为线索移送检察院，不合格的逐行列出原因。",
            importStart: "开始导入", importPaste: "或在此粘贴 CSV", search: "搜索编号", awaiting: "待办", submit: "提交", cancel: "取消", to: "收件单位（可空，逗号分隔）",
            accepted: "已被协调中心接收", pending: "已提交，等待协调中心答复", rejected: "被拒绝", received: "已收到", sent: "发出", got: "收到", from: "来自", toLabel: "发往",
            state: "流程状态", obligations: "期限", nothingDue: "暂无到期事项", overdueWord: "已逾期", daysLeft: "剩余天数", processed: "已处理", forwarded: "已移送", refused: "不合格",
            line: "行", reason: "原因", done: "导入完成", running: "导入中", failed: "导入失败", attachments: "附件", uploading: "上传中…", empty: "暂无事项", seconds: "用时（秒）",
            coordinatorSilent: "协调中心未答复" },
          en: { items: "Items", due: "Due", new: "New", import: "12345 hotline import", importHelp: "Choose or paste a CSV export of 12345 tickets: good tickets go to the procuratorate as clues; bad rows are listed with their reasons.",
            importStart: "Import", importPaste: "or paste the CSV here", search: "Search ids", awaiting: "to do", submit: "Submit", cancel: "Cancel", to: "Recipients (optional, comma separated)",
            accepted: "accepted by the coordinator", pending: "committed, waiting for the coordinator", rejected: "refused", received: "received", sent: "sent", got: "received", from: "from", toLabel: "to",
            state: "Process state", obligations: "Deadlines", nothingDue: "Nothing due", overdueWord: "overdue", daysLeft: "days left", processed: "processed", forwarded: "forwarded", refused: "refused",
            line: "line", reason: "reason", done: "done", running: "running", failed: "failed", attachments: "Attachments", uploading: "uploading…", empty: "No items yet", seconds: "seconds",
            coordinatorSilent: "the coordinator did not answer" } };
        const FIELDS = { suggestionId: "建议编号", title: "标题", content: "内容", leadDeputy: "领衔代表", coSigners: "联名代表", session: "提出时间", submittedAt: "提交时间",
          domain: "领域", impact: "影响", harmsPublicInterest: "可能损害国家利益或社会公共利益", wideSocialImpact: "社会影响大、群众关注度高", name: "姓名", personId: "编号", role: "身份",
          hostUnit: "主办单位", coUnits: "协办单位", assignedAt: "交办时间", requirements: "办理要求", summary: "摘要", transferredAt: "转交时间", copyTo: "抄送",
          outcome: "研判结果", caseId: "案件编号", reason: "理由", assessedAt: "研判时间", decision: "决定", decidedAt: "决定时间", approvedBy: "批准人",
          originSuggestionId: "来源建议", originClueId: "来源线索", documentNumber: "文书编号", kind: "类别", addressee: "被建议单位", facts: "事实",
          legalBasis: "法律依据", recommendations: "建议内容", urgent: "紧急", issuedAt: "制发时间", replyDueBy: "回复期限", deliveryMode: "送达方式",
          status: "整改情况", measures: "整改措施", explanation: "说明", repliedAt: "回复时间", attachments: "附件", grounds: "异议理由", raisedAt: "提出时间",
          clueId: "线索编号", channel: "来源渠道", receivedAt: "收到时间", place: "地点", description: "描述", reporter: "反映人", confidential: "为反映人保密",
          step: "步骤", at: "时间", rating: "评价", deputy: "代表", ratedAt: "评价时间", comments: "意见", sentAt: "发出时间", action: "办理", itemId: "事项编号", report: "报告" };
        let lang = localStorage.getItem("xianjie-desk-lang") || "zh";
        let about = null, selected = null, common = null;
        const schemas = {};
        const $ = (s) => document.querySelector(s);
        const t = (k) => (T[lang] || T.zh)[k] || k;
        const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
        const typeName = (type) => lang === "zh" && about && about.typeNames[type] ? about.typeNames[type] : type.replace(/^xianjie\./, "");
        const fieldName = (name) => lang === "zh" && FIELDS[name] ? FIELDS[name] : name.replace(/([A-Z])/g, " $1").toLowerCase();
        const when = (iso) => iso ? new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB") : "";
        const enc = (s) => encodeURIComponent(s);

        async function api(method, path, body, contentType, retried) {
          const options = { method, headers: {} };
          if (body !== undefined) {
            options.body = contentType ? body : JSON.stringify(body);
            options.headers["Content-Type"] = contentType || "application/json";
          }
          const token = sessionStorage.getItem("xianjie-desk-token");
          if (token) options.headers["Authorization"] = "Bearer " + token;
          const response = await fetch(path, options);
          // A desk configured with tokens (desk.tokenHashes): ask the clerk once, keep it for this tab.
          if (response.status === 401 && !retried) {
            const given = prompt(lang === "zh" ? "请输入本工作台的访问令牌" : "This desk's access token");
            if (given) { sessionStorage.setItem("xianjie-desk-token", given.trim()); return api(method, path, body, contentType, true); }
          }
          let json = null;
          try { json = await response.json(); } catch (e) { json = null; }
          return { status: response.status, json };
        }

        function applyLanguage() {
          document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
          $("#lang-toggle").textContent = lang === "zh" ? "English" : "中文";
          document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
          document.querySelectorAll("[data-tp]").forEach((el) => { el.placeholder = t(el.dataset.tp); });
          if (about) {
            $("#title").textContent = (about.displayName || about.agency) + " · " + (lang === "zh" ? "工作台" : "desk");
            $("#kind").textContent = about.title[lang] || about.title.zh;
            renderNewActions();
          }
        }

        function renderNewActions() {
          $("#new-actions").innerHTML = about.actions.filter((a) => !a.onItem).map((a) =>
            `<button type="button" id="new-${a.name}" data-action="${a.name}">${esc(lang === "zh" ? a.zh : a.en)}</button>`).join("");
          document.querySelectorAll("#new-actions button").forEach((b) => b.onclick = () => openForm(b.dataset.action, null));
        }

        async function refreshItems() {
          const q = $("#search").value.trim();
          const r = await api("GET", "/api/v1/items" + (q ? "?q=" + enc(q) : ""));
          if (r.status !== 200) return;
          const items = r.json.items;
          $("#items").innerHTML = items.length ? items.map((i) => `<li data-subject="${esc(i.subject)}" class="${i.subject === selected ? "selected" : ""}">
              <b>${esc(i.subject)}</b>${i.awaitingAction ? `<span class="badge awaiting">${t("awaiting")}</span>` : ""}
              <div class="meta">${esc(typeName(i.lastType))} · ${esc(i.counterparts.join(", "))} · ${when(i.updatedAt)}</div></li>`).join("")
            : `<li class="meta">${t("empty")}</li>`;
          document.querySelectorAll("#items li[data-subject]").forEach((li) => li.onclick = () => openItem(li.dataset.subject));
        }

        async function refreshDue() {
          const r = await api("GET", "/api/v1/due");
          if (r.status !== 200) { $("#due").innerHTML = `<span class="meta">${esc(r.json?.error?.message || t("coordinatorSilent"))}</span>`; return; }
          const items = r.json.items || [];
          $("#due").innerHTML = items.length ? "<ul>" + items.map((d) => `<li data-due="${esc(d.subjectId)}" class="${d.overdue ? "overdue" : ""}">
              <b>${esc(d.subjectId)}</b> ${esc(d.timer)} · ${esc(d.due)} ${d.overdue ? t("overdueWord") : `(${t("daysLeft")} ${d.daysLeft})`}</li>`).join("") + "</ul>"
            : `<span class="meta">${t("nothingDue")}</span>`;
        }

        function renderValue(value) {
          if (value === null || value === undefined) return "";
          if (Array.isArray(value)) return value.map(renderValue).join(lang === "zh" ? "；" : "; ");
          if (typeof value === "object") return Object.entries(value).map(([k, v]) => fieldName(k) + ": " + renderValue(v)).join(", ");
          if (typeof value === "boolean") return value ? (lang === "zh" ? "是" : "yes") : (lang === "zh" ? "否" : "no");
          return String(value);
        }

        async function openItem(subject) {
          selected = subject;
          const r = await api("GET", "/api/v1/items/" + enc(subject));
          if (r.status !== 200) return;
          const item = r.json;
          $("#detail-section").hidden = false;
          $("#detail-title").textContent = subject;
          let html = "";
          if (item.process) {
            html += `<p id="process-state">${t("state")}: <b data-state="${esc(item.process.state)}">${esc(item.process.state)}</b></p>`;
            if (item.process.obligations?.length) html += `<p>${t("obligations")}: ` + item.process.obligations.map((o) =>
              `<span class="${o.overdue ? "overdue" : ""}">${esc(o.timer)} ${esc(o.due)}</span>`).join(", ") + "</p>";
          }
          const onItem = about.actions.filter((a) => a.onItem);
          html += `<div class="actions">` + onItem.map((a) => `<button type="button" id="action-${a.name}" data-action="${a.name}">${esc(lang === "zh" ? a.zh : a.en)}</button>`).join("") + "</div>";
          html += `<ul id="timeline">` + item.documents.map((d) => {
            const files = (d.data?.attachments || []).map((f) => `<a href="/api/v1/attachments/${f.sha256}/content">${esc(f.name)}</a>`).join(" ");
            const fields = Object.entries(d.data || {}).filter(([k]) => k !== "attachments").map(([k, v]) => `<dt>${esc(fieldName(k))}</dt><dd>${esc(renderValue(v))}</dd>`).join("");
            return `<li class="${d.direction}" data-type="${esc(d.type)}" data-state="${esc(d.state)}">
              <b>${esc(typeName(d.type))}</b> · ${d.direction === "in" ? t("from") + " " + esc(d.source) : t("toLabel") + " " + esc(d.recipients.join(", "))}
              · ${when(d.at)} <span class="state ${d.state}">${esc(t(d.state))}</span>
              ${d.rejection ? `<div class="overdue">${esc(d.rejection)}</div>` : ""}
              <dl>${fields}</dl>${files ? `<div>${t("attachments")}: ${files}</div>` : ""}</li>`; }).join("") + "</ul>";
          if (item.feedback?.length) html += "<ul>" + item.feedback.map((f) => `<li>${esc(f.channel)}: ${esc(f.text)}</li>`).join("") + "</ul>";
          $("#detail").innerHTML = html;
          document.querySelectorAll("#detail .actions button").forEach((b) => b.onclick = () => openForm(b.dataset.action, subject));
          refreshItems();
        }

        async function loadSchema(id) {
          const path = id.replace("https://schemas.xianjie.invalid/", "");
          if (!schemas[path]) schemas[path] = (await api("GET", "/api/v1/schemas/" + path)).json;
          if (!common) common = (await api("GET", "/api/v1/schemas/common.schema.json")).json;
          return schemas[path];
        }

        function resolve(schema, root) {
          let s = schema;
          for (let i = 0; i < 10 && s && s.$ref; i++) {
            const [file, fragment] = s.$ref.split("#");
            const walk = (doc) => { let node = doc; for (const part of (fragment || "").split("/").filter(Boolean)) node = node?.[part]; return node; };
            // A local reference inside common.schema.json resolves there.
            let base = file ? walk(common) : (walk(root) ?? walk(common));
            s = Object.assign({}, base, Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$ref")));
          }
          return s || {};
        }

        function fieldHTML(name, schema, path, required, root, fixed) {
          const s = resolve(schema, root);
          const label = `<label for="${esc(path)}">${esc(fieldName(name))}</label>`;
          const wrap = (inner) => `<div class="field${required ? " required" : ""}" data-field="${esc(path)}">${label}${inner}</div>`;
          const attrs = `id="${esc(path)}" name="${esc(path)}" data-path="${esc(path)}" data-required="${required}"`;
          if (fixed !== undefined) return wrap(`<input type="text" ${attrs} data-kind="string" value="${esc(fixed)}" readonly>`);
          if (name === "attachments") return wrap(`<input type="file" multiple ${attrs} data-kind="attachments">`);
          if (s.enum) return wrap(`<select ${attrs} data-kind="string">${required ? "" : `<option value=""></option>`}${s.enum.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("")}</select>`);
          if (s.type === "boolean") return wrap(`<input type="checkbox" ${attrs} data-kind="boolean">`);
          if (s.type === "integer" || s.type === "number") return wrap(`<input type="number" ${attrs} data-kind="number">`);
          if (s.type === "object" && s.properties) {
            const req = s.required || [];
            return `<fieldset class="field${required ? " required" : ""}" data-field="${esc(path)}"><legend>${esc(fieldName(name))}</legend>` +
              Object.entries(s.properties).map(([k, v]) => fieldHTML(k, v, path + "/" + k, req.includes(k), root)).join("") + "</fieldset>";
          }
          if (s.type === "array") {
            const items = resolve(s.items || {}, root);
            if (items.type === "string" || items.enum) return wrap(`<textarea rows="3" ${attrs} data-kind="lines"></textarea>`);
            return wrap(`<textarea rows="3" ${attrs} data-kind="json" placeholder="[ { … } ]"></textarea>`);
          }
          if (s.format === "date-time") return wrap(`<input type="datetime-local" ${attrs} data-kind="datetime">`);
          if (s.format === "date" || (s.pattern || "").startsWith("^[0-9]{4}-")) return wrap(`<input type="date" ${attrs} data-kind="string">`);
          if ((s.maxLength || 0) > 500) return wrap(`<textarea rows="3" ${attrs} data-kind="string"></textarea>`);
          return wrap(`<input type="text" ${attrs} data-kind="string">`);
        }

        async function openForm(name, subject) {
          const action = about.actions.find((a) => a.name === name);
          const schema = await loadSchema(action.schema);
          const req = schema.required || [];
          const fields = Object.entries(schema.properties).filter(([k]) => subject === null || k !== action.subjectField || true).map(([k, v]) => {
            const fixed = subject !== null && k === action.subjectField ? subject : undefined;
            return fieldHTML(k, v, "/data/" + k, req.includes(k) && k !== action.stampField, schema, fixed);
          }).join("");
          $("#form-section").hidden = false;
          $("#form-title").textContent = (lang === "zh" ? action.zh : action.en) + (subject ? " · " + subject : "");
          $("#action-form").dataset.action = name;
          $("#action-form").dataset.subject = subject || "";
          $("#action-form").innerHTML = fields + `<div class="field" data-field="/to"><label for="to">${t("to")}</label><input type="text" id="to" name="to"></div>
            <button type="submit" id="submit">${t("submit")}</button> <button type="button" id="cancel">${t("cancel")}</button>`;
          $("#cancel").onclick = () => { $("#form-section").hidden = true; };
          $("#result").textContent = "";
          $("#result").className = "";
          $("#action-form").scrollIntoView();
        }

        function setPath(object, path, value) {
          const parts = path.split("/").filter(Boolean).slice(1);
          let node = object;
          for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
          node[parts[parts.length - 1]] = value;
        }

        async function collect(form) {
          const data = {};
          for (const el of form.querySelectorAll("[data-path]")) {
            const kind = el.dataset.kind, path = el.dataset.path;
            if (kind === "boolean") { if (el.checked || el.dataset.required === "true" || path.split("/").length > 3) setPath(data, path, el.checked); continue; }
            if (kind === "attachments") {
              if (!el.files.length) continue;
              $("#result").textContent = t("uploading");
              const refs = [];
              for (const file of el.files) {
                const r = await api("POST", "/api/v1/attachments?name=" + enc(file.name), file, file.type || "application/octet-stream");
                if (r.status !== 201) throw r;
                refs.push({ name: r.json.name, mediaType: r.json.mediaType, sha256: r.json.sha256, size: r.json.size });
              }
              setPath(data, path, refs);
              continue;
            }
            const raw = el.value.trim();
            // A required list left empty is an empty list (e.g. no co-units).
            if (raw === "" && (kind === "lines" || kind === "json") && el.dataset.required === "true") { setPath(data, path, []); continue; }
            if (raw === "") continue;
            if (kind === "number") setPath(data, path, Number(raw));
            else if (kind === "lines") setPath(data, path, raw.split("\n").map((x) => x.trim()).filter(Boolean));
            else if (kind === "json") { try { setPath(data, path, JSON.parse(raw)); } catch (e) { throw { status: 400, json: { error: { field: path, message: "JSON: " + e.message } } }; } }
            else if (kind === "datetime") setPath(data, path, (raw.length === 16 ? raw + ":00" : raw) + "+08:00");
            else setPath(data, path, raw);
          }
          // Objects whose fields were all left empty are left out, so optional ones do not break the schema.
          const prune = (o) => { for (const [k, v] of Object.entries(o)) if (v && typeof v === "object" && !Array.isArray(v)) { prune(v); if (!Object.keys(v).length) delete o[k]; } };
          prune(data);
          return data;
        }

        async function submitForm(event) {
          event.preventDefault();
          const form = $("#action-form");
          form.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
          const action = about.actions.find((a) => a.name === form.dataset.action);
          const subject = form.dataset.subject;
          let r;
          try {
            const body = { data: await collect(form) };
            const to = form.querySelector("#to").value.split(",").map((x) => x.trim()).filter(Boolean);
            if (to.length) body.to = to;
            r = await api("POST", action.path.replace("{id}", enc(subject)), body);
          } catch (error) { r = error; }
          const result = $("#result");
          if (r.status === 201 || r.status === 202) {
            result.className = "ok";
            result.dataset.outcome = r.json.outcome;
            result.textContent = (r.status === 201 ? t("accepted") : t("pending")) + " · " + r.json.subject;
            await refreshItems();
            await openItem(r.json.subject);
          } else {
            const error = r.json?.error || {};
            result.className = "error";
            result.dataset.outcome = "error";
            result.dataset.rule = error.rule || "";
            result.textContent = (error.message || ("HTTP " + r.status)) + (error.rule ? " [" + error.rule + "]" : "");
            const fields = [error.field, ...(error.problems || []).map((p) => p.field)].filter(Boolean);
            for (const field of fields) {
              let target = null;
              for (let f = field; f && !target; f = f.split("/").slice(0, -1).join("/")) target = form.querySelector(`[data-field="${CSS.escape(f)}"]`);
              target?.classList.add("invalid");
            }
          }
        }

        async function startImport() {
          const file = $("#import-file").files[0];
          const text = $("#import-text").value;
          const body = file || text;
          if (!body) return;
          const r = await api("POST", "/api/v1/imports/hotline?name=" + enc(file ? file.name : "pasted.csv"), body, "text/csv");
          if (r.status !== 202) { $("#import-status").innerHTML = `<p class="overdue" id="import-error">${esc(r.json?.error?.message || r.status)}</p>`; return; }
          pollImport(r.json.id);
        }

        async function pollImport(id) {
          const r = await api("GET", "/api/v1/imports/" + enc(id));
          if (r.status !== 200) return;
          const j = r.json;
          $("#import-status").innerHTML = `<div id="import-job" data-state="${esc(j.state)}" data-refused="${j.refused}" data-forwarded="${j.forwarded}">
            <progress max="${j.rows}" value="${j.processed}"></progress>
            <p>${t(j.state)} · ${t("processed")} ${j.processed}/${j.rows} · ${t("forwarded")} ${j.forwarded} · ${t("refused")} ${j.refused}${j.seconds != null ? " · " + t("seconds") + " " + j.seconds : ""}</p>
            ${j.problems.length ? `<table id="import-problems"><tr><th>${t("line")}</th><th>${t("reason")}</th></tr>` + j.problems.map((p) =>
              `<tr data-line="${p.line}"><td>${p.line}</td><td>${esc(p.reason)}</td></tr>`).join("") + "</table>" : ""}</div>`;
          if (j.state === "running") setTimeout(() => pollImport(id), 500);
          else refreshItems();
        }

        async function start() {
          about = (await api("GET", "/api/v1/about")).json;
          applyLanguage();
          $("#lang-toggle").onclick = () => { lang = lang === "zh" ? "en" : "zh"; localStorage.setItem("xianjie-desk-lang", lang); applyLanguage(); refreshItems(); refreshDue(); if (selected) openItem(selected); };
          $("#action-form").addEventListener("submit", submitForm);
          $("#search").addEventListener("input", refreshItems);
          if (about.kind === "station") { $("#import").hidden = false; $("#import-start").onclick = startImport; }
          await refreshItems();
          refreshDue();
          document.body.dataset.ready = "true";
          setInterval(refreshItems, 2000);
          setInterval(refreshDue, 5000);
        }
        start();
        </script>
        </body>
        </html>
        """#
}
