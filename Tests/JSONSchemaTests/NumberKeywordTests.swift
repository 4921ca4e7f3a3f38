import JSONSchema
import Testing

@Suite("numeric keywords")
struct NumberKeywordTests {
    static let cases: [KeywordCase] = [
        .init(#"{"minimum":1.5}"#, "1.5", true),
        .init(#"{"minimum":1.5}"#, "1.4", false),
        .init(#"{"minimum":1.5}"#, "\"0\"", true),
        .init(#"{"maximum":3}"#, "3", true),
        .init(#"{"maximum":3}"#, "3.0001", false),
        .init(#"{"exclusiveMinimum":0}"#, "0.0001", true),
        .init(#"{"exclusiveMinimum":0}"#, "0", false),
        .init(#"{"exclusiveMaximum":10}"#, "9.99", true),
        .init(#"{"exclusiveMaximum":10}"#, "10", false),
        .init(#"{"minimum":-5,"maximum":5}"#, "-5", true),
        .init(#"{"minimum":-5,"maximum":5}"#, "-6", false),
        .init(#"{"multipleOf":5}"#, "35", true),
        .init(#"{"multipleOf":5}"#, "-10", true),
        .init(#"{"multipleOf":5}"#, "7", false),
        .init(#"{"multipleOf":0.01}"#, "19.99", true),
        .init(#"{"multipleOf":0.1}"#, "0.3", true),
        .init(#"{"multipleOf":0.0001}"#, "0.0075", true),
        .init(#"{"multipleOf":0.0001}"#, "0.00751", false),
        .init(#"{"multipleOf":1.5}"#, "4.5", true),
        .init(#"{"multipleOf":1.5}"#, "4", false),
        .init(#"{"multipleOf":0.5}"#, "1000000000000.5", true),
        .init(#"{"multipleOf":1}"#, "1000000000000.5", false),
        .init(#"{"multipleOf":0.123456789}"#, "1e308", false),
        .init(#"{"type":"integer","multipleOf":2}"#, "4.0", true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func messages() throws {
        let schema =
            #"{"properties":{"a":{"minimum":2},"b":{"maximum":2},"c":{"exclusiveMinimum":2},"d":{"exclusiveMaximum":2},"e":{"multipleOf":0.5}}}"#
        let found = try errors(schema, #"{"a":1,"b":3,"c":2,"d":2,"e":0.7}"#).map(\.description)
        #expect(
            found == [
                "/a: 1 is less than the minimum of 2",
                "/b: 3 is greater than the maximum of 2",
                "/c: 2 must be greater than 2",
                "/d: 2 must be less than 2",
                "/e: 0.7 is not a multiple of 0.5",
            ])
    }
}
