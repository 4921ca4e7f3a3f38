import Crypto
import Foundation
import Testing
import XianjieMessages
import XianjieTrust

@Suite("Key files")
struct KeyFileTests {
    @Test("keygen writes the secret file 0600, the public file 0644, into a new 0700 directory")
    func writePermissions() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let directory = temporary.url.appendingPathComponent("keys/hutubi.congress")
        let keys = try AgencyKeys.generate(for: Sample.congress)
        let (secret, publicFile) = try keys.write(to: directory)

        #expect(secret.lastPathComponent == "hutubi.congress.keys.json")
        #expect(publicFile.lastPathComponent == "hutubi.congress.public.json")
        #expect(try permissions(secret) == 0o600)
        #expect(try permissions(publicFile) == 0o644)
        #expect(try permissions(directory) == 0o700)
        // No temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["hutubi.congress.keys.json", "hutubi.congress.public.json"])
    }

    @Test("the files load back as the same keys")
    func roundTrip() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let keys = try AgencyKeys.generate(for: Sample.procuratorate)
        let (secret, publicFile) = try keys.write(to: temporary.url)

        let loaded = try AgencyKeys.load(from: secret)
        #expect(loaded.agency == keys.agency)
        #expect(loaded.curve == keys.curve)
        #expect(loaded.signing.rawRepresentation == keys.signing.rawRepresentation)
        #expect(try PublicKeys.load(from: publicFile) == keys.publicKeys)
        #expect(keys.publicKeys.curvePublicKey.count == 40)
        #expect(try keys.publicKeys.signingKey().rawRepresentation == keys.signing.publicKey.rawRepresentation)
        #expect(try keys.publicKeys.curveKey().z85 == keys.curve.publicKey)
        // The secret never appears in the public file.
        let publicText = try String(contentsOf: publicFile, encoding: .utf8)
        #expect(!publicText.contains(keys.curve.secretKey))
        #expect(!publicText.contains(keys.signing.rawRepresentation.base64EncodedString()))
    }

    @Test("load refuses a secret file that group or others can access", arguments: [0o644, 0o640, 0o604, 0o660, 0o602])
    func refusesOpenPermissions(mode: Int) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (secret, _) = try AgencyKeys.generate(for: Sample.station).write(to: temporary.url)
        try setPermissions(mode, secret)

        let error = try #require(throws: KeyError.self) { try AgencyKeys.load(from: secret) }
        #expect(error == KeyError.insecurePermissions(secret, mode: 0))
        #expect(error.message.contains(secret.path))
        #expect(error.message.contains("0" + String(mode, radix: 8)))
        #expect(error.message.contains("chmod 600 \(secret.path)"))

        try setPermissions(0o600, secret)
        #expect(try AgencyKeys.load(from: secret).agency == Sample.station)
        try setPermissions(0o400, secret)
        #expect(try AgencyKeys.load(from: secret).agency == Sample.station)
    }

    @Test("write refuses to overwrite existing key files unless asked, and says how to rotate")
    func refusesOverwrite() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let first = try AgencyKeys.generate(for: Sample.congress)
        let (secret, publicFile) = try first.write(to: temporary.url)
        let before = try Data(contentsOf: secret)

        let second = try AgencyKeys.generate(for: Sample.congress)
        let error = try #require(throws: KeyError.self) { try second.write(to: temporary.url) }
        #expect(error == KeyError.fileExists(secret, agency: ""))
        #expect(error.message.contains(secret.path))
        #expect(error.message.contains("rotate"))
        #expect(try Data(contentsOf: secret) == before)

        try second.write(to: temporary.url, overwrite: true)
        #expect(try AgencyKeys.load(from: secret).curve == second.curve)
        #expect(try PublicKeys.load(from: publicFile) == second.publicKeys)
        #expect(try permissions(secret) == 0o600)
        #expect(try permissions(publicFile) == 0o644)
    }

    @Test("an existing public file alone also stops keygen, and no secret file is left behind")
    func refusesExistingPublicFile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let keys = try AgencyKeys.generate(for: Sample.forestry)
        let publicFile = temporary.url.appendingPathComponent("hutubi.forestry.public.json")
        try Data("{}".utf8).write(to: publicFile)

        let error = try #require(throws: KeyError.self) { try keys.write(to: temporary.url) }
        #expect(error.message.contains(publicFile.path))
        let secret = temporary.url.appendingPathComponent("hutubi.forestry.keys.json")
        #expect(!FileManager.default.fileExists(atPath: secret.path))
    }

    @Test("a secret file whose public half belongs to another key is refused")
    func refusesMismatchedKeys() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let keys = try AgencyKeys.generate(for: Sample.congress)
        let other = try AgencyKeys.generate(for: Sample.congress)
        let (secret, _) = try keys.write(to: temporary.url)
        var text = try String(contentsOf: secret, encoding: .utf8)
        text = text.replacingOccurrences(
            of: keys.publicKeys.signingPublicKey, with: other.publicKeys.signingPublicKey)
        try Data(text.utf8).write(to: secret)
        try setPermissions(0o600, secret)

        let error = try #require(throws: KeyError.self) { try AgencyKeys.load(from: secret) }
        #expect(error == KeyError.mismatchedKeys(secret, ""))
        #expect(error.message.contains("signing"))
    }

    @Test("malformed public key files are refused with the file named")
    func malformedPublicKeys() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let keys = try AgencyKeys.generate(for: Sample.congress).publicKeys
        let cases: [(PublicKeys, String)] = [
            (
                PublicKeys(agency: keys.agency, curvePublicKey: "short", signingPublicKey: keys.signingPublicKey),
                "CURVE"
            ),
            (PublicKeys(agency: keys.agency, curvePublicKey: keys.curvePublicKey, signingPublicKey: "AAAA"), "signing"),
            (
                PublicKeys(
                    agency: "Bad Agency", curvePublicKey: keys.curvePublicKey, signingPublicKey: keys.signingPublicKey),
                "agency id"
            ),
        ]
        for (index, (bad, fragment)) in cases.enumerated() {
            let url = temporary.url.appendingPathComponent("bad\(index).public.json")
            try bad.fileData().write(to: url)
            let error = try #require(throws: KeyError.self) { try PublicKeys.load(from: url) }
            #expect(error.message.contains(url.path))
            #expect(error.message.contains(fragment))
        }
        let missing = temporary.url.appendingPathComponent("missing.public.json")
        let error = try #require(throws: KeyError.self) { try PublicKeys.load(from: missing) }
        #expect(error.message.contains(missing.path))
    }

    @Test("generate refuses an invalid agency id")
    func generateRefusesBadId() {
        #expect(throws: KeyError.self) { try AgencyKeys.generate(for: "Not/An/Agency") }
    }
}
