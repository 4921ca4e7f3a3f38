import Foundation
import Testing
import ZeroMQ

@Suite("PUB/SUB and XPUB")
struct PubSubTests {
    /// Publishes `message` every 10 ms until the subscriber sees a message from `expected`
    /// (PUB/SUB joins are asynchronous), and returns everything received meanwhile.
    private func publish(
        _ messages: [ZMQMessage], until expectedPrefix: String, reactor: ZMQReactor,
        pub: ZMQSocketHandle, stream: ZMQInboundStream
    ) async -> [ZMQMessage] {
        let publisher = Task {
            while !Task.isCancelled {
                reactor.send(messages, on: pub)
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        defer { publisher.cancel() }
        var seen: [ZMQMessage] = []
        var iterator = stream.makeAsyncIterator()
        while let batch = await iterator.next() {
            seen.append(contentsOf: batch)
            if batch.contains(where: { $0.strings[0].hasPrefix(expectedPrefix) }) { break }
        }
        return seen
    }

    @Test("SUB filters by topic prefix and subscribes at runtime")
    func topicFilter() async throws {
        let harness = try Harness("pubsub")
        let pub = try harness.reactor.addSocket(.pub, bind: [anyPort])
        let sub = try harness.reactor.addSocket(
            .sub, options: .init(subscriptions: [Array("a.".utf8)]), connect: [try #require(pub.lastEndpoint)])
        let stream = harness.reactor.messages(sub)
        let round = [ZMQMessage(strings: ["b.1", "no"]), ZMQMessage(strings: ["a.1", "yes"])]

        let first = await publish(round, until: "a.", reactor: harness.reactor, pub: pub, stream: stream)
        #expect(first.allSatisfy { $0.strings == ["a.1", "yes"] })

        try harness.reactor.subscribe(sub, topic: Array("b.".utf8))
        try harness.reactor.unsubscribe(sub, topic: Array("a.".utf8))
        let second = await publish(round, until: "b.", reactor: harness.reactor, pub: pub, stream: stream)
        #expect(second.contains { $0.strings == ["b.1", "no"] })

        #expect(throws: ZMQError.self) { try harness.reactor.subscribe(pub, topic: []) }
        await harness.close()
    }

    @Test("XPUB receives subscribe and unsubscribe messages")
    func xpubSubscriptions() async throws {
        let harness = try Harness("xpub")
        let xpub = try harness.reactor.addSocket(.xpub, options: .init(xpubVerbose: true), bind: [anyPort])
        let sub = try harness.reactor.addSocket(
            .sub, options: .init(subscriptions: [Array("notices".utf8)]), connect: [try #require(xpub.lastEndpoint)])
        var iterator = harness.reactor.messages(xpub).makeAsyncIterator()

        let subscribed = try #require(await iterator.next())
        #expect(subscribed.map(\.frames) == [[Data([1] + Array("notices".utf8))]])

        try harness.reactor.unsubscribe(sub, topic: Array("notices".utf8))
        let unsubscribed = try #require(await iterator.next())
        #expect(unsubscribed.map(\.frames) == [[Data([0] + Array("notices".utf8))]])
        await harness.close()
    }
}
