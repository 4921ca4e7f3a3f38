import Crypto
import Foundation
import XianjieMessages
import ZeroMQ

/// Public keys of an agency, as registered with the coordinator. JSON file `<agency>.public.json`:
///
/// ```json
/// {
///   "agency" : "hutubi.congress",
///   "curvePublicKey" : "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
///   "signingPublicKey" : "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
/// }
/// ```
///
/// Nothing in it is secret: it is what an operator registers (`xianjie agency add`) and what a third party
/// needs to verify signed documents and audit exports.
package struct PublicKeys: Codable, Sendable, Equatable {
    package var agency: AgencyID
    /// The ZeroMQ CURVE public key in Z85 (40 characters).
    package var curvePublicKey: String
    /// Base64 of the 32-byte Ed25519 public key the agency signs its messages with.
    package var signingPublicKey: String

    package init(agency: AgencyID, curvePublicKey: String, signingPublicKey: String) {
        self.agency = agency
        self.curvePublicKey = curvePublicKey
        self.signingPublicKey = signingPublicKey
    }

    package init(agency: AgencyID, curvePublicKey: String, signingKey: Curve25519.Signing.PublicKey) {
        self.init(
            agency: agency, curvePublicKey: curvePublicKey,
            signingPublicKey: signingKey.rawRepresentation.base64EncodedString())
    }

    /// Reads and checks a `<agency>.public.json` file.
    package static func load(from url: URL) throws -> PublicKeys {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KeyError.unreadable(url, SystemReason.of(error))
        }
        let keys: PublicKeys
        do {
            keys = try XianjieJSON.decode(PublicKeys.self, from: data)
        } catch {
            throw KeyError.malformed(url, "it is not a public key file (\(describe(error)))")
        }
        try keys.validate(file: url)
        return keys
    }

    /// Checks that the agency id is well formed and that both keys decode.
    package func validate(file: URL? = nil) throws {
        guard agency.isWellFormed else {
            throw KeyError.malformed(file, "\"\(agency)\" is not a valid agency id (lower-case letters, digits, . _ -)")
        }
        _ = try curveKey(file: file)
        _ = try signingKey(file: file)
    }

    /// The Ed25519 key this agency's signatures verify with.
    package func signingKey() throws -> Curve25519.Signing.PublicKey {
        try signingKey(file: nil)
    }

    /// The CURVE public key, as ZeroMQ and the ZAP handler use it.
    package func curveKey() throws -> CurveKey {
        try curveKey(file: nil)
    }

    /// The JSON of a `<agency>.public.json` file (pretty-printed, sorted keys, final newline).
    package func fileData() throws -> Data {
        try KeyFileJSON.encode(self)
    }

    private func signingKey(file: URL?) throws -> Curve25519.Signing.PublicKey {
        guard let raw = Data(base64Encoded: signingPublicKey), raw.count == 32,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw KeyError.malformed(
                file, "the signing public key of \(agency) is not base64 of a 32-byte Ed25519 key")
        }
        return key
    }

    private func curveKey(file: URL?) throws -> CurveKey {
        do {
            return try CurveKey(z85: curvePublicKey)
        } catch {
            throw KeyError.malformed(file, "the CURVE public key of \(agency) is not 40 characters of Z85")
        }
    }
}

/// JSON for key files: readable by people, stable byte for byte.
enum KeyFileJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

/// A short reason for a Foundation or POSIX error.
enum SystemReason {
    static func of(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSCocoaErrorDomain, error.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return error.localizedDescription
    }
}
