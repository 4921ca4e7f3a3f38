import Foundation
import Testing
import ZeroMQ

@Suite("Lifecycle and errors")
struct LifecycleTests {
    @Test("binding a port twice throws EADDRINUSE naming the endpoint")
    func addressInUse() async throws {
        let harness = try Harness("bind")
        let first = try harness.reactor.addSocket(.router, bind: [anyPort])
        let endpoint = try #require(first.lastEndpoint)
        do {
            _ = try harness.reactor.addSocket(.router, bind: [endpoint])
            Issue.record("the second bind should fail")
        } catch {
            #expect(error.isAddressInUse)
            #expect(error.description == "zmq_bind \(endpoint) failed: Address already in use (EADDRINUSE)")
        }
        await harness.close()
    }

    @Test("shutdown with queued, unsent and unconsumed messages is clean and idempotent")
    func shutdownWithPendingMessages() async throws {
        let context = try ZMQContext()
        let reactor = try ZMQReactor(context: context, name: "shutdown")
        // Nothing listens there and `immediate` refuses to queue: sends wait for POLLOUT.
        let push = try reactor.addSocket(.push, options: .init(immediate: true), connect: ["tcp://127.0.0.1:9"])
        let pull = try reactor.addSocket(.pull, bind: [anyPort])
        let feeder = try reactor.addSocket(.push, connect: [try #require(pull.lastEndpoint)])
        for index in 0..<3 { reactor.send(ZMQMessage(strings: ["stuck \(index)"]), on: push) }
        for index in 0..<100 { reactor.send(ZMQMessage(strings: ["unread \(index)"]), on: feeder) }
        let waiter = Task { () -> ZMQError? in
            do throws(ZMQError) {
                try await reactor.sendAndWait(ZMQMessage(strings: ["waiting"]), on: push)
                return nil
            } catch { return error }
        }
        // Let the unread messages arrive at the PULL socket, unconsumed.
        while reactor.messages(pull).bufferedCount < 100 { try await Task.sleep(for: .milliseconds(5)) }

        await reactor.shutdown()
        blockingShutdown(reactor)
        await reactor.shutdown()

        let waited = await waiter.value
        #expect(waited?.isClosed == true)
        var failures: [String] = []
        for await failure in reactor.sendFailures(push) { failures.append(failure.message.strings[0]) }
        #expect(failures == ["stuck 0", "stuck 1", "stuck 2"])
        // Buffered input is still delivered, then the stream ends.
        var unread = 0
        for await batch in reactor.messages(pull) { unread += batch.count }
        #expect(unread == 100)

        #expect(reactor.send(ZMQMessage(strings: ["late"]), on: push) == false)
        #expect(throws: ZMQError.self) { try reactor.addSocket(.pull, bind: [anyPort]) }
        context.shutdown()
        context.shutdown()
    }

    /// The synchronous overload, which async code would not pick.
    private func blockingShutdown(_ reactor: ZMQReactor) { reactor.shutdown() }

    @Test("closing one socket ends its streams and leaves the others running")
    func closeOneSocket() async throws {
        let harness = try Harness("close")
        let pull = try harness.reactor.addSocket(.pull, bind: [anyPort])
        let push = try harness.reactor.addSocket(.push, connect: [try #require(pull.lastEndpoint)])
        harness.reactor.close(push)
        harness.reactor.close(push)
        for await _ in harness.reactor.sendFailures(push) {}
        await #expect(throws: ZMQError.self) {
            try await harness.reactor.sendAndWait(ZMQMessage(strings: ["x"]), on: push)
        }
        let again = try harness.reactor.addSocket(.push, connect: [try #require(pull.lastEndpoint)])
        harness.reactor.send(ZMQMessage(strings: ["still here"]), on: again)
        let received = await receive(1, from: harness.reactor.messages(pull))
        #expect(received.messages.map(\.strings) == [["still here"]])
        await harness.close()
    }

    /// libzmq checks ZMQ_MAXMSGSIZE on the receiving side while decoding: an oversize frame
    /// makes it drop the connection. The receiving application sees nothing at all (no
    /// message, no error); the sender's send succeeded locally and the message is lost;
    /// the connecting side reconnects by itself and later messages flow again.
    @Test("maxMessageSize drops an oversize message and the connection recovers")
    func maxMessageSize() async throws {
        let harness = try Harness("maxmsg")
        let router = try harness.reactor.addSocket(.router, options: .init(maxMessageSize: 1_024), bind: [anyPort])
        let dealer = try harness.reactor.addSocket(
            .dealer, options: .init(routingID: Array("d".utf8), reconnectInterval: .milliseconds(20)),
            connect: [try #require(router.lastEndpoint)])
        let stream = harness.reactor.messages(router)

        try await harness.reactor.sendAndWait(ZMQMessage(frames: [Data(repeating: 1, count: 2_000)]), on: dealer)
        try await Task.sleep(for: .milliseconds(100))
        try await harness.reactor.sendAndWait(ZMQMessage(strings: ["small"]), on: dealer)
        let received = await receive(1, from: stream, within: .seconds(30))
        #expect(received.messages.map(\.strings) == [["d", "small"]])
        await harness.close()
    }

    @Test("errors describe the operation and the errno")
    func errorDescriptions() {
        let error = ZMQError(errno: EHOSTUNREACH, operation: "zmq_msg_send", target: "ROUTER")
        #expect(error.isHostUnreachable && !error.isAgain)
        #expect(error.description == "zmq_msg_send ROUTER failed: Host unreachable (EHOSTUNREACH)")
        #expect(ZMQError(errno: EAGAIN, operation: "zmq_msg_send").isAgain)
        #expect(ZMQError(errno: 156_384_765, operation: "zmq_poll").isTerminated)
    }
}
