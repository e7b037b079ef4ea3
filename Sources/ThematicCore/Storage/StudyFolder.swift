/// Where each file of a study lives. A study is a folder:
///
///     study.json                 manifest
///     codebook.json              codes and their history (written by the lead)
///     corpus/<review>.json       one file per review, with its excerpts
///     codings/<coder>.json       one snapshot per coder, written only by that coder's sessions
///     codings/<coder>.journal    that coder's actions since the snapshot, one JSON line each
///     consensus.json             the lead's reconciled coding
///
/// Every path here is relative to the study folder, as error messages show them.
public struct StudyFolder: Sendable, Equatable {
    public var path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public static let manifestFile = "study.json"
    public static let codebookFile = "codebook.json"
    public static let corpusFolder = "corpus"
    public static let codingsFolder = "codings"
    public static let consensusFile = "consensus.json"
    public static let gitignoreFile = ".gitignore"

    public static func reviewFile(_ reviewID: String) -> String { "\(corpusFolder)/\(reviewID).json" }
    public static func codingFile(_ coder: String) -> String { "\(codingsFolder)/\(coder).json" }
    public static func journalFile(_ coder: String) -> String { "\(codingsFolder)/\(coder).journal" }
    public static func lockFile(_ coder: String) -> String { "\(codingsFolder)/\(coder).lock" }

    /// The absolute (or working-directory-relative) path of a study-relative file.
    public func url(_ relative: String) -> String { path + "/" + relative }
}

/// Rules for the names that become file names or ids.
public enum Identifier {
    /// Coder names become file names: lower case so two coders never collide on a case-insensitive disk.
    public static func isValidCoderName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 40, name != "consensus" else { return false }
        return isLowerAlphanumeric(first)
            && name.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Ids of codes, reviews and excerpts: letters, digits, `.`, `_`, `-`, starting with a letter or digit.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64 else { return false }
        return isAlphanumeric(first)
            && id.utf8.allSatisfy {
                isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            }
    }

    public static let coderNameRule =
        "1-40 characters: lower-case letters, digits, '-' or '_', starting with a letter or digit (and not \"consensus\")"
    public static let idRule = "1-64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit"

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
