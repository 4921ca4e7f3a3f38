/// Walks an instance against compiled ``SchemaNode``s.
///
/// In quiet mode (`collecting == false`) it stops at the first failure and builds no messages or
/// paths: that is the hot path. In collecting mode it records up to `maxErrors`
/// ``ValidationError``s, visiting object members in key order so the output is stable.
/// Keyword checks live in `Evaluator+Scalars.swift`, `+Arrays`, `+Objects` and `+Applicators`.
struct Evaluator {
    enum PathComponent {
        case key(String)
        case index(Int)
    }

    let nodes: [SchemaNode]
    var collecting: Bool
    let maxErrors: Int
    private(set) var errors: [ValidationError] = []
    private var path: [PathComponent] = []

    init(nodes: [SchemaNode], collecting: Bool, maxErrors: Int) {
        self.nodes = nodes
        self.collecting = collecting
        self.maxErrors = maxErrors
    }

    /// Whether evaluation should return at the first failure found: always when quiet, and once
    /// enough errors are collected.
    var shouldStop: Bool { !collecting || errors.count >= maxErrors }

    /// Whether `value` satisfies the schema node `index`.
    mutating func evaluate(_ value: JSONValue, _ index: Int) -> Bool {
        switch nodes[index].kind {
        case .anything:
            return true
        case .nothing:
            report("false", "no value is allowed here")
            return false
        case .constraints(let constraints):
            var valid = true
            for constraint in constraints where !check(constraint, value) {
                valid = false
                if shouldStop { return false }
            }
            return valid
        }
    }

    private mutating func check(_ constraint: Constraint, _ value: JSONValue) -> Bool {
        switch constraint {
        case .type(let types):
            if types.admits(value) { return true }
            let names = types.names
            let expected = names.count == 1 ? names[0] : "one of \(names.joined(separator: ", "))"
            report("type", "expected \(expected), found \(value.typeDescription)")
            return false
        case .const(let expected):
            if value == expected { return true }
            report("const", "\(value.brief) is not the required value \(expected.brief)")
            return false
        case .enumeration(let rule):
            if rule.contains(value) { return true }
            report("enum", "\(value.brief) is not one of \(JSONValue.briefList(rule.values))")
            return false
        case .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf:
            guard case .number(let number) = value else { return true }
            return checkNumber(constraint, number)
        case .minLength, .maxLength, .pattern, .format:
            guard case .string(let string) = value else { return true }
            return checkString(constraint, string)
        case .items, .minItems, .maxItems, .uniqueItems, .contains:
            guard case .array(let elements) = value else { return true }
            return checkArray(constraint, elements)
        case .members, .propertyNames, .required, .minProperties, .maxProperties, .dependentRequired:
            guard case .object(let members) = value else { return true }
            return checkObject(constraint, members)
        case .allOf, .anyOf, .oneOf, .not, .conditional, .ref, .dependentSchemas:
            return checkApplicator(constraint, value)
        }
    }

    /// Evaluates `schema` against a member or element, under its path. A `false` schema reports
    /// `falseMessage` under `falseKeyword` instead of the generic message.
    mutating func descend(
        _ component: PathComponent, _ value: JSONValue, _ schema: Int,
        falseKeyword: String, falseMessage: @autoclosure () -> String
    ) -> Bool {
        if collecting { path.append(component) }
        defer { if collecting { path.removeLast() } }
        if nodes[schema].isFalse {
            report(falseKeyword, falseMessage())
            return false
        }
        return evaluate(value, schema)
    }

    /// Evaluates without recording errors, for `anyOf`, `oneOf`, `not`, `if` and `contains`.
    mutating func quietly(_ value: JSONValue, _ schema: Int) -> Bool {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return evaluate(value, schema)
    }

    /// Records a problem at the current path, when collecting and below the limit.
    mutating func report(_ keyword: String, _ message: @autoclosure () -> String) {
        guard collecting, errors.count < maxErrors else { return }
        errors.append(ValidationError(instancePath: pathString, keyword: keyword, message: message()))
    }

    /// Records a problem at the member `key` of the current value.
    mutating func report(member key: String, _ keyword: String, _ message: @autoclosure () -> String) {
        guard collecting, errors.count < maxErrors else { return }
        path.append(.key(key))
        report(keyword, message())
        path.removeLast()
    }

    private var pathString: String {
        var result = ""
        for component in path {
            switch component {
            case .key(let key): result += "/" + JSONPointer.escape(key)
            case .index(let index): result += "/" + String(index)
            }
        }
        return result
    }
}
