import Foundation
import JSONSchema
import Testing
import XianjieMessages

/// Hostile input to what the coordinator runs on every message before it trusts anything: the frame and
/// header decoder (`WireMessage.decode`), the contract check (`EnvelopeValidator`: envelope and payload
/// schemas) and the payload decoding in Swift.
///
/// A seeded random generator mutates the committed corpus (`FuzzCorpus/`: hostile frames — deep nesting,
/// truncation, invalid UTF-8, huge numbers, wrong types, wrong frame counts) and valid messages of every
/// type (the samples), for a fixed count: `XIANJIE_FUZZ_ITERATIONS` (default 30,000 in the suite; set it higher
/// to fuzz longer) from `XIANJIE_FUZZ_SEED` (printed, so a failure can be replayed).
///
/// The oracle, for every input: nothing traps (a trap kills the test process); decoding either succeeds or
/// throws a typed error; and **whatever the validator accepts, Swift decodes** as the type it claims to be
/// (a schema-valid document that the coordinator's own code cannot read would be accepted and then lost).
/// An input that breaks the oracle is written to `/tmp/xianjie-fuzz-failures/` to be added to the corpus.
@Suite("Fuzzing the decoders")
struct FuzzTests {
    static let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    /// The committed corpus: each file a JSON array of frames, each frame's bytes as a Latin-1 string.
    static func corpus() throws -> [(name: String, frames: [Data])] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path).filter { $0.hasSuffix(".json") }
            .sorted()
        return try files.map { file in
            let data = try Data(contentsOf: corpusDirectory.appendingPathComponent(file))
            let strings = try JSONDecoder().decode([String].self, from: data)
            return (file, strings.map { Data($0.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) })
        }
    }

    /// Valid messages of every type in the catalog, as frames.
    static func samples() throws -> [[Data]] {
        try Samples.all.map { sample in
            let message = try wire(sample)
            return [message.headerBytes, message.data, Data(repeating: 7, count: 64)]
        }
    }

    static func wire<P: MessagePayload>(_ payload: P) throws -> WireMessage {
        let durable = P.delivery == .durable
        let header = EnvelopeHeader(
            source: "hutubi.station.erdaohe", type: P.messageType, dataschema: P.schemaID,
            recipients: durable ? ["hutubi.procuratorate"] : nil, sequence: durable ? 1 : nil)
        return try WireMessage.make(payload, header: header)
    }

    static func decodes<P: MessagePayload>(_ type: P.Type, _ data: Data) -> Error? {
        do {
            _ = try XianjieJSON.decode(P.self, from: data)
            return nil
        } catch {
            return error
        }
    }

    /// One input through the coordinator's path; a description of the broken oracle, or nil.
    static func check(_ frames: [Data], validator: EnvelopeValidator) -> String? {
        guard let message = try? WireMessage.decode(frames: frames) else { return nil }
        guard validator.check(message) == nil else { return nil }
        guard let descriptor = MessageCatalog.descriptor(for: message.header.type) else {
            return "the validator accepted an unknown type \(message.header.type)"
        }
        if let error = decodes(descriptor.payload, message.data) {
            return "the validator accepted a \(message.header.type) that Swift cannot decode: \(error)"
        }
        return nil
    }

    @Test("seeded mutations of the corpus and of every type's sample: nothing traps, what validates decodes")
    func mutations() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = Int(environment["XIANJIE_FUZZ_ITERATIONS"] ?? "") ?? 30_000
        let seed = UInt64(environment["XIANJIE_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(seed: seed)
        let validator = EnvelopeValidator(maxMessageBytes: 1 << 20)
        let corpus = try Self.corpus()
        #expect(corpus.count >= 20, "the committed corpus")
        let seeds = corpus.map(\.frames) + (try Self.samples())
        // The seeds themselves, then mutants.
        var failures: [(String, [Data])] = []
        for frames in seeds {
            if let problem = Self.check(frames, validator: validator) { failures.append((problem, frames)) }
        }
        let started = ContinuousClock.now
        for _ in 0..<iterations {
            var frames = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...(random.next() % 4) { Mutator.mutate(&frames, &random, donors: seeds) }
            if let problem = Self.check(frames, validator: validator) { failures.append((problem, frames)) }
        }
        let elapsed = ContinuousClock.now - started
        print("fuzz: seed \(seed), \(seeds.count) seeds, \(iterations) mutants in \(elapsed), \(failures.count) failures")
        if !failures.isEmpty {
            let directory = URL(fileURLWithPath: "/tmp/xianjie-fuzz-failures")
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (index, failure) in failures.prefix(20).enumerated() {
                // The corpus format: each frame's bytes as a Latin-1 string.
                let strings = failure.1.map { String(String.UnicodeScalarView($0.map { Unicode.Scalar($0) })) }
                try? JSONEncoder().encode(strings).write(to: directory.appendingPathComponent("failure-\(seed)-\(index).json"))
            }
        }
        #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(5).map(\.0))")
    }

    @Test("every corpus entry is refused, accepted or decoded as expected, never trapping", arguments: try! FuzzTests.corpus().map(\.name))
    func corpusEntry(name: String) throws {
        let entry = try #require(try Self.corpus().first { $0.name == name })
        #expect(Self.check(entry.frames, validator: EnvelopeValidator()) == nil)
        // The named hostile entries are refused, with a reason.
        if name != "valid-clue.json" {
            let refused: Bool
            if let message = try? WireMessage.decode(frames: entry.frames) {
                refused = EnvelopeValidator().check(message) != nil
            } else {
                refused = true
            }
            #expect(refused, "\(name) should be refused")
        }
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Byte- and structure-level mutations of a message's frames.
enum Mutator {
    static let tokens: [String] = [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e308", "9223372036854775808", "0.5", "\"\\u0000\"",
        "\"\\ud800\"", "\"xianjie.bus.hello\"", "\"hutubi.procuratorate\"", "\"\"", String(repeating: "[", count: 200),
    ]

    static func mutate(_ frames: inout [Data], _ random: inout SplitMix64, donors: [[Data]]) {
        switch random.next() % 10 {
        case 0 where !frames.isEmpty:  // drop or duplicate a frame
            let index = Int(random.next() % UInt64(frames.count))
            if random.next() % 2 == 0 { frames.remove(at: index) } else { frames.insert(frames[index], at: index) }
        case 1:  // splice a frame from another seed
            let donor = donors[Int(random.next() % UInt64(donors.count))]
            guard !donor.isEmpty, !frames.isEmpty else { return }
            frames[Int(random.next() % UInt64(frames.count))] = donor[Int(random.next() % UInt64(donor.count))]
        default:
            guard !frames.isEmpty else {
                frames = [Data()]
                return
            }
            // Mostly the header and data frames, where the parsers are.
            let index = Int(random.next() % UInt64(min(frames.count, 2)))
            var bytes = [UInt8](frames[index])
            mutateBytes(&bytes, &random)
            frames[index] = Data(bytes)
        }
    }

    static func mutateBytes(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
        switch random.next() % 7 {
        case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << (random.next() % 8))
        case 1 where !bytes.isEmpty: bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.insert(contentsOf: Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8), at: position)
        case 3 where !bytes.isEmpty:  // delete a run
            let length = min(bytes.count - position, Int(random.next() % 16) + 1)
            bytes.removeSubrange(position..<(position + length))
        case 4: bytes = Array(bytes.prefix(position))  // truncate
        case 5 where !bytes.isEmpty:  // repeat a run
            let length = min(bytes.count - position, Int(random.next() % 32) + 1)
            let run = bytes[position..<(position + length)]
            for _ in 0..<(random.next() % 8) { bytes.insert(contentsOf: run, at: position) }
        default:  // replace a JSON value after a colon with a token
            if let colon = bytes[position...].firstIndex(of: UInt8(ascii: ":")) {
                let end = bytes[(colon + 1)...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? bytes.count
                bytes.replaceSubrange((colon + 1)..<end, with: Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8))
            }
        }
    }
}
