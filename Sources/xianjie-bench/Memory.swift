import ArgumentParser
import Foundation
import XianjieCoordinator
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// Resident memory of an idle node, and of a coordinator holding many connected nodes.
struct Memory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resident memory: an idle xianjie-node, and xianjie-coordinator with N connected nodes.")

    @Option(help: "Nodes to connect to the coordinator.") var nodes = 1000
    @Option(help: "Nodes per reactor thread in this load process.") var perReactor = 250
    @Option(help: "Heartbeat interval of the simulated nodes, ms.") var heartbeatMs = 1000

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-mem-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let port = Int.random(in: 30_000...50_000)
        let router = "tcp://127.0.0.1:\(port)"
        // As deployed: keys for everyone, every node registered, CURVE and signatures on.
        let keysDirectory = directory.appendingPathComponent("keys")
        let coordinatorKeys = try AgencyKeys.generate(for: .coordinator)
        try coordinatorKeys.write(to: keysDirectory)
        let storePath = directory.appendingPathComponent("c.sqlite").path
        let store = try CoordinatorStore(path: storePath, synchronousFull: false)
        let loadKeys = try SimulatedNodes.register(nodes, in: store) { _ in "station" }
        let idleKeys = try AgencyKeys.generate(for: "bench.idle")
        try store.addAgency(
            RegistryEntry(
                agency: idleKeys.agency, kind: "station", region: "bench", displayName: "bench.idle",
                curveKey: idleKeys.publicKeys.curvePublicKey, signingKey: idleKeys.publicKeys.signingPublicKey),
            by: "bench")
        try idleKeys.write(to: keysDirectory)
        let coordinatorConfig = directory.appendingPathComponent("coordinator.json")
        try Data(
            """
            {"routerEndpoint": "\(router)", "publishEndpoint": "tcp://127.0.0.1:\(port + 1)", "storePath": "\(storePath)",
             "keysPath": "\(keysDirectory.appendingPathComponent("coordinator.keys.json").path)"}
            """.utf8
        ).write(to: coordinatorConfig)
        let coordinator = try launch(
            binaries.appendingPathComponent("xianjie-coordinator"),
            ["--config", coordinatorConfig.path, "--log-level", "error"])
        defer { coordinator.terminate() }
        let nodeConfig = directory.appendingPathComponent("node.json")
        try Data(
            """
            {"agency": "bench.idle", "coordinator": "\(router)", "coordinatorPublish": "tcp://127.0.0.1:\(port + 1)",
             "subscriptions": ["notices"], "storePath": "\(directory.appendingPathComponent("idle.sqlite").path)",
             "keysPath": "\(keysDirectory.appendingPathComponent("bench.idle.keys.json").path)",
             "coordinatorKeysPath": "\(keysDirectory.appendingPathComponent("coordinator.public.json").path)"}
            """.utf8
        ).write(to: nodeConfig)
        let idle = try launch(binaries.appendingPathComponent("xianjie-node"), ["--config", nodeConfig.path, "--log-level", "error"])
        defer { idle.terminate() }
        try await Task.sleep(for: .seconds(5))
        let idleRSS = rss(idle.processIdentifier)
        let idlePrivate = rollup(idle.processIdentifier, "Private_Clean:") + rollup(idle.processIdentifier, "Private_Dirty:")
        let idlePSS = rollup(idle.processIdentifier, "Pss:")
        let coordinatorBefore = rss(coordinator.processIdentifier)

        // N simulated nodes that say hello and heartbeat.
        let serverKey = try coordinatorKeys.curve.publicCurveKey
        let simulated = try SimulatedNodes(connecting: loadKeys, to: router, serverKey: serverKey, perReactor: perReactor)
        try simulated.sayToAll(Hello(nodeKind: "agency", softwareVersion: "bench", lastDelivery: 0))
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(15) {
            try await Task.sleep(for: .milliseconds(heartbeatMs))
            try simulated.sayToAll(Heartbeat())
        }
        let coordinatorWithNodes = rss(coordinator.processIdentifier)
        let present = try await presentNodes(router, context: simulated.context, as: loadKeys[0], serverKey: serverKey)
        print(
            "idle xianjie-node resident: \(mb(idleRSS)) (of which private \(mb(idlePrivate)), proportional \(mb(idlePSS));"
                + " the rest is shared libraries: Swift runtime, Foundation, ICU, SQLite, libzmq)")
        print("xianjie-coordinator resident: \(mb(coordinatorBefore)) with 1 node, \(mb(coordinatorWithNodes)) with \(nodes + 1) nodes heartbeating every \(heartbeatMs) ms (\(present) present per its status)")
        await simulated.shutdown()
    }

    /// How many nodes the coordinator reports present.
    func presentNodes(_ router: String, context: ZMQContext, as keys: AgencyKeys, serverKey: CurveKey) async throws -> Int {
        let reactor = try ZMQReactor(context: context, name: "status")
        let socket = try reactor.addSocket(
            .dealer,
            options: ZMQSocketOptions(
                routingID: Array(keys.agency.rawValue.utf8),
                curve: .client(
                    publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey, serverKey: serverKey)),
            connect: [router])
        let collector = ZMQCollector(socket)
        defer {
            collector.stop()
            reactor.shutdown()
        }
        let header = EnvelopeHeader(source: keys.agency, type: StatusRequest.messageType, dataschema: StatusRequest.schemaID)
        let request = try MessageSignature.sign(try WireMessage.make(StatusRequest(), header: header), with: keys.signing)
        reactor.send(ZMQMessage(frames: request.frames), on: socket)
        guard let reply = await collector.next(timeout: .seconds(10)),
            let report = try? WireMessage.decode(frames: Array(reply.frames.dropFirst())).payload(StatusReport.self)
        else { return -1 }
        return report.nodes.filter(\.present).count
    }

    func launch(_ url: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        try process.run()
        return process
    }

    /// VmRSS of a process, in kB.
    func rss(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }

    /// A field of /proc/PID/smaps_rollup, in kB.
    func rollup(_ pid: Int32, _ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return -1 }
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        return -1
    }

    func mb(_ kilobytes: Int) -> String { String(format: "%.1f MB", Double(kilobytes) / 1024) }
}
