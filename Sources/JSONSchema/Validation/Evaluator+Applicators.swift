extension Evaluator {
    /// `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`.
    mutating func checkApplicator(_ constraint: Constraint, _ value: JSONValue) -> Bool {
        switch constraint {
        case .ref(let target):
            return evaluate(value, target)
        case .allOf(let schemas):
            var valid = true
            for schema in schemas where !evaluate(value, schema) {
                valid = false
                if shouldStop { return false }
            }
            return valid
        case .anyOf(let schemas):
            for schema in schemas where quietly(value, schema) { return true }
            report("anyOf", "does not match any of the \(schemas.count) alternatives in \"anyOf\"")
        case .oneOf(let schemas):
            var matching: [Int] = []
            for (offset, schema) in schemas.enumerated() where quietly(value, schema) {
                matching.append(offset)
                if matching.count == 2 { break }
            }
            if matching.count == 1 { return true }
            report(
                "oneOf",
                matching.isEmpty
                    ? "does not match any of the \(schemas.count) alternatives in \"oneOf\""
                    : "matches alternatives \(matching[0]) and \(matching[1]) of \"oneOf\"; exactly one must match")
        case .not(let schema):
            if !quietly(value, schema) { return true }
            report("not", "must not match the schema in \"not\"")
        case .conditional(let condition, let then, let otherwise):
            if quietly(value, condition) {
                return then.map { evaluate(value, $0) } ?? true
            }
            return otherwise.map { evaluate(value, $0) } ?? true
        case .dependentSchemas(let rules):
            guard case .object(let members) = value else { return true }
            var valid = true
            for rule in rules where members[rule.property] != nil && !evaluate(value, rule.schema) {
                valid = false
                if shouldStop { return false }
            }
            return valid
        default:
            return true
        }
        return false
    }
}
