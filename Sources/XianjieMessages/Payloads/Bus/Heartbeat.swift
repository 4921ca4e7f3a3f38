/// Presence, both ways. The coordinator answers each node heartbeat with its own, carrying its epoch
/// and the topic heads so a subscriber can notice a lost tail of broadcasts.
package struct Heartbeat: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.heartbeat"
    package static let schemaName = "bus-heartbeat.v1"
    package static let delivery = DeliveryClass.transient

    package var epoch: String?
    package var topicHeads: [String: Int64]?

    package init(epoch: String? = nil, topicHeads: [String: Int64]? = nil) {
        self.epoch = epoch
        self.topicHeads = topicHeads
    }
}
