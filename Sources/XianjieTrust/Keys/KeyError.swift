import Foundation

/// A key or key file that cannot be written, read or used. The message says which file, what is wrong and
/// what to do; compare errors with `==` on their kind (the factories' arguments are ignored).
package struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case fileExists, insecurePermissions, unreadable, malformed, mismatchedKeys, writeFailed, generationFailed
    }

    private let code: Code
    /// What happened, to which file, and what to do.
    package let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }

    package static func == (lhs: KeyError, rhs: KeyError) -> Bool { lhs.code == rhs.code }

    /// A key file already exists and overwriting was not asked for.
    package static func fileExists(_ url: URL, agency: String) -> KeyError {
        KeyError(
            .fileExists,
            "\(url.path) already exists; key files are never overwritten by accident. To replace \(agency)'s keys, "
                + "rotate them: generate the new keys into another directory, register the new \(agency).public.json "
                + "with the coordinator (`xianjie agency rotate-key`), then move the new files into place. "
                + "To replace these files anyway, ask for overwrite explicitly.")
    }

    /// A secret key file that group or others may access.
    package static func insecurePermissions(_ url: URL, mode: UInt16) -> KeyError {
        KeyError(
            .insecurePermissions,
            "the secret key file \(url.path) has mode \(octal(mode)): group or others can access it, so it is not used. "
                + "Run `chmod 600 \(url.path)`; if someone else could have read it, rotate the keys.")
    }

    /// A key file that cannot be read (missing, not a file, no permission).
    package static func unreadable(_ url: URL, _ reason: String) -> KeyError {
        KeyError(.unreadable, "cannot read the key file \(url.path): \(reason)")
    }

    /// A key file whose content is not what it should be.
    package static func malformed(_ url: URL?, _ problem: String) -> KeyError {
        let what = url.map { "the key file \($0.path)" } ?? "a key"
        return KeyError(.malformed, "\(what) is not usable: \(problem)")
    }

    /// A public key that does not belong to the secret key stored beside it.
    package static func mismatchedKeys(_ url: URL, _ which: String) -> KeyError {
        KeyError(
            .mismatchedKeys,
            "the key file \(url.path) is inconsistent: its \(which) public key does not belong to its secret key. "
                + "The file was edited or assembled from two key pairs; restore it from a backup or generate new keys.")
    }

    /// Writing a key file failed.
    package static func writeFailed(_ url: URL, _ reason: String) -> KeyError {
        KeyError(.writeFailed, "cannot write the key file \(url.path): \(reason)")
    }

    /// Key generation failed.
    package static func generationFailed(_ reason: String) -> KeyError {
        KeyError(.generationFailed, "cannot generate keys: \(reason)")
    }

    static func octal(_ mode: UInt16) -> String {
        let text = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
