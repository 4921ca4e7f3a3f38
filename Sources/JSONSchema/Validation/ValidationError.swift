/// One way an instance fails its schema.
///
/// `description` reads `/deadline: "2026-13-01" is not a valid date-time` — the instance path
/// (`/` for the document itself), a colon, and ``message``.
package struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) to the failing value: `""` for the whole instance,
    /// `/recipients/0` for the first element of the member `recipients`.
    package let instancePath: String
    /// The schema keyword that failed: `required`, `type`, `format`, `additionalProperties`…
    /// (`false` for a `false` schema).
    package let keyword: String
    /// A sentence naming the problem, e.g. `missing required property "subject"`.
    package let message: String

    package init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    package var description: String { "\(instancePath.isEmpty ? "/" : instancePath): \(message)" }
}
