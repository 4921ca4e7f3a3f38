import Foundation
import JSONSchema
import XianjieMessages

/// A CSV export of 12345 hotline tickets (RFC 4180: quoted fields, `""` inside quotes, commas and line
/// breaks inside quotes, CRLF or LF, UTF-8 with or without a BOM), read into clues for the procuratorate.
///
/// The first row names the columns, in Chinese or English; other columns are ignored:
///
/// | column | required | becomes |
/// |---|---|---|
/// | 工单编号 / ticket | yes | `clueId` = `12345-<ticket>` |
/// | 来电时间 / receivedAt | yes | `receivedAt`: `2024-06-07 09:30:00`, `2024/6/7 9:30`, or RFC 3339; China time (+08:00) without a zone |
/// | 地点 / place | yes | `place` |
/// | 诉求内容 / description | yes | `description` |
/// | 领域 / domain | no | `domain`: 生态环境和资源保护 … or the English names of `schemas/common.schema.json#/$defs/domain` |
/// | 来电人 / reporter | no | `reporter.name` (absent: anonymous) |
/// | 联系电话 / phone | no | checked (digits, +, -, spaces; 5–20), kept at the station: a phone number does not travel |
/// | 是否保密 / confidential | no | `confidential`: 是/否, true/false, 1/0, Y/N; default 是 when a reporter is named, else 否 |
///
/// A row is refused, with its line and the reason, when a required value is missing, a value cannot be
/// read, its ticket repeats an earlier row, it has more fields than the header, or the clue would break
/// the clue schema.
package enum HotlineCSV {
    package struct Row: Sendable {
        /// The physical line the record starts on (the header is line 1).
        package var line: Int
        package var fields: [String]
    }

    package struct Problem: Error, Sendable, CustomStringConvertible {
        package var description: String
        init(_ description: String) { self.description = description }
    }

    /// The columns, by the names a header may use.
    package enum Column: String, CaseIterable, Sendable {
        case ticket, receivedAt, place, description, domain, reporter, phone, confidential

        var names: [String] {
            switch self {
            case .ticket: ["工单编号", "工单号", "ticket"]
            case .receivedAt: ["来电时间", "受理时间", "receivedat"]
            case .place: ["地点", "事发地点", "place"]
            case .description: ["诉求内容", "内容", "description"]
            case .domain: ["领域", "domain"]
            case .reporter: ["来电人", "反映人", "reporter"]
            case .phone: ["联系电话", "电话", "phone"]
            case .confidential: ["是否保密", "保密", "confidential"]
            }
        }

        var label: String { "\(names[0]) \(rawValue)" }
        var required: Bool { [.ticket, .receivedAt, .place, .description].contains(self) }
    }

    /// Splits the text into records with their starting lines.
    package static func records(_ data: Data) throws(Problem) -> [Row] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw Problem("the file is not UTF-8 text; export the tickets as UTF-8 CSV")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var atFieldStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: start, fields: fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    if c == "\r" { continue }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                start = line
            default:
                field.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if quoted { throw Problem("line \(start): a quoted field is not closed before the end of the file") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return rows
    }

    /// Which field holds each column, from the header row.
    package static func columns(_ header: [String]) throws(Problem) -> [Column: Int] {
        var out: [Column: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = Column.allCases.first(where: { $0.names.contains(key) }), out[column] == nil { out[column] = index }
        }
        let missing = Column.allCases.filter { $0.required && out[$0] == nil }
        guard missing.isEmpty else {
            throw Problem(
                "the header (line 1) has no column " + missing.map(\.label).joined(separator: ", ")
                    + "; the columns are 工单编号, 来电时间, 地点, 诉求内容 (and optionally 领域, 来电人, 联系电话, 是否保密)")
        }
        return out
    }

    static let domains: [String: PublicInterestDomain] = {
        var map: [String: PublicInterestDomain] = [
            "生态环境和资源保护": .ecologyAndResources, "生态环境": .ecologyAndResources, "食品药品安全": .foodAndDrugSafety,
            "国有财产保护": .stateProperty, "未成年人保护": .minorsProtection, "安全生产": .workSafety, "个人信息保护": .personalInformation,
            "国有土地使用权出让": .stateLandTransfer, "英烈权益": .heroesAndMartyrs, "英烈权益保护": .heroesAndMartyrs,
            "妇女权益": .womensRights, "妇女权益保障": .womensRights, "无障碍环境建设": .accessibility, "文物保护": .culturalRelics,
            "文物和文化遗产保护": .culturalRelics, "反电信网络诈骗": .antiFraud, "农产品质量安全": .agriculturalProductQuality, "其他": .other,
        ]
        for domain in PublicInterestDomain.allCases { map[domain.rawValue.lowercased()] = domain }
        return map
    }()

    /// China time for stamps without a zone.
    static let china = TimeZone(secondsFromGMT: 8 * 3600)!

    static func date(_ text: String) -> Date? {
        if let date = Timestamp.parse(text) { return date }
        let parts = text.split(whereSeparator: { " -/:T".contains($0) }).map(String.init)
        guard (3...6).contains(parts.count), let numbers = Optional(parts.compactMap { Int($0) }), numbers.count == parts.count else {
            return nil
        }
        var components = DateComponents()
        components.year = numbers[0]
        components.month = numbers[1]
        components.day = numbers[2]
        components.hour = numbers.count > 3 ? numbers[3] : 0
        components.minute = numbers.count > 4 ? numbers[4] : 0
        components.second = numbers.count > 5 ? numbers[5] : 0
        guard let year = components.year, (1990...2100).contains(year), let month = components.month, (1...12).contains(month),
            let day = components.day, (1...31).contains(day), (0...23).contains(components.hour!), (0...59).contains(components.minute!),
            (0...60).contains(components.second!)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = china
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    /// One record as a clue, or why not.
    static func clue(_ row: Row, columns: [Column: Int], headerCount: Int) -> Result<Clue, Problem> {
        if row.fields.count > headerCount {
            return .failure(Problem("\(row.fields.count) fields where the header has \(headerCount); quote values that contain commas"))
        }
        func value(_ column: Column) -> String? {
            guard let index = columns[column], index < row.fields.count else { return nil }
            let text = row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        for column in Column.allCases where column.required && value(column) == nil {
            return .failure(Problem("\(column.label): missing (required)"))
        }
        let ticket = value(.ticket)!
        guard ticket.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$", options: .regularExpression) != nil else {
            return .failure(Problem("\(Column.ticket.label): \"\(ticket)\" is not a ticket number (letters, digits, . _ -)"))
        }
        guard let received = date(value(.receivedAt)!) else {
            return .failure(Problem("\(Column.receivedAt.label): \"\(value(.receivedAt)!)\" is not a date and time (2024-06-07 09:30)"))
        }
        var domain: PublicInterestDomain?
        if let text = value(.domain) {
            guard let known = domains[text] ?? domains[text.lowercased()] else {
                return .failure(Problem("\(Column.domain.label): \"\(text)\" is not a public-interest domain (生态环境和资源保护, 食品药品安全, …)"))
            }
            domain = known
        }
        if let phone = value(.phone), phone.range(of: "^[0-9+][0-9 -]{4,19}$", options: .regularExpression) == nil {
            return .failure(Problem("\(Column.phone.label): \"\(phone)\" is not a phone number"))
        }
        let reporter = value(.reporter).map { Person(name: $0) }
        var confidential = reporter != nil
        if let text = value(.confidential) {
            switch text.lowercased() {
            case "是", "true", "1", "y", "yes": confidential = true
            case "否", "false", "0", "n", "no": confidential = false
            default: return .failure(Problem("\(Column.confidential.label): \"\(text)\" is not 是 or 否"))
            }
        }
        let clue = Clue(
            clueId: "12345-\(ticket)", channel: .hotline12345, receivedAt: received, place: value(.place)!,
            description: value(.description)!, domain: domain, reporter: reporter, confidential: confidential)
        guard let schema = EnvelopeValidator.compiledSchemas[Clue.schemaID], let data = try? XianjieJSON.encode(clue),
            let json = try? JSONValue.parse(data)
        else { return .failure(Problem("cannot check the clue against its schema")) }
        if let error = schema.validate(json).first {
            let field = error.instancePath.split(separator: "/").first.map(String.init) ?? ""
            let column = Column.allCases.first { $0.rawValue == field }?.label ?? field
            return .failure(Problem("\(column): \(error.message)"))
        }
        return .success(clue)
    }

    /// A sample export for tests and the bench: `rows` tickets; every `badEvery`-th row is bad in one of
    /// several ways. Returns the CSV and the lines of the bad rows.
    package static func sample(rows: Int, badEvery: Int) -> (csv: Data, badLines: [Int]) {
        let places = ["大西渠镇", "五工台镇", "二十里店镇", "石梯子乡", "雀尔沟镇", "园户村镇", "呼图壁镇"]
        let problems = ["河道旁堆放建筑垃圾", "小区窨井盖缺失", "农贸市场销售过期食品", "企业夜间偷排废水", "校园周边违规售烟", "林地被非法开垦"]
        let domains = ["生态环境和资源保护", "安全生产", "食品药品安全", "生态环境和资源保护", "未成年人保护", "生态环境和资源保护"]
        var text = "工单编号,来电时间,地点,诉求内容,领域,来电人,联系电话,是否保密\r\n"
        var bad: [Int] = []
        var line = 2
        for index in 0..<rows {
            let ticket = String(format: "HT%07d", index + 1)
            var fields = [
                ticket, "2024-06-\(String(format: "%02d", index % 28 + 1)) \(String(format: "%02d", index % 24)):15",
                places[index % places.count], "\"\(problems[index % problems.count])，请求处理（工单\(index + 1)）\"",
                domains[index % domains.count], index % 3 == 0 ? "" : "市民\(index % 97)", "1399\(String(format: "%07d", index))",
                index % 3 == 0 ? "否" : "是",
            ]
            var extraLines = 0
            if index % 50 == 7 {
                // A quoted description over two lines: the record still starts on its own line.
                fields[3] = "\"\(problems[index % problems.count])，\r\n另附现场描述（工单\(index + 1)）\""
                extraLines = 1
            }
            if badEvery > 0, index % badEvery == badEvery - 1 {
                bad.append(line)
                switch (index / badEvery) % 5 {
                case 0: fields[1] = "2024-13-45 25:00"
                case 1: fields[2] = ""
                case 2: fields[4] = "交通"
                case 3: fields[0] = String(format: "HT%07d", index)  // repeats the previous row's ticket
                default: fields[6] = "call me"
                }
            }
            text += fields.joined(separator: ",") + "\r\n"
            line += 1 + extraLines
        }
        return (Data(text.utf8), bad)
    }
}
