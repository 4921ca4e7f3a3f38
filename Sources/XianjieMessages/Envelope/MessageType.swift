/// The `type` attribute of an envelope, e.g. `xianjie.suggestionTransfer` or `xianjie.bus.ack`.
package struct MessageType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    package let rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var description: String { rawValue }

    /// Bus control messages (`xianjie.bus.*`) are spoken between a node and the coordinator itself.
    package var isBusControl: Bool { rawValue.hasPrefix("xianjie.bus.") }
}

/// How the coordinator carries a message type.
package enum DeliveryClass: String, Sendable, Codable {
    /// Committed to the coordinator's store before the receipt, queued per recipient, redelivered
    /// until acknowledged, applied exactly once. Every document with legal weight.
    case durable
    /// Routed to a recipient that is present, never stored: requests and replies whose sender retries
    /// (Lazy Pirate), and the bus's own control messages.
    case transient
}
