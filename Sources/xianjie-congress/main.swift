import XianjieDesk

// `xianjie-congress`: the congress service (see XianjieDesk and docs/agency-services.md).
await DeskMain.run(kind: .congress)
