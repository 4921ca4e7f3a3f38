import Foundation
import XianjieMessages

/// The access policy: which kinds of node and which agencies may send which document types to whom.
///
/// The coordinator checks every message with ``check(_:)`` before accepting it; a denial becomes a
/// `forbidden` rejection and an audit entry. **Documents are denied unless a rule allows them.** Bus
/// control types (`xianjie.bus.*`: hello, heartbeat, ack, receipt, ping …) are always allowed here: the
/// coordinator handles them itself and enforces who may send them (`protocolViolation`), so a rule naming one
/// is an error.
///
/// ## File format
///
/// A UTF-8 JSON object:
///
/// ```json
/// {
///   "description": "呼图壁县 access policy",
///   "rules": [
///     {
///       "types": ["xianjie.procuratorialSuggestion"],
///       "senders": { "kinds": ["procuratorate"] },
///       "recipients": { "kinds": ["agency", "congress", "procuratorate"] },
///       "note": "检察建议书: issued by a procuratorate to the agency, copied to congress, filed with the superior"
///     },
///     {
///       "types": ["xianjie.workBulletin"],
///       "senders": { "kinds": ["congress", "procuratorate", "coordinator"], "agencies": ["hutubi.market"] },
///       "topics": ["notices"]
///     }
///   ]
/// }
/// ```
///
/// - `description` (optional string): for people; ignored.
/// - `rules` (required array): each rule an object with only these keys:
///   - `types` (required, non-empty): document types listed in `MessageCatalog` (not `xianjie.bus.*`).
///   - `senders` (required): `{"kinds": [...], "agencies": [...]}`, at least one of them non-empty. A party
///     matches when its registered kind is in `kinds` **or** its agency id is in `agencies`.
///   - `recipients` (optional, same shape as `senders`): whom the types may be addressed to. Without it the
///     rule allows no addressed message.
///   - `topics` (optional, non-empty): broadcast topics the types may be published on. Without it the rule
///     allows no broadcast. Each rule needs `recipients`, `topics` or both.
///   - `note` (optional string): why the rule exists; error messages quote it.
/// - `kinds` (optional object): the region's own kinds of agency, each with what it is, e.g.
///   `{"audit": "审计局 (audit office)"}`. A kind name is a lower-case ASCII letter, then letters.
/// - Kinds: `congress`, `procuratorate`, `agency`, `station`, `coordinator`, `operator`, and those declared
///   in `kinds`. Agencies can be registered only with a kind the policy knows.
///
/// ## Decision
///
/// A message of type T from sender S is allowed when T is a control type, or when, among the rules that list
/// T and whose `senders` match S (call them S's rules for T):
/// 1. there is at least one;
/// 2. every recipient matches the `recipients` of at least one of them (each recipient is judged on its own,
///    as if the message were sent to it alone);
/// 3. the topic, if there is one, is in the `topics` of at least one of them;
/// 4. the message has recipients or a topic.
///
/// Rules only allow: there are no deny rules, and their order does not matter. The first failed condition is
/// the reason given in ``PolicyDecision/denied(_:)``.
///
/// Read files with ``load(from:)`` or ``parse(_:file:)``: they refuse unknown keys and invalid rules. The
/// `Codable` conformance is for embedding a policy in other documents; call ``validate(file:)`` after decoding.
package struct AccessPolicy: Sendable, Codable, Equatable {
    /// For people; ignored by the decision.
    package var description: String?
    /// The region's own kinds of agency beyond ``AgencyKind/builtIn``, each with what it is (`"audit": "审计局"`).
    package var kinds: [String: String]
    package var rules: [PolicyRule]

    package init(description: String? = nil, kinds: [String: String] = [:], rules: [PolicyRule]) {
        self.description = description
        self.kinds = kinds
        self.rules = rules
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        kinds = try container.decodeIfPresent([String: String].self, forKey: .kinds) ?? [:]
        rules = try container.decode([PolicyRule].self, forKey: .rules)
    }

    /// Whether agencies may be registered with this kind: a built-in kind or one this policy declares.
    package func knows(kind: String) -> Bool {
        AgencyKind.builtIn.contains(AgencyKind(kind)) || kinds[kind] != nil
    }

    /// Reads and validates a policy file. Errors name the file, the rule (1-based, with its note) and the problem.
    package static func load(from url: URL) throws -> AccessPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PolicyError.unreadable(url, SystemReason.of(error))
        }
        return try parse(data, file: url)
    }

    /// Reads and validates a policy from JSON bytes; `file` only names the source in errors.
    package static func parse(_ data: Data, file: URL? = nil) throws -> AccessPolicy {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw PolicyError.notJSON(file, SystemReason.of(error))
        }
        var parser = PolicyParser(file: file)
        let policy = try parser.policy(json)
        try policy.validate(file: file)
        return policy
    }

    /// Checks what the file format requires beyond its shape: known, non-control types; senders; recipients or
    /// topics; well-formed agency ids and topics.
    package func validate(file: URL? = nil) throws {
        for (index, rule) in rules.enumerated() {
            func fail(_ problem: String) -> PolicyError {
                PolicyError.invalid(file, rule: index + 1, note: rule.note, problem)
            }
            guard !rule.types.isEmpty else { throw fail("\"types\" is empty; list the document types the rule allows") }
            for type in rule.types {
                if type.isBusControl {
                    throw fail(
                        "\(type) is a bus control type; control types are always allowed and handled by the coordinator, "
                            + "remove it from the rule")
                }
                guard MessageCatalog.descriptor(for: type) != nil else {
                    let known = MessageCatalog.all.map(\.type.rawValue).filter { !$0.hasPrefix("xianjie.bus.") }
                    throw fail("unknown message type \"\(type)\"; document types are \(known.joined(separator: ", "))")
                }
            }
            guard !rule.senders.isEmpty else {
                throw fail("\"senders\" names no kind and no agency; nobody could send under this rule")
            }
            if let recipients = rule.recipients, recipients.isEmpty {
                throw fail(
                    "\"recipients\" names no kind and no agency; remove it or list whom the types may be sent to")
            }
            if let topics = rule.topics {
                guard !topics.isEmpty else { throw fail("\"topics\" is empty; remove it or list the broadcast topics") }
                for topic in topics where !Self.isWellFormedTopic(topic) {
                    throw fail("\"\(topic)\" is not a topic (letters, digits, . _ -, at most 64 characters)")
                }
            }
            guard rule.recipients != nil || rule.topics != nil else {
                throw fail("the rule has neither \"recipients\" nor \"topics\", so it allows nothing; add one of them")
            }
            for agency in (rule.senders.agencies ?? []) + (rule.recipients?.agencies ?? []) where !agency.isWellFormed {
                throw fail("\"\(agency)\" is not an agency id (lower-case letters, digits, . _ -)")
            }
        }
    }

    /// `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`, as in `docs/protocol.md`.
    static func isWellFormedTopic(_ topic: String) -> Bool {
        let bytes = Array(topic.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): if index == 0 { return false }
            default: return false
            }
        }
        return true
    }
}
