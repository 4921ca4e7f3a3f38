/// What an audit entry records. The raw value is what is hashed and stored.
package enum AuditKind: String, Codable, Sendable, CaseIterable {
    /// A document was stored by the coordinator (a receipt `accepted` follows).
    case messageAccepted
    /// A message was refused with a typed rejection (invalid, bad signature, …).
    case messageRejected
    /// A resend of a stored message was recognised and not stored again.
    case duplicateIgnored
    /// The coordinator issued a signed receipt bound to a message hash.
    case receiptIssued
    /// A recipient acknowledged a delivery.
    case deliveryConfirmed
    /// An agency was added, suspended, revoked or given new keys.
    case registryChanged
    /// The access policy denied a message.
    case policyDenied
    /// A connection or frame was refused: unknown, revoked or mismatched key.
    case authenticationRefused
    /// A document that breaks a joint protocol (DOMAIN.md §4) was refused; the process is unchanged.
    case workflowRefused
    /// A shared process moved (a document, or the deadline engine, changed its state).
    case workflowTransition
    /// The deadline engine sent a reminder or an overdue notice.
    case deadlineFired
    /// An operator moved a driven clock.
    case clockChanged
}
