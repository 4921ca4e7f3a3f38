import CLibZMQ

/// Configuring, binding and connecting a socket before the reactor adopts it. All of this
/// runs on the thread calling ``ZMQReactor/addSocket(_:options:bind:connect:)``.
extension RawSocket {
    /// Applies every option that is set. Options that affect connections must precede
    /// bind and connect, so callers apply them first.
    func apply(_ options: ZMQSocketOptions, type: ZMQSocketType) throws(ZMQError) {
        try set(ZMQ_LINGER, options.linger, "ZMQ_LINGER")
        if let routingID = options.routingID {
            try set(ZMQ_ROUTING_ID, bytes: routingID, "ZMQ_ROUTING_ID")
        }
        if type == .router {
            if options.routerMandatory { try set(ZMQ_ROUTER_MANDATORY, 1, "ZMQ_ROUTER_MANDATORY") }
            if options.routerHandover { try set(ZMQ_ROUTER_HANDOVER, 1, "ZMQ_ROUTER_HANDOVER") }
        }
        if let value = options.sendHighWaterMark { try set(ZMQ_SNDHWM, value, "ZMQ_SNDHWM") }
        if let value = options.receiveHighWaterMark { try set(ZMQ_RCVHWM, value, "ZMQ_RCVHWM") }
        if let value = options.heartbeatInterval {
            try set(ZMQ_HEARTBEAT_IVL, value.zmqMilliseconds, "ZMQ_HEARTBEAT_IVL")
        }
        if let value = options.heartbeatTimeout {
            try set(ZMQ_HEARTBEAT_TIMEOUT, value.zmqMilliseconds, "ZMQ_HEARTBEAT_TIMEOUT")
        }
        if let value = options.heartbeatTTL {
            try set(ZMQ_HEARTBEAT_TTL, value.zmqMilliseconds, "ZMQ_HEARTBEAT_TTL")
        }
        if let value = options.maxMessageSize {
            var size = value
            try set(ZMQ_MAXMSGSIZE, &size, MemoryLayout<Int64>.size, "ZMQ_MAXMSGSIZE")
        }
        if let value = options.reconnectInterval {
            try set(ZMQ_RECONNECT_IVL, value.zmqMilliseconds, "ZMQ_RECONNECT_IVL")
        }
        if let value = options.reconnectIntervalMax {
            try set(ZMQ_RECONNECT_IVL_MAX, value.zmqMilliseconds, "ZMQ_RECONNECT_IVL_MAX")
        }
        if let value = options.handshakeInterval {
            try set(ZMQ_HANDSHAKE_IVL, value.zmqMilliseconds, "ZMQ_HANDSHAKE_IVL")
        }
        if type == .sub {
            for topic in options.subscriptions { try set(ZMQ_SUBSCRIBE, bytes: topic, "ZMQ_SUBSCRIBE") }
        }
        if type == .xpub {
            if options.xpubVerbose { try set(ZMQ_XPUB_VERBOSE, 1, "ZMQ_XPUB_VERBOSE") }
            if let value = options.xpubNoDrop { try set(ZMQ_XPUB_NODROP, value ? 1 : 0, "ZMQ_XPUB_NODROP") }
        }
        if let value = options.immediate { try set(ZMQ_IMMEDIATE, value ? 1 : 0, "ZMQ_IMMEDIATE") }
        if let value = options.tcpKeepalive { try set(ZMQ_TCP_KEEPALIVE, value ? 1 : 0, "ZMQ_TCP_KEEPALIVE") }
        if let zapDomain = options.zapDomain {
            try set(ZMQ_ZAP_DOMAIN, bytes: Array(zapDomain.utf8), "ZMQ_ZAP_DOMAIN")
        }
        if let curve = options.curve { try apply(curve) }
    }

    private func apply(_ curve: CurveOptions) throws(ZMQError) {
        switch curve.role {
        case .server(let secretKey):
            try set(ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER")
            try set(ZMQ_CURVE_SECRETKEY, bytes: secretKey.bytes, "ZMQ_CURVE_SECRETKEY")
        case .client(let publicKey, let secretKey, let serverKey):
            try set(ZMQ_CURVE_SERVERKEY, bytes: serverKey.bytes, "ZMQ_CURVE_SERVERKEY")
            try set(ZMQ_CURVE_PUBLICKEY, bytes: publicKey.bytes, "ZMQ_CURVE_PUBLICKEY")
            try set(ZMQ_CURVE_SECRETKEY, bytes: secretKey.bytes, "ZMQ_CURVE_SECRETKEY")
        }
    }

    /// Binds and returns the resolved endpoint (`ZMQ_LAST_ENDPOINT`).
    func bind(_ endpoint: String) throws(ZMQError) -> String {
        guard zmq_bind(pointer, endpoint) == 0 else { throw .last("zmq_bind", endpoint) }
        return lastEndpoint() ?? endpoint
    }

    func connect(_ endpoint: String) throws(ZMQError) {
        guard zmq_connect(pointer, endpoint) == 0 else { throw .last("zmq_connect", endpoint) }
    }

    func lastEndpoint() -> String? {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        guard zmq_getsockopt(pointer, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func set(_ option: Int32, _ value: Int32, _ name: String) throws(ZMQError) {
        var value = value
        try set(option, &value, MemoryLayout<Int32>.size, name)
    }

    func set(_ option: Int32, bytes: [UInt8], _ name: String) throws(ZMQError) {
        let rc = bytes.withUnsafeBytes { zmq_setsockopt(pointer, option, $0.baseAddress, $0.count) }
        guard rc == 0 else { throw .last("zmq_setsockopt", name) }
    }

    private func set(_ option: Int32, _ value: UnsafeRawPointer, _ size: Int, _ name: String) throws(ZMQError) {
        guard zmq_setsockopt(pointer, option, value, size) == 0 else { throw .last("zmq_setsockopt", name) }
    }
}
