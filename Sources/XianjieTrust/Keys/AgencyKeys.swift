import Crypto
import Foundation
import XianjieMessages
import ZeroMQ

/// An agency's two key pairs: CURVE for the encrypted, authenticated connection to the coordinator, and
/// Ed25519 for signing what it sends.
///
/// Secret file `<agency>.keys.json`, mode 0600, never world-readable:
///
/// ```json
/// {
///   "agency" : "hutubi.congress",
///   "curvePublicKey" : "<40 Z85 characters>",
///   "curveSecretKey" : "<40 Z85 characters>",
///   "signingPrivateKey" : "<base64 of the 32-byte Ed25519 private key (the seed)>",
///   "signingPublicKey" : "<base64 of the 32-byte Ed25519 public key>"
/// }
/// ```
///
/// The public halves are repeated so that a file assembled from two key pairs is detected on load.
package struct AgencyKeys: Sendable {
    package let agency: AgencyID
    /// The CURVE key pair, Z85 strings as ZeroMQ takes them.
    package let curve: CurveKeyPair
    package let signing: Curve25519.Signing.PrivateKey

    package init(agency: AgencyID, curve: CurveKeyPair, signing: Curve25519.Signing.PrivateKey) {
        self.agency = agency
        self.curve = curve
        self.signing = signing
    }

    /// Fresh keys: a CURVE pair from libzmq (libsodium) and an Ed25519 pair from swift-crypto.
    package static func generate(for agency: AgencyID) throws -> AgencyKeys {
        guard agency.isWellFormed else {
            throw KeyError.generationFailed(
                "\"\(agency)\" is not a valid agency id (2 to 64 lower-case letters, digits, . _ -)")
        }
        let curve: CurveKeyPair
        do {
            curve = try CurveKeyPair.generate()
        } catch {
            throw KeyError.generationFailed(
                "libzmq could not make a CURVE key pair (\(error)); is libzmq built with CURVE?")
        }
        return AgencyKeys(agency: agency, curve: curve, signing: Curve25519.Signing.PrivateKey())
    }

    /// What the coordinator registers and others verify with.
    package var publicKeys: PublicKeys {
        PublicKeys(agency: agency, curvePublicKey: curve.publicKey, signingKey: signing.publicKey)
    }

    /// The name of the secret key file: `<agency>.keys.json`.
    package var secretFileName: String { "\(agency.rawValue).keys.json" }
    /// The name of the public key file: `<agency>.public.json`.
    package var publicFileName: String { "\(agency.rawValue).public.json" }

    /// Writes `<agency>.keys.json` (mode 0600, created with those permissions, never world-readable even for an
    /// instant) and `<agency>.public.json` (0644) into `directory`, created with mode 0700 if missing.
    ///
    /// Refuses to overwrite either file unless `overwrite`; the error names the file and how to rotate keys
    /// instead. Each file appears complete or not at all (written aside, synced, then linked or renamed).
    @discardableResult
    package func write(to directory: URL, overwrite: Bool = false) throws -> (secret: URL, public: URL) {
        let secretURL = directory.appendingPathComponent(secretFileName)
        let publicURL = directory.appendingPathComponent(publicFileName)
        if !overwrite {
            for url in [secretURL, publicURL] where SecureFile.exists(url) {
                throw KeyError.fileExists(url, agency: agency.rawValue)
            }
        }
        do {
            try SecureFile.createDirectory(directory)
        } catch {
            throw KeyError.writeFailed(secretURL, "cannot create the directory \(directory.path): \(error.reason)")
        }
        let secretData = try KeyFileJSON.encode(SecretKeyFile(self))
        let publicData = try publicKeys.fileData()
        do {
            try SecureFile.write(secretData, to: secretURL, mode: 0o600, replace: overwrite)
        } catch {
            if case .exists = error { throw KeyError.fileExists(secretURL, agency: agency.rawValue) }
            throw KeyError.writeFailed(secretURL, error.reason)
        }
        do {
            try SecureFile.write(publicData, to: publicURL, mode: 0o644, replace: overwrite)
        } catch {
            // Do not leave a secret key without its public half behind (it was created just now).
            if !overwrite { unlink(secretURL.path) }
            if case .exists = error { throw KeyError.fileExists(publicURL, agency: agency.rawValue) }
            throw KeyError.writeFailed(publicURL, error.reason)
        }
        return (secretURL, publicURL)
    }

    /// Reads `<agency>.keys.json`. Refuses a file that group or others can access (any of the mode bits 077),
    /// with an error naming the file, its mode and `chmod 600`; checks that the public halves match the secret keys.
    package static func load(from url: URL) throws -> AgencyKeys {
        switch SecureFile.mode(of: url) {
        case .failure(let error): throw KeyError.unreadable(url, error.reason)
        case .success(let mode) where mode & 0o077 != 0: throw KeyError.insecurePermissions(url, mode: mode)
        case .success: break
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw KeyError.unreadable(url, SystemReason.of(error))
        }
        let file: SecretKeyFile
        do {
            file = try XianjieJSON.decode(SecretKeyFile.self, from: data)
        } catch {
            throw KeyError.malformed(
                url, "it is not a secret key file written by `xianjie keygen` (\(describe(error)))")
        }
        return try file.keys(file: url)
    }
}

/// The JSON layout of `<agency>.keys.json`.
private struct SecretKeyFile: Codable {
    var agency: AgencyID
    var curvePublicKey: String
    var curveSecretKey: String
    var signingPublicKey: String
    var signingPrivateKey: String

    init(_ keys: AgencyKeys) {
        agency = keys.agency
        curvePublicKey = keys.curve.publicKey
        curveSecretKey = keys.curve.secretKey
        signingPublicKey = keys.signing.publicKey.rawRepresentation.base64EncodedString()
        signingPrivateKey = keys.signing.rawRepresentation.base64EncodedString()
    }

    func keys(file url: URL) throws -> AgencyKeys {
        guard agency.isWellFormed else {
            throw KeyError.malformed(url, "\"\(agency)\" is not a valid agency id")
        }
        let curve: CurveKeyPair
        do {
            curve = try CurveKeyPair(secretKey: curveSecretKey)
        } catch {
            throw KeyError.malformed(url, "curveSecretKey is not 40 characters of Z85")
        }
        guard curve.publicKey == curvePublicKey else { throw KeyError.mismatchedKeys(url, "CURVE") }
        guard let seed = Data(base64Encoded: signingPrivateKey), seed.count == 32,
            let signing = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        else {
            throw KeyError.malformed(url, "signingPrivateKey is not base64 of a 32-byte Ed25519 private key")
        }
        guard signing.publicKey.rawRepresentation.base64EncodedString() == signingPublicKey else {
            throw KeyError.mismatchedKeys(url, "signing")
        }
        return AgencyKeys(agency: agency, curve: curve, signing: signing)
    }
}
