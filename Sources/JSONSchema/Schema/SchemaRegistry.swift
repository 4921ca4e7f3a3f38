/// A set of schema documents that may refer to each other by `$id`, compiled together.
///
/// Build it once from every document (each needs an `$id`); every `$ref` is resolved and every
/// keyword checked then, so a registry that was built can only fail lookups of unknown ids.
/// It is immutable and `Sendable`: share one across the whole process.
///
/// ```swift
/// let registry = try SchemaRegistry(documents: [common, transfer])
/// let id = "https://xianjie.example/schemas/suggestion.transfer.v1.schema.json"
/// let errors = try registry.validate(payload, against: id)
/// ```
package struct SchemaRegistry: Sendable {
    let program: SchemaProgram
    /// Node index of each resource, by absolute `$id` without fragment.
    let roots: [String: Int]

    /// Compiles `documents`.
    ///
    /// `$ref`s may point at any registered document by absolute `$id` or by a reference relative
    /// to the referring schema's base, with an optional fragment: a JSON Pointer
    /// (`common.schema.json#/$defs/agencyId`) or an `$anchor` name.
    ///
    /// - Throws: ``SchemaError`` for a document without `$id`, a duplicate `$id`, a malformed known
    ///   keyword, an invalid `pattern`, an unresolvable `$ref`, or a reference cycle that never
    ///   descends into the instance.
    package init(documents: [JSONValue]) throws(SchemaError) {
        let compiler = try SchemaCompiler(documents: documents, requireIDs: true)
        var roots: [String: Int] = [:]
        for (uri, target) in compiler.resources {
            roots[uri] = try compiler.compile(target)
        }
        try compiler.checkForCycles()
        self.program = SchemaProgram(nodes: compiler.nodes)
        self.roots = roots
    }

    /// Every registered `$id` (documents and embedded resources), sorted.
    package var schemaIDs: [String] { roots.keys.sorted() }

    /// Whether a schema with this `$id` is registered (a trailing empty fragment `#` is ignored).
    package func contains(id: String) -> Bool {
        roots[Self.normalized(id)] != nil
    }

    /// The compiled schema with this `$id`, to validate many instances against.
    ///
    /// - Throws: ``SchemaError`` with code `unknownSchema` if no registered schema has the id.
    package func validator(for id: String) throws(SchemaError) -> JSONSchema {
        guard let root = roots[Self.normalized(id)] else {
            throw SchemaError(.unknownSchema, at: id, "no schema with this \"$id\" is registered")
        }
        return JSONSchema(program: program, root: root)
    }

    /// Validates `value` against the schema with this `$id`; see ``JSONSchema/validate(_:maxErrors:)``.
    ///
    /// - Returns: the problems found, empty when `value` is valid.
    /// - Throws: ``SchemaError`` with code `unknownSchema` if no registered schema has the id.
    package func validate(
        _ value: JSONValue, against id: String, maxErrors: Int = 20
    ) throws(SchemaError) -> [ValidationError] {
        try validator(for: id).validate(value, maxErrors: maxErrors)
    }

    private static func normalized(_ id: String) -> String {
        id.hasSuffix("#") ? String(id.dropLast()) : id
    }
}
