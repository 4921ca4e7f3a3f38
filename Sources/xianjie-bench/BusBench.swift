import Foundation
import Logging
import XianjieCoordinator
import XianjieMessages
import XianjieNode
import XianjieTrust
import ZeroMQ

/// The bus measured as users run it: a coordinator and nodes over TCP on loopback, SQLite files.
/// They share this process (and its two cores) to keep the run self-contained.
final class BusBench: Sendable {
    let directory: URL
    let coordinator: CoordinatorService
    let logger: Logger
    let synchronousFull: Bool
    /// CURVE, ZAP, signatures, the policy and the audit chain, as deployed; false measures the bare bus.
    let secure: Bool

    static let nodes: [(AgencyID, String)] = [
        ("bench.sender", "station"), ("bench.recipient", "procuratorate"), ("bench.asker", "congress"),
        ("bench.answerer", "procuratorate"), ("bench.publisher", "congress"), ("bench.subscriber", "station"),
    ]

    init(synchronousFull: Bool, secure: Bool = false) throws {
        self.synchronousFull = synchronousFull
        self.secure = secure
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = CoordinatorConfiguration(
            storePath: directory.appendingPathComponent("coordinator.sqlite").path,
            routerEndpoint: "tcp://127.0.0.1:*", publishEndpoint: "tcp://127.0.0.1:*")
        configuration.synchronousFull = synchronousFull
        configuration.allowInsecure = !secure
        if secure {
            let keys = directory.appendingPathComponent("keys")
            _ = try AgencyKeys.generate(for: .coordinator).write(to: keys)
            configuration.keysPath = keys.appendingPathComponent("coordinator.keys.json").path
            let store = try CoordinatorStore(path: configuration.storePath)
            for (agency, kind) in Self.nodes {
                let nodeKeys = try AgencyKeys.generate(for: agency)
                _ = try nodeKeys.write(to: keys)
                try store.addAgency(
                    RegistryEntry(
                        agency: agency, kind: kind, region: "bench", displayName: "\(agency)",
                        curveKey: nodeKeys.publicKeys.curvePublicKey, signingKey: nodeKeys.publicKeys.signingPublicKey),
                    by: "bench")
            }
        }
        var logger = Logger(label: "bench")
        logger.logLevel = ProcessInfo.processInfo.environment["BENCH_LOG"] == nil ? .error : .debug
        self.logger = logger
        coordinator = try CoordinatorService(configuration: configuration, logger: logger)
    }

    func node(_ agency: AgencyID, subscriptions: [String] = []) throws -> NodeRuntime {
        var configuration = NodeConfiguration(
            agency: agency, coordinator: coordinator.routerEndpoint, coordinatorPublish: coordinator.publishEndpoint,
            storePath: directory.appendingPathComponent("\(agency).sqlite").path)
        configuration.synchronousFull = synchronousFull
        configuration.allowInsecure = !secure
        if secure {
            let keys = directory.appendingPathComponent("keys")
            configuration.keysPath = keys.appendingPathComponent("\(agency).keys.json").path
            configuration.coordinatorKeysPath = keys.appendingPathComponent("coordinator.public.json").path
        }
        configuration.subscriptions = subscriptions
        return try NodeRuntime(configuration: configuration, logger: logger)
    }

    /// Runs `body` with the coordinator and the given nodes running.
    func with<T: Sendable>(_ nodes: [NodeRuntime], _ body: @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await self.coordinator.run()
                return nil
            }
            for node in nodes {
                group.addTask {
                    try await node.run()
                    return nil
                }
            }
            let result = try await body()
            group.cancelAll()
            return result
        }
    }

    /// A clue whose payload is about `size` bytes of JSON.
    static func clue(_ index: Int, size: Int) -> Data {
        var clue = Clue(
            clueId: "bench-\(index)", channel: .hotline12345, receivedAt: Date(), place: "呼图壁县",
            description: "", confidential: false)
        let base = (try? XianjieJSON.encode(clue).count) ?? 200
        clue.description = String(repeating: "x", count: max(1, size - base))
        return (try? XianjieJSON.encode(clue)) ?? Data()
    }

    /// Durable addressed messages from one node through the coordinator to another, until all are applied.
    func durableThroughput(count: Int, size: Int) async throws -> Double {
        let sender = try node("bench.sender")
        let recipient = try node("bench.recipient")
        return try await with([sender, recipient]) {
            try await Self.waitWelcomed(sender, recipient)
            // The documents exist before the clock starts: producing them is the agency's work, not the bus's.
            let payloads = (0..<count).map { Self.clue($0, size: size) }
            let start = ContinuousClock.now
            for chunk in stride(from: 0, to: count, by: 1000) {
                let items = try (chunk..<min(chunk + 1000, count)).map { index in
                    (header: try sender.draft(type: Clue.messageType, to: ["bench.recipient"]), data: payloads[index])
                }
                _ = try await sender.send(items)
            }
            if ProcessInfo.processInfo.environment["BENCH_TRACE"] != nil {
                print("enqueued \(count) in \(ContinuousClock.now - start)")
            }
            var received = 0
            for try await _ in recipient.received() {
                received += 1
                if received % 1000 == 0, ProcessInfo.processInfo.environment["BENCH_TRACE"] != nil {
                    print("received \(received) at \(ContinuousClock.now - start)")
                }
                if received == count { break }
            }
            return Double(count) / (ContinuousClock.now - start).seconds
        }
    }

    /// Request/reply round trips between two nodes through the coordinator; microseconds.
    func roundTrips(count: Int) async throws -> [Double] {
        let asker = try node("bench.asker")
        let answerer = try node("bench.answerer")
        return try await with([asker, answerer]) {
            try await Self.waitWelcomed(asker, answerer)
            var samples: [Double] = []
            for _ in 0..<count {
                let start = ContinuousClock.now
                _ = try await asker.request(Ping(), to: "bench.answerer")
                samples.append((ContinuousClock.now - start).microseconds)
            }
            return samples
        }
    }

    /// Durable broadcasts from a node, through the coordinator's store and XPUB, applied by one subscriber.
    func durableBroadcast(count: Int, size: Int) async throws -> Double {
        let publisher = try node("bench.publisher")
        let subscriber = try node("bench.subscriber", subscriptions: ["bench"])
        return try await with([publisher, subscriber]) {
            try await Self.waitWelcomed(publisher, subscriber)
            let payloads = try (0..<count).map { index in
                try XianjieJSON.encode(
                    WorkBulletin(
                        bulletinId: "b\(index)", title: "t", body: String(repeating: "x", count: max(1, size - 120)),
                        issuedAt: Date()))
            }
            let start = ContinuousClock.now
            for chunk in stride(from: 0, to: count, by: 1000) {
                let items = try (chunk..<min(chunk + 1000, count)).map { index in
                    (header: try publisher.draft(type: WorkBulletin.messageType, topic: "bench"), data: payloads[index])
                }
                _ = try await publisher.send(items)
            }
            while try await subscriber.store.broadcasts(topic: "bench", after: Int64(count) - 1, limit: 1).isEmpty {
                try await Task.sleep(for: .milliseconds(2))
            }
            return Double(count) / (ContinuousClock.now - start).seconds
        }
    }

    /// Waits until the coordinator has welcomed the nodes (a ping from the first to the last answers).
    static func waitWelcomed(_ first: NodeRuntime, _ last: NodeRuntime) async throws {
        for _ in 0..<100 {
            if (try? await first.request(Ping(), to: last.configuration.agency, timeout: .milliseconds(200), attempts: 1)) != nil {
                return
            }
        }
        throw NodeError(.timeout, "the bench nodes did not connect")
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// The coordinator's XPUB → a node's SUB through the Swift reactor bridge, no storage: the transport
/// part of broadcast fan-out, comparable to raw PUB/SUB.
enum BridgeFanOut {
    static func throughput(count: Int, size: Int) async throws -> Double {
        let context = try ZMQContext()
        let publisherReactor = try ZMQReactor(context: context, name: "bench-pub")
        let subscriberReactor = try ZMQReactor(context: context, name: "bench-sub")
        let publisher = try publisherReactor.addSocket(
            .xpub, options: ZMQSocketOptions(sendHighWaterMark: 0), bind: ["tcp://127.0.0.1:*"])
        let subscriber = try subscriberReactor.addSocket(
            .sub, options: ZMQSocketOptions(receiveHighWaterMark: 0, subscriptions: [Array(topicFrame("bench"))]),
            connect: [publisher.lastEndpoint!])
        defer {
            publisherReactor.shutdown()
            subscriberReactor.shutdown()
            context.shutdown()
        }
        // Wait for the subscription to reach the publisher.
        var subscriptions = publisher.inbound.makeAsyncIterator()
        _ = await subscriptions.next()
        let frame = [topicFrame("bench"), Data("{\"topic\":\"bench\",\"tseq\":1}".utf8), Data(count: size)]
        let start = ContinuousClock.now
        for chunk in stride(from: 0, to: count, by: 1000) {
            publisherReactor.send(
                Array(repeating: ZMQMessage(frames: frame), count: min(1000, count - chunk)), on: publisher)
        }
        var received = 0
        for await batch in subscriber.inbound {
            received += batch.count
            if received >= count { break }
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
}
