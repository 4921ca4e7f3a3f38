extension SchemaCompiler {
    /// Schemas that apply to the same instance location as `node` (`$ref`, `allOf`, `anyOf`,
    /// `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`).
    static func inPlaceSubschemas(of node: SchemaNode) -> [Int] {
        var result: [Int] = []
        for constraint in node.constraints {
            switch constraint {
            case .ref(let target): result.append(target)
            case .allOf(let schemas), .anyOf(let schemas), .oneOf(let schemas): result += schemas
            case .not(let schema): result.append(schema)
            case .conditional(let condition, let then, let otherwise):
                result.append(condition)
                if let then { result.append(then) }
                if let otherwise { result.append(otherwise) }
            case .dependentSchemas(let rules): result += rules.map(\.schema)
            default: break
            }
        }
        return result
    }

    /// Throws if some schema reaches itself through in-place subschemas only, which would make
    /// validation loop forever (`{"$ref": "#"}`). Cycles through `properties`, `items` and the
    /// like are fine: each step descends into a smaller part of the instance.
    func checkForCycles() throws(SchemaError) {
        enum Mark { case unvisited, active, done }
        var marks = Array(repeating: Mark.unvisited, count: nodes.count)
        for start in nodes.indices where marks[start] == .unvisited {
            var stack: [(node: Int, next: [Int])] = [(start, Self.inPlaceSubschemas(of: nodes[start]))]
            marks[start] = .active
            while !stack.isEmpty {
                guard let successor = stack[stack.count - 1].next.popLast() else {
                    marks[stack.removeLast().node] = .done
                    continue
                }
                switch marks[successor] {
                case .active:
                    throw SchemaError(
                        .referenceCycle, at: nodes[successor].location,
                        "this schema refers back to itself (through $ref or in-place applicators) without "
                            + "descending into the instance, so validation could never finish")
                case .unvisited:
                    marks[successor] = .active
                    stack.append((successor, Self.inPlaceSubschemas(of: nodes[successor])))
                case .done:
                    break
                }
            }
        }
    }
}
