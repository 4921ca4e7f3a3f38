/// Just enough RFC 3986 to resolve `$id` and `$ref` values against a base URI.
enum URIReference {
    /// Splits `uri#fragment` into the part before `#` and the fragment (`nil` if no `#`).
    static func split(_ reference: String) -> (uri: String, fragment: String?) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, nil) }
        return (String(reference[..<hash]), String(reference[reference.index(after: hash)...]))
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2, without query subtleties).
    /// Works with an empty or relative base too: `resolve("b.json", against: "dir/a.json")` is
    /// `dir/b.json`. The result keeps the reference's fragment, if any.
    static func resolve(_ reference: String, against base: String) -> String {
        let (path, fragment) = split(reference)
        let baseURI = split(base).uri
        let target: String
        if path.isEmpty {
            target = baseURI
        } else if scheme(of: path) != nil {
            target = normalized(path)
        } else if path.hasPrefix("//") {
            target = scheme(of: baseURI).map { "\($0):\(path)" } ?? path
        } else if path.hasPrefix("/") {
            target = normalized(authorityPrefix(of: baseURI) + path)
        } else {
            target = normalized(directory(of: baseURI) + path)
        }
        return fragment.map { "\(target)#\($0)" } ?? target
    }

    /// The scheme (`https`, `urn`), if `uri` starts with one.
    static func scheme(of uri: String) -> String? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let candidate = uri[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(candidate)
    }

    /// `https://host` for `https://host/a/b`; `""` when there is no authority.
    private static func authorityPrefix(of uri: String) -> String {
        guard let scheme = scheme(of: uri) else { return "" }
        let rest = uri.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return "\(scheme):" }
        let afterSlashes = rest.dropFirst(2)
        let authority = afterSlashes.prefix { $0 != "/" }
        return "\(scheme)://\(authority)"
    }

    /// Everything up to and including the last `/` of the path (`https://h/a/` for
    /// `https://h/a/b.json`); `https://h/` for `https://h`; `""` for `b.json`.
    private static func directory(of uri: String) -> String {
        let prefix = authorityPrefix(of: uri)
        let path = uri.dropFirst(prefix.count)
        if path.isEmpty, prefix.hasSuffix("//") == false, prefix.contains("//") { return prefix + "/" }
        guard let slash = path.lastIndex(of: "/") else { return prefix }
        return prefix + path[...slash]
    }

    /// Removes `.` and `..` segments from the path of `uri`.
    private static func normalized(_ uri: String) -> String {
        let prefix = authorityPrefix(of: uri)
        let path = uri.dropFirst(prefix.count)
        guard path.contains(".") else { return uri }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 || (output.count == 1 && !output[0].isEmpty) { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return prefix + output.joined(separator: "/")
    }
}
