import CLibZMQ

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
}
