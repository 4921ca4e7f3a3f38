import Foundation
import JSONSchema

/// The frame the coordinator puts before a message it sends to a node: `[meta, header, data, signature]`.
///
/// - `{"deliver": n}`: a queued durable message, the n-th for this node; acknowledge with ``Ack``.
/// - `{"topic": t, "tseq": n}`: the n-th broadcast on topic t (also when replayed).
/// - `{}`: a transient message (control, request, reply); nothing to acknowledge.
package struct DeliveryMeta: Codable, Sendable, Equatable {
    package var deliver: Int64?
    package var topic: String?
    package var tseq: Int64?

    package init(deliver: Int64? = nil, topic: String? = nil, tseq: Int64? = nil) {
        self.deliver = deliver
        self.topic = topic
        self.tseq = tseq
    }

    package static let transient = DeliveryMeta()

    package func encoded() -> Data {
        // The hot path (a queued delivery) skips the encoder.
        if let deliver, topic == nil { return Data("{\"deliver\":\(deliver)}".utf8) }
        return (try? XianjieJSON.encode(self)) ?? Data("{}".utf8)
    }

    package static func decode(_ data: Data) throws -> DeliveryMeta {
        guard case .object(let object) = try JSONValue.parse(data) else {
            throw EnvelopeError(.malformedFrames, "the meta frame is not a JSON object")
        }
        return DeliveryMeta(
            deliver: object["deliver"]?.int64Value, topic: object["topic"]?.stringValue,
            tseq: object["tseq"]?.int64Value)
    }
}

/// The topic frame that leads a broadcast on the coordinator's XPUB socket: `[topic, meta, header, data, signature]`.
/// Subscribers subscribe to `topicFrame(t)`; a trailing NUL keeps `notices` from matching `notices2`.
package func topicFrame(_ topic: String) -> Data { Data((topic + "\u{0}").utf8) }

/// The XPUB topic of the live flow (``FlowEvent``).
package let flowTopic = "$flow"
