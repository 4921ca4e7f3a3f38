import XianjieDesk

// `xianjie-procuratorate`: the procuratorate service (see XianjieDesk and docs/agency-services.md).
await DeskMain.run(kind: .procuratorate)
