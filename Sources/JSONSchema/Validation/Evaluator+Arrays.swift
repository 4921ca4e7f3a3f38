extension Evaluator {
    /// `prefixItems`/`items`, `minItems`, `maxItems`, `uniqueItems`, `contains`.
    mutating func checkArray(_ constraint: Constraint, _ elements: [JSONValue]) -> Bool {
        switch constraint {
        case .items(let prefix, let rest):
            return checkItems(elements, prefix: prefix, rest: rest)
        case .minItems(let limit):
            if elements.count >= limit { return true }
            report("minItems", "array has \(Self.count(elements.count, "item")), fewer than the minimum of \(limit)")
        case .maxItems(let limit):
            if elements.count <= limit { return true }
            report("maxItems", "array has \(Self.count(elements.count, "item")), more than the maximum of \(limit)")
        case .uniqueItems:
            guard let (first, second) = Self.firstDuplicate(in: elements) else { return true }
            report("uniqueItems", "items \(first) and \(second) are equal; items must be unique")
        case .contains(let schema, let minimum, let maximum):
            var matches = 0
            for element in elements where quietly(element, schema) { matches += 1 }
            if matches >= minimum, maximum.map({ matches <= $0 }) ?? true { return true }
            guard collecting else { return false }
            let found = "array has \(Self.count(matches, "item")) matching \"contains\""
            if matches < minimum {
                report(
                    "contains",
                    minimum == 1
                        ? "array has no item matching \"contains\"" : "\(found), fewer than the minimum of \(minimum)")
            } else {
                report("maxContains", "\(found), more than the maximum of \(maximum ?? 0)")
            }
        default:
            return true
        }
        return false
    }

    private mutating func checkItems(_ elements: [JSONValue], prefix: [Int], rest: Int?) -> Bool {
        var valid = true
        for (offset, element) in elements.enumerated() {
            let schema: Int
            if offset < prefix.count {
                schema = prefix[offset]
            } else if let rest {
                if nodes[rest].isFalse {
                    report("items", "array has \(Self.count(elements.count, "item")), at most \(prefix.count) allowed")
                    return false
                }
                schema = rest
            } else {
                break
            }
            if !descend(.index(offset), element, schema, falseKeyword: "prefixItems", falseMessage: "item not allowed")
            {
                valid = false
                if shouldStop { return false }
            }
        }
        return valid
    }

    /// The indices of the first two equal elements, comparing pairwise for short arrays and by
    /// hashing for long ones.
    static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        guard elements.count > 1 else { return nil }
        if elements.count <= 16 {
            for second in 1..<elements.count {
                for first in 0..<second where elements[first] == elements[second] { return (first, second) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(elements.count)
        for (offset, element) in elements.enumerated() {
            if let first = seen[element] { return (first, offset) }
            seen[element] = offset
        }
        return nil
    }

    static func count(_ number: Int, _ noun: String) -> String {
        if number == 1 { return "1 \(noun)" }
        return noun.hasSuffix("y") ? "\(number) \(noun.dropLast())ies" : "\(number) \(noun)s"
    }
}
