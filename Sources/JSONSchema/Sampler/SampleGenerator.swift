/// Generates values for a set of schemas that apply to one instance location (all must hold).
///
/// Each attempt gathers ``SchemaFacts``, picks a type, builds a value and keeps it only if the
/// real validator accepts it. Scalars are in `SampleGenerator+Scalars.swift`, objects and arrays
/// in `SampleGenerator+Containers.swift`.
struct SampleGenerator {
    let nodes: [SchemaNode]
    var mode: JSONSchemaSampler.Mode
    private(set) var failure: SamplerError?
    private var active: [Int: Int] = [:]
    private var depth = 0

    static let maxDepth = 40

    init(nodes: [SchemaNode], mode: JSONSchemaSampler.Mode) {
        self.nodes = nodes
        self.mode = mode
    }

    /// A value valid against every schema in `schemas` (no schemas: anything), or `nil` with
    /// ``failure`` set. `variant` asks for a different value, for `uniqueItems`.
    mutating func generate(_ schemas: [Int], variant: Int = 0) -> JSONValue? {
        let location = schemas.first.map { nodes[$0].location } ?? "(unconstrained)"
        guard depth < Self.maxDepth else {
            failure = SamplerError(
                location: location, reason: "required properties recurse deeper than \(Self.maxDepth) levels")
            return nil
        }
        let recursing = schemas.contains { active[$0, default: 0] >= 2 }
        let savedMode = mode
        if recursing { mode = .minimal }
        depth += 1
        for schema in schemas { active[schema, default: 0] += 1 }
        defer {
            for schema in schemas { active[schema, default: 0] -= 1 }
            depth -= 1
            mode = savedMode
        }

        var firstAttempt: JSONValue?
        let alternatives = schemas.map { alternativeCount($0) }.max() ?? 1
        for branch in 0..<min(alternatives, 8) {
            for facts in factSets(schemas, branch: branch) where !facts.isImpossible {
                for candidate in candidates(facts, variant: variant) {
                    if isValid(candidate, schemas) { return candidate }
                    if firstAttempt == nil { firstAttempt = candidate }
                }
            }
        }
        for example in SchemaFacts(schemas, nodes: nodes).examples where isValid(example, schemas) {
            return example
        }
        if failure == nil || firstAttempt != nil {
            failure = SamplerError(location: location, reason: explain(firstAttempt, schemas))
        }
        return nil
    }

    /// The facts to try: with the `then` branches of conditionals, with the `else` branches, and
    /// with neither.
    private func factSets(_ schemas: [Int], branch: Int) -> [SchemaFacts] {
        let base = SchemaFacts(schemas, nodes: nodes, branch: branch)
        guard !base.conditionals.isEmpty else { return [base] }
        let thens = base.conditionals.compactMap(\.then)
        let elses = base.conditionals.compactMap(\.otherwise)
        return [
            SchemaFacts(schemas + thens, nodes: nodes, branch: branch),
            SchemaFacts(schemas + elses, nodes: nodes, branch: branch),
            base,
        ]
    }

    /// Candidate values in order of preference.
    private mutating func candidates(_ facts: SchemaFacts, variant: Int) -> [JSONValue] {
        if let constValue = facts.constValue { return [constValue] }
        if let first = facts.enumerations.first {
            let allowed = first.filter { value in facts.enumerations.allSatisfy { $0.contains(value) } }
            guard !allowed.isEmpty else { return [] }
            let start = variant % allowed.count
            return Array(allowed[start...] + allowed[..<start])
        }
        var result: [JSONValue] = []
        for type in typeOrder(facts) {
            switch type {
            case "null": result.append(.null)
            case "boolean": result.append(.bool(mode == .maximal ? variant % 2 == 0 : variant % 2 == 1))
            case "integer": if let value = number(facts, integer: true, variant: variant) { result.append(value) }
            case "number": if let value = number(facts, integer: false, variant: variant) { result.append(value) }
            case "string": result += strings(facts, variant: variant).prefix(12).map(JSONValue.string)
            case "array": if let value = array(facts, variant: variant) { result.append(value) }
            case "object": if let value = object(facts, variant: variant) { result.append(value) }
            default: break
            }
            if !result.isEmpty, type == "object" || type == "array" { break }
        }
        return result
    }

    /// Type names to try: the schema's `type` list (null first when minimal, last when maximal),
    /// or a type inferred from the other keywords.
    private func typeOrder(_ facts: SchemaFacts) -> [String] {
        var order: [String]
        if let types = facts.types {
            order = facts.typeNames.compactMap { name in
                guard let type = TypeSet(name: name) else { return nil }
                if types.contains(type) { return name }
                return name == "number" && types.contains(.integer) ? "integer" : nil
            }
            if order.isEmpty, types.contains(.integer) { order = ["integer"] }
        } else {
            order = []
            if facts.hasObjectFacts { order.append("object") }
            if facts.hasArrayFacts { order.append("array") }
            if facts.hasStringFacts { order.append("string") }
            if facts.hasNumberFacts { order.append("number") }
            if order.isEmpty {
                order =
                    mode == .minimal
                    ? ["null", "boolean", "number", "string", "array", "object"]
                    : ["string", "number", "boolean", "object", "array", "null"]
            }
        }
        if let null = order.firstIndex(of: "null"), order.count > 1 {
            order.remove(at: null)
            if mode == .minimal { order.insert("null", at: 0) } else { order.append("null") }
        }
        return order
    }

    func isValid(_ value: JSONValue, _ schemas: [Int]) -> Bool {
        var evaluator = Evaluator(nodes: nodes, collecting: false, maxErrors: 0)
        return schemas.allSatisfy { evaluator.evaluate(value, $0) }
    }

    private func explain(_ attempt: JSONValue?, _ schemas: [Int]) -> String {
        guard let attempt else { return "no value of an allowed type could be built" }
        var evaluator = Evaluator(nodes: nodes, collecting: true, maxErrors: 5)
        for schema in schemas { _ = evaluator.evaluate(attempt, schema) }
        let problems = evaluator.errors.map(\.description).joined(separator: "; ")
        return "the closest attempt \(attempt.brief) is invalid: \(problems)"
    }

    private func alternativeCount(_ schema: Int) -> Int {
        var count = 1
        for constraint in nodes[schema].constraints {
            switch constraint {
            case .anyOf(let schemas), .oneOf(let schemas): count = max(count, schemas.count)
            case .ref(let target) where target != schema: count = max(count, alternativeCount(target))
            default: break
            }
        }
        return count
    }
}
