/// A socket owned by a ``ZMQReactor``: what callers hold to send on, read from and close it.
///
/// The libzmq socket itself never leaves the reactor thread; the handle carries the
/// socket's streams and what was learnt when it was set up. Handles compare by identity.
package final class ZMQSocketHandle: Sendable, Hashable, CustomStringConvertible {
    /// Unique within the owning reactor.
    package let id: Int
    package let type: ZMQSocketType
    /// The endpoints bound, as libzmq resolved them (`tcp://127.0.0.1:*` becomes the
    /// actual port), in the order given to ``ZMQReactor/addSocket(_:options:bind:connect:)``.
    package let boundEndpoints: [String]
    /// The endpoints connected to, as given.
    package let connectedEndpoints: [String]
    /// Whether received messages carry ``ZMQMessage/userID`` (CURVE server or ZAP domain set).
    package let readsUserID: Bool
    /// Received batches for the one consumer of this socket.
    package let inbound: ZMQInboundStream
    /// Messages that could not be sent (see ``ZMQSendFailure``).
    package let failures: AsyncStream<ZMQSendFailure>

    let core: ReactorCore
    let inboundContinuation: AsyncStream<InboundBatch>.Continuation
    let failureContinuation: AsyncStream<ZMQSendFailure>.Continuation

    init(
        id: Int, type: ZMQSocketType, boundEndpoints: [String], connectedEndpoints: [String],
        readsUserID: Bool, core: ReactorCore, inboundLimit: Int, inboundByteLimit: Int,
        failureBufferLimit: Int
    ) {
        self.id = id
        self.readsUserID = readsUserID
        self.type = type
        self.boundEndpoints = boundEndpoints
        self.connectedEndpoints = connectedEndpoints
        self.core = core
        let (stream, continuation) = AsyncStream.makeStream(of: InboundBatch.self, bufferingPolicy: .unbounded)
        let gate = InboundGate(messageLimit: inboundLimit, byteLimit: inboundByteLimit, core: core)
        self.inbound = ZMQInboundStream(base: stream, gate: gate)
        self.inboundContinuation = continuation
        let (failures, failureContinuation) = AsyncStream.makeStream(
            of: ZMQSendFailure.self, bufferingPolicy: .bufferingNewest(max(1, failureBufferLimit)))
        self.failures = failures
        self.failureContinuation = failureContinuation
    }

    /// The last endpoint bound (`ZMQ_LAST_ENDPOINT`), or `nil` for a socket that only connects.
    package var lastEndpoint: String? { boundEndpoints.last }

    /// Ends both streams (after anything still buffered is consumed).
    func finishStreams() {
        inboundContinuation.finish()
        failureContinuation.finish()
    }

    package static func == (lhs: ZMQSocketHandle, rhs: ZMQSocketHandle) -> Bool { lhs === rhs }
    package func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    package var description: String {
        let endpoints = boundEndpoints.map { "bind \($0)" } + connectedEndpoints.map { "connect \($0)" }
        return "\(core.name)#\(id) \(type) \(endpoints.joined(separator: ", "))"
    }
}
