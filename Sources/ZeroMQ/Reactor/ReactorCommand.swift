import CLibZMQ
import Dispatch
import Synchronization

/// A raw libzmq socket pointer in transit from the thread that created it to the reactor
/// thread that owns it from then on.
///
/// libzmq sockets may move between threads when a full memory barrier separates their
/// use; the reactor's command queue is a `Mutex`, which provides it. The pointer is only
/// ever used by one thread at a time.
struct RawSocket: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// How the reactor thread reports the outcome of one ``ZMQReactor/sendAndWait(_:on:)``.
typealias SendCompletion = CheckedContinuation<Result<Void, ZMQError>, Never>

/// Work queued for the reactor thread by other threads, executed in queue order.
enum ReactorCommand: Sendable {
    /// Take ownership of a socket that is already configured, bound and connected.
    case adopt(ZMQSocketHandle, RawSocket)
    /// Send a message; report the outcome to `completion` if given, else failures only.
    case send(ZMQSocketHandle, ZMQMessage, SendCompletion?)
    /// `ZMQ_SUBSCRIBE` (`true`) or `ZMQ_UNSUBSCRIBE` (`false`) on a SUB socket.
    case subscribe(ZMQSocketHandle, [UInt8], Bool)
    /// Close the socket; queued unsent messages are reported as failures.
    case close(ZMQSocketHandle)
    /// Start monitoring a socket (``ZMQReactor/monitor(_:events:)``).
    case monitor(MonitorRequest)
    /// Stop monitoring the socket; with a `pairID`, only if that PAIR is still its monitor.
    case stopMonitor(ZMQSocketHandle, pairID: Int?)
}

/// Everything the reactor thread needs to start monitoring `target`: a PAIR socket created
/// (not yet connected) on the calling thread, the unique inproc endpoint for
/// `zmq_socket_monitor` to bind and the PAIR to connect to, and where the events go.
struct MonitorRequest: Sendable {
    let target: ZMQSocketHandle
    /// The PAIR's handle: internal, never given out; it names the PAIR in the poll set.
    let pair: ZMQSocketHandle
    let raw: RawSocket
    let endpoint: String
    let events: Int32
    let continuation: AsyncStream<ZMQMonitorEvent>.Continuation
    /// Whoever waits for the monitor to start; `nil` when the caller runs on the reactor
    /// thread (it cannot wait for itself).
    let started: CommandCompletion?
}

/// A one-shot outcome that a thread other than the reactor's blocks on.
final class CommandCompletion: Sendable {
    private let result = Mutex<Result<Void, ZMQError>?>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Reports the outcome; call exactly once.
    func complete(_ outcome: Result<Void, ZMQError>) {
        result.withLock { $0 = outcome }
        semaphore.signal()
    }

    /// Blocks until ``complete(_:)`` was called and returns its outcome.
    func wait() -> Result<Void, ZMQError> {
        semaphore.wait()
        return result.withLock { $0 ?? .success(()) }
    }
}
