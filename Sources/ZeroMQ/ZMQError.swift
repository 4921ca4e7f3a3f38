import CLibZMQ

/// An error from libzmq or from the reactor, with what was being done and to what.
///
/// The description reads like
/// `zmq_bind tcp://127.0.0.1:5555 failed: Address already in use (EADDRINUSE)`.
/// Match on the helpers (`isAgain`, `isHostUnreachable`, …) or on ``errno``; the
/// set of non-errno codes may grow without breaking callers.
package struct ZMQError: Error, Sendable, CustomStringConvertible, Equatable {
    private enum Code: Sendable, Equatable {
        /// A libzmq or system errno.
        case system(Int32)
        /// The reactor was shut down (or its context terminated) before the operation ran.
        case reactorShutDown
        /// The socket was closed before the operation ran.
        case socketClosed
        /// The handle belongs to another reactor.
        case foreignHandle
        /// A value given by the caller is not acceptable (bad key, empty message, …).
        case invalidArgument(String)
    }

    private let code: Code
    /// The operation that failed, such as `zmq_bind` or `zmq_msg_send`.
    package let operation: String
    /// The endpoint or socket the operation was about, if any.
    package let target: String?

    private init(code: Code, operation: String, target: String?) {
        self.code = code
        self.operation = operation
        self.target = target
    }

    /// Wraps an errno reported by libzmq.
    package init(errno: Int32, operation: String, target: String? = nil) {
        self.init(code: .system(errno), operation: operation, target: target)
    }

    /// Captures the current `zmq_errno()` for a call that just failed.
    static func last(_ operation: String, _ target: String? = nil) -> ZMQError {
        ZMQError(errno: zmq_errno(), operation: operation, target: target)
    }

    static func reactorShutDown(_ operation: String, _ target: String? = nil) -> ZMQError {
        ZMQError(code: .reactorShutDown, operation: operation, target: target)
    }

    static func socketClosed(_ operation: String, _ target: String? = nil) -> ZMQError {
        ZMQError(code: .socketClosed, operation: operation, target: target)
    }

    static func foreignHandle(_ operation: String, _ target: String? = nil) -> ZMQError {
        ZMQError(code: .foreignHandle, operation: operation, target: target)
    }

    static func invalidArgument(_ operation: String, _ detail: String) -> ZMQError {
        ZMQError(code: .invalidArgument(detail), operation: operation, target: nil)
    }

    /// The errno this error stands for. Reactor-level conditions map onto the closest
    /// errno: shut down → `ETERM`, socket closed or foreign handle → `ENOTSOCK`,
    /// invalid argument → `EINVAL`.
    package var errno: Int32 {
        switch code {
        case .system(let value): value
        case .reactorShutDown: ETERM
        case .socketClosed, .foreignHandle: ENOTSOCK
        case .invalidArgument: EINVAL
        }
    }

    /// `EAGAIN`: the operation would block (high-water mark reached, no peer ready).
    package var isAgain: Bool { errno == EAGAIN }
    /// `EHOSTUNREACH`: a ROUTER_MANDATORY socket has no peer with that routing id.
    package var isHostUnreachable: Bool { errno == EHOSTUNREACH }
    /// `EADDRINUSE`: the endpoint is already bound.
    package var isAddressInUse: Bool { errno == EADDRINUSE }
    /// `ETERM`: the context or the reactor is shutting down.
    package var isTerminated: Bool { errno == ETERM }
    /// The socket was closed (or the reactor shut down) before the operation could run.
    package var isClosed: Bool {
        switch code {
        case .socketClosed, .reactorShutDown: true
        case .system(let value): value == ETERM || value == ENOTSOCK
        default: false
        }
    }

    package var description: String {
        let subject = target.map { "\(operation) \($0)" } ?? operation
        switch code {
        case .system(let value):
            let text = String(cString: zmq_strerror(value))
            return "\(subject) failed: \(text) (\(Self.errnoName(value)))"
        case .reactorShutDown:
            return "\(subject) failed: the reactor is shut down; create a new reactor to continue"
        case .socketClosed:
            return "\(subject) failed: the socket is closed"
        case .foreignHandle:
            return "\(subject) failed: the socket handle belongs to another reactor"
        case .invalidArgument(let detail):
            return "\(subject) failed: \(detail) (EINVAL)"
        }
    }

    /// The symbolic name of an errno (`EADDRINUSE`), or its number when unknown.
    static func errnoName(_ value: Int32) -> String {
        errnoNames[value] ?? "errno \(value)"
    }

    private static let errnoNames: [Int32: String] = [
        EAGAIN: "EAGAIN", EINTR: "EINTR", EINVAL: "EINVAL", EFAULT: "EFAULT",
        ENOMEM: "ENOMEM", EMFILE: "EMFILE", ENODEV: "ENODEV", ENOENT: "ENOENT",
        EACCES: "EACCES", ENOTSUP: "ENOTSUP", EPROTONOSUPPORT: "EPROTONOSUPPORT",
        ENOBUFS: "ENOBUFS", ENETDOWN: "ENETDOWN", EADDRINUSE: "EADDRINUSE",
        EADDRNOTAVAIL: "EADDRNOTAVAIL", ECONNREFUSED: "ECONNREFUSED",
        EINPROGRESS: "EINPROGRESS", ENOTSOCK: "ENOTSOCK", EMSGSIZE: "EMSGSIZE",
        EAFNOSUPPORT: "EAFNOSUPPORT", ENETUNREACH: "ENETUNREACH",
        ECONNABORTED: "ECONNABORTED", ECONNRESET: "ECONNRESET", ENOTCONN: "ENOTCONN",
        ETIMEDOUT: "ETIMEDOUT", EHOSTUNREACH: "EHOSTUNREACH", ENETRESET: "ENETRESET",
        EFSM: "EFSM", ENOCOMPATPROTO: "ENOCOMPATPROTO", ETERM: "ETERM",
        EMTHREAD: "EMTHREAD",
    ]
}
