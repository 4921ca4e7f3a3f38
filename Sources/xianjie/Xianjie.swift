import ArgumentParser

/// `xianjie`: the operator's command line.
@main
struct Xianjie: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xianjie",
        abstract: "Operate a Xianjie bus: send documents, watch the flow, see who is connected.",
        subcommands: [
            Send.self, Tail.self, Status.self, Case.self, Due.self, Clock.self, Meeting.self, AgreementCommand.self, Ballot.self, Deputy.self, ConsoleCommand.self, Ping.self, Inbox.self, Demo.self, Keygen.self,
            Agency.self, Audit.self, DeskCommand.self, ContractCommand.self,
        ])
}
