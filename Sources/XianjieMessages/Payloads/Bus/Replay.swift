/// A subscriber asks for broadcasts it missed (a gap, a late join, a high-water-mark drop).
/// The coordinator answers with the stored broadcasts, in order, over the request/reply path.
package struct ReplayRequest: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.replayRequest"
    package static let schemaName = "bus-replay-request.v1"
    package static let delivery = DeliveryClass.transient

    package var topic: String
    package var fromSequence: Int64
    /// Inclusive; absent means up to the newest.
    package var toSequence: Int64?

    package init(topic: String, fromSequence: Int64, toSequence: Int64? = nil) {
        self.topic = topic
        self.fromSequence = fromSequence
        self.toSequence = toSequence
    }
}
