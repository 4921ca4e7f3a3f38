import Foundation
import Testing
import ZeroMQ

@Suite("PUSH → PULL and inbound backpressure")
struct PipelineTests {
    @Test("a burst of 100,000 single sends PUSH → PULL arrives complete and in order")
    func burst() async throws {
        let harness = try Harness("pull")
        let pull = try harness.reactor.addSocket(.pull, bind: [anyPort])
        let sender = try ZMQReactor(context: harness.context, name: "push")
        let push = try sender.addSocket(.push, connect: [try #require(pull.lastEndpoint)])
        let total = 100_000

        let receiving = Task { await receive(total, from: harness.reactor.messages(pull), within: .seconds(60)) }
        for value in 0..<UInt32(total) {
            sender.send(ZMQMessage(frames: [withUnsafeBytes(of: value) { Data($0) }]), on: push)
        }
        let received = await receiving.value
        #expect(received.messages.count == total)
        let values = received.messages.map { $0.frames[0].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } }
        #expect(values == Array(0..<UInt32(total)))
        #expect(received.batches < total, "messages should arrive in batches")
        await sender.shutdown()
        await harness.close()
    }

    @Test("a slow consumer pauses reading instead of buffering without bound, and loses nothing")
    func backpressure() async throws {
        let limit = 200
        let harness = try Harness("slow", inboundLimit: limit)
        let pull = try harness.reactor.addSocket(.pull, options: .init(receiveHighWaterMark: 100), bind: [anyPort])
        let push = try harness.reactor.addSocket(
            .push, options: .init(sendHighWaterMark: 100), connect: [try #require(pull.lastEndpoint)])
        let total = 5_000
        for value in 0..<UInt32(total) {
            harness.reactor.send(ZMQMessage(frames: [withUnsafeBytes(of: value) { Data($0) }]), on: push)
        }
        // Nobody consumes yet: the reactor must stop at the limit (plus at most one batch).
        try await Task.sleep(for: .milliseconds(300))
        let stream = harness.reactor.messages(pull)
        #expect(stream.bufferedCount >= limit)
        #expect(stream.bufferedCount < limit + 512)

        let received = await receive(total, from: stream, within: .seconds(60))
        let values = received.messages.map { $0.frames[0].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } }
        #expect(values == Array(0..<UInt32(total)))
        await harness.close()
    }

    @Test("the byte limit pauses reading too, and large messages all arrive")
    func byteBackpressure() async throws {
        let harness = try Harness("slow-bytes", inboundByteLimit: 1 << 20)
        let pull = try harness.reactor.addSocket(.pull, options: .init(receiveHighWaterMark: 4), bind: [anyPort])
        let push = try harness.reactor.addSocket(
            .push, options: .init(sendHighWaterMark: 4), connect: [try #require(pull.lastEndpoint)])
        let total = 64
        for value in 0..<UInt8(total) {
            harness.reactor.send(ZMQMessage(frames: [Data(repeating: value, count: 100_000)]), on: push)
        }
        try await Task.sleep(for: .milliseconds(300))
        let stream = harness.reactor.messages(pull)
        #expect(stream.bufferedBytes >= 1 << 20)
        #expect(stream.bufferedCount < total)

        let received = await receive(total, from: stream, within: .seconds(60))
        #expect(received.messages.map { $0.frames[0].first } == (0..<UInt8(total)).map { $0 })
        #expect(received.messages.allSatisfy { $0.frames[0].count == 100_000 })
        await harness.close()
    }
}
