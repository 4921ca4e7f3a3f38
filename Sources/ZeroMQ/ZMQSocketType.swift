import CLibZMQ

/// The ZeroMQ socket patterns this package uses.
package enum ZMQSocketType: Sendable, Hashable, CustomStringConvertible {
    case router, dealer, pub, sub, xpub, xsub, push, pull, pair, req, rep

    /// The `ZMQ_*` constant for `zmq_socket`.
    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pair: ZMQ_PAIR
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        }
    }

    /// Whether sockets of this type ever have something to read. PUB and PUSH do not, so
    /// the reactor never polls them for input.
    var receives: Bool {
        switch self {
        case .pub, .push: false
        default: true
        }
    }

    /// Whether sockets of this type ever send. SUB and PULL do not.
    var sends: Bool {
        switch self {
        case .sub, .pull: false
        default: true
        }
    }

    package var description: String {
        switch self {
        case .router: "ROUTER"
        case .dealer: "DEALER"
        case .pub: "PUB"
        case .sub: "SUB"
        case .xpub: "XPUB"
        case .xsub: "XSUB"
        case .push: "PUSH"
        case .pull: "PULL"
        case .pair: "PAIR"
        case .req: "REQ"
        case .rep: "REP"
        }
    }
}
