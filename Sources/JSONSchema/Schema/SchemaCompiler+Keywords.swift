extension SchemaCompiler {
    /// Keywords of 2020-12 that change what is valid and that this library does not implement.
    /// Ignoring them would accept instances the schema author meant to reject, so they are errors.
    static let unsupportedKeywords = ["unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef"]

    /// Compiles the keywords of one schema object, cheapest checks first.
    func compileConstraints(_ scope: KeywordScope) throws(SchemaError) -> [Constraint] {
        for keyword in Self.unsupportedKeywords where scope.keywords[keyword] != nil {
            throw SchemaError(
                .unsupportedKeyword, at: scope.location,
                "\"\(keyword)\" is not supported by this validator; express the rule without it")
        }
        _ = try scope.string("$schema")
        _ = try scope.string("$comment")
        _ = try scope.array("examples")
        var constraints: [Constraint] = []
        if let type = try scope.types() { constraints.append(type) }
        if let value = scope.keywords["const"] { constraints.append(.const(value)) }
        if let values = try scope.array("enum") {
            constraints.append(.enumeration(EnumRule(values)))
        }
        try compileScalarKeywords(scope, into: &constraints)
        try compileArrayKeywords(scope, into: &constraints)
        try compileObjectKeywords(scope, into: &constraints)
        try compileApplicators(scope, into: &constraints)
        return constraints
    }

    private func child(_ scope: KeywordScope, _ value: JSONValue, _ tokens: String...) throws(SchemaError) -> Int {
        try compile(value, parentBase: scope.base, document: scope.document, pointer: scope.pointer + tokens)
    }

    private func schemaArray(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> [Int]? {
        guard let value = scope.keywords[keyword] else { return nil }
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw scope.invalid(keyword, "a non-empty array of schemas", value)
        }
        var indices: [Int] = []
        for (offset, element) in elements.enumerated() {
            indices.append(try child(scope, element, keyword, String(offset)))
        }
        return indices
    }

    private func schemaMap(_ scope: KeywordScope, _ keyword: String) throws(SchemaError) -> [(String, Int)]? {
        guard let members = try scope.object(keyword) else { return nil }
        var result: [(String, Int)] = []
        for name in members.keys.sorted() {
            result.append((name, try child(scope, members[name]!, keyword, name)))
        }
        return result
    }

    private func compileScalarKeywords(_ scope: KeywordScope, into constraints: inout [Constraint]) throws(SchemaError)
    {
        if let value = try scope.number("minimum") { constraints.append(.minimum(value)) }
        if let value = try scope.number("maximum") { constraints.append(.maximum(value)) }
        if let value = try scope.number("exclusiveMinimum") { constraints.append(.exclusiveMinimum(value)) }
        if let value = try scope.number("exclusiveMaximum") { constraints.append(.exclusiveMaximum(value)) }
        if let value = try scope.number("multipleOf") {
            guard value > 0 else { throw scope.invalid("multipleOf", "a number greater than 0", .number(value)) }
            constraints.append(.multipleOf(value))
        }
        if let value = try scope.nonNegativeInteger("minLength") { constraints.append(.minLength(value)) }
        if let value = try scope.nonNegativeInteger("maxLength") { constraints.append(.maxLength(value)) }
        if let name = try scope.string("format"), let format = StringFormat(rawValue: name) {
            constraints.append(.format(format))
        }
        if let source = try scope.string("pattern") {
            constraints.append(.pattern(try pattern(source, scope, keyword: "pattern")))
        }
    }

    private func pattern(_ source: String, _ scope: KeywordScope, keyword: String) throws(SchemaError) -> SchemaPattern
    {
        do {
            return try SchemaPattern(source)
        } catch {
            throw SchemaError(
                .invalidPattern, at: scope.location,
                "\"\(keyword)\" has an invalid regular expression \(JSONValue.string(source).brief): \(error.reason)")
        }
    }

    private func compileArrayKeywords(_ scope: KeywordScope, into constraints: inout [Constraint]) throws(SchemaError) {
        if case .array? = scope.keywords["items"] {
            throw scope.invalid("items", "a schema (for a tuple, use \"prefixItems\")", scope.keywords["items"]!)
        }
        let prefix = try schemaArray(scope, "prefixItems")
        let rest = try scope.keywords["items"].map { value throws(SchemaError) in try child(scope, value, "items") }
        if prefix != nil || rest != nil { constraints.append(.items(prefix: prefix ?? [], rest: rest)) }
        if let value = try scope.nonNegativeInteger("minItems") { constraints.append(.minItems(value)) }
        if let value = try scope.nonNegativeInteger("maxItems") { constraints.append(.maxItems(value)) }
        if try scope.bool("uniqueItems") == true { constraints.append(.uniqueItems) }
        let minContains = try scope.nonNegativeInteger("minContains")
        let maxContains = try scope.nonNegativeInteger("maxContains")
        if let value = scope.keywords["contains"] {
            constraints.append(.contains(try child(scope, value, "contains"), min: minContains ?? 1, max: maxContains))
        }
    }

    private func compileObjectKeywords(_ scope: KeywordScope, into constraints: inout [Constraint]) throws(SchemaError)
    {
        let declared = try schemaMap(scope, "properties") ?? []
        var patterns: [(pattern: SchemaPattern, schema: Int)] = []
        for (source, schema) in try schemaMap(scope, "patternProperties") ?? [] {
            patterns.append((try pattern(source, scope, keyword: "patternProperties"), schema))
        }
        let additional = try scope.keywords["additionalProperties"].map { value throws(SchemaError) in
            try child(scope, value, "additionalProperties")
        }
        if !declared.isEmpty || !patterns.isEmpty || additional != nil {
            constraints.append(
                .members(
                    MemberRule(
                        declared: declared.map { (name: $0.0, schema: $0.1) }, patterns: patterns,
                        additional: additional)))
        }
        if let names = try scope.stringArray("required"), !names.isEmpty { constraints.append(.required(names)) }
        if let value = try scope.nonNegativeInteger("minProperties") { constraints.append(.minProperties(value)) }
        if let value = try scope.nonNegativeInteger("maxProperties") { constraints.append(.maxProperties(value)) }
        if let value = scope.keywords["propertyNames"] {
            constraints.append(.propertyNames(try child(scope, value, "propertyNames")))
        }
        if let members = try scope.object("dependentRequired") {
            var rules: [(property: String, requires: [String])] = []
            for name in members.keys.sorted() {
                rules.append((name, try scope.stringArray(members[name]!, keyword: "dependentRequired")))
            }
            if !rules.isEmpty { constraints.append(.dependentRequired(rules)) }
        }
        if let rules = try schemaMap(scope, "dependentSchemas"), !rules.isEmpty {
            constraints.append(.dependentSchemas(rules.map { (property: $0.0, schema: $0.1) }))
        }
    }

    private func compileApplicators(_ scope: KeywordScope, into constraints: inout [Constraint]) throws(SchemaError) {
        if let reference = try scope.string("$ref") {
            let target = try resolveReference(reference, base: scope.base, location: scope.location)
            constraints.append(.ref(target))
        }
        if let schemas = try schemaArray(scope, "allOf") { constraints.append(.allOf(schemas)) }
        if let schemas = try schemaArray(scope, "anyOf") { constraints.append(.anyOf(schemas)) }
        if let schemas = try schemaArray(scope, "oneOf") { constraints.append(.oneOf(schemas)) }
        if let value = scope.keywords["not"] { constraints.append(.not(try child(scope, value, "not"))) }
        let thenSchema = try scope.keywords["then"].map { value throws(SchemaError) in try child(scope, value, "then") }
        let elseSchema = try scope.keywords["else"].map { value throws(SchemaError) in try child(scope, value, "else") }
        if let value = scope.keywords["if"], thenSchema != nil || elseSchema != nil {
            constraints.append(.conditional(if: try child(scope, value, "if"), then: thenSchema, else: elseSchema))
        } else if let value = scope.keywords["if"] {
            _ = try child(scope, value, "if")
        }
        // `$defs` apply to nothing by themselves; compiling them reports their errors now.
        _ = try schemaMap(scope, "$defs")
    }
}
