/// The `format` values this library asserts. Any other format is an annotation only.
///
/// - `date-time`: RFC 3339 `date-time`, e.g. `2026-11-22T02:20:57Z`, `2026-11-22T02:20:57.5+08:00`
///   (`T` and `Z` in either case; a leap second `:60` only at 23:59 UTC).
/// - `date`: RFC 3339 `full-date`, `YYYY-MM-DD`, with real month lengths and leap years.
/// - `time`: RFC 3339 `full-time`, e.g. `02:20:57Z` or `02:20:57.123-05:00` (offset required).
/// - `uuid`: RFC 9562 text form, 8-4-4-4-12 hex digits in either case.
enum StringFormat: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case uuid

    /// Whether `string` is well-formed in this format.
    func accepts(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            switch self {
            case .dateTime: Self.isDateTime(bytes)
            case .date: bytes.count == 10 && Self.fullDate(bytes, at: 0)
            case .time: Self.fullTime(bytes, from: 0)
            case .uuid: Self.isUUID(bytes)
            }
        }
    }

    private static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20, fullDate(bytes, at: 0), bytes[10] | 0x20 == UInt8(ascii: "t") else {
            return false
        }
        return fullTime(bytes, from: 11)
    }

    private static func fullDate(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + 10 <= bytes.count, bytes[start + 4] == UInt8(ascii: "-"),
            bytes[start + 7] == UInt8(ascii: "-"),
            let year = number(bytes, start, 4), let month = number(bytes, start + 5, 2),
            let day = number(bytes, start + 8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// `HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)` filling `bytes[start...]` exactly.
    private static func fullTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard start + 9 <= bytes.count, bytes[start + 2] == UInt8(ascii: ":"),
            bytes[start + 5] == UInt8(ascii: ":"),
            let hour = number(bytes, start, 2), let minute = number(bytes, start + 3, 2),
            let second = number(bytes, start + 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = start + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart, index < bytes.count else { return false }
        }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return false }
        } else {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), index + 6 == bytes.count,
                bytes[index + 3] == UInt8(ascii: ":"),
                let offsetHour = number(bytes, index + 1, 2), let offsetMinute = number(bytes, index + 4, 2),
                offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            // A leap second happens only at the end of 23:59 UTC.
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) else {
                    return false
                }
            }
        }
        return true
    }

    /// The decimal number in `bytes[start..<start + count]`, if all are ASCII digits.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + count {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
