import Foundation
import Testing
import ZeroMQ

@Suite("Tasks on the reactor thread")
struct ExecutorTests {
    @Test("an echo handler on the reactor executor (with idle spin) answers every request in order")
    func echoOnReactorExecutor() async throws {
        let context = try ZMQContext()
        let server = try ZMQReactor(context: context, name: "echo", idleSpin: .microseconds(50))
        let client = try ZMQReactor(context: context, name: "asker")
        let router = try server.addSocket(.router, bind: [anyPort])
        let dealer = try client.addSocket(.dealer, connect: [try #require(router.lastEndpoint)])
        let echo = Task(executorPreference: server.executor) {
            for await batch in server.messages(router) { server.send(batch, on: router) }
        }
        let replies = Task(executorPreference: client.executor) { () -> [String] in
            var iterator = client.messages(dealer).makeAsyncIterator()
            var replies: [String] = []
            for index in 0..<200 {
                client.send(ZMQMessage(strings: ["ping \(index)"]), on: dealer)
                guard let batch = await iterator.next() else { break }
                replies.append(contentsOf: batch.map { $0.strings[0] })
            }
            return replies
        }
        #expect(await replies.value == (0..<200).map { "ping \($0)" })
        // Shutting down resumes the handler (its stream ends) off the stopped thread.
        await server.shutdown()
        await echo.value
        await client.shutdown()
        context.shutdown()
    }

    @Test("shutting the context down stops its reactors and ends their streams")
    func contextShutdown() async throws {
        let context = try ZMQContext()
        let reactor = try ZMQReactor(context: context, name: "ctx-stop")
        let pull = try reactor.addSocket(.pull, bind: [anyPort])
        let push = try reactor.addSocket(.push, connect: [try #require(pull.lastEndpoint)])
        try await reactor.sendAndWait(ZMQMessage(strings: ["before"]), on: push)

        context.shutdown()
        var received: [String] = []
        for await batch in reactor.messages(pull) { received += batch.map { $0.strings[0] } }
        #expect(received.count <= 1)
        while !reactor.isShutDown { try await Task.sleep(for: .milliseconds(1)) }
        #expect(reactor.send(ZMQMessage(strings: ["after"]), on: push) == false)
        await reactor.shutdown()
        #expect(context.isShutDown)
    }
}
