/// A compiled JSON Schema (draft 2020-12 subset): compile once, validate many times.
///
/// Get one from ``SchemaRegistry/validator(for:)`` when schemas refer to each other, or compile a
/// self-contained document with ``init(_:)``. Validation is a walk over an indexed tree of
/// structs and enums; it allocates only for error messages.
package struct JSONSchema: Sendable {
    let program: SchemaProgram
    let root: Int

    init(program: SchemaProgram, root: Int) {
        self.program = program
        self.root = root
    }

    /// Compiles one self-contained schema document; its `$ref`s may point only inside it.
    ///
    /// - Throws: ``SchemaError`` for a malformed known keyword, an invalid `pattern`, an
    ///   unresolvable `$ref` or a reference cycle that never descends into the instance.
    package init(_ document: JSONValue) throws(SchemaError) {
        let compiler = try SchemaCompiler(documents: [document], requireIDs: false)
        let root = try compiler.compileDocument(0)
        for target in compiler.resources.values {
            _ = try compiler.compile(target)
        }
        try compiler.checkForCycles()
        self.init(program: SchemaProgram(nodes: compiler.nodes), root: root)
    }

    /// Whether `value` is valid. Stops at the first problem; the fastest check.
    package func isValid(_ value: JSONValue) -> Bool {
        var evaluator = Evaluator(nodes: program.nodes, collecting: false, maxErrors: 0)
        return evaluator.evaluate(value, root)
    }

    /// The problems with `value`, empty when it is valid.
    ///
    /// Collects up to `maxErrors` problems, in a stable order (object members by key). A valid
    /// value costs the same as ``isValid(_:)``; only an invalid one is walked a second time to
    /// describe what is wrong.
    package func validate(_ value: JSONValue, maxErrors: Int = 20) -> [ValidationError] {
        if isValid(value) { return [] }
        var evaluator = Evaluator(nodes: program.nodes, collecting: true, maxErrors: max(1, maxErrors))
        _ = evaluator.evaluate(value, root)
        return evaluator.errors
    }
}
