/// Socket options applied before a socket binds or connects. Everything is optional;
/// `nil` keeps libzmq's default.
///
/// ```swift
/// var options = ZMQSocketOptions()
/// options.routerMandatory = true
/// options.heartbeatInterval = .seconds(1)
/// options.heartbeatTimeout = .seconds(3)
/// ```
package struct ZMQSocketOptions: Sendable {
    /// `ZMQ_ROUTING_ID`: the identity a DEALER or REQ presents to a ROUTER (1–255 bytes,
    /// not starting with a zero byte).
    package var routingID: [UInt8]?
    /// `ZMQ_ROUTER_MANDATORY`: a ROUTER send to an unknown peer fails with `EHOSTUNREACH`
    /// (and with `EAGAIN` when the peer's pipe is full) instead of being dropped silently.
    package var routerMandatory: Bool
    /// `ZMQ_ROUTER_HANDOVER`: a peer reconnecting with a routing id already in use takes it
    /// over instead of being refused.
    package var routerHandover: Bool
    /// `ZMQ_LINGER` in milliseconds. Default 0: close drops unsent messages at once;
    /// durability comes from the application's outbox. `-1` would hang shutdown.
    package var linger: Int32
    /// `ZMQ_SNDHWM` (libzmq default 1000 messages per peer).
    package var sendHighWaterMark: Int32?
    /// `ZMQ_RCVHWM` (libzmq default 1000 messages per peer).
    package var receiveHighWaterMark: Int32?
    /// `ZMQ_HEARTBEAT_IVL`: send a ZMTP PING this often.
    package var heartbeatInterval: Duration?
    /// `ZMQ_HEARTBEAT_TIMEOUT`: drop the connection when nothing arrives this long after a PING.
    package var heartbeatTimeout: Duration?
    /// `ZMQ_HEARTBEAT_TTL`: asks the peer to drop the connection after this long without
    /// traffic (rounded down to tenths of a second by libzmq).
    package var heartbeatTTL: Duration?
    /// `ZMQ_MAXMSGSIZE` in bytes: a peer sending a larger frame is disconnected (the frame
    /// is never delivered). `nil` means unlimited.
    package var maxMessageSize: Int64?
    /// `ZMQ_RECONNECT_IVL`: first delay before reconnecting (libzmq default 100 ms).
    package var reconnectInterval: Duration?
    /// `ZMQ_RECONNECT_IVL_MAX`: upper bound of the exponential reconnect back-off.
    package var reconnectIntervalMax: Duration?
    /// `ZMQ_HANDSHAKE_IVL`: how long a ZMTP (and CURVE) handshake may take (default 30 s).
    package var handshakeInterval: Duration?
    /// Topics a SUB socket subscribes to before connecting (`ZMQ_SUBSCRIBE`). Use `[[]]`
    /// for everything. Change them later with ``ZMQReactor/subscribe(_:topic:)``.
    package var subscriptions: [[UInt8]]
    /// `ZMQ_XPUB_VERBOSE`: an XPUB passes on every subscription, not only the first per topic.
    package var xpubVerbose: Bool
    /// `ZMQ_XPUB_NODROP`: an XPUB at the high-water mark fails sends with `EAGAIN` (the
    /// reactor then waits for room) instead of dropping.
    package var xpubNoDrop: Bool?
    /// `ZMQ_IMMEDIATE`: queue outgoing messages only on completed connections.
    package var immediate: Bool?
    /// `ZMQ_TCP_KEEPALIVE`: enable (`true`) or disable TCP keep-alive; `nil` keeps the OS default.
    package var tcpKeepalive: Bool?
    /// CURVE encryption and authentication; `nil` means the NULL mechanism.
    package var curve: CurveOptions?
    /// `ZMQ_ZAP_DOMAIN`: the domain passed to the ZAP handler for connections to this socket.
    package var zapDomain: String?

    /// Creates options; every parameter has a default.
    package init(
        routingID: [UInt8]? = nil,
        routerMandatory: Bool = false,
        routerHandover: Bool = false,
        linger: Int32 = 0,
        sendHighWaterMark: Int32? = nil,
        receiveHighWaterMark: Int32? = nil,
        heartbeatInterval: Duration? = nil,
        heartbeatTimeout: Duration? = nil,
        heartbeatTTL: Duration? = nil,
        maxMessageSize: Int64? = nil,
        reconnectInterval: Duration? = nil,
        reconnectIntervalMax: Duration? = nil,
        handshakeInterval: Duration? = nil,
        subscriptions: [[UInt8]] = [],
        xpubVerbose: Bool = false,
        xpubNoDrop: Bool? = nil,
        immediate: Bool? = nil,
        tcpKeepalive: Bool? = nil,
        curve: CurveOptions? = nil,
        zapDomain: String? = nil
    ) {
        self.routingID = routingID
        self.routerMandatory = routerMandatory
        self.routerHandover = routerHandover
        self.linger = linger
        self.sendHighWaterMark = sendHighWaterMark
        self.receiveHighWaterMark = receiveHighWaterMark
        self.heartbeatInterval = heartbeatInterval
        self.heartbeatTimeout = heartbeatTimeout
        self.heartbeatTTL = heartbeatTTL
        self.maxMessageSize = maxMessageSize
        self.reconnectInterval = reconnectInterval
        self.reconnectIntervalMax = reconnectIntervalMax
        self.handshakeInterval = handshakeInterval
        self.subscriptions = subscriptions
        self.xpubVerbose = xpubVerbose
        self.xpubNoDrop = xpubNoDrop
        self.immediate = immediate
        self.tcpKeepalive = tcpKeepalive
        self.curve = curve
        self.zapDomain = zapDomain
    }
}

extension ZMQSocketOptions {
    /// Whether connections to this socket go through ZAP, so messages carry a user id.
    var authenticatesPeers: Bool {
        if zapDomain != nil { return true }
        if case .server = curve?.role { return true }
        return false
    }
}

extension Duration {
    /// Whole milliseconds, clamped to `Int32` (libzmq's option type for intervals).
    var zmqMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return seconds < 0 ? 0 : Int32.max }
        let total = millis.partialValue + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
