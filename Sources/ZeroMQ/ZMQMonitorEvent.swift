import CLibZMQ
import Foundation

/// One event of a monitored socket (see ``ZMQReactor/monitor(_:events:)``): a connection
/// accepted, a handshake failed, a peer gone, …
///
/// libzmq 4.3.4 sends each event as two frames: six bytes (the `ZMQ_EVENT_*` bit as a
/// `UInt16`, then the value as a `UInt32`, native byte order) and the endpoint.
package struct ZMQMonitorEvent: Sendable, Equatable, CustomStringConvertible {
    /// The `ZMQ_EVENT_*` kinds libzmq 4.3.4 reports (without the draft API).
    package enum Kind: Sendable, Hashable, CustomStringConvertible {
        /// `ZMQ_EVENT_CONNECTED`: a connect succeeded at the TCP level; value = fd.
        case connected
        /// `ZMQ_EVENT_CONNECT_DELAYED`: a connect is pending; value = errno.
        case connectDelayed
        /// `ZMQ_EVENT_CONNECT_RETRIED`: a reconnect is scheduled; value = interval in ms.
        case connectRetried
        /// `ZMQ_EVENT_LISTENING`: bound; value = fd.
        case listening
        /// `ZMQ_EVENT_BIND_FAILED`: value = errno.
        case bindFailed
        /// `ZMQ_EVENT_ACCEPTED`: a peer connected at the TCP level; value = fd.
        case accepted
        /// `ZMQ_EVENT_ACCEPT_FAILED`: value = errno.
        case acceptFailed
        /// `ZMQ_EVENT_CLOSED`: a connection's or listener's fd was closed; value = fd.
        case closed
        /// `ZMQ_EVENT_CLOSE_FAILED`: value = errno.
        case closeFailed
        /// `ZMQ_EVENT_DISCONNECTED`: a session broke (peer gone, heartbeat timeout, failed
        /// handshake, oversize message); value = fd.
        case disconnected
        /// `ZMQ_EVENT_MONITOR_STOPPED`: the last event of a monitor; value = 0.
        case monitorStopped
        /// `ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL`: the ZMTP handshake failed for a reason
        /// libzmq does not classify (I/O error, timeout); value = errno.
        case handshakeFailedNoDetail
        /// `ZMQ_EVENT_HANDSHAKE_SUCCEEDED`: ZMTP (and CURVE, and ZAP) handshake done; value = 0.
        case handshakeSucceeded
        /// `ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL`: the peer broke the protocol, e.g. a CURVE
        /// client using the wrong server key; value = a `ZMQ_PROTOCOL_ERROR_*` code.
        case handshakeFailedProtocol
        /// `ZMQ_EVENT_HANDSHAKE_FAILED_AUTH`: the ZAP handler refused the peer; value = its
        /// status code (300, 400 or 500).
        case handshakeFailedAuth
        /// A bit this type does not name.
        case other(UInt16)

        private static let named: [(Kind, Int32)] = [
            (.connected, ZMQ_EVENT_CONNECTED), (.connectDelayed, ZMQ_EVENT_CONNECT_DELAYED),
            (.connectRetried, ZMQ_EVENT_CONNECT_RETRIED), (.listening, ZMQ_EVENT_LISTENING),
            (.bindFailed, ZMQ_EVENT_BIND_FAILED), (.accepted, ZMQ_EVENT_ACCEPTED),
            (.acceptFailed, ZMQ_EVENT_ACCEPT_FAILED), (.closed, ZMQ_EVENT_CLOSED),
            (.closeFailed, ZMQ_EVENT_CLOSE_FAILED), (.disconnected, ZMQ_EVENT_DISCONNECTED),
            (.monitorStopped, ZMQ_EVENT_MONITOR_STOPPED),
            (.handshakeFailedNoDetail, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL),
            (.handshakeSucceeded, ZMQ_EVENT_HANDSHAKE_SUCCEEDED),
            (.handshakeFailedProtocol, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL),
            (.handshakeFailedAuth, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH),
        ]

        /// The kind of a `ZMQ_EVENT_*` bit; unknown bits become ``other(_:)``.
        package init(bit: UInt16) {
            self = Self.named.first { UInt16(truncatingIfNeeded: $0.1) == bit }?.0 ?? .other(bit)
        }

        /// The `ZMQ_EVENT_*` bit (also usable in the mask given to
        /// ``ZMQReactor/monitor(_:events:)``).
        package var bit: UInt16 {
            if case .other(let bit) = self { return bit }
            return UInt16(truncatingIfNeeded: Self.named.first { $0.0 == self }?.1 ?? 0)
        }

        /// Whether this is one of the three handshake failures.
        package var isHandshakeFailure: Bool {
            switch self {
            case .handshakeFailedNoDetail, .handshakeFailedProtocol, .handshakeFailedAuth: true
            default: false
            }
        }

        package var description: String {
            switch self {
            case .connected: "connected"
            case .connectDelayed: "connectDelayed"
            case .connectRetried: "connectRetried"
            case .listening: "listening"
            case .bindFailed: "bindFailed"
            case .accepted: "accepted"
            case .acceptFailed: "acceptFailed"
            case .closed: "closed"
            case .closeFailed: "closeFailed"
            case .disconnected: "disconnected"
            case .monitorStopped: "monitorStopped"
            case .handshakeFailedNoDetail: "handshakeFailedNoDetail"
            case .handshakeSucceeded: "handshakeSucceeded"
            case .handshakeFailedProtocol: "handshakeFailedProtocol"
            case .handshakeFailedAuth: "handshakeFailedAuth"
            case .other(let bit): "event 0x\(String(bit, radix: 16))"
            }
        }
    }

    /// What happened.
    package var event: Kind
    /// The event's value as libzmq defines it per kind: an fd, an errno, a reconnect
    /// interval, a `ZMQ_PROTOCOL_ERROR_*` code or a ZAP status code (see ``Kind``).
    package var value: UInt32
    /// The endpoint libzmq reports: the bound endpoint for listener and accepted-side
    /// events, the connected endpoint for connecting-side ones.
    package var endpoint: String

    package init(event: Kind, value: UInt32, endpoint: String) {
        self.event = event
        self.value = value
        self.endpoint = endpoint
    }

    /// Decodes a libzmq (version 1) monitor message; `nil` when it has another shape.
    init?(frames: [Data]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        let (bit, value) = frames[0].withUnsafeBytes { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt16.self),
             bytes.loadUnaligned(fromByteOffset: 2, as: UInt32.self))
        }
        self.init(event: Kind(bit: bit), value: value, endpoint: String(decoding: frames[1], as: UTF8.self))
    }

    /// Like `handshakeFailedProtocol ZMTP_CRYPTOGRAPHIC (0x11000001) tcp://127.0.0.1:5555`.
    package var description: String {
        let detail: String
        switch event {
        case .connectDelayed, .bindFailed, .acceptFailed, .closeFailed, .handshakeFailedNoDetail:
            detail = ZMQError.errnoName(Int32(bitPattern: value))
        case .connected, .listening, .accepted, .closed, .disconnected:
            detail = "fd \(value)"
        case .connectRetried:
            detail = "in \(value) ms"
        case .handshakeFailedProtocol:
            let hex = "0x" + String(value, radix: 16)
            detail = Self.protocolErrors[Int32(bitPattern: value)].map { "\($0) (\(hex))" } ?? hex
        case .handshakeFailedAuth:
            detail = "ZAP status \(value)"
        case .monitorStopped, .handshakeSucceeded:
            detail = ""
        case .other:
            detail = "value \(value)"
        }
        return [event.description, detail, endpoint].filter { !$0.isEmpty }.joined(separator: " ")
    }

    private static let protocolErrors: [Int32: String] = [
        ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED: "ZMTP_UNSPECIFIED",
        ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND: "ZMTP_UNEXPECTED_COMMAND",
        ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE: "ZMTP_INVALID_SEQUENCE",
        ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE: "ZMTP_KEY_EXCHANGE",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED: "ZMTP_MALFORMED_COMMAND_UNSPECIFIED",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE: "ZMTP_MALFORMED_COMMAND_MESSAGE",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO: "ZMTP_MALFORMED_COMMAND_HELLO",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE: "ZMTP_MALFORMED_COMMAND_INITIATE",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR: "ZMTP_MALFORMED_COMMAND_ERROR",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY: "ZMTP_MALFORMED_COMMAND_READY",
        ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME: "ZMTP_MALFORMED_COMMAND_WELCOME",
        ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA: "ZMTP_INVALID_METADATA",
        ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC: "ZMTP_CRYPTOGRAPHIC",
        ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH: "ZMTP_MECHANISM_MISMATCH",
        ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED: "ZAP_UNSPECIFIED",
        ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY: "ZAP_MALFORMED_REPLY",
        ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID: "ZAP_BAD_REQUEST_ID",
        ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION: "ZAP_BAD_VERSION",
        ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE: "ZAP_INVALID_STATUS_CODE",
        ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA: "ZAP_INVALID_METADATA",
        ZMQ_PROTOCOL_ERROR_WS_UNSPECIFIED: "WS_UNSPECIFIED",
    ]
}
