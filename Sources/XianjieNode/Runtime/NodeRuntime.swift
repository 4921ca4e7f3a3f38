import Foundation
import Logging
import ServiceLifecycle
import XianjieMessages
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
    let requestHandler: RequestHandler?

    let events = BatchingQueue<NodeEvent>()
    let inboxChanged = ChangeSignal()
    let settlementsChanged = ChangeSignal()
    let replies = Waiters<String, WireMessage>()

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
        self.context = try ZMQContext()
        self.reactor = try ZMQReactor(context: context, name: "node-\(configuration.agency)")
        let heartbeat = Duration.milliseconds(configuration.heartbeatIntervalMs)
        self.dealer = try reactor.addSocket(
            .dealer,
            options: ZMQSocketOptions(
                routingID: Array(configuration.agency.rawValue.utf8), sendHighWaterMark: 0, receiveHighWaterMark: 0,
                heartbeatInterval: heartbeat, heartbeatTimeout: heartbeat * 3,
                reconnectInterval: .milliseconds(100), reconnectIntervalMax: .seconds(2)),
            connect: [configuration.coordinator])
        if let publish = configuration.coordinatorPublish, !configuration.subscriptions.isEmpty {
            self.subscriber = try reactor.addSocket(
                .sub,
                options: ZMQSocketOptions(
                    reconnectInterval: .milliseconds(100), reconnectIntervalMax: .seconds(2),
                    subscriptions: configuration.subscriptions.map { Array(topicFrame($0)) }),
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
        let interval = Duration.milliseconds(min(configuration.heartbeatIntervalMs, 250))
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
                await reactor.shutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            sink.finish()
        }
        }
        await reactor.shutdown()
        context.shutdown()
        logger.info("node stopped", metadata: ["xianjie.agency": "\(configuration.agency)"])
    }
}

/// What the node's engine reacts to.
enum NodeEvent: Sendable {
    case fromCoordinator([ZMQMessage])
    case broadcast([ZMQMessage])
    case enqueued(WireMessage)
    case send(ZMQMessage)
    case tick
}
