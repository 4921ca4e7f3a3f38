/// A payload type of the bus: a Swift value that encodes to the JSON its schema in `schemas/` describes.
///
/// To add a message type: write its schema in `schemas/messages/`, a `Codable` struct conforming to this
/// protocol, and list it in ``MessageCatalog/all``. `docs/adding-a-message-type.md` walks through it.
package protocol MessagePayload: Codable, Sendable, Equatable {
    /// The envelope `type` that carries this payload.
    static var messageType: MessageType { get }
    /// The schema file name under `schemas/messages/`, without `.schema.json`, e.g. `clue.v1`.
    static var schemaName: String { get }
    static var delivery: DeliveryClass { get }
}

extension MessagePayload {
    /// The payload schema's `$id`, which is also the envelope's `dataschema`.
    package static var schemaID: String { SchemaID.message(schemaName) }
}

/// Where the schemas live, by `$id`.
package enum SchemaID {
    package static let base = "https://schemas.xianjie.invalid/"
    package static let envelope = base + "envelope.schema.json"
    package static let common = base + "common.schema.json"

    package static func message(_ name: String) -> String { base + "messages/\(name).schema.json" }
}
