import ArgumentParser
import Foundation
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// The operator's keys, for commands that talk to the coordinator (`status`, `tail`).
struct Credentials: ParsableArguments {
    @Option(help: "The operator's key file (from `xianjie keygen --agency operator.NAME`; also $XIANJIE_KEYS).")
    var keys: String?

    @Option(help: "The coordinator's public keys, coordinator.public.json (also $XIANJIE_COORDINATOR_KEYS).")
    var coordinatorKeys: String?

    /// Who the command speaks as, and the CURVE client options; insecure (no keys) when neither is given.
    func resolve() throws -> (identity: AgencyID, curve: CurveOptions?, keys: AgencyKeys?) {
        let environment = ProcessInfo.processInfo.environment
        let keysPath = keys ?? environment["XIANJIE_KEYS"]
        let coordinatorPath = coordinatorKeys ?? environment["XIANJIE_COORDINATOR_KEYS"]
        guard let keysPath else {
            return (AgencyID("operator.cli-\(ProcessInfo.processInfo.processIdentifier)"), nil, nil)
        }
        guard let coordinatorPath else {
            throw CLIError("--keys needs --coordinator-keys (the coordinator's coordinator.public.json)")
        }
        let keys = try AgencyKeys.load(from: URL(fileURLWithPath: keysPath))
        let coordinator = try PublicKeys.load(from: URL(fileURLWithPath: coordinatorPath))
        let curve = CurveOptions.client(
            publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey,
            serverKey: try CurveKey(z85: coordinator.curvePublicKey))
        return (keys.agency, curve, keys)
    }
}
