import XianjieDesk

// `xianjie-station`: the station service (see XianjieDesk and docs/agency-services.md).
await DeskMain.run(kind: .station)
