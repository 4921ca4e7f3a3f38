import Foundation
import JSONSchema
import XianjieMessages

/// The local control protocol of a node daemon: one JSON request frame, one JSON response frame,
/// over a DEALER connected to the node's `controlEndpoint`. `docs/running-a-node.md` documents it.
package struct ControlRequest: Codable, Sendable {
    package enum Operation: String, Codable, Sendable { case send, status, inbox, ping }

    /// A document to send, as an agency's systems or `xianjie send` write it.
    package struct Document: Codable, Sendable {
        /// Optional: makes the submission idempotent (resubmitting the same id sends nothing new).
        package var id: String?
        package var type: MessageType
        package var recipients: [AgencyID]?
        package var topic: String?
        package var subject: String?
        package var correlationid: String?
        package var causationid: String?
        package var data: JSONValue

        package init(
            id: String? = nil, type: MessageType, recipients: [AgencyID]? = nil, topic: String? = nil,
            subject: String? = nil, data: JSONValue
        ) {
            self.id = id
            self.type = type
            self.recipients = recipients
            self.topic = topic
            self.subject = subject
            self.data = data
        }
    }

    package var op: Operation
    package var documents: [Document]?
    /// For `send`: wait for the coordinator's answer before responding.
    package var wait: Bool?
    package var timeoutMs: Int?
    /// For `inbox`: deliveries after this position.
    package var after: Int64?
    package var limit: Int?
    /// For `ping`: the agency to ping.
    package var agency: AgencyID?

    package init(op: Operation, documents: [Document]? = nil, wait: Bool? = nil) {
        self.op = op
        self.documents = documents
        self.wait = wait
    }
}

package struct ControlResponse: Codable, Sendable {
    package struct Result: Codable, Sendable {
        package var id: String
        package var sequence: Int64?
        /// `committed` (in the outbox), `accepted`, `rejected` or `pending` (no answer in time; it will be resent).
        package var outcome: String
        package var reason: String?
    }

    package struct Status: Codable, Sendable {
        package var agency: AgencyID
        package var outboxLastSequence: Int64
        package var outboxUnanswered: Int64
        package var outboxRejected: Int64
        package var inboxCount: Int64
        package var lastDelivery: Int64
        package var applications: Int64
    }

    package struct Received: Codable, Sendable {
        package var position: Int64
        package var id: String
        package var source: AgencyID
        package var type: MessageType
        package var subject: String?
        package var sequence: Int64?
        package var receivedAt: Date
        package var data: JSONValue?
        /// The sender's signature as the node checked it: 1 valid, 0 not checked, -1 invalid.
        package var verified: Int?
    }

    package var ok: Bool
    package var error: String?
    package var results: [Result]?
    package var status: Status?
    package var received: [Received]?
    package var roundTripMicroseconds: Int?

    package static func failure(_ message: String) -> ControlResponse {
        ControlResponse(ok: false, error: message)
    }

    package init(
        ok: Bool, error: String? = nil, results: [Result]? = nil, status: Status? = nil, received: [Received]? = nil,
        roundTripMicroseconds: Int? = nil
    ) {
        self.ok = ok
        self.error = error
        self.results = results
        self.status = status
        self.received = received
        self.roundTripMicroseconds = roundTripMicroseconds
    }
}
