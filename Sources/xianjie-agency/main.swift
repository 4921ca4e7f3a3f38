import XianjieDesk

// `xianjie-agency`: the agency service (see XianjieDesk and docs/agency-services.md).
await DeskMain.run(kind: .agency)
