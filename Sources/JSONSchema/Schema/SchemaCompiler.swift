/// Turns schema documents into ``SchemaNode``s, resolving every `$ref` to a node index.
///
/// First every document is indexed: each resource (`$id`) and `$anchor` is recorded with its base
/// URI. Then schemas are compiled on demand and memoized by document and JSON Pointer, with a
/// placeholder node reserved before the children are compiled, so recursive references terminate.
/// Keyword parsing is in `SchemaCompiler+Keywords.swift`.
final class SchemaCompiler {
    /// A place a `$ref` can point at without a JSON Pointer: a resource root or an anchor.
    struct Target {
        let value: JSONValue
        let document: Int
        let pointer: [String]
        /// The base URI the schema's own `$id` (if any) is resolved against.
        let parentBase: String
        /// The base URI inside the schema (after its `$id`).
        let base: String
    }

    private let documents: [JSONValue]
    /// Resolved `$id` of each document root (`""` for an anonymous one).
    private(set) var documentIDs: [String] = []
    /// Resources by absolute URI without fragment.
    private(set) var resources: [String: Target] = [:]
    private var anchors: [String: Target] = [:]
    private(set) var nodes: [SchemaNode] = []
    private var memo: [String: Int] = [:]

    static let singleSchemaKeywords = [
        "additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames",
    ]
    static let schemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    static let schemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Indexes `documents`. With `requireIDs`, each document root must have an `$id`.
    init(documents: [JSONValue], requireIDs: Bool) throws(SchemaError) {
        self.documents = documents
        for (document, value) in documents.enumerated() {
            if requireIDs, value["$id"] == nil {
                let title = value["title"]?.stringValue.map { " (\"\($0)\")" } ?? ""
                throw SchemaError(
                    .missingID, at: "document \(document)\(title)",
                    "a schema added to a registry needs an \"$id\" to be found by")
            }
            documentIDs.append("")
            try index(value, parentBase: "", document: document, pointer: [])
        }
    }

    /// Compiles a document's root schema (and, through it, everything it reaches).
    func compileDocument(_ document: Int) throws(SchemaError) -> Int {
        try compile(documents[document], parentBase: "", document: document, pointer: [])
    }

    /// Compiles the schema at a resource root.
    func compile(_ target: Target) throws(SchemaError) -> Int {
        try compile(target.value, parentBase: target.parentBase, document: target.document, pointer: target.pointer)
    }

    // MARK: Indexing

    private func index(_ value: JSONValue, parentBase: String, document: Int, pointer: [String]) throws(SchemaError) {
        guard case .object(let keywords) = value else { return }
        var base = parentBase
        let location = "\(documentIDs[document])#\(JSONPointer.string(pointer))"
        if let idValue = keywords["$id"] {
            guard case .string(let id) = idValue else {
                throw SchemaError(.invalidKeyword, at: location, "\"$id\" must be a string, found \(idValue.brief)")
            }
            let (uri, fragment) = URIReference.split(id)
            if let fragment, !fragment.isEmpty {
                throw SchemaError(
                    .invalidKeyword, at: location, "\"$id\" must not have a fragment (use \"$anchor\"), found \"\(id)\""
                )
            }
            base = URIReference.resolve(uri, against: parentBase)
            guard resources[base] == nil else {
                throw SchemaError(.duplicateID, at: location, "another schema already has the \"$id\" \"\(base)\"")
            }
            if pointer.isEmpty { documentIDs[document] = base }
        }
        let target = Target(value: value, document: document, pointer: pointer, parentBase: parentBase, base: base)
        if keywords["$id"] != nil || (pointer.isEmpty && resources[base] == nil) {
            resources[base] = target
        }
        if let anchorValue = keywords["$anchor"] {
            guard case .string(let anchor) = anchorValue, !anchor.isEmpty, !anchor.contains("/") else {
                throw SchemaError(
                    .invalidKeyword, at: location, "\"$anchor\" must be a plain name, found \(anchorValue.brief)")
            }
            anchors["\(base)#\(anchor)"] = target
        }
        for keyword in Self.singleSchemaKeywords {
            if let child = keywords[keyword] {
                try index(child, parentBase: base, document: document, pointer: pointer + [keyword])
            }
        }
        for keyword in Self.schemaMapKeywords {
            if case .object(let members)? = keywords[keyword] {
                for (name, child) in members {
                    try index(child, parentBase: base, document: document, pointer: pointer + [keyword, name])
                }
            }
        }
        for keyword in Self.schemaArrayKeywords {
            if case .array(let elements)? = keywords[keyword] {
                for (offset, child) in elements.enumerated() {
                    try index(
                        child, parentBase: base, document: document, pointer: pointer + [keyword, String(offset)])
                }
            }
        }
    }

    // MARK: Compiling

    /// Compiles the schema `value` found at `pointer` in `document`, once.
    func compile(
        _ value: JSONValue, parentBase: String, document: Int, pointer: [String]
    ) throws(SchemaError) -> Int {
        let pointerText = JSONPointer.string(pointer)
        let key = "\(document)#\(pointerText)"
        if let existing = memo[key] { return existing }
        let location = "\(documentIDs[document])#\(pointerText)"
        let keywords: [String: JSONValue]
        switch value {
        case .bool(let flag):
            memo[key] = nodes.count
            nodes.append(SchemaNode(kind: flag ? .anything : .nothing, location: location))
            return nodes.count - 1
        case .object(let members):
            keywords = members
        default:
            throw SchemaError(
                .invalidSchema, at: location, "a schema must be an object or a Boolean, found \(value.brief)")
        }
        let index = nodes.count
        memo[key] = index
        nodes.append(SchemaNode(kind: .anything, location: location))
        var base = parentBase
        if case .string(let id)? = keywords["$id"] {
            base = URIReference.resolve(URIReference.split(id).uri, against: parentBase)
        }
        let scope = KeywordScope(
            keywords: keywords, base: base, document: document, pointer: pointer, location: location)
        let constraints = try compileConstraints(scope)
        nodes[index].kind = constraints.isEmpty ? .anything : .constraints(constraints)
        nodes[index].examples = keywords["examples"]?.arrayValue ?? []
        if let defaultValue = keywords["default"] { nodes[index].examples.append(defaultValue) }
        return index
    }

    /// Resolves a `$ref` written in a schema whose base URI is `base`, compiling the target.
    func resolveReference(_ reference: String, base: String, location: String) throws(SchemaError) -> Int {
        let absolute = URIReference.resolve(reference, against: base)
        let (uri, fragment) = URIReference.split(absolute)
        func failure(_ why: String) -> SchemaError {
            SchemaError(.unresolvableReference, at: location, "cannot resolve \"$ref\": \"\(reference)\" (\(why))")
        }
        guard let resource = resources[uri] else {
            throw failure("no schema with \"$id\" \"\(uri)\" is registered")
        }
        let fragmentText = fragment ?? ""
        if fragmentText.isEmpty { return try compile(resource) }
        guard let tokens = JSONPointer.tokens(fromFragment: fragmentText) else {
            guard let anchor = anchors["\(uri)#\(fragmentText)"] else {
                throw failure("no \"$anchor\" \"\(fragmentText)\" in \(uri)")
            }
            return try compile(anchor)
        }
        var current = resource.value
        var targetBase = resource.base
        for (offset, token) in tokens.enumerated() {
            if offset > 0, case .string(let id)? = current["$id"] {
                targetBase = URIReference.resolve(URIReference.split(id).uri, against: targetBase)
            }
            guard let next = JSONPointer.resolve([token], in: current) else {
                throw failure("nothing at \(JSONPointer.string(tokens)) in \(uri)")
            }
            current = next
        }
        return try compile(
            current, parentBase: targetBase, document: resource.document, pointer: resource.pointer + tokens)
    }
}
