import Foundation
import Logging
import ServiceLifecycle
import XianjieConsole
import XianjieMessages
import XianjieNode
import XianjieTrust
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
    /// The ZAP handler's socket, bound before any server socket (nil without trust).
    let zap: ZMQSocketHandle?
    let trust: CoordinatorTrust?
    package let store: CoordinatorStore
    /// This coordinator as a node of each linked region's coordinator.
    let links: [FederationLink]
    /// The console (dashboard, /metrics, /health), when configured.
    package let console: ConsoleServer?
    let consoleHub: ConsoleHub?
    let metrics: ConsoleMetrics?
    let started = ReadyFlag()
    let consoleStopped = ReadyFlag()

    /// The endpoints actually bound (useful when the configuration asks for port `*`).
    package var routerEndpoint: String { router.lastEndpoint ?? configuration.routerEndpoint }
    package var publishEndpoint: String { publisher.lastEndpoint ?? configuration.publishEndpoint }

    package init(configuration: CoordinatorConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        self.store = try CoordinatorStore(path: configuration.storePath, synchronousFull: configuration.synchronousFull)
        self.context = try ZMQContext()
        self.reactor = try ZMQReactor(context: context, name: "coordinator")
        let trust = try Self.loadTrust(configuration, store: store, logger: logger)
        self.trust = trust
        guard configuration.federation.links.isEmpty || trust != nil else {
            throw ConfigurationError("federation links need the coordinator's keys and registry: set keysPath")
        }
        self.links = try configuration.federation.links.map { link in
            var node = NodeConfiguration(
                agency: link.agency, kind: RegistryEntry.federationKind, coordinator: link.endpoint, coordinatorPublish: nil,
                storePath: link.storePath)
            node.keysPath = link.keysPath
            node.coordinatorKeysPath = link.coordinatorKeysPath
            node.synchronousFull = configuration.synchronousFull
            node.heartbeatIntervalMs = configuration.heartbeatIntervalMs
            var linkLogger = logger
            linkLogger[metadataKey: "xianjie.link"] = "\(link.region)"
            do {
                return FederationLink(configuration: link, runtime: try NodeRuntime(configuration: node, logger: linkLogger))
            } catch {
                throw ConfigurationError("federation link to \(link.region): \(error)")
            }
        }
        if let consoleConfiguration = configuration.console {
            let hub = ConsoleHub()
            let metrics = ConsoleMetrics()
            self.consoleHub = hub
            self.metrics = metrics
            self.console = ConsoleServer(
                configuration: consoleConfiguration, hub: hub, metrics: metrics,
                backend: CoordinatorConsoleBackend(
                    store: store, utcOffsetMinutes: configuration.clock.utcOffsetMinutes, started: started),
                logger: logger)
        } else {
            self.consoleHub = nil
            self.metrics = nil
            self.console = nil
        }
        var curve: CurveOptions?
        if let trust {
            // Deny by default: the handler is bound before any server socket of this context.
            self.zap = try reactor.addSocket(.rep, bind: ["inproc://zeromq.zap.01"])
            curve = .server(secretKey: try trust.keys.curve.secretCurveKey)
        } else {
            self.zap = nil
        }
        let heartbeat = Duration.milliseconds(configuration.heartbeatIntervalMs)
        self.router = try reactor.addSocket(
            .router,
            options: ZMQSocketOptions(
                routerMandatory: true, routerHandover: true, sendHighWaterMark: 0, receiveHighWaterMark: 0,
                heartbeatInterval: heartbeat, heartbeatTimeout: heartbeat * 3,
                // libzmq drops the connection past this; the engine rejects what exceeds maxMessageBytes.
                maxMessageSize: Int64(configuration.maxMessageBytes) * 4 + 65536,
                curve: curve, zapDomain: trust == nil ? nil : Self.zapDomain),
            bind: [configuration.routerEndpoint])
        self.publisher = try reactor.addSocket(
            .xpub,
            options: ZMQSocketOptions(
                sendHighWaterMark: Int32(configuration.publishHighWaterMark), curve: curve,
                zapDomain: trust == nil ? nil : Self.zapDomain),
            bind: [configuration.publishEndpoint])
    }

    static let zapDomain = "xianjie"

    /// Without a working ZAP handler libzmq admits any client that knows the server key: before taking
    /// any traffic, connect to a scratch CURVE socket of this context with a random, unregistered key
    /// and insist on being refused.
    func checkUnknownKeysAreRefused() async throws {
        guard let trust else { return }
        let probe = try reactor.addSocket(
            .router,
            options: ZMQSocketOptions(curve: .server(secretKey: try trust.keys.curve.secretCurveKey), zapDomain: Self.zapDomain),
            bind: ["tcp://127.0.0.1:*"])
        defer { reactor.close(probe) }
        guard let endpoint = probe.lastEndpoint else { throw ConfigurationError("start-up check: no endpoint to probe") }
        let events = try reactor.monitor(probe)
        let stranger = try CurveKeyPair.generate()
        let client = try reactor.addSocket(
            .dealer,
            options: ZMQSocketOptions(
                curve: .client(
                    publicKey: try stranger.publicCurveKey, secretKey: try stranger.secretCurveKey,
                    serverKey: try trust.keys.curve.publicCurveKey)),
            connect: [endpoint])
        defer { reactor.close(client) }
        reactor.send(ZMQMessage(strings: ["start-up check"]), on: client)
        let refused = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await event in events where event.event == .handshakeFailedAuth { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(3))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            reactor.stopMonitoring(probe)
            return first
        }
        let delivered = probe.inbound.bufferedCount > 0
        guard refused, !delivered else {
            throw ConfigurationError(
                "start-up check failed: a client with an unregistered CURVE key was \(delivered ? "admitted" : "not refused within 3 s"); the ZAP handler is not working, so the coordinator will not start"
            )
        }
    }

    /// Keys, registry and policy, or nil when the configuration explicitly allows running without them.
    static func loadTrust(_ configuration: CoordinatorConfiguration, store: CoordinatorStore, logger: Logger) throws
        -> CoordinatorTrust?
    {
        guard let keysPath = configuration.keysPath else {
            guard configuration.allowInsecure else {
                throw ConfigurationError(
                    "no keysPath: the coordinator needs its keys (xianjie keygen --agency coordinator --dir DIR), or \"allowInsecure\": true for development"
                )
            }
            logger.warning(
                "running WITHOUT CURVE, ZAP, signatures or access policy (allowInsecure): any client can connect and send")
            return nil
        }
        let keys = try AgencyKeys.load(from: URL(fileURLWithPath: keysPath))
        let policy = try configuration.policyPath.map { try AccessPolicy.load(from: URL(fileURLWithPath: $0)) }
            ?? AccessPolicy.countyDefault
        let trust = CoordinatorTrust(keys: keys, policy: policy, region: configuration.region)
        trust.load(try store.registry(), version: try store.registryVersion())
        return trust
    }

    enum Event: Sendable {
        case refused(String)
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
            logger: logger, trust: trust, links: links, console: consoleHub, metrics: metrics)
        logger.info(
            "coordinator listening",
            metadata: [
                "xianjie.router": "\(routerEndpoint)", "xianjie.publish": "\(publishEndpoint)",
                "xianjie.store": "\(configuration.storePath)", "xianjie.epoch": "\(engine.epoch)",
            ])
        let events = BatchingQueue<Event>()
        nonisolated(unsafe) var startupFailure: (any Error)?
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
                if let zap = self.zap, let trust = self.trust {
                    group.addTask {
                        await ZAPHandler(reactor: reactor, socket: zap, trust: trust) { events.push(.refused($0)) }.run()
                    }
                    group.addTask {
                        // Failed handshakes (a wrong server key, not a CURVE client) are counted and audited;
                        // refusals by the ZAP handler are reported by the handler itself.
                        guard let monitor = try? reactor.monitor(router) else { return }
                        for await event in monitor {
                            switch event.event {
                            case .handshakeFailedProtocol, .handshakeFailedNoDetail:
                                events.push(
                                    .refused(
                                        "CURVE handshake failed on \(event.endpoint) (\(event)): the client has the wrong server key or does not speak CURVE"
                                    ))
                            default: continue
                            }
                        }
                    }
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
                if let console = self.console {
                    group.addTask {
                        do {
                            try await console.run()
                        } catch {
                            self.logger.critical("the console stopped: \(error)")
                        }
                        self.consoleStopped.set()
                    }
                }
                for link in self.links {
                    group.addTask {
                        do {
                            try await link.runtime.run()
                        } catch {
                            self.logger.critical("federation link to \(link.region) stopped: \(error)")
                        }
                    }
                }
                if self.trust != nil {
                    do {
                        try await self.checkUnknownKeysAreRefused()
                        logger.notice("start-up check passed: a client with an unregistered CURVE key was refused")
                    } catch {
                        logger.critical("\(error)")
                        startupFailure = error
                        events.finish()
                    }
                }
                self.started.set()
                // Everything that arrived while the last turn ran is one turn: one transaction.
                while let pending = await events.next() {
                    var inbound: [ZMQMessage] = []
                    var refused: [String] = []
                    var tick = false
                    for event in pending {
                        switch event {
                        case .inbound(let batch): inbound.append(contentsOf: batch)
                        case .subscription(let batch): engine.subscriptionsChanged(batch)
                        case .unreachable(let identity):
                            engine.unreachable(AgencyID(CoordinatorEngine.peerName(identity)))
                        case .tick: tick = true
                        case .refused(let detail): refused.append(detail)
                        }
                    }
                    for detail in refused { await engine.authenticationRefused(detail) }
                    if !inbound.isEmpty { await engine.handle(inbound) }
                    // What the links took delivery of is admitted every tick (100 ms).
                    if tick { await engine.pullFederation() }
                    if tick { await engine.tick() }
                    if Task.isCancelled { break }
                }
                self.consoleHub?.finishAll()
                // The console shuts down gracefully with the service (its open streams just ended);
                // cancelled half-way, its HTTP server logs errors.
                for _ in 0..<40 where self.console != nil && !self.consoleStopped.isSet {
                    try? await Task.sleep(for: .milliseconds(50))
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
        if let startupFailure { throw startupFailure }
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
