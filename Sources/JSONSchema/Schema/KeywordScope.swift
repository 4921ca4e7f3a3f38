/// The keywords of one schema object being compiled, with where they are.
struct KeywordScope {
    let keywords: [String: JSONValue]
    let base: String
    let document: Int
    let pointer: [String]
    let location: String
}
