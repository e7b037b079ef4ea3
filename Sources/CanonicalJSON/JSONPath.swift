/// Where a value sits inside a document, e.g. `excerpts["R01-002"].codes["C3"].spans[0].start`.
///
/// Built as a chain of cheap links and turned into text only when an error needs it.
public final class JSONPath: Sendable, CustomStringConvertible {
    private enum Component: Sendable {
        case root
        case field(String)
        case key(String)
        case index(Int)
    }

    private let parent: JSONPath?
    private let component: Component

    private init(parent: JSONPath?, component: Component) {
        self.parent = parent
        self.component = component
    }

    public static let root = JSONPath(parent: nil, component: .root)

    /// A fixed field of a record: `.name`.
    public func field(_ name: String) -> JSONPath { JSONPath(parent: self, component: .field(name)) }
    /// An entry of a map keyed by ids: `["R01-002"]`.
    public func key(_ key: String) -> JSONPath { JSONPath(parent: self, component: .key(key)) }
    /// An element of an array: `[3]`.
    public func index(_ index: Int) -> JSONPath { JSONPath(parent: self, component: .index(index)) }

    public var description: String {
        var parts: [String] = []
        var node: JSONPath? = self
        while let current = node {
            switch current.component {
            case .root: break
            case .field(let name): parts.append(current.parent?.isRoot == true ? name : "." + name)
            case .key(let key): parts.append("[\"\(key)\"]")
            case .index(let index): parts.append("[\(index)]")
            }
            node = current.parent
        }
        let text = parts.reversed().joined()
        return text.isEmpty ? "(top level)" : text
    }

    private var isRoot: Bool {
        if case .root = component { return true }
        return false
    }
}
