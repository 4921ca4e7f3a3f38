import Foundation

/// One socket with its own context and reactor, for a short conversation: a CLI command, a test
/// client, a probe. Send frames; take the next message that matches within a deadline; close.
package final class ZMQConversation: Sendable {
    package let context: ZMQContext
    package let reactor: ZMQReactor
    package let socket: ZMQSocketHandle
    private let collector: ZMQCollector

    package init(
        _ type: ZMQSocketType = .dealer, options: ZMQSocketOptions = ZMQSocketOptions(), connect endpoint: String,
        name: String = "conversation"
    ) throws(ZMQError) {
        context = try ZMQContext()
        reactor = try ZMQReactor(context: context, name: name)
        socket = try reactor.addSocket(type, options: options, connect: [endpoint])
        collector = ZMQCollector(socket)
    }

    package func send(_ frames: [Data]) { reactor.send(ZMQMessage(frames: frames), on: socket) }

    /// The first message `match` accepts (earlier ones are discarded), or nil after `timeout`.
    package func next(
        timeout: Duration, where match: @Sendable (ZMQMessage) -> Bool = { _ in true }
    ) async -> ZMQMessage? {
        await collector.next(timeout: timeout, where: match)
    }

    package func close() {
        collector.stop()
        reactor.shutdown()
        context.shutdown()
    }
}
