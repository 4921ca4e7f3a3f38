import CLibZMQ
import Synchronization

/// A libzmq context: the I/O threads and the `inproc://` namespace shared by its sockets.
///
/// Contexts are thread-safe. `zmq_ctx_term` blocks until every socket of the context is
/// closed, so this class never calls it while a socket is open: ``shutdown()`` interrupts
/// every socket (reactors using the context stop and close their sockets) and the context
/// is terminated by whoever closes the last socket, or right away when none is open.
/// Dropping the last reference terminates it too (reactors keep their context alive until
/// their thread has closed its sockets).
package final class ZMQContext: Sendable {
    private struct State {
        var openSockets = 0
        var shutdownRequested = false
        var terminated = false
    }

    /// The raw `void *` context. Contexts are thread-safe, so sharing it is sound.
    nonisolated(unsafe) let raw: UnsafeMutableRawPointer
    private let state = Mutex(State())

    /// Creates a context.
    /// - Parameters:
    ///   - ioThreads: libzmq I/O threads (`ZMQ_IO_THREADS`); one handles about a gigabyte
    ///     a second, the default of 1 suits a node and a coordinator alike.
    ///   - maxSockets: `ZMQ_MAX_SOCKETS` (libzmq's default is 1023 sockets, not connections).
    package init(ioThreads: Int32 = 1, maxSockets: Int32? = nil) throws(ZMQError) {
        guard let raw = zmq_ctx_new() else { throw .last("zmq_ctx_new") }
        self.raw = raw
        if zmq_ctx_set(raw, ZMQ_IO_THREADS, ioThreads) != 0 {
            let error = ZMQError.last("zmq_ctx_set", "ZMQ_IO_THREADS")
            zmq_ctx_term(raw)
            throw error
        }
        if let maxSockets, zmq_ctx_set(raw, ZMQ_MAX_SOCKETS, maxSockets) != 0 {
            let error = ZMQError.last("zmq_ctx_set", "ZMQ_MAX_SOCKETS")
            zmq_ctx_term(raw)
            throw error
        }
    }

    deinit {
        let terminated = state.withLock { $0.terminated }
        if !terminated { zmq_ctx_term(raw) }
    }

    /// Whether ``shutdown()`` was called.
    package var isShutDown: Bool { state.withLock { $0.shutdownRequested } }

    /// Interrupts every socket of the context (their calls fail with `ETERM`, so reactors
    /// close their sockets and stop) and terminates the context once the last socket is
    /// closed. Never blocks; idempotent. Sockets cannot be created afterwards.
    package func shutdown() {
        let terminateNow = state.withLock { state -> Bool in
            guard !state.shutdownRequested else { return false }
            state.shutdownRequested = true
            if state.openSockets == 0 {
                state.terminated = true
                return true
            }
            return false
        }
        if terminateNow {
            zmq_ctx_term(raw)
        } else {
            zmq_ctx_shutdown(raw)
        }
    }

    /// Creates a raw socket and counts it as open. Call ``socketClosed()`` after `zmq_close`.
    func openSocket(_ type: ZMQSocketType) throws(ZMQError) -> UnsafeMutableRawPointer {
        let allowed = state.withLock { state -> Bool in
            guard !state.shutdownRequested else { return false }
            state.openSockets += 1
            return true
        }
        guard allowed else { throw ZMQError(errno: ETERM, operation: "zmq_socket", target: "\(type)") }
        guard let socket = zmq_socket(raw, type.rawValue) else {
            let error = ZMQError.last("zmq_socket", "\(type)")
            socketClosed()
            throw error
        }
        return socket
    }

    /// Records that a socket of this context was closed; terminates the context when it
    /// was the last one and ``shutdown()`` was requested.
    func socketClosed() {
        let terminateNow = state.withLock { state -> Bool in
            state.openSockets -= 1
            guard state.shutdownRequested, state.openSockets == 0, !state.terminated else { return false }
            state.terminated = true
            return true
        }
        if terminateNow { zmq_ctx_term(raw) }
    }
}
