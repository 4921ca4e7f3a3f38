/// The compiled form shared by a ``SchemaRegistry`` and the ``JSONSchema`` values it hands out:
/// every schema as a node in one array, references as indices. Immutable, so `Sendable`.
final class SchemaProgram: Sendable {
    let nodes: [SchemaNode]

    init(nodes: [SchemaNode]) {
        self.nodes = nodes
    }
}
