import Testing

/// One row of a keyword table: a schema, an instance, and whether the instance is valid.
struct KeywordCase: CustomTestStringConvertible, Sendable {
    let schema: String
    let instance: String
    let valid: Bool

    init(_ schema: String, _ instance: String, _ valid: Bool) {
        self.schema = schema
        self.instance = instance
        self.valid = valid
    }

    var testDescription: String { "\(instance) \(valid ? "valid" : "invalid") for \(schema)" }
}
