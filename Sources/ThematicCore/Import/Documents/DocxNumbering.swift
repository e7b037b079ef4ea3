/// Word's automatic numbering (word/numbering.xml): renders the label Word shows in front of a numbered or
/// bulleted paragraph ("1.", "3.4", "a)", "•"), keeping the counters as the document is read in order.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    /// Levels by abstractNum id, then by ilvl.
    private var abstractLevels: [String: [Int: Level]] = [:]
    /// numId → (abstractNum id, start overrides by ilvl).
    private var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]
    /// Counters by numId, then by ilvl: the number the last paragraph at that level had.
    private var counters: [String: [Int: Int]] = [:]

    init(_ root: RefiElement?) {
        guard let root else { return }
        for abstract in root.children("abstractNum") {
            guard let id = abstract.attribute("abstractNumId") else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.children("lvl") {
                guard let ilvl = lvl.attribute("ilvl").flatMap(Int.init) else { continue }
                var level = Level()
                if let start = lvl.child("start")?.attribute("val").flatMap(Int.init) { level.start = start }
                if let format = lvl.child("numFmt")?.attribute("val") { level.format = format }
                level.text = lvl.child("lvlText")?.attribute("val") ?? ""
                levels[ilvl] = level
            }
            abstractLevels[id] = levels
        }
        for num in root.children("num") {
            guard let id = num.attribute("numId"), let abstract = num.child("abstractNumId")?.attribute("val") else {
                continue
            }
            var overrides: [Int: Int] = [:]
            for override in num.children("lvlOverride") {
                if let ilvl = override.attribute("ilvl").flatMap(Int.init),
                    let start = override.child("startOverride")?.attribute("val").flatMap(Int.init)
                {
                    overrides[ilvl] = start
                }
            }
            instances[id] = (abstract, overrides)
        }
    }

    /// The label of the next paragraph numbered with `numId` at `level`, advancing the counters; nil when the
    /// numbering is unknown or switched off (numId 0).
    mutating func nextLabel(numId: String, level: Int) -> String? {
        guard numId != "0", let instance = instances[numId], let levels = abstractLevels[instance.abstract],
            let current = levels[level]
        else { return nil }
        func start(_ ilvl: Int) -> Int { instance.startOverrides[ilvl] ?? levels[ilvl]?.start ?? 1 }

        var numbers = counters[numId, default: [:]]
        numbers[level] = (numbers[level] ?? start(level) - 1) + 1
        for deeper in numbers.keys where deeper > level { numbers[deeper] = nil }
        counters[numId] = numbers

        if current.format == "bullet" { return "•" }
        if current.format == "none" { return nil }
        var label = ""
        var characters = Substring(current.text)
        while let first = characters.first {
            characters = characters.dropFirst()
            if first == "%", let digit = characters.first?.wholeNumberValue, digit >= 1, digit <= 9 {
                characters = characters.dropFirst()
                let ilvl = digit - 1
                label += Self.render(numbers[ilvl] ?? start(ilvl), format: levels[ilvl]?.format ?? "decimal")
            } else {
                label.append(first)
            }
        }
        return label.isEmpty ? nil : label
    }

    /// One number in Word's format; formats this reader does not know are shown as decimals.
    static func render(_ number: Int, format: String) -> String {
        switch format {
        case "lowerLetter": return letters(number)
        case "upperLetter": return letters(number).uppercased()
        case "lowerRoman": return roman(number).lowercased()
        case "upperRoman": return roman(number)
        case "decimalZero": return number < 10 ? "0\(number)" : "\(number)"
        default: return "\(number)"
        }
    }

    /// Word's letters: a…z, then aa…zz, bbb….
    private static func letters(_ number: Int) -> String {
        guard number > 0 else { return "\(number)" }
        let letter = Character(UnicodeScalar(UInt8(97 + (number - 1) % 26)))
        return String(repeating: letter, count: (number - 1) / 26 + 1)
    }

    private static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return "\(number)" }
        let symbols: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = number
        var result = ""
        for (value, symbol) in symbols {
            while rest >= value {
                result += symbol
                rest -= value
            }
        }
        return result
    }
}
