/// Why a byte sequence is not acceptable JSON, and where.
///
/// `description` reads like `invalid JSON at byte 17: expected ',' or '}'`; ``offset`` counts
/// bytes from 0 at the start of the input.
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem. Compare with the static members, e.g. `error.code == .duplicateKey`.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unexpectedEnd, unexpectedCharacter, invalidNumber, numberOutOfRange
            case invalidEscape, invalidUnicodeEscape, controlCharacterInString, invalidUTF8
            case duplicateKey, nestingTooDeep, trailingCharacters
        }
        private let base: Base

        /// The input stopped in the middle of a value.
        package static let unexpectedEnd = Code(base: .unexpectedEnd)
        /// A byte that cannot start or continue the value at this point.
        package static let unexpectedCharacter = Code(base: .unexpectedCharacter)
        /// A number that breaks the JSON grammar (`01`, `1.`, `-`, `1e`).
        package static let invalidNumber = Code(base: .invalidNumber)
        /// A number too large in magnitude for a `Double` (`1e400`).
        package static let numberOutOfRange = Code(base: .numberOutOfRange)
        /// A backslash followed by something other than `" \ / b f n r t u`.
        package static let invalidEscape = Code(base: .invalidEscape)
        /// A `\u` escape that is malformed or a lone UTF-16 surrogate.
        package static let invalidUnicodeEscape = Code(base: .invalidUnicodeEscape)
        /// An unescaped byte below 0x20 inside a string.
        package static let controlCharacterInString = Code(base: .controlCharacterInString)
        /// Bytes that are not well-formed UTF-8.
        package static let invalidUTF8 = Code(base: .invalidUTF8)
        /// An object with the same key twice.
        package static let duplicateKey = Code(base: .duplicateKey)
        /// Arrays and objects nested deeper than the parser's `maxDepth`.
        package static let nestingTooDeep = Code(base: .nestingTooDeep)
        /// Something other than whitespace after the top-level value.
        package static let trailingCharacters = Code(base: .trailingCharacters)

        package var description: String { base.rawValue }
    }

    /// The kind of problem.
    package let code: Code
    /// Byte offset (from 0) in the input where the problem was found.
    package let offset: Int
    /// What was wrong, e.g. `expected ',' or '}'` or `nesting deeper than 64 levels`.
    package let reason: String

    package init(_ code: Code, at offset: Int, _ reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
    }

    package var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
