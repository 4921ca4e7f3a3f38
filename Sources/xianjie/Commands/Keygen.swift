import ArgumentParser
import Foundation
import XianjieMessages
import XianjieTrust

/// `xianjie keygen`: an agency's key pairs (CURVE for the connection, Ed25519 for signatures).
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an agency's keys: <agency>.keys.json (secret, mode 600) and <agency>.public.json.",
        discussion: "Give <agency>.public.json to the coordinator's operator (`xianjie agency add`); keep the other file on the node only.")

    @Option(help: "The agency id, e.g. hutubi.congress (or `coordinator`, or operator.NAME).")
    var agency: String

    @Option(help: "Directory for the key files (created with mode 700).")
    var dir: String

    @Flag(help: "Replace existing key files (to rotate: then `xianjie agency rotate-key`).")
    var force = false

    func run() throws {
        let agency = AgencyID(agency)
        guard agency.isWellFormed else {
            throw CLIError("\"\(agency)\" is not a valid agency id (lower-case letters, digits, . - _; 2 to 64 characters)")
        }
        let keys = try AgencyKeys.generate(for: agency)
        let files = try keys.write(to: URL(fileURLWithPath: dir, isDirectory: true), overwrite: force)
        Output.line("secret keys: \(files.secret.path) (mode 600: keep it on this node only)")
        Output.line("public keys: \(files.public.path)")
        Output.line("  CURVE   \(keys.publicKeys.curvePublicKey)")
        Output.line("  signing \(keys.publicKeys.signingPublicKey)")
    }
}
