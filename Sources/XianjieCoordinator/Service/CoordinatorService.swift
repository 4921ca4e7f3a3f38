import Foundation
import Logging
import ServiceLifecycle
import XianjieMessages
import ZeroMQ

/// The coordinator as a `Service`: binds the ROUTER and XPUB, then runs the engine until shutdown.
///
/// Everything the engine does happens on one task, fed by one stream of events (inbound batches,
/// subscription changes, unreachable peers, ticks), so its state needs no locks.
package final class CoordinatorService: Service, Sendable {
    package let configuration: CoordinatorConfiguration
    let logger: Logger
    let context: ZMQContext
    let reactor: ZMQReactor
    let router: ZMQSocketHandle
    let publisher: ZMQSocketHandle
    package let store: CoordinatorStore

    /// The endpoints actually bound (useful when the configuration asks for port `*`).
    package var routerEndpoint: String { router.lastEndpoint ?? configuration.routerEndpoint }
    package var publishEndpoint: String { publisher.lastEndpoint ?? configuration.publishEndpoint }

    package init(configuration: CoordinatorConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        self.store = try CoordinatorStore(path: configuration.storePath, synchronousFull: configuration.synchronousFull)
        self.context = try ZMQContext()
        self.reactor = try ZMQReactor(context: context, name: "coordinator")
        let heartbeat = Duration.milliseconds(configuration.heartbeatIntervalMs)
        self.router = try reactor.addSocket(
            .router,
            options: ZMQSocketOptions(
                routerMandatory: true, routerHandover: true, sendHighWaterMark: 0, receiveHighWaterMark: 0,
                heartbeatInterval: heartbeat, heartbeatTimeout: heartbeat * 3,
                // libzmq drops the connection past this; the engine rejects what exceeds maxMessageBytes.
                maxMessageSize: Int64(configuration.maxMessageBytes) * 4 + 65536),
            bind: [configuration.routerEndpoint])
        self.publisher = try reactor.addSocket(
            .xpub, options: ZMQSocketOptions(sendHighWaterMark: Int32(configuration.publishHighWaterMark)), bind: [configuration.publishEndpoint])
    }

    enum Event: Sendable {
        case inbound([ZMQMessage])
        case subscription([ZMQMessage])
        case unreachable(Data)
        case tick
    }

    package func run() async throws {
        let reactor = self.reactor
        let router = self.router
        let publisher = self.publisher
        let engine = try CoordinatorEngine(
            configuration: configuration, store: store,
            outbound: .init(
                toNode: { identity, frames in reactor.send(ZMQMessage(frames: [identity] + frames), on: router) },
                publish: { frames in reactor.send(ZMQMessage(frames: frames), on: publisher) }),
            logger: logger)
        logger.info(
            "coordinator listening",
            metadata: [
                "xianjie.router": "\(routerEndpoint)", "xianjie.publish": "\(publishEndpoint)",
                "xianjie.store": "\(configuration.storePath)", "xianjie.epoch": "\(engine.epoch)",
            ])
        let events = BatchingQueue<Event>()
        // The engine runs on the reactor's own thread: a message goes from the socket to the engine and
        // its answers back to the socket without a thread hand-off.
        await withTaskExecutorPreference(reactor.executor) {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await batch in router.inbound { events.push(.inbound(batch)) }
                }
                group.addTask {
                    for await batch in publisher.inbound { events.push(.subscription(batch)) }
                }
                group.addTask {
                    for await failure in router.failures {
                        if let identity = failure.message.frames.first { events.push(.unreachable(identity)) }
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(100))
                        events.push(.tick)
                    }
                }
                // Everything that arrived while the last turn ran is one turn: one transaction.
                while let pending = await events.next() {
                    var inbound: [ZMQMessage] = []
                    var tick = false
                    for event in pending {
                        switch event {
                        case .inbound(let batch): inbound.append(contentsOf: batch)
                        case .subscription(let batch): engine.subscriptionsChanged(batch)
                        case .unreachable(let identity):
                            engine.unreachable(AgencyID(CoordinatorEngine.peerName(identity)))
                        case .tick: tick = true
                        }
                    }
                    if !inbound.isEmpty { await engine.handle(inbound) }
                    if tick { await engine.tick() }
                    if Task.isCancelled { break }
                }
                await reactor.shutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            events.finish()
        }
        }
        await reactor.shutdown()
        context.shutdown()
        logger.info("coordinator stopped")
    }
}

extension CoordinatorEngine {
    /// XPUB subscription messages: `\u{1}topic` to subscribe, `\u{0}topic` to leave.
    func subscriptionsChanged(_ batch: [ZMQMessage]) {
        let flow = Array(topicFrame(flowTopic))
        for message in batch {
            guard let frame = message.frames.first, let first = frame.first else { continue }
            let topic = Array(frame.dropFirst())
            if topic.isEmpty || flow.starts(with: topic) { flowSubscribed = first == 1 }
        }
    }
}
