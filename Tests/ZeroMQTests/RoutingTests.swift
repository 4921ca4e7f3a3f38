import Foundation
import Testing
import ZeroMQ

@Suite("DEALER ⇄ ROUTER")
struct RoutingTests {
    @Test("a round trip carries the DEALER's routing id")
    func roundTrip() async throws {
        let harness = try Harness("routing")
        let router = try harness.reactor.addSocket(.router, options: .init(routerMandatory: true), bind: [anyPort])
        let endpoint = try #require(harness.reactor.lastEndpoint(router))
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:") && !endpoint.hasSuffix(":*"))
        let dealer = try harness.reactor.addSocket(
            .dealer, options: .init(routingID: Array("node-1".utf8)), connect: [endpoint])

        try await harness.reactor.sendAndWait(ZMQMessage(strings: ["hello"]), on: dealer)
        let request = await receive(1, from: harness.reactor.messages(router))
        #expect(request.messages.map(\.strings) == [["node-1", "hello"]])

        try await harness.reactor.sendAndWait(ZMQMessage(strings: ["node-1", "world"]), on: router)
        let reply = await receive(1, from: harness.reactor.messages(dealer))
        #expect(reply.messages.map(\.strings) == [["world"]])
        await harness.close()
    }

    @Test("ROUTER_MANDATORY reports EHOSTUNREACH for an unknown peer")
    func unknownPeer() async throws {
        let harness = try Harness("mandatory")
        let router = try harness.reactor.addSocket(.router, options: .init(routerMandatory: true), bind: [anyPort])

        harness.reactor.send(ZMQMessage(strings: ["nobody", "lost?"]), on: router)
        let failure = try #require(await nextFailure(harness.reactor.sendFailures(router)))
        #expect(failure.error.isHostUnreachable)
        #expect(failure.message.strings == ["nobody", "lost?"])
        #expect(failure.error.description.contains("EHOSTUNREACH"))

        await #expect(throws: ZMQError.self) {
            try await harness.reactor.sendAndWait(ZMQMessage(strings: ["nobody", "x"]), on: router)
        }
        do {
            try await harness.reactor.sendAndWait(ZMQMessage(strings: ["nobody", "x"]), on: router)
        } catch {
            #expect(error.isHostUnreachable)
        }
        await harness.close()
    }

    @Test("multipart messages keep every frame, empty and 1 MiB ones included")
    func multipart() async throws {
        let harness = try Harness("multipart")
        let router = try harness.reactor.addSocket(.router, bind: [anyPort])
        let dealer = try harness.reactor.addSocket(
            .dealer, options: .init(routingID: [0x41]), connect: [try #require(router.lastEndpoint)])
        let big = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let frames = [Data(), Data("a"), big, Data(), Data(repeating: 7, count: 40_000), Data("z")]

        harness.reactor.send(ZMQMessage(frames: frames), on: dealer)
        harness.reactor.send(ZMQMessage(frames: [Data()]), on: dealer)
        let received = await receive(2, from: harness.reactor.messages(router))
        try #require(received.messages.count == 2)
        #expect(received.messages[0].frames == [Data([0x41])] + frames)
        #expect(received.messages[1].frames == [Data([0x41]), Data()])
        await harness.close()
    }

    @Test("a burst of 100,000 DEALER → ROUTER messages arrives complete and in order")
    func burst() async throws {
        let harness = try Harness("burst-router")
        let router = try harness.reactor.addSocket(.router, bind: [anyPort])
        let sender = try ZMQReactor(context: harness.context, name: "burst-dealer")
        let dealer = try sender.addSocket(.dealer, connect: [try #require(router.lastEndpoint)])
        let total = 100_000

        let receiving = Task { await receive(total, from: harness.reactor.messages(router), within: .seconds(60)) }
        var chunk: [ZMQMessage] = []
        for value in 0..<UInt32(total) {
            chunk.append(ZMQMessage(frames: [withUnsafeBytes(of: value) { Data($0) }]))
            if chunk.count == 1_000 {
                sender.send(chunk, on: dealer)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        let received = await receiving.value
        #expect(received.messages.count == total)
        let values = received.messages.map { $0.frames[1].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } }
        #expect(values == Array(0..<UInt32(total)))
        await sender.shutdown()
        await harness.close()
    }
}
