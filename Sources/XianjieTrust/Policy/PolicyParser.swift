import Foundation
import XianjieMessages

/// Reads the JSON tree of a policy file into an ``AccessPolicy``, rejecting unknown keys (a misspelt
/// `"recipient"` must not silently change what a rule allows) with messages that name the rule.
struct PolicyParser {
    let file: URL?
    private var rule: Int?
    private var note: String?
    private var declared: [String: String] = [:]

    init(file: URL?) { self.file = file }

    private func fail(_ problem: String) -> PolicyError {
        PolicyError.invalid(file, rule: rule, note: note, problem)
    }

    mutating func policy(_ json: Any) throws(PolicyError) -> AccessPolicy {
        guard let object = json as? [String: Any] else {
            throw fail("the file must hold a JSON object {\"rules\": [...]}")
        }
        try checkKeys(object, allowed: ["description", "kinds", "rules"], in: "the policy")
        let description = try optionalString(object["description"], "description")
        declared = try declaredKinds(object["kinds"])
        guard let rulesJSON = object["rules"] else { throw fail("\"rules\" is missing; add \"rules\": [...]") }
        guard let items = rulesJSON as? [Any] else { throw fail("\"rules\" must be an array of rule objects") }
        var rules: [PolicyRule] = []
        for (index, item) in items.enumerated() {
            rule = index + 1
            note = nil
            rules.append(try parseRule(item))
        }
        return AccessPolicy(description: description, kinds: declared, rules: rules)
    }

    /// `"kinds": {"audit": "审计局: …"}`: the region's own kinds of agency, beyond the built-in ones.
    private func declaredKinds(_ json: Any?) throws(PolicyError) -> [String: String] {
        guard let json else { return [:] }
        guard let object = json as? [String: Any] else {
            throw fail("\"kinds\" must be an object naming each new kind with what it is, e.g. {\"audit\": \"审计局\"}")
        }
        var kinds: [String: String] = [:]
        for (name, value) in object {
            let kind = AgencyKind(name)
            guard kind.isWellFormed else {
                throw fail("\"\(name)\" in \"kinds\" is not a kind name (a lower-case letter, then letters; at most 32)")
            }
            guard !AgencyKind.builtIn.contains(kind), name != "federation" else {
                throw fail("\"\(name)\" in \"kinds\" is a built-in kind; declare only new ones")
            }
            guard let text = value as? String else {
                throw fail("\"kinds\".\"\(name)\" must be a string saying what the kind is, e.g. \"审计局\"")
            }
            kinds[name] = text
        }
        return kinds
    }

    private mutating func parseRule(_ json: Any) throws(PolicyError) -> PolicyRule {
        guard let object = json as? [String: Any] else { throw fail("a rule must be a JSON object") }
        note = (object["note"] as? String)
        try checkKeys(object, allowed: ["types", "senders", "recipients", "topics", "note"], in: "a rule")
        guard let typesJSON = object["types"] else { throw fail("\"types\" is missing") }
        let types = try strings(typesJSON, "types").map(MessageType.init(rawValue:))
        guard let sendersJSON = object["senders"] else {
            throw fail("\"senders\" is missing; say who may send, e.g. \"senders\": {\"kinds\": [\"procuratorate\"]}")
        }
        let senders = try selector(sendersJSON, "senders")
        let recipients = try object["recipients"].map { json throws(PolicyError) in try selector(json, "recipients") }
        let topics = try object["topics"].map { json throws(PolicyError) in try strings(json, "topics") }
        return PolicyRule(
            types: types, senders: senders, recipients: recipients, topics: topics,
            note: try optionalString(object["note"], "note"))
    }

    private func selector(_ json: Any, _ name: String) throws(PolicyError) -> PartySelector {
        guard let object = json as? [String: Any] else {
            throw fail("\"\(name)\" must be an object {\"kinds\": [...], \"agencies\": [...]}")
        }
        try checkKeys(object, allowed: ["kinds", "agencies"], in: "\"\(name)\"")
        var kinds: [AgencyKind]?
        if let kindsJSON = object["kinds"] {
            kinds = []
            for text in try strings(kindsJSON, "\(name).kinds") {
                let kind = AgencyKind(text)
                guard AgencyKind.builtIn.contains(kind) || declared[text] != nil else {
                    let known = (AgencyKind.builtIn.map(\.rawValue) + declared.keys.sorted()).joined(separator: ", ")
                    throw fail(
                        "unknown kind \"\(text)\" in \"\(name)\"; kinds are \(known) "
                            + "(a new kind is declared first in the policy's \"kinds\")")
                }
                kinds?.append(kind)
            }
        }
        let agencies = try object["agencies"].map { json throws(PolicyError) in
            try strings(json, "\(name).agencies").map(AgencyID.init(rawValue:))
        }
        return PartySelector(kinds: kinds, agencies: agencies)
    }

    private func strings(_ json: Any, _ name: String) throws(PolicyError) -> [String] {
        guard let items = json as? [Any], let texts = items as? [String] else {
            throw fail("\"\(name)\" must be an array of strings")
        }
        return texts
    }

    private func optionalString(_ json: Any?, _ name: String) throws(PolicyError) -> String? {
        guard let json else { return nil }
        guard let text = json as? String else { throw fail("\"\(name)\" must be a string") }
        return text
    }

    private func checkKeys(_ object: [String: Any], allowed: [String], in place: String) throws(PolicyError) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw fail("unknown key \"\(key)\" in \(place); the keys are \(allowed.joined(separator: ", "))")
        }
    }
}
