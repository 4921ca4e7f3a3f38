/// Why a schema could not be compiled or looked up.
///
/// `description` names the schema location and the problem, e.g.
/// `schema https://xianjie.example/schemas/a.json#/properties/to: "required" must be an array of strings, found 5`.
package struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem. Compare with the static members, e.g. `error.code == .unresolvableReference`.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidSchema, invalidKeyword, unsupportedKeyword, invalidPattern
            case unresolvableReference, referenceCycle, missingID, duplicateID, unknownSchema
        }
        private let base: Base

        /// A schema is neither an object nor a Boolean.
        package static let invalidSchema = Code(base: .invalidSchema)
        /// A known keyword has a value of the wrong shape (`"required": 5`, `"minLength": -1`).
        package static let invalidKeyword = Code(base: .invalidKeyword)
        /// A 2020-12 keyword this library does not implement and cannot safely ignore
        /// (`unevaluatedProperties`, `unevaluatedItems`, `$dynamicRef`).
        package static let unsupportedKeyword = Code(base: .unsupportedKeyword)
        /// A `pattern` or `patternProperties` key that is not a valid regular expression.
        package static let invalidPattern = Code(base: .invalidPattern)
        /// A `$ref` to a schema or location that does not exist.
        package static let unresolvableReference = Code(base: .unresolvableReference)
        /// References that lead back to themselves without descending into the instance
        /// (`{"$ref": "#"}`), which could never finish validating.
        package static let referenceCycle = Code(base: .referenceCycle)
        /// A document added to a registry has no `$id`.
        package static let missingID = Code(base: .missingID)
        /// Two documents or subschemas claim the same `$id`.
        package static let duplicateID = Code(base: .duplicateID)
        /// A lookup by an `$id` that no registered document has.
        package static let unknownSchema = Code(base: .unknownSchema)

        package var description: String { base.rawValue }
    }

    /// The kind of problem.
    package let code: Code
    /// Where: the schema's base URI and a JSON Pointer fragment to the offending subschema, or
    /// the id looked up.
    package let location: String
    /// What is wrong and, where it helps, what to do.
    package let reason: String

    package init(_ code: Code, at location: String, _ reason: String) {
        self.code = code
        self.location = location
        self.reason = reason
    }

    package var description: String { "schema \(location): \(reason)" }
}
