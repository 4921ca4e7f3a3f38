import CLibZMQ
import Foundation
import Synchronization
import Testing
import ZeroMQ

/// Collects a monitor stream's events in the background, for tests that wait on them.
final class EventLog: Sendable {
    private let state = Mutex<(events: [ZMQMonitorEvent], ended: Bool)>(([], false))
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(_ stream: AsyncStream<ZMQMonitorEvent>) {
        let consumer = Task {
            for await event in stream { self.state.withLock { $0.events.append(event) } }
            self.state.withLock { $0.ended = true }
        }
        task.withLock { $0 = consumer }
    }

    var events: [ZMQMonitorEvent] { state.withLock { $0.events } }
    var kinds: [ZMQMonitorEvent.Kind] { events.map(\.event) }
    var ended: Bool { state.withLock { $0.ended } }

    /// Waits until `condition` holds for the events so far (`true`) or `timeout` passed.
    func wait(
        within timeout: Duration = .seconds(2), until condition: ([ZMQMonitorEvent], Bool) -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if state.withLock({ condition($0.events, $0.ended) }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return state.withLock { condition($0.events, $0.ended) }
    }

    /// Waits for the first event of `kind`.
    func first(_ kind: ZMQMonitorEvent.Kind, within timeout: Duration = .seconds(60)) async -> ZMQMonitorEvent? {
        _ = await wait(within: timeout) { events, _ in events.contains { $0.event == kind } }
        return events.first { $0.event == kind }
    }

    func cancel() { task.withLock { $0?.cancel() } }
}

@Suite("Monitoring")
struct MonitorTests {
    private func curveClient(serverKey: CurveKey, name: String = "client") throws -> ZMQSocketOptions {
        let pair = try CurveKeyPair.generate()
        return ZMQSocketOptions(
            routingID: Array(name.utf8),
            curve: .client(publicKey: try pair.publicCurveKey, secretKey: try pair.secretCurveKey, serverKey: serverKey))
    }

    @Test("a monitored ROUTER reports a DEALER's connection, handshake and disconnection")
    func connectAndDisconnect() async throws {
        let harness = try Harness("monitor")
        let router = try harness.reactor.addSocket(.router, bind: [anyPort])
        let endpoint = try #require(router.lastEndpoint)
        let log = EventLog(try harness.reactor.monitor(router))
        let dealer = try harness.reactor.addSocket(.dealer, connect: [endpoint])

        let accepted = try #require(await log.first(.accepted))
        #expect(accepted.endpoint == endpoint)
        let succeeded = await log.first(.handshakeSucceeded)
        #expect(succeeded == ZMQMonitorEvent(event: .handshakeSucceeded, value: 0, endpoint: endpoint))
        #expect(!log.kinds.contains(.disconnected))

        harness.reactor.close(dealer)
        let disconnected = try #require(await log.first(.disconnected))
        #expect(disconnected.endpoint == endpoint)
        #expect(disconnected.value == accepted.value, "both carry the connection's fd")
        #expect(log.kinds.prefix(3) == [.accepted, .handshakeSucceeded, .disconnected])
        await harness.close()
    }

    /// libzmq 4.3.4's CURVE server cannot open the client's HELLO box, which was sealed for
    /// another key: it reports ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL with
    /// ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC (0x11000001) and drops the connection.
    @Test("a CURVE server reports a client using the wrong server key, and delivers nothing")
    func wrongServerKey() async throws {
        let harness = try Harness("monitor-curve")
        let server = try CurveKeyPair.generate()
        let impostor = try CurveKeyPair.generate()
        let router = try harness.reactor.addSocket(
            .router, options: .init(curve: .server(secretKey: try server.secretCurveKey)), bind: [anyPort])
        let endpoint = try #require(router.lastEndpoint)
        let log = EventLog(try harness.reactor.monitor(router))
        let dealer = try harness.reactor.addSocket(
            .dealer, options: try curveClient(serverKey: try impostor.publicCurveKey), connect: [endpoint])
        harness.reactor.send(ZMQMessage(strings: ["must not arrive"]), on: dealer)

        let failure = await log.first(.handshakeFailedProtocol)
        #expect(
            failure
                == ZMQMonitorEvent(
                    event: .handshakeFailedProtocol, value: UInt32(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC),
                    endpoint: endpoint))
        #expect(failure?.event.isHandshakeFailure == true)
        #expect(failure?.description.contains("ZMTP_CRYPTOGRAPHIC (0x11000001)") == true)
        let received = await receive(1, from: harness.reactor.messages(router), within: .milliseconds(300))
        #expect(received.messages.isEmpty)
        #expect(!log.kinds.contains(.handshakeSucceeded))
        #expect(!log.kinds.contains(.handshakeFailedNoDetail))
        await harness.close()
    }

    @Test("a CURVE server reports a peer its ZAP handler denies with the handler's status code")
    func zapDenied() async throws {
        let harness = try Harness("monitor-zap")
        let zap = try harness.reactor.addSocket(.rep, bind: ["inproc://zeromq.zap.01"])
        let handler = Task {
            for await batch in harness.reactor.messages(zap) {
                for request in batch {
                    let reply = [Data("1.0"), request.frames[1], Data("400"), Data("go away"), Data(), Data()]
                    harness.reactor.send(ZMQMessage(frames: reply), on: zap)
                }
            }
        }
        let server = try CurveKeyPair.generate()
        let router = try harness.reactor.addSocket(
            .router, options: .init(curve: .server(secretKey: try server.secretCurveKey), zapDomain: "xianjie"),
            bind: [anyPort])
        let endpoint = try #require(router.lastEndpoint)
        let log = EventLog(try harness.reactor.monitor(router))
        let dealer = try harness.reactor.addSocket(
            .dealer, options: try curveClient(serverKey: try server.publicCurveKey), connect: [endpoint])
        harness.reactor.send(ZMQMessage(strings: ["must not arrive"]), on: dealer)

        let denied = await log.first(.handshakeFailedAuth)
        #expect(denied == ZMQMonitorEvent(event: .handshakeFailedAuth, value: 400, endpoint: endpoint))
        #expect(denied?.description == "handshakeFailedAuth ZAP status 400 \(endpoint)")
        let received = await receive(1, from: harness.reactor.messages(router), within: .milliseconds(300))
        #expect(received.messages.isEmpty)
        #expect(!log.kinds.contains(.handshakeSucceeded))
        handler.cancel()
        await harness.close()
    }

    @Test("the event mask filters, and closing the socket ends the stream after monitorStopped")
    func maskAndClose() async throws {
        let harness = try Harness("monitor-mask")
        let router = try harness.reactor.addSocket(.router, bind: [anyPort])
        let mask = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_MONITOR_STOPPED
        let log = EventLog(try harness.reactor.monitor(router, events: mask))
        _ = try harness.reactor.addSocket(.dealer, connect: [try #require(router.lastEndpoint)])
        #expect(await log.first(.handshakeSucceeded) != nil)

        harness.reactor.close(router)
        #expect(await log.wait { _, ended in ended })
        #expect(log.kinds == [.handshakeSucceeded, .monitorStopped])
        #expect(ZMQMonitorEvent.Kind.monitorStopped.bit == UInt16(ZMQ_EVENT_MONITOR_STOPPED))

        // Too late now, and for bits libzmq 4.3.4 does not have.
        #expect { try harness.reactor.monitor(router) } throws: { ($0 as? ZMQError)?.isClosed == true }
        let other = try harness.reactor.addSocket(.pull, bind: [anyPort])
        #expect { try harness.reactor.monitor(other, events: 0x1_0000) } throws: {
            ($0 as? ZMQError)?.errno == EINVAL
        }
        await harness.close()
        #expect { try harness.reactor.monitor(other) } throws: { ($0 as? ZMQError)?.isClosed == true }
    }

    @Test("monitoring again replaces the first monitor; stopMonitoring and shutdown end one")
    func replaceStopAndShutdown() async throws {
        let harness = try Harness("monitor-again")
        let router = try harness.reactor.addSocket(.router, bind: [anyPort])
        let endpoint = try #require(router.lastEndpoint)
        let first = EventLog(try harness.reactor.monitor(router))
        let second = EventLog(try harness.reactor.monitor(router))
        #expect(await first.wait { _, ended in ended })
        #expect(first.kinds == [.monitorStopped])
        _ = try harness.reactor.addSocket(.dealer, connect: [endpoint])
        #expect(await second.first(.handshakeSucceeded) != nil)

        harness.reactor.stopMonitoring(router)
        harness.reactor.stopMonitoring(router)
        #expect(await second.wait { _, ended in ended })
        #expect(second.kinds == [.accepted, .handshakeSucceeded, .monitorStopped])
        // The socket itself carries on, and can be monitored again.
        let third = EventLog(try harness.reactor.monitor(router))
        let dealer = try harness.reactor.addSocket(.dealer, options: .init(routingID: [7]), connect: [endpoint])
        harness.reactor.send(ZMQMessage(strings: ["still open"]), on: dealer)
        let received = await receive(1, from: harness.reactor.messages(router))
        #expect(received.messages.map { $0.frames.count } == [2])
        #expect(await third.first(.handshakeSucceeded) != nil)

        await harness.close()
        #expect(await third.wait { _, ended in ended })
        #expect(third.kinds.last == .monitorStopped)
    }

    @Test("a task on the reactor executor can start a monitor, and a context shutdown ends it")
    func fromReactorExecutor() async throws {
        let context = try ZMQContext()
        let reactor = try ZMQReactor(context: context, name: "monitor-exec")
        let router = try reactor.addSocket(.router, bind: [anyPort])
        let stream = try await Task(executorPreference: reactor.executor) {
            try reactor.monitor(router)
        }.value
        let log = EventLog(stream)
        _ = try reactor.addSocket(.dealer, connect: [try #require(router.lastEndpoint)])
        #expect(await log.first(.handshakeSucceeded) != nil)

        context.shutdown()
        #expect(await log.wait { _, ended in ended })
        await reactor.shutdown()
    }

    @Test("event kinds map to and from the ZMQ_EVENT_* bits")
    func kinds() {
        let kinds: [ZMQMonitorEvent.Kind] = [
            .connected, .connectDelayed, .connectRetried, .listening, .bindFailed, .accepted, .acceptFailed,
            .closed, .closeFailed, .disconnected, .monitorStopped, .handshakeFailedNoDetail,
            .handshakeSucceeded, .handshakeFailedProtocol, .handshakeFailedAuth,
        ]
        #expect(kinds.map(\.bit) == (0..<15).map { UInt16(1) << $0 })
        #expect(kinds.allSatisfy { ZMQMonitorEvent.Kind(bit: $0.bit) == $0 })
        #expect(ZMQMonitorEvent.Kind(bit: 0x8000) == .other(0x8000))
        #expect(ZMQMonitorEvent.Kind.other(0x8000).bit == 0x8000)
        #expect(
            ZMQMonitorEvent(event: .connectDelayed, value: UInt32(EINPROGRESS), endpoint: "tcp://a:1").description
                == "connectDelayed EINPROGRESS tcp://a:1")
    }
}
