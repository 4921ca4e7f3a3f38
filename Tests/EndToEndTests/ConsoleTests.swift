import Foundation
import Testing
import XianjieMessages

/// The coordinator's console in a real headless chromium, over a county of real processes: a document
/// shows on the live flow within a second of crossing the bus, a node that goes away turns absent
/// within the presence timeout, an item turns overdue when the driven clock passes its due date, a
/// viewer may not change the registry; `/metrics` parses with Prometheus's own Python parser and
/// counts what was sent. Screenshots of every view go to `$XIANJIE_SCREENSHOTS` (default
/// /tmp/xianjie-console-screenshots).
@Suite(.serialized) struct ConsoleTests {
    typealias C = ScenarioCounty
    static let now = Date()
    static let screenshots =
        ProcessInfo.processInfo.environment["XIANJIE_SCREENSHOTS"] ?? "/tmp/xianjie-console-screenshots"

    /// `xianjie console user add`: the access code it prints.
    static func addUser(_ cluster: Cluster, _ name: String, role: String) throws -> String {
        let output = try cluster.cli(["console", "user", "add", "--config", cluster.path("coordinator.json"), "--name", name, "--role", role])
        return String(output.split(separator: "\n").last ?? "").trimmingCharacters(in: .whitespaces)
    }

    static func login(_ browser: Browser, _ base: String, _ name: String, _ code: String) throws {
        try browser.open("\(base)/login")
        try browser.type("input[name=name]", name)
        try browser.type("input[name=code]", code)
        try browser.submit("form")
        #expect(try browser.waitFor("document.querySelector('#connection-status')?.dataset.state === 'live'", timeoutMs: 10_000) != nil)
    }

    static func clue(_ id: String) -> Clue {
        Clue(
            clueId: id, channel: .receptionDay, receivedAt: now, place: "大西渠镇", description: "河道旁堆放生活垃圾",
            domain: .ecologyAndResources, confidential: false)
    }

    @Test(.timeLimit(.minutes(5)))
    func dashboardInARealBrowser() async throws {
        let port = Cluster.freePortPair()
        let county = try await C(start: "2024-07-01", settings: ["console": ["listen": "127.0.0.1:\(port)"]])
        let cluster = county.cluster
        let base = "http://127.0.0.1:\(port)"
        let adminCode = try Self.addUser(cluster, "王伟", role: "admin")
        let viewerCode = try Self.addUser(cluster, "李娜", role: "viewer")
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let browser = try Browser()
        defer { browser.quit() }

        // A wrong code is refused; the right one opens the dashboard, live.
        try browser.open("\(base)/login")
        try browser.type("input[name=name]", "王伟")
        try browser.type("input[name=code]", "wrong-code")
        try browser.submit("form")
        #expect(try browser.waitFor("location.pathname === '/login' && document.body.innerText.length > 0", timeoutMs: 5000) != nil)
        try Self.login(browser, base, "王伟", adminCode)
        #expect(try browser.waitFor("document.querySelectorAll('#nodes-table tr[data-agency]').length >= 7", timeoutMs: 10_000) != nil)

        // A clue crosses the bus: on the live flow within a second.
        var shownWithin: [Int] = []
        for i in 1...3 {
            let result = try await county.send(Self.clue("CLUE-\(i)"), from: C.station, to: [C.procuratorate], subject: "CLUE-\(i)")
            #expect(result.outcome == "accepted")
            let elapsed = try browser.waitFor(
                "!!document.querySelector('#flow-table tr[data-message-id=\"\(result.id)\"]')", timeoutMs: 1000)
            #expect(elapsed != nil, "clue \(i) was not on the live flow within 1 s")
            shownWithin.append(elapsed ?? -1)
        }
        print("console: flow rows appeared \(shownWithin) ms after the coordinator's receipt")
        try browser.click("#tab-flow")
        try browser.screenshot("\(Self.screenshots)/flow.png")

        // A deadline: a suggestion registered today must be assigned within 5 working days.
        let suggestion = WorkflowScenarioTests.suggestion("S-2024-101", "河道垃圾清理", domain: .ecologyAndResources)
        try await county.accepted(suggestion, from: C.congress, to: [C.procuratorate], subject: "S-2024-101")
        try browser.click("#tab-due")
        #expect(
            try browser.waitFor(
                "document.querySelector('#due-table tr[data-subject=\"S-2024-101\"]')?.dataset.overdue === 'false'", timeoutMs: 5000)
                != nil)
        try browser.screenshot("\(Self.screenshots)/due.png")
        try county.clock("2024-07-10")
        #expect(
            try browser.waitFor(
                "document.querySelector('#due-table tr[data-subject=\"S-2024-101\"]')?.dataset.overdue === 'true'", timeoutMs: 5000)
                != nil, "the overdue item did not turn overdue on the dashboard")
        try browser.screenshot("\(Self.screenshots)/due-overdue.png")

        // A node goes away: absent within the presence timeout (2 s here) and a snapshot.
        try browser.click("#tab-nodes")
        cluster.kill(C.water)
        let absent = try browser.waitFor(
            "document.querySelector('#nodes-table tr[data-agency=\"\(C.water)\"]')?.dataset.present === 'false'", timeoutMs: 4000)
        #expect(absent != nil, "the killed node was still shown present")
        print("console: node shown absent \(absent ?? -1) ms after kill -9 (presence timeout 2000 ms)")
        try browser.screenshot("\(Self.screenshots)/nodes.png")

        // A refusal shows with its reason; the other views render.
        let refused = try await county.send(Self.clue("CLUE-X"), from: C.forestry, to: [C.procuratorate], subject: "CLUE-X")
        #expect(refused.outcome == "rejected")
        for view in ["rejections", "meetings", "agreements", "stats"] {
            try browser.click("#tab-\(view)")
            #expect(try browser.waitFor("!!document.querySelector('#view-\(view)') && document.querySelector('#view-\(view)').offsetParent !== null", timeoutMs: 3000) != nil)
            if view == "stats" {
                #expect(try browser.waitFor("document.querySelectorAll('#view-stats svg.chart').length > 0", timeoutMs: 5000) != nil)
            }
            try browser.screenshot("\(Self.screenshots)/\(view).png")
        }
        #expect(try browser.waitFor("document.querySelectorAll('#rejections-table tr[data-message-id]').length > 0", timeoutMs: 3000) != nil)

        // English on request.
        try browser.open("\(base)/?lang=en")
        #expect(try browser.waitFor("document.body.innerText.includes('Nodes')", timeoutMs: 5000) != nil)
        try browser.screenshot("\(Self.screenshots)/english.png")

        // A viewer sees but may not suspend an agency; an admin may.
        let adminStatus = try browser.eval("fetch('/api/agencies/\(C.housing)/suspend', {method: 'POST'}).then(r => r.status)")
        #expect((adminStatus as? NSNumber)?.intValue == 200)
        _ = try browser.eval("fetch('/api/agencies/\(C.housing)/activate', {method: 'POST'}).then(r => r.status)")
        try browser.eval("fetch('/logout', {method: 'POST'}).then(r => r.status)")
        try Self.login(browser, base, "李娜", viewerCode)
        let viewerStatus = try browser.eval("fetch('/api/agencies/\(C.housing)/suspend', {method: 'POST'}).then(r => r.status)")
        #expect((viewerStatus as? NSNumber)?.intValue == 403)

        // /metrics in Prometheus text format, read with Prometheus's own Python parser.
        let metrics = try await Self.fetch("\(base)/metrics")
        let samples = try Self.parsePrometheus(metrics)
        #expect(samples["xianjie_messages_accepted_total{type=\"xianjie.clue\"}"] == 3, "\(samples.filter { $0.key.contains("clue") })")
        #expect((samples["xianjie_rejections_total{reason=\"forbidden\"}"] ?? 0) >= 1)
        #expect(samples["xianjie_nodes_present"] != nil)
        let health = try await Self.fetch("\(base)/health/ready")
        #expect(health.contains("ready"))

        // Guessing codes: after 5 wrong ones the name is refused for a while, even with the right code.
        let zhaoCode = try Self.addUser(cluster, "赵强", role: "viewer")
        for _ in 0..<5 { #expect(try Self.login(base, name: "赵强", code: "wrong") == 401) }
        #expect(try Self.login(base, name: "赵强", code: zhaoCode) == 429)
        #expect(try Self.login(base, name: "李娜", code: viewerCode) == 303)
        // A malformed form is a 401, not a crash.
        #expect(try Self.login(base, raw: "=&name=x") == 401)
        #expect(try await Self.fetch("\(base)/health").contains("live"))

        // A removed user's open session ends within seconds.
        try cluster.cli(["console", "user", "remove", "--config", cluster.path("coordinator.json"), "--name", "李娜"])
        try await Task.sleep(for: .seconds(6))
        let afterRemoval = try browser.eval("fetch('/api/me').then(r => r.status)")
        #expect((afterRemoval as? NSNumber)?.intValue == 401)
    }

    /// POST /login as a form would; the HTTP status (redirects not followed).
    static func login(_ base: String, name: String = "", code: String = "", raw: String? = nil) throws -> Int {
        let script = """
            import sys, urllib.request, urllib.parse, urllib.error
            class NoRedirect(urllib.request.HTTPRedirectHandler):
                def redirect_request(self, *args, **kwargs): return None
            body = (sys.argv[4] if len(sys.argv) > 4 else urllib.parse.urlencode({"name": sys.argv[2], "code": sys.argv[3]})).encode()
            try:
                print(urllib.request.build_opener(NoRedirect).open(sys.argv[1] + "/login", body).status)
            except urllib.error.HTTPError as e:
                print(e.code)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, base, name, code] + (raw.map { [$0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func fetch(_ url: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every sample, keyed `name{label="value",…}` (labels sorted), parsed by prometheus_client.
    static func parsePrometheus(_ text: String) throws -> [String: Double] {
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
                    out[s.name + ("{" + labels + "}" if labels else "")] = s.value
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ClusterError("prometheus_client could not parse /metrics") }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Double]) ?? [:]
    }
}
