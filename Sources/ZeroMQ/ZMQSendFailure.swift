/// A message the reactor could not hand to libzmq, and why.
///
/// Reported on ``ZMQReactor/sendFailures(_:)`` for messages sent with
/// ``ZMQReactor/send(_:on:)``: a ROUTER send to an unknown peer (`EHOSTUNREACH` with
/// ROUTER_MANDATORY) or to a full peer (`EAGAIN`), a send on a socket that was closed or
/// whose reactor shut down with the message still queued, or any other libzmq error.
/// The message was dropped; the application redelivers from its outbox.
package struct ZMQSendFailure: Sendable, Error, CustomStringConvertible {
    /// The message that was not sent, as it was given to `send`.
    package let message: ZMQMessage
    /// Why it was not sent.
    package let error: ZMQError

    package init(message: ZMQMessage, error: ZMQError) {
        self.message = message
        self.error = error
    }

    package var description: String {
        "\(error) (\(message.frames.count) frames, \(message.byteCount) bytes dropped)"
    }
}
