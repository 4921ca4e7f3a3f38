import Foundation

/// The signed header of every message: CloudEvents attribute names plus the bus fields.
///
/// On the wire it is the first frame, as compact JSON; the payload (`data`) travels as its own frame
/// and the detached signature as a third. `schemas/envelope.schema.json` is the contract.
package struct EnvelopeHeader: Codable, Sendable, Equatable {
    /// CloudEvents version: always `1.0`.
    package var specversion: String
    /// Unique per source (a UUID).
    package var id: String
    /// The sending agency.
    package var source: AgencyID
    package var type: MessageType
    package var time: Date
    /// The case, meeting or agreement the message is about.
    package var subject: String?
    /// The `$id` of the payload's schema, with its version.
    package var dataschema: String
    package var datacontenttype: String?
    /// Addressees of an addressed message. Empty for bus control messages and broadcasts.
    package var recipients: [AgencyID]?
    /// The topic of a broadcast.
    package var topic: String?
    /// Per-source sequence of durable messages, from 1, without gaps.
    package var sequence: Int64?
    /// The `id` of the message this one answers.
    package var correlationid: String?
    /// The `id` of the message that caused this one.
    package var causationid: String?

    package init(
        id: String = UUID().uuidString.lowercased(),
        source: AgencyID,
        type: MessageType,
        time: Date = Date(),
        subject: String? = nil,
        dataschema: String,
        recipients: [AgencyID]? = nil,
        topic: String? = nil,
        sequence: Int64? = nil,
        correlationid: String? = nil,
        causationid: String? = nil
    ) {
        self.specversion = "1.0"
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.subject = subject
        self.dataschema = dataschema
        self.datacontenttype = "application/json"
        self.recipients = recipients
        self.topic = topic
        self.sequence = sequence
        self.correlationid = correlationid
        self.causationid = causationid
    }
}
