import Foundation

/// An access policy file that cannot be used. The message names the file, the rule (1-based, with its note)
/// and the problem. Compare with `==` on the kind (the factories' arguments are ignored).
package struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case unreadable, notJSON, invalid }

    private let code: Code
    /// What happened, where, and what to do.
    package let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }

    package static func == (lhs: PolicyError, rhs: PolicyError) -> Bool { lhs.code == rhs.code }

    package static func unreadable(_ url: URL, _ reason: String) -> PolicyError {
        PolicyError(.unreadable, "cannot read the access policy \(url.path): \(reason)")
    }

    package static func notJSON(_ url: URL?, _ reason: String) -> PolicyError {
        PolicyError(
            .notJSON, "\(name(url)) is not valid JSON (\(reason)); fix the syntax, e.g. a missing comma or quote")
    }

    /// A rule (or the file's structure, when `rule` is nil) breaks the format documented on ``AccessPolicy``.
    package static func invalid(_ url: URL?, rule: Int? = nil, note: String? = nil, _ problem: String) -> PolicyError {
        var place = name(url)
        if let rule {
            place += ", rule \(rule)"
            if let note, !note.isEmpty { place += " (\"\(note)\")" }
        }
        return PolicyError(.invalid, "\(place): \(problem)")
    }

    private static func name(_ url: URL?) -> String {
        url.map { "the access policy \($0.path)" } ?? "the access policy"
    }
}
