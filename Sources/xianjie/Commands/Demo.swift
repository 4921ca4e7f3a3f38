import ArgumentParser
import Foundation
import XianjieMessages
import XianjieNode
import XianjieTrust
import ZeroMQ

/// `xianjie demo`: a whole sample county on this machine — the coordinator and every agency's node as
/// separate processes with their own SQLite files — with DOMAIN.md scenarios flowing through it, live.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the sample county: coordinator and agency nodes as processes, scenarios flowing live.")

    @Option(help: "Where the county keeps its configuration, stores and logs.")
    var dir = "demo-data"

    @Option(help: "The coordinator's ROUTER port (the XPUB uses the next one).")
    var port = 7700

    @Option(help: "Where xianjie-coordinator and the agency services are (default: beside this binary).")
    var binDir: String?

    @Option(help: "Seconds between scenario steps.")
    var pace: Double = 0.8

    @Flag(help: "Stop everything and exit when the scenarios are done (for scripts).")
    var exitWhenDone = false

    @Flag(help: "Start from empty stores.")
    var fresh = false

    func run() async throws {
        let directory = URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL
        if fresh { try? FileManager.default.removeItem(at: directory) }
        // The scenarios open their cases once; a county that already played them just runs.
        let played = FileManager.default.fileExists(atPath: directory.appendingPathComponent("coordinator.sqlite").path)
        let county = SampleCounty(directory: directory, routerPort: port)
        let (coordinatorConfig, nodeConfigs) = try county.writeConfigurations()
        try county.provisionKeys()
        let credentials = try county.operatorCredentials()
        let login = try county.consoleLogin()
        let logs = directory.appendingPathComponent("logs", isDirectory: true)
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let supervisor = ProcessSupervisor(
            binDirectory: binDir.map { URL(fileURLWithPath: $0) } ?? ProcessSupervisor.ownDirectory(), logDirectory: logs)
        let interrupt = InterruptWatcher()
        defer { supervisor.stopAll() }

        Output.line("衔接 Xianjie — sample county 呼图壁 (Hutubi) in \(directory.path)")
        Output.line("starting the coordinator on \(county.routerEndpoint) (XPUB \(county.publishEndpoint)) …")
        try supervisor.start("coordinator", executable: "xianjie-coordinator", arguments: ["--config", coordinatorConfig])
        for member in SampleCounty.members {
            try supervisor.start(
                member.agency.rawValue, executable: "xianjie-\(member.kind)", arguments: ["--config", nodeConfigs[member.agency]!])
        }
        Output.line("started \(SampleCounty.members.count) agency services; logs in \(logs.path)")
        for member in SampleCounty.members {
            Output.line("  \(member.name) (\(member.agency), xianjie-\(member.kind)): clerks' page and API at \(county.deskURL(member.agency))")
        }
        try await waitUntilPresent(county, credentials, supervisor: supervisor, logs: logs)
        Output.line("every node is connected.")
        Output.line("watch it live in a browser: \(county.consoleURL) — name \(login.name), access code \(login.code)\n")

        let tail = try FlowPrinter(endpoint: county.publishEndpoint, curve: credentials.curve)
        defer { tail.close() }
        try await Task.sleep(for: .milliseconds(300))

        var failures = 0
        if played {
            Output.line("this county already played its scenarios (start with --fresh to play them again)")
        }
        for (index, step) in (played ? [] : Scenarios.county()).enumerated() {
            Output.line("\n[\(index + 1)] \(step.narration)")
            if let day = step.clock {
                let report = try await CoordinatorQuery.ask(
                    ClockRequest(set: day), expecting: ClockReport.self, county.routerEndpoint, timeout: .seconds(10),
                    as: credentials)
                Output.line(
                    "    operator: clock → \(report.today); \(report.reminders) reminder(s), \(report.overdue) overdue notice(s)")
                try await Task.sleep(for: .seconds(pace))
                continue
            }
            let request = ControlRequest(op: .send, documents: [step.document], wait: true)
            let response = try await ControlClient.call(
                node: county.controlEndpoint(step.from), request, timeout: .seconds(15))
            let result = response.results?.first
            let outcome = result?.outcome ?? "error"
            Output.line("    \(step.from): \(outcome)\(result?.reason.map { " — \($0)" } ?? "")")
            if outcome != step.expect {
                failures += 1
                Output.line("    !! expected \(step.expect)")
            }
            try await Task.sleep(for: .seconds(pace))
        }
        try await Task.sleep(for: .seconds(1))
        Output.line("")
        let status = try Status.parse([
            "--coordinator", county.routerEndpoint, "--keys", county.secretKeys(SampleCounty.operatorID),
            "--coordinator-keys", county.coordinatorPublicKeys,
        ])
        try await status.run()
        let operatorKeys = [
            "--coordinator", county.routerEndpoint, "--keys", county.secretKeys(SampleCounty.operatorID),
            "--coordinator-keys", county.coordinatorPublicKeys,
        ]
        Output.line("")
        Output.line("$ xianjie due")
        try await Due.parse(operatorKeys).run()
        Output.line("")
        Output.line("$ xianjie case show HTJ-2024-09")
        try await Case.Show.parse(["HTJ-2024-09"] + operatorKeys).run()
        Output.line("")
        Output.line("$ xianjie meeting show WO-2024-07-22")
        try await Meeting.Show.parse(["WO-2024-07-22"] + operatorKeys).run()
        Output.line("")
        if failures > 0 {
            Output.line("\(failures) step(s) did not turn out as expected; see \(logs.path)")
        } else {
            Output.line("all scenario steps turned out as expected.")
        }
        if exitWhenDone {
            if failures > 0 { throw ExitCode(1) }
            return
        }
        let keyOptions = "--keys \(county.secretKeys(SampleCounty.operatorID)) --coordinator-keys \(county.coordinatorPublicKeys)"
        Output.line("the county keeps running. Watch it from another terminal with")
        Output.line("  .build/debug/xianjie tail --coordinator-publish \(county.publishEndpoint) \(keyOptions)")
        Output.line("  .build/debug/xianjie status --coordinator \(county.routerEndpoint) \(keyOptions)")
        Output.line("or in a browser: \(county.consoleURL) (name \(login.name), access code \(login.code))")
        Output.line("each agency's own desk (inbox, what is due, actions): \(county.deskURL("hutubi.market")) and the others above")
        Output.line("Ctrl-C stops it.")
        await interrupt.wait()
        Output.line("\nstopping the county …")
    }

    private func waitUntilPresent(
        _ county: SampleCounty, _ credentials: (identity: AgencyID, curve: CurveOptions?, keys: AgencyKeys?),
        supervisor: ProcessSupervisor, logs: URL
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        let expected = Set(SampleCounty.members.map(\.agency))
        while ContinuousClock.now < deadline {
            let everyone = ["coordinator"] + SampleCounty.members.map(\.agency.rawValue)
            if let stopped = everyone.first(where: { !supervisor.running.contains($0) }) {
                let log = (try? String(contentsOf: logs.appendingPathComponent("\(stopped).log"), encoding: .utf8)) ?? ""
                throw CLIError(
                    "\(stopped) stopped while starting (is port \(port) or \(port + 1) in use? try --port). Its log ends:\n"
                        + log.split(separator: "\n").suffix(5).joined(separator: "\n"))
            }
            if let report = try? await CoordinatorQuery.status(county.routerEndpoint, timeout: .seconds(2), as: credentials) {
                let present = Set(report.nodes.filter(\.present).map(\.agency))
                if expected.isSubset(of: present) { return }
            }
            try await Task.sleep(for: .milliseconds(300))
        }
        throw CLIError("the county's nodes did not all connect within 60 s; see the logs in \(dir)/logs")
    }
}

/// Prints the live flow while the scenarios play.
final class FlowPrinter: Sendable {
    let context: ZMQContext
    let reactor: ZMQReactor
    let task: Task<Void, Never>

    init(endpoint: String, curve: CurveOptions?) throws {
        context = try ZMQContext()
        reactor = try ZMQReactor(context: context, name: "demo-tail")
        let socket = try reactor.addSocket(
            .sub, options: ZMQSocketOptions(subscriptions: [Array(topicFrame(flowTopic))], curve: curve),
            connect: [endpoint])
        task = Task {
            for await batch in socket.inbound {
                for message in batch where message.frames.count == 5 {
                    guard let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst(2))),
                        let flow = try? wire.payload(FlowEvent.self)
                    else { continue }
                    Output.line("    ⇢ " + Tail.line(flow))
                }
            }
        }
    }

    func close() {
        task.cancel()
        reactor.shutdown()
        context.shutdown()
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM.
final class InterruptWatcher: @unchecked Sendable {  // the signal sources are only kept alive, never touched
    private let stream: AsyncStream<Void>
    private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        self.stream = stream
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func wait() async {
        for await _ in stream { return }
    }
}

/// Bus questions for the coordinator itself.
enum CoordinatorQuery {
    typealias Identity = (identity: AgencyID, curve: CurveOptions?, keys: AgencyKeys?)

    static func status(_ endpoint: String, timeout: Duration, as credentials: Identity) async throws -> StatusReport {
        try await ask(StatusRequest(), expecting: StatusReport.self, endpoint, timeout: timeout, as: credentials)
    }

    /// Sends one request the coordinator itself answers and waits for the reply (or its rejection).
    static func ask<Q: MessagePayload, R: MessagePayload>(
        _ query: Q, expecting: R.Type, _ endpoint: String, timeout: Duration, as credentials: Identity
    ) async throws -> R {
        let client = try ZMQConversation(
            options: ZMQSocketOptions(routingID: Array(credentials.identity.rawValue.utf8), curve: credentials.curve),
            connect: endpoint, name: "xianjie-cli")
        defer { client.close() }
        let header = EnvelopeHeader(source: credentials.identity, type: Q.messageType, dataschema: Q.schemaID)
        var request = try WireMessage.make(query, header: header)
        if let keys = credentials.keys { request = try MessageSignature.sign(request, with: keys.signing) }
        client.send(request.frames)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, let reply = await client.next(timeout: deadline - .now) {
            guard reply.frames.count == 4, let wire = try? WireMessage.decode(frames: Array(reply.frames.dropFirst())),
                wire.header.correlationid == header.id
            else { continue }
            if wire.header.type == Rejection.messageType, let rejection = try? wire.payload(Rejection.self) {
                throw CLIError("the coordinator refused: \(rejection.reason.rawValue): \(rejection.detail)")
            }
            return try wire.payload(R.self)
        }
        throw CLIError(
            "no answer from the coordinator at \(endpoint) within \(timeout)"
                + (credentials.curve == nil ? " (no keys given: a coordinator with CURVE ignores this client)" : ""))
    }
}
