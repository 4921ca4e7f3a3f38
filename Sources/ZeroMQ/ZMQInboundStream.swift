import Synchronization

/// The batches of messages a socket received, in arrival order, for one consumer.
///
/// Each element holds every message that was readable when the reactor drained the
/// socket (up to the reactor's batch limit), so a consumer can persist a whole batch in
/// one transaction. The sequence ends when the socket is closed or the reactor shuts
/// down, after every buffered batch was delivered.
///
/// Iterate it from one task only. Buffering is bounded: when the consumer falls behind by
/// the reactor's `inboundLimit` messages or `inboundByteLimit` bytes, the reactor stops
/// reading the socket, so libzmq's high-water marks push back on the peers instead of
/// memory growing; reading resumes when the backlog is down to half of both limits. No
/// message is dropped on the way. (If the consuming task is cancelled the stream ends and
/// later messages are discarded; the socket then stays paused once the limit is reached.)
package struct ZMQInboundStream: AsyncSequence, Sendable {
    package typealias Element = [ZMQMessage]
    package typealias Failure = Never

    let base: AsyncStream<InboundBatch>
    let gate: InboundGate

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), gate: gate)
    }

    /// Messages received but not yet handed to the consumer.
    package var bufferedCount: Int { gate.buffered.messages }
    /// Payload bytes received but not yet handed to the consumer.
    package var bufferedBytes: Int { gate.buffered.bytes }

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<InboundBatch>.Iterator
        let gate: InboundGate

        package mutating func next() async -> [ZMQMessage]? {
            guard let batch = await base.next() else { return nil }
            gate.consumed(batch)
            return batch.messages
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async -> [ZMQMessage]? {
            guard let batch = await base.next(isolation: actor) else { return nil }
            gate.consumed(batch)
            return batch.messages
        }
    }
}

/// One drained batch with its payload size, so both sides of the gate count the same bytes.
struct InboundBatch: Sendable {
    let messages: [ZMQMessage]
    let bytes: Int
}

/// Counts the messages and bytes between the reactor and the consumer of one socket and
/// tells the reactor when to stop and resume reading it.
///
/// Both sides go through one `Mutex`, once per batch. The reactor re-reads the gate after
/// taking its command lock on every iteration, and the consumer wakes the reactor after
/// releasing the gate, so a resume is never missed.
final class InboundGate: Sendable {
    private struct State {
        var messages = 0
        var bytes = 0
        var paused = false
    }

    private let state = Mutex(State())
    private let messageLimit: Int
    private let byteLimit: Int
    private let core: ReactorCore

    init(messageLimit: Int, byteLimit: Int, core: ReactorCore) {
        self.messageLimit = max(1, messageLimit)
        self.byteLimit = max(1, byteLimit)
        self.core = core
    }

    var buffered: (messages: Int, bytes: Int) { state.withLock { ($0.messages, $0.bytes) } }

    /// Whether the reactor should not read the socket now.
    var isPaused: Bool { state.withLock { $0.paused } }

    /// Reactor side: a batch is about to be yielded. Returns `true` when the reactor must
    /// stop reading this socket until ``isPaused`` turns false.
    func produced(_ batch: InboundBatch) -> Bool {
        state.withLock { state in
            state.messages += batch.messages.count
            state.bytes += batch.bytes
            if state.messages >= messageLimit || state.bytes >= byteLimit { state.paused = true }
            return state.paused
        }
    }

    /// Consumer side: a batch was handed out.
    func consumed(_ batch: InboundBatch) {
        let resume = state.withLock { state -> Bool in
            state.messages -= batch.messages.count
            state.bytes -= batch.bytes
            guard state.paused, state.messages <= messageLimit / 2, state.bytes <= byteLimit / 2 else {
                return false
            }
            state.paused = false
            return true
        }
        if resume { core.wakeIfSleeping() }
    }
}
