/// A set of Unicode scalar values as sorted, non-overlapping ranges, with an ASCII bitmap for
/// the common case. Used by ``SimplePattern`` for character classes, `.` and `\d \w \s`.
struct ScalarSet: Sendable {
    /// Sorted, merged ranges of scalar values.
    private(set) var ranges: [ClosedRange<UInt32>]
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    init(_ ranges: [ClosedRange<UInt32>]) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
        for value in UInt32(0)..<128 where merged.contains(where: { $0.contains(value) }) {
            if value < 64 { asciiLow |= 1 << UInt64(value) } else { asciiHigh |= 1 << UInt64(value - 64) }
        }
    }

    /// Every scalar value not in this set (within 0...0x10FFFF).
    var complement: ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return ScalarSet(result)
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        for range in ranges where range.contains(value) { return true }
        return false
    }

    /// A member to use when generating a matching string: a lowercase letter, digit or capital
    /// if there is one, else the first printable member, else `nil` for an empty set.
    var representative: Unicode.Scalar? {
        for candidate in ["a", "0", "A", "-", "_", "x", " "] as [Unicode.Scalar] where contains(candidate.value) {
            return candidate
        }
        for range in ranges {
            var value = max(range.lowerBound, 0x21)
            while value <= range.upperBound {
                if let scalar = Unicode.Scalar(value) { return scalar }
                value += 1
                if value > range.lowerBound + 0x1000 { break }
            }
        }
        return ranges.first.flatMap { Unicode.Scalar($0.lowerBound) }
    }

    static let digits = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262 `\s`: white space and line terminators.
    static let space = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// ECMA-262 `.` without the `s` flag: anything but a line terminator.
    static let dot = ScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]).complement
}
