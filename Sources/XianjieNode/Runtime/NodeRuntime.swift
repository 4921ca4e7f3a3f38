import Foundation
import Crypto
import Logging
import ServiceLifecycle
import Synchronization
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// The runtime every node kind uses: an outbox and an inbox in the node's own SQLite file, sending with
/// resends until the coordinator answers, receiving and applying exactly once, request/reply with
/// correlation ids, and subscriptions whose gaps are filled from the coordinator.
///
/// Run it as a `Service` (``run()``); call ``send(_:to:subject:)`` and friends from any task.
package final class NodeRuntime: Service, Sendable {
    package let configuration: NodeConfiguration
    package let store: NodeStore
    let logger: Logger
    let context: ZMQContext
    let reactor: ZMQReactor
    let dealer: ZMQSocketHandle
    let subscriber: ZMQSocketHandle?
    let applier: MessageApplier?
    /// This node's keys and the coordinator's public keys; nil only with `allowInsecure`.
    let keys: AgencyKeys?
    let coordinatorSigningKey: Curve25519.Signing.PublicKey?
    let requestHandler: RequestHandler?

    let events = BatchingQueue<NodeEvent>()
    let inboxChanged = ChangeSignal()
    let settlementsChanged = ChangeSignal()
    let replies = Waiters<String, WireMessage>()
    /// How many times this node asked the coordinator for broadcasts it missed (gap fills).
    package let replayRequests = Atomic<Int>(0)
    /// Signing keys of other agencies, loaded from `trustedKeysDirectory` as they are first needed.
    let trustedKeys = Mutex<[AgencyID: Curve25519.Signing.PublicKey]>([:])

    /// Answers a transient request addressed to this node; nil: no answer. `Ping` is answered by default.
    package typealias RequestHandler = @Sendable (WireMessage) async -> (any MessagePayload)?

    package init(
        configuration: NodeConfiguration, logger: Logger, applier: MessageApplier? = nil,
        requestHandler: RequestHandler? = nil
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.applier = applier
        self.requestHandler = requestHandler
        self.store = try NodeStore(path: configuration.storePath, synchronousFull: configuration.synchronousFull)
        var curve: CurveOptions?
        if configuration.allowInsecure {
            self.keys = nil
            self.coordinatorSigningKey = nil
            logger.warning("running WITHOUT CURVE or signatures (allowInsecure): a secure coordinator refuses this node")
        } else {
            guard let keysPath = configuration.keysPath, let coordinatorPath = configuration.coordinatorKeysPath else {
                throw NodeError(
                    .configuration,
                    "keysPath and coordinatorKeysPath are required: create this node's keys with `xianjie keygen --agency \(configuration.agency)` and get coordinator.public.json from the coordinator's operator"
                )
            }
            let keys = try AgencyKeys.load(from: URL(fileURLWithPath: keysPath))
            guard keys.agency == configuration.agency else {
                throw NodeError(.configuration, "\(keysPath) holds the keys of \(keys.agency), not of \(configuration.agency)")
            }
            let coordinator = try PublicKeys.load(from: URL(fileURLWithPath: coordinatorPath))
            self.keys = keys
            self.coordinatorSigningKey = try coordinator.signingKey()
            curve = .client(
                publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey,
                serverKey: try CurveKey(z85: coordinator.curvePublicKey))
        }
        self.context = try ZMQContext()
        self.reactor = try ZMQReactor(context: context, name: "node-\(configuration.agency)")
        let heartbeat = Duration.milliseconds(configuration.heartbeatIntervalMs)
        self.dealer = try reactor.addSocket(
            .dealer,
            options: ZMQSocketOptions(
                routingID: Array(configuration.agency.rawValue.utf8), sendHighWaterMark: 0, receiveHighWaterMark: 0,
                heartbeatInterval: heartbeat, heartbeatTimeout: heartbeat * 3,
                reconnectInterval: .milliseconds(100), reconnectIntervalMax: .seconds(2), curve: curve),
            connect: [configuration.coordinator])
        if let publish = configuration.coordinatorPublish, !configuration.subscriptions.isEmpty {
            self.subscriber = try reactor.addSocket(
                .sub,
                options: ZMQSocketOptions(
                    reconnectInterval: .milliseconds(100), reconnectIntervalMax: .seconds(2),
                    subscriptions: configuration.subscriptions.map { Array(topicFrame($0)) }, curve: curve),
                connect: [publish])
        } else {
            self.subscriber = nil
        }
    }

    package func run() async throws {
        let engine = try NodeEngine(runtime: self)
        let dealer = self.dealer
        let subscriber = self.subscriber
        let sink = self.events
        let interval = Duration.milliseconds(min(configuration.heartbeatIntervalMs, 100))
        logger.info(
            "node starting",
            metadata: ["xianjie.agency": "\(configuration.agency)", "xianjie.coordinator": "\(configuration.coordinator)"])
        await withTaskExecutorPreference(reactor.executor) {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await batch in dealer.inbound { sink.push(.fromCoordinator(batch)) }
                }
                if let subscriber {
                    group.addTask {
                        for await batch in subscriber.inbound { sink.push(.broadcast(batch)) }
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        sink.push(.tick)
                    }
                }
                await engine.start()
                // Everything that arrived while the last events were handled is handled together.
                while let pending = await sink.next() {
                    await engine.handle(pending)
                    if Task.isCancelled { break }
                }
                await engine.stop()
                await reactor.shutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            sink.finish()
        }
        }
        replies.expire(all: true)
        await reactor.shutdown()
        context.shutdown()
        logger.info("node stopped", metadata: ["xianjie.agency": "\(configuration.agency)"])
    }
}

extension NodeRuntime {
    /// Signs a message with this node's key (unchanged when running without keys).
    package func sign(_ message: WireMessage) throws -> WireMessage {
        guard let keys else { return message }
        return try MessageSignature.sign(message, with: keys.signing)
    }

    /// Checks a delivery's signature with its sender's public key from `trustedKeysDirectory`:
    /// 1 valid, 0 not checked (no directory, or no key for that sender), -1 invalid.
    package func verification(of message: WireMessage) -> Int {
        let source = message.header.source
        if source == .coordinator {
            guard let key = coordinatorSigningKey else { return 0 }
            return MessageSignature.isValid(message, publicKey: key) ? 1 : -1
        }
        guard let directory = configuration.trustedKeysDirectory else { return 0 }
        let key: Curve25519.Signing.PublicKey? = trustedKeys.withLock { cache in
            if let cached = cache[source] { return cached }
            let file = URL(fileURLWithPath: directory).appendingPathComponent("\(source).public.json")
            let loaded = try? PublicKeys.load(from: file).signingKey()
            if let loaded { cache[source] = loaded }
            return loaded
        }
        guard let key else { return 0 }
        return MessageSignature.isValid(message, publicKey: key) ? 1 : -1
    }

    /// Whether a message really comes from the coordinator (always true without keys).
    func isFromCoordinator(_ message: WireMessage) -> Bool {
        guard let key = coordinatorSigningKey else { return true }
        return message.header.source == .coordinator && MessageSignature.isValid(message, publicKey: key)
    }
}

/// What the node's engine reacts to.
enum NodeEvent: Sendable {
    case fromCoordinator([ZMQMessage])
    case broadcast([ZMQMessage])
    case enqueued(WireMessage)
    case tick
}
