import Foundation

/// A word list from open data (see Lists/SOURCES.md), held as hashes of its lower-cased entries so the scanner can
/// test a token without building a string. Multi-word entries ("milton keynes") are hashed with one space between
/// words, as `IdentifierScanner.hash(_:_:)` hashes a run of tokens.
struct Gazetteer: Sendable {
    let hashes: Set<UInt64>

    /// Given names (US Census 1990 and Faker's person providers for British, Irish, South Asian, African and
    /// European locales).
    static let givenNames = Gazetteer(resource: "given-names")
    /// Family names (US Census 1990 and the same Faker locales).
    static let surnames = Gazetteer(resource: "surnames")
    /// UK towns, cities, counties, local authority areas and neighbourhoods (GeoNames, Faker's en_GB counties, ONS).
    static let places = Gazetteer(resource: "uk-places")
    /// The lower-case words of Debian's wbritish (common words, not proper nouns), with the words of child
    /// protection, health and court work it lacks ("perinatal", "safeguarding", "Cafcass").
    static let englishWords = Gazetteer(resources: ["english-words", "domain-words"])

    func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }

    /// Reads one entry a line, hashing the UTF-8 bytes as they come: no string per entry, so all four lists load in
    /// a few milliseconds. A missing resource gives an empty list (the scanner then falls back to capitals alone);
    /// commands that run the check call `WordLists.folder()` first so a broken installation is refused instead.
    init(resource: String) {
        self.init(resources: [resource])
    }

    init(resources: [String]) {
        var hashes = Set<UInt64>()
        // Safe: the commands that run the check call `WordLists.folder()` first and refuse a broken installation.
        let folder = try? WordLists.folder()
        for resource in resources {
            guard let folder,
                let data = try? Data(
                    contentsOf: URL(fileURLWithPath: "\(folder)/\(resource).txt"), options: .mappedIfSafe)
            else { continue }
            hashes.reserveCapacity(hashes.count + data.count / 7)
            Self.addEntries(data, to: &hashes)
        }
        self.hashes = hashes
    }

    private static func addEntries(_ data: Data, to hashes: inout Set<UInt64>) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let offset: UInt64 = 0xcbf2_9ce4_8422_2325
            var value = offset
            var empty = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 10 || byte == 13 {
                    if !empty { hashes.insert(value) }
                    value = offset
                    empty = true
                    index += 1
                    continue
                }
                // Decode UTF-8 so a non-ASCII entry hashes as its scalars, like the scanner's tokens.
                var scalar = UInt32(byte)
                var length = 1
                if byte >= 0xF0 {
                    scalar = UInt32(byte & 0x07)
                    length = 4
                } else if byte >= 0xE0 {
                    scalar = UInt32(byte & 0x0F)
                    length = 3
                } else if byte >= 0xC0 {
                    scalar = UInt32(byte & 0x1F)
                    length = 2
                }
                for next in 1..<length where index + next < bytes.count {
                    scalar = (scalar << 6) | UInt32(bytes[index + next] & 0x3F)
                }
                value = (value ^ UInt64(scalar)) &* 0x100_0000_01b3
                empty = false
                index += length
            }
            if !empty { hashes.insert(value) }
        }
    }
}

/// Where the word lists are: the resource bundle SwiftPM builds from Lists/ (Package.swift), found beside the
/// executable or where `make install` put it (see `InstalledData`).
public enum WordLists {
    public static let bundleName = "Thematic_ThematicCore.resources"

    /// The folder holding the lists, or an error naming where it looked. Commands that run the anonymisation check
    /// call it first: checking with empty lists would let names through unnoticed.
    public static func folder() throws(InstalledDataMissing) -> String {
        try InstalledData.locate(bundleName, what: "the anonymisation check's word lists (\(bundleName))")
    }
}

/// Whether a word is a common English word: a lower-case entry of Debian's British English word list (wbritish,
/// about 63,000 words with their inflections, no possessives, no proper nouns).
///
/// For any code that must tell a word from a fragment, such as a joiner deciding whether "safe-" + "guarding"
/// is one word: `EnglishWords.contains("safeguarding")`. Pass the word in lower case; the list loads once, lazily.
public enum EnglishWords {
    public static func contains(_ lowercasedWord: String) -> Bool {
        let scalars = Array(lowercasedWord.unicodeScalars)
        return Gazetteer.englishWords.contains(IdentifierScanner.hash(scalars, 0, scalars.count))
    }
}
