import ArgumentParser
import Foundation
import XianjieConsole
import XianjieCoordinator
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// The console under load: a coordinator with N connected nodes and a steady flow of documents, the
/// dashboard open in a real headless chromium. Reports the page's load time, how far the live flow
/// lags, how quickly the page answers while it renders, and the coordinator's CPU with and without
/// the dashboard watching.
struct ConsoleLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The dashboard with N nodes and a flow of documents: page load, flow lag, page responsiveness, server CPU.")

    @Option(help: "Nodes connected to the coordinator.") var nodes = 1000
    @Option(help: "Documents per second flowing through the coordinator.") var rate = 100
    @Option(help: "Seconds to measure each phase.") var seconds = 10
    @Option(help: "Nodes per reactor thread in this load process.") var perReactor = 250

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-console-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let port = Int.random(in: 30_000...50_000)
        let router = "tcp://127.0.0.1:\(port)"
        let keysDirectory = directory.appendingPathComponent("keys")
        let coordinatorKeys = try AgencyKeys.generate(for: .coordinator)
        try coordinatorKeys.write(to: keysDirectory)
        let storePath = directory.appendingPathComponent("c.sqlite").path
        let store = try CoordinatorStore(path: storePath, synchronousFull: false)
        // node-0 reports clues (a station) to node-1 (a procuratorate, not connected: its queue grows).
        let loadKeys = try SimulatedNodes.register(nodes, in: store) { $0 == 1 ? "procuratorate" : "station" }
        let code = try store.addConsoleUser(name: "bench", role: .viewer)
        let consolePort = port + 2
        let coordinatorConfig = directory.appendingPathComponent("coordinator.json")
        try Data(
            """
            {"routerEndpoint": "\(router)", "publishEndpoint": "tcp://127.0.0.1:\(port + 1)", "storePath": "\(storePath)",
             "synchronousFull": false, "keysPath": "\(keysDirectory.appendingPathComponent("coordinator.keys.json").path)",
             "console": {"listen": "127.0.0.1:\(consolePort)"}}
            """.utf8
        ).write(to: coordinatorConfig)
        let coordinator = try launch(
            binaries.appendingPathComponent("xianjie-coordinator"), ["--config", coordinatorConfig.path, "--log-level", "error"])
        defer { coordinator.terminate() }
        try await Task.sleep(for: .seconds(2))

        let serverKey = try coordinatorKeys.curve.publicCurveKey
        let simulated = try SimulatedNodes(
            connecting: loadKeys.enumerated().filter { $0.offset != 1 }.map(\.element), to: router, serverKey: serverKey,
            perReactor: perReactor)
        try simulated.sayToAll(Hello(nodeKind: "station", softwareVersion: "bench", lastDelivery: 0))
        // Heartbeats every second, and `rate` clues a second from node-0, for the whole run.
        let (reporterReactor, reporterSocket, reporterKeys) = simulated.sockets[0]
        let load = Task {
            var sequence: Int64 = 0
            var nextBeat = ContinuousClock.now
            let interval = Duration.seconds(1) / rate
            while !Task.isCancelled {
                if ContinuousClock.now >= nextBeat {
                    try? simulated.sayToAll(Heartbeat())
                    nextBeat = .now + .seconds(1)
                }
                sequence += 1
                let clue = Clue(
                    clueId: "BENCH-\(sequence)", channel: .phone, receivedAt: Date(), place: "bench", description: "load",
                    confidential: false)
                let header = EnvelopeHeader(
                    source: reporterKeys.agency, type: Clue.messageType, subject: "BENCH-\(sequence)", dataschema: Clue.schemaID,
                    recipients: [AgencyID("bench.node-1")], sequence: sequence)
                if let wire = try? MessageSignature.sign(try WireMessage.make(clue, header: header), with: reporterKeys.signing) {
                    reporterReactor.send(ZMQMessage(frames: wire.frames), on: reporterSocket)
                }
                try? await Task.sleep(for: interval)
            }
        }
        defer { load.cancel() }
        try await Task.sleep(for: .seconds(3))

        let cpuWithout = try await cpuPercent(coordinator.processIdentifier, over: .seconds(seconds))

        let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/EndToEndTests/Browser/browser.py")
        let browser = try BrowserProcess(script: driver.path)
        defer { browser.quit() }
        let base = "http://127.0.0.1:\(consolePort)"
        try browser.run(["op": "open", "url": "\(base)/login"])
        try browser.run(["op": "type", "selector": "input[name=name]", "text": "bench"])
        try browser.run(["op": "type", "selector": "input[name=code]", "text": code])
        try browser.run(["op": "submit", "selector": "form"])
        _ = try browser.run(["op": "waitFor", "js": "location.pathname === '/'", "timeoutMs": 10_000])
        try browser.run(["op": "click", "selector": "#tab-nodes"])
        let started = ContinuousClock.now
        try browser.run(["op": "open", "url": "\(base)/"])
        try browser.run(["op": "click", "selector": "#tab-nodes"])
        _ = try browser.run([
            "op": "waitFor", "js": "document.querySelectorAll('#nodes-table tr[data-agency]').length >= \(nodes - 1)",
            "timeoutMs": 30_000,
        ])
        let loaded = ContinuousClock.now - started
        try browser.run(["op": "click", "selector": "#tab-flow"])

        // While the dashboard watches: CPU, and every 250 ms how long the page takes to answer and how old
        // the newest flow row is.
        async let cpuWith = cpuPercent(coordinator.processIdentifier, over: .seconds(seconds))
        var answers: [Double] = []
        var lags: [Double] = []
        let until = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < until {
            let asked = ContinuousClock.now
            let reply = try browser.run([
                "op": "eval",
                "js": "(() => { const r = document.querySelector('#flow-table tr[data-message-id]'); return r && r.dataset.at ? Date.now() - Date.parse(r.dataset.at) : -1 })()",
            ])
            answers.append(Double((ContinuousClock.now - asked).components.attoseconds) / 1e15)
            if let lag = (reply["value"] as? NSNumber)?.doubleValue, lag >= 0 { lags.append(lag) }
            try await Task.sleep(for: .milliseconds(250))
        }
        let rows = try browser.run(["op": "eval", "js": "document.querySelectorAll('#flow-table tr[data-message-id]').length"])
        let cpu = try await cpuWith
        print("console under load: \(nodes) nodes connected, \(rate) documents/s, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(String(format: "  dashboard load (navigate → %d node rows): %.0f ms", nodes - 1, Double(loaded.components.attoseconds) / 1e15 + Double(loaded.components.seconds) * 1000))
        print(String(format: "  page answers while rendering: median %.0f ms, max %.0f ms (%d probes)", median(answers), answers.max() ?? -1, answers.count))
        if !lags.isEmpty {
            print(String(format: "  newest flow row's age when probed: median %.0f ms, max %.0f ms", median(lags), lags.max() ?? -1))
        } else {
            print("  newest flow row's age: no flow row carried data-at; not measured")
        }
        print("  flow rows on the page: \((rows["value"] as? NSNumber)?.intValue ?? -1) (kept at most 500)")
        print(String(format: "  coordinator CPU: %.0f%% of one core without the dashboard, %.0f%% with it", cpuWithout, cpu))
        load.cancel()
        await simulated.shutdown()
    }

    /// CPU used by a process over a period, in percent of one core (from /proc/PID/stat).
    func cpuPercent(_ pid: Int32, over period: Duration) async throws -> Double {
        func ticks() -> Double {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return 0 }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        }
        let before = ticks()
        try await Task.sleep(for: period)
        let seconds = Double(period.components.seconds)
        return (ticks() - before) / Double(sysconf(Int32(_SC_CLK_TCK))) / seconds * 100
    }

    func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return -1 }
        return values.sorted()[values.count / 2]
    }

    func launch(_ url: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        try process.run()
        return process
    }
}

/// The headless-chromium driver (`Tests/EndToEndTests/Browser/browser.py`), one JSON line per command.
final class BrowserProcess {
    let process = Process()
    let input: FileHandle
    let output: FileHandle
    var buffer = Data()

    init(script: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    @discardableResult
    func run(_ command: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: command)
        line.append(0x0A)
        try input.write(contentsOf: line)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let reply = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                let object = (try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any]) ?? [:]
                guard object["ok"] as? Bool == true else {
                    throw ValidationError("browser: \(command["op"] ?? "?"): \(object["error"] ?? "failed")")
                }
                return object
            }
            // availableData returns what the pipe holds now (read(upToCount:) waits for the whole count).
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                throw ValidationError("the browser driver exited (is chromium installed? scripts/install-deps --tests)")
            }
            buffer.append(chunk)
        }
    }

    func quit() {
        _ = try? run(["op": "quit"])
        try? input.close()
        process.waitUntilExit()
    }
}
