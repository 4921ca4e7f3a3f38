import Crypto
import Foundation
import XianjieMessages

/// The byte layout every hash and signature input of this module uses: a fixed ASCII label, then fields,
/// each a UInt32 big-endian byte count followed by that many bytes. An absent optional field is the four
/// bytes `FF FF FF FF` and nothing else, so it differs from an empty string.
///
/// In Python: `struct.pack(">I", len(b)) + b`, or `b"\xff\xff\xff\xff"` for `None`.
struct CanonicalEncoding {
    private(set) var bytes: Data

    /// The marker of an absent field.
    static let absent: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]

    init(label: String) {
        bytes = Data(label.utf8)
    }

    /// Appends a length-prefixed byte field. Fields over 4 GiB - 2 cannot occur on the bus (messages are
    /// limited to a few MiB); their length is clamped, which no verifier would accept.
    mutating func append(_ field: Data) {
        let count = UInt32(clamping: min(field.count, Int(UInt32.max - 1)))
        bytes.append(contentsOf: [
            UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF),
        ])
        bytes.append(field)
    }

    /// Appends a length-prefixed UTF-8 text field, or the absent marker for `nil`.
    mutating func append(_ text: String?) {
        guard let text else {
            bytes.append(contentsOf: Self.absent)
            return
        }
        append(Data(text.utf8))
    }

    /// Appends an integer as decimal ASCII text (no sign for positive numbers, no leading zeros).
    mutating func append(_ number: Int64) {
        append(String(number))
    }

    /// The SHA-256 digest of the bytes.
    var sha256: Data { Data(SHA256.hash(data: bytes)) }
}

extension Data {
    /// Lowercase hexadecimal.
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Times in hashed records: whole milliseconds, written with `Timestamp.format` (`2026-11-22T02:20:57.123Z`).
///
/// Every such time is built the same way, `Date(timeIntervalSince1970: ms / 1000)`, so a value read back from
/// its text equals the value written, bit for bit.
enum RecordTime {
    /// The instant truncated to whole milliseconds, as `Timestamp.format` writes it.
    static func normalized(_ date: Date) -> Date {
        milliseconds(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The instant of a text written by `Timestamp.format` (or any RFC 3339 text, to the nearest millisecond).
    static func parse(_ text: String) -> Date? {
        guard let date = Timestamp.parse(text) else { return nil }
        return milliseconds(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    static func milliseconds(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Reads a `Timestamp` text, whatever the decoder's date strategy.
    static func decode<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> Date {
        let text = try container.decode(String.self, forKey: key)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\"\(text)\" is not an RFC 3339 date-time")
        }
        return date
    }
}
