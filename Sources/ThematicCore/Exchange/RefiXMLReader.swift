#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// One element of a REFI-QDA document, by its local name (namespace prefixes and variants are ignored).
struct RefiElement {
    var name: String
    var attributes: [String: String]
    var children: [RefiElement] = []
    var text = ""
    /// The line of the file where the element starts (1-based; 0 when not read from a file), for error messages.
    var line = 0

    func child(_ name: String) -> RefiElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [RefiElement] { children.filter { $0.name == name } }
    /// An attribute by name, ignoring case (tools differ: `isCodable`, `iscodable`).
    func attribute(_ key: String) -> String? {
        attributes[key] ?? attributes.first { $0.key.lowercased() == key.lowercased() }?.value
    }
}

/// A REFI-QDA file that cannot be read, with where and why.
public struct RefiError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// Reads an XML document into `RefiElement`s with Foundation's XMLParser, keeping its comments.
final class RefiXMLReader: NSObject, XMLParserDelegate {
    private var stack: [RefiElement] = []
    private var root: RefiElement?
    private var comments: [String] = []

    static func read(_ bytes: [UInt8], file: String) throws(RefiError) -> (root: RefiElement, comments: [String]) {
        guard bytes.contains(where: { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }) else { throw RefiError(file: file, message: "the file is empty") }
        let reader = RefiXMLReader()
        // Fed as a stream, in chunks: libxml2 refuses a single chunk over 10 MB ("huge input lookup"), and a
        // project with its selections is often larger.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        let parsed = parser.parse()
        guard parsed, let root = reader.root, reader.stack.isEmpty else {
            let place = "line \(parser.lineNumber), column \(parser.columnNumber)"
            throw RefiError(file: file, message: "not well-formed XML (at \(place): \(reason(parser.parserError))); is the file complete?")
        }
        return (root, reader.comments)
    }

    /// XMLParser's error codes (libxml2's numbers) in words: its own descriptions on Linux are only a domain and a number.
    private static func reason(_ error: Error?) -> String {
        guard let code = (error as NSError?)?.code else { return "the document ends before its last element is closed" }
        switch code {
        case 4: return "the document is empty"
        case 5: return "the document ends too soon"
        case 76, 85: return "an element is closed that was not open, or not closed"
        default: return "XML parser error \(code)"
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        var plain: [String: String] = [:]
        for (key, value) in attributes { plain[key.split(separator: ":").last.map(String.init) ?? key] = value }
        stack.append(RefiElement(name: local, attributes: plain, line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundComment comment: String) {
        comments.append(comment)
    }
}
