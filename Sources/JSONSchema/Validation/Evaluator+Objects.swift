extension Evaluator {
    /// `properties`/`patternProperties`/`additionalProperties`, `propertyNames`, `required`,
    /// `minProperties`, `maxProperties`, `dependentRequired`.
    mutating func checkObject(_ constraint: Constraint, _ members: [String: JSONValue]) -> Bool {
        switch constraint {
        case .members(let rule):
            return checkMembers(rule, members)
        case .required(let names):
            var valid = true
            for name in names where members[name] == nil {
                report("required", "missing required property \(JSONValue.string(name).brief)")
                valid = false
                if shouldStop { return false }
            }
            return valid
        case .propertyNames(let schema):
            var valid = true
            for key in orderedKeys(members) where !quietly(.string(key), schema) {
                report(member: key, "propertyNames", "property name \(JSONValue.string(key).brief) is not allowed")
                valid = false
                if shouldStop { return false }
            }
            return valid
        case .minProperties(let limit):
            if members.count >= limit { return true }
            report(
                "minProperties",
                "object has \(Self.count(members.count, "property")), fewer than the minimum of \(limit)")
        case .maxProperties(let limit):
            if members.count <= limit { return true }
            report(
                "maxProperties",
                "object has \(Self.count(members.count, "property")), more than the maximum of \(limit)")
        case .dependentRequired(let rules):
            var valid = true
            for rule in rules where members[rule.property] != nil {
                for name in rule.requires where members[name] == nil {
                    report(
                        "dependentRequired",
                        "missing property \(JSONValue.string(name).brief), required when "
                            + "\(JSONValue.string(rule.property).brief) is present")
                    valid = false
                    if shouldStop { return false }
                }
            }
            return valid
        default:
            return true
        }
        return false
    }

    private mutating func checkMembers(_ rule: MemberRule, _ members: [String: JSONValue]) -> Bool {
        if !collecting {
            for (key, value) in members where !checkMember(rule, key, value) { return false }
            return true
        }
        var valid = true
        for key in members.keys.sorted() where !checkMember(rule, key, members[key]!) {
            valid = false
            if shouldStop { return false }
        }
        return valid
    }

    private mutating func checkMember(_ rule: MemberRule, _ key: String, _ value: JSONValue) -> Bool {
        var matched = false
        var valid = true
        if let schema = rule.byName[key] {
            matched = true
            if !descend(.key(key), value, schema, falseKeyword: "properties", falseMessage: "property not allowed") {
                valid = false
                if shouldStop { return false }
            }
        }
        for (pattern, schema) in rule.patterns where pattern.matches(key) {
            matched = true
            if !descend(
                .key(key), value, schema, falseKeyword: "patternProperties", falseMessage: "property not allowed")
            {
                valid = false
                if shouldStop { return false }
            }
        }
        if !matched, let additional = rule.additional {
            if !descend(
                .key(key), value, additional, falseKeyword: "additionalProperties", falseMessage: "property not allowed"
            ) {
                valid = false
            }
        }
        return valid
    }

    /// Keys in a stable order when collecting, in storage order otherwise.
    func orderedKeys(_ members: [String: JSONValue]) -> [String] {
        collecting ? members.keys.sorted() : Array(members.keys)
    }
}
