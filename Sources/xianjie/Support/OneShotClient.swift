import Foundation
import ZeroMQ

/// A DEALER for one short conversation from the command line: send, then read the answers with a deadline.
final class OneShotClient: Sendable {
    let context: ZMQContext
    let reactor: ZMQReactor
    let socket: ZMQSocketHandle
    private let collector: ZMQCollector

    init(_ type: ZMQSocketType = .dealer, endpoint: String, identity: String? = nil, curve: CurveOptions? = nil) throws {
        context = try ZMQContext()
        reactor = try ZMQReactor(context: context, name: "xianjie-cli")
        socket = try reactor.addSocket(
            type, options: ZMQSocketOptions(routingID: identity.map { Array($0.utf8) }, curve: curve),
            connect: [endpoint])
        collector = ZMQCollector(socket)
    }

    func send(_ frames: [Data]) { reactor.send(ZMQMessage(frames: frames), on: socket) }

    /// The next message, or nil when `timeout` passes first.
    func next(timeout: Duration) async -> ZMQMessage? { await collector.next(timeout: timeout) }

    func close() {
        collector.stop()
        reactor.shutdown()
        context.shutdown()
    }
}
