import Foundation
import Logging
import XianjieCoordinator
import XianjieMessages
import XianjieNode
import ZeroMQ

/// A coordinator on ephemeral loopback ports with its SQLite file in a fresh directory, and helpers
/// to start real node runtimes against it — all in this process, over real TCP sockets.
final class TestBus: Sendable {
    let directory: URL
    let coordinator: CoordinatorService
    let logger: Logger

    init(configure: (inout CoordinatorConfiguration) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xianjie-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = CoordinatorConfiguration(
            storePath: directory.appendingPathComponent("coordinator.sqlite").path,
            routerEndpoint: "tcp://127.0.0.1:*", publishEndpoint: "tcp://127.0.0.1:*")
        configuration.synchronousFull = false
        // These tests are about delivery; TrustTests and the end-to-end tests run with keys.
        configuration.allowInsecure = true
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        self.logger = logger
        coordinator = try CoordinatorService(configuration: configuration, logger: logger)
    }

    func nodeConfiguration(_ agency: AgencyID, subscriptions: [String] = []) -> NodeConfiguration {
        var configuration = NodeConfiguration(
            agency: agency, coordinator: coordinator.routerEndpoint, coordinatorPublish: coordinator.publishEndpoint,
            storePath: directory.appendingPathComponent("\(agency).sqlite").path)
        configuration.subscriptions = subscriptions
        configuration.synchronousFull = false
        configuration.allowInsecure = true
        configuration.heartbeatIntervalMs = 200
        configuration.retransmitTimeoutMs = 500
        return configuration
    }

    func node(_ agency: AgencyID, subscriptions: [String] = []) throws -> NodeRuntime {
        try NodeRuntime(configuration: nodeConfiguration(agency, subscriptions: subscriptions), logger: logger)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// Runs services for the duration of `body`, then cancels them.
func withServices<T: Sendable>(
    _ services: [any ServiceRunnable], _ body: @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        for service in services {
            group.addTask {
                try await service.run()
                return nil
            }
        }
        let result = try await body()
        group.cancelAll()
        while let _ = try await group.next() {}
        return result
    }
}

protocol ServiceRunnable: Sendable { func run() async throws }
extension CoordinatorService: ServiceRunnable {}
extension NodeRuntime: ServiceRunnable {}

/// Polls `condition` until it holds or `timeout` passes (a throwing check counts as not yet).
func eventually(timeout: Duration = .seconds(20), _ condition: @Sendable () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return (try? await condition()) == true
}

/// A raw DEALER, to speak to the coordinator without the node runtime (malformed frames, replays).
final class RawPeer: Sendable {
    let conversation: ZMQConversation

    init(identity: String, endpoint: String) throws {
        conversation = try ZMQConversation(
            options: ZMQSocketOptions(routingID: Array(identity.utf8)), connect: endpoint, name: "raw-\(identity)")
    }

    func send(_ frames: [Data]) { conversation.send(frames) }

    /// The first message from the coordinator that `match` accepts (earlier ones are dropped).
    func receive(timeout: Duration = .seconds(60), _ match: @escaping @Sendable (WireMessage) -> Bool) async -> WireMessage? {
        let message = await conversation.next(timeout: timeout) { message in
            guard message.frames.count == 4, let wire = try? WireMessage.decode(frames: Array(message.frames.dropFirst()))
            else { return false }
            return match(wire)
        }
        return message.flatMap { try? WireMessage.decode(frames: Array($0.frames.dropFirst())) }
    }

    func close() { conversation.close() }
}
