/// Builds instances of a schema, for tests that prove hand-written `Codable` types accept every
/// schema-valid shape.
///
/// - The **minimal** instance has only required properties, `minItems` elements and the smallest
///   values allowed (`null` where a type list allows it, `false`, `0` or the lower bound, the
///   shortest string).
/// - The **maximal** instance has every declared property, arrays with all `prefixItems` plus one
///   `items` element, the first `enum` value or the `const`, `true`, and strings that satisfy
///   `minLength`, `maxLength`, `format` and `pattern`.
///
/// Both always validate against the schema, or generation throws. `anyOf` / `oneOf` take the
/// first alternative that works; `if`/`then`/`else` tries the `then` branch first, then `else`.
/// Recursive schemas are expanded twice in maximal mode, then minimally.
///
/// Limitation: strings for a `pattern` are built from the pattern itself only when it is a
/// sequence of characters, classes and quantifiers (``SimplePattern``); for patterns with groups,
/// alternation or lookaround the schema's string `examples` are used, and without a fitting
/// example generation fails with a ``SamplerError`` asking for one.
package struct JSONSchemaSampler: Sendable {
    /// Which instance to build.
    package enum Mode: Sendable {
        case minimal
        case maximal
    }

    private let registry: SchemaRegistry

    package init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// The smallest valid instance of the schema with this `$id`.
    package func minimalInstance(of id: String) throws(SamplerError) -> JSONValue {
        try instance(of: id, mode: .minimal)
    }

    /// A valid instance of the schema with this `$id` with every declared property present.
    package func maximalInstance(of id: String) throws(SamplerError) -> JSONValue {
        try instance(of: id, mode: .maximal)
    }

    /// A valid instance of the schema with this `$id`.
    package func instance(of id: String, mode: Mode) throws(SamplerError) -> JSONValue {
        let schema: JSONSchema
        do {
            schema = try registry.validator(for: id)
        } catch {
            throw SamplerError(location: id, reason: error.reason)
        }
        return try Self.instance(of: schema, mode: mode)
    }

    /// A valid instance of a compiled schema.
    package static func instance(of schema: JSONSchema, mode: Mode) throws(SamplerError) -> JSONValue {
        var generator = SampleGenerator(nodes: schema.program.nodes, mode: mode)
        guard let value = generator.generate([schema.root]) else {
            throw generator.failure
                ?? SamplerError(location: schema.program.nodes[schema.root].location, reason: "no instance found")
        }
        return value
    }
}

/// Why no instance could be generated, and for which subschema.
package struct SamplerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Base URI and JSON Pointer of the subschema that could not be satisfied.
    package let location: String
    /// What went wrong, with the validation errors of the closest attempt.
    package let reason: String

    package init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    package var description: String { "cannot generate an instance of \(location): \(reason)" }
}
