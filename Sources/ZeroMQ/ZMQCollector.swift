import Foundation
import Synchronization

/// Collects what arrives on a socket so short conversations (a CLI command, a test) can ask for
/// "the next message, within a deadline" without owning an iterator across tasks.
package final class ZMQCollector: Sendable {
    private final class Buffer: Sendable {
        let messages = Mutex<[ZMQMessage]>([])
    }

    private let buffer = Buffer()
    private let reader: Task<Void, Never>

    package init(_ socket: ZMQSocketHandle) {
        let buffer = self.buffer
        reader = Task {
            for await batch in socket.inbound { buffer.messages.withLock { $0.append(contentsOf: batch) } }
        }
    }

    /// The first message that `match` accepts (earlier ones are discarded), or nil after `timeout`.
    package func next(
        timeout: Duration, where match: @Sendable (ZMQMessage) -> Bool = { _ in true }
    ) async -> ZMQMessage? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found: ZMQMessage? = buffer.messages.withLock { messages in
                while !messages.isEmpty {
                    let message = messages.removeFirst()
                    if match(message) { return message }
                }
                return nil
            }
            if let found { return found }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    package func stop() { reader.cancel() }
}
