/// This release of Xianjie, as nodes announce it in their hello and the coordinator in its welcome
/// (`xianjie/2`). Releases and what each changed on the wire: `docs/protocol.md` §11.
package enum XianjieVersion {
    package static let current = "0.2.0"
}
