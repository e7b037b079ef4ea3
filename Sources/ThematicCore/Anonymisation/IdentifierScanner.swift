/// Finds identifying details in excerpt text: the rules of `IdentifierRule`, as patterns over words and digits.
///
/// The patterns are engineering choices drawn from the anonymisation guidance (see README "Bringing reviews in").
/// Names and places are judged on evidence, not capitals: gazetteers of given names, surnames and UK places, and an
/// English word list (`Gazetteer`, built from open data by Lists/build-lists.py), together with the words the corpus
/// uses in lower case.
///
/// - Names: capitalised words next to each other (one space, a hyphen, ". " after an initial) form one finding:
///   "Jayden Harrow-Whitfield", "Chih Hoong Sin", "Jane E. Leather", "J. Smith" (a possessive "'s" stays outside).
///   Never a name: role, relation, agency, month, day and region words ("Mother", "Child A", "London"), acronyms
///   and coinages ("NHS", "GPs", "LiPP"; "McFarlane", "O'Brien" are names), contractions ("I'm"), and common
///   words that are neither given names nor surnames ("Figure", "Institute", "Prompts"), which also split a run.
///   A run is a name when a word in it is uncommon (a listed name, or an unknown word, that is no English word and
///   is not used in lower case), when an initial stands before a given name or surname, or after a title (Dr, Mrs,
///   PC...: always) or a label ("Chair:", "Author:", "by"). A given name or surname that is a common word ("Rose",
///   "Grace", "Brown") needs that evidence. An unknown word opening a sentence is flagged only when the same word
///   is flagged elsewhere in the excerpt. Scripts without capitals are not checked for names.
/// - Places: gazetteer places, of one word or several ("Leeds", "Milton Keynes", "Stoke-on-Trent"); a place that
///   is a common word ("Reading", "Send") only after "in", "at", "from", "near"..., before a postcode, or before an
///   area word ("Hackney Council"). An unknown capitalised word in those places is a place ("in Larchford"),
///   otherwise a name. A run starting with a place ("Leeds Beckett") is a place.
/// - Full dates: `12/03/2015`, `12.3.15`, `2015-03-12`, `12 March 2015`, `12th of March, 2015`, `3 rd June 2015`
///   (a space before the ordinal, as PDF text has it), `20th and 27th January 2016` (one finding for days sharing a
///   month), `March 12, 2015`, and a month and year (`June 2015`); a date after "born", "DOB" or "date of birth" is
///   a date of birth.
/// - Postcodes: full UK postcodes (`AB1 2CD`, `SW1A 1AA`); the outward code alone is not flagged.
/// - Phone numbers: 10 or 11 digits starting with 0 (or +44), in groups split by spaces, hyphens or brackets.
/// - NHS numbers: 10 digits, together or as 3-3-4, whose Modulus 11 check digit is right.
/// - Email and web addresses.
/// - Street addresses: a house number and up to three capitalised words ending in a street word ("14 Elm Road"),
///   or capitalised words before Road, Street, Avenue, Lane and the like ("Elm Road").
/// - Institutions: capitalised words before School, Academy, Nursery, Surgery, Hospital, Infirmary, College,
///   "Medical Centre", "Health Centre"..., when at least one of them is not a generic word ("Oakfield Primary
///   School" is flagged; "the General Hospital" is not).
public struct IdentifierScanner: Sendable {
    private let allowedTerms: Set<String>
    private let lowerCaseWords: Set<UInt64>

    /// `vocabulary` is the text whose lower-case words tell common words from names: the whole corpus, for a check.
    public init(allowedTerms: some Sequence<String> = [String](), vocabulary: some Sequence<String>) {
        self.allowedTerms = Set(allowedTerms.map { $0.lowercased() })
        self.lowerCaseWords = Self.lowerCaseWords(in: Array(vocabulary))
    }

    /// Every finding in one excerpt, in text order, leaving out allowed terms.
    public func findings(in excerpt: Excerpt) -> [IdentifierFinding] {
        Self.resolve(
            Self.prepare(excerpt, allowedTerms: allowedTerms), lowerCaseWords: lowerCaseWords,
            allowedTerms: allowedTerms)
    }

    /// Hashes of the words used in lower case in `texts` (read on every core, in chunks).
    static func lowerCaseWords(in texts: [String]) -> Set<UInt64> {
        let chunks = stride(from: 0, to: texts.count, by: 256).map { Array(texts[$0..<min(texts.count, $0 + 256)]) }
        let sets = chunks.parallelMap { chunk in
            var words = Set<UInt64>()
            for text in chunk {
                let scalars = Self.scalars(text)
                Self.addLowerCaseWords(scalars, Self.tokens(scalars), to: &words)
            }
            return words
        }
        return sets.reduce(into: Set<UInt64>()) { $0.formUnion($1) }
    }

    static func addLowerCaseWords(_ scalars: [Unicode.Scalar], _ tokens: [Token], to words: inout Set<UInt64>) {
        for token in tokens where isLowercase(scalars[token.start]) && !isInsideAddress(scalars, token) {
            words.insert(hash(scalars, token.start, withoutPossessive(scalars, token)))
        }
    }

    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// An excerpt after every rule but the names' last step, which needs the whole vocabulary: so a corpus is read
    /// once, collecting its words and these at the same time.
    struct PreparedExcerpt: Sendable {
        var excerpt: Excerpt
        var found: [IdentifierFinding]
        var names: [NameCandidate]
    }

    /// A capitalised word (or an initial) that may be part of a name or a place; `resolve` decides, once the
    /// vocabulary is known, from the evidence recorded here.
    struct NameCandidate: Sendable {
        var token: Int
        /// Scalar offsets of the word without a possessive "'s".
        var range: TextSpan
        var hash: UInt64
        var base: String
        var isGivenName = false
        var isSurname = false
        var isPlace = false
        /// A lower-case entry of the English word list.
        var isEnglish = false
        /// A single capital letter before a name ("J. Smith", "Jane E. Leather").
        var isInitial = false
        var afterTitle = false
        /// After a colon ("Chair: Kath Nelson") or "by" ("chaired by Rose Tremayne").
        var afterLabel = false
        var opensSentence = false
        /// After "in", "at", "from", "near"... : where a place is named.
        var afterPlaceWord = false
        var beforePostcode = false
        /// Before "Council", "Borough", "County"...: an area's name ("Hackney Council").
        var beforeAreaWord = false
        /// Joined to the token before by one space, a line break, a hyphen ("Harrow-Whitfield") or ". " after an
        /// initial.
        var joinsPrevious = false
        var joinedByHyphen = false
    }

    static func prepare(_ excerpt: Excerpt, allowedTerms: Set<String>, lowerCaseWords: inout Set<UInt64>)
        -> PreparedExcerpt
    {
        var pass = Pass(scalars: scalars(excerpt.text))
        addLowerCaseWords(pass.scalars, pass.tokens, to: &lowerCaseWords)
        pass.findAddresses()
        pass.findDates()
        pass.findNumbers()
        pass.findPostcodes()
        pass.findInstitutions()
        pass.findStreets()
        pass.findMultiWordPlaces()
        let found = pass.found.map {
            IdentifierFinding(
                excerptID: excerpt.id, range: $0.range, text: pass.string($0.range.start, $0.range.end), rule: $0.rule)
        }
        return PreparedExcerpt(excerpt: excerpt, found: found, names: pass.nameCandidates(allowedTerms: allowedTerms))
    }

    static func prepare(_ excerpt: Excerpt, allowedTerms: Set<String>) -> PreparedExcerpt {
        var unused = Set<UInt64>()
        return prepare(excerpt, allowedTerms: allowedTerms, lowerCaseWords: &unused)
    }

    static func substring(_ text: String, _ range: TextSpan) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.start)
        return String(scalars[start..<scalars.index(start, offsetBy: range.end - range.start)])
    }

    /// A run of letters and digits (with apostrophes inside words), in scalar offsets.
    struct Token {
        var start: Int
        var end: Int
        var allDigits: Bool
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            var allDigits = true
            while index < scalars.count {
                let scalar = scalars[index]
                if isWordScalar(scalar) {
                    if !isDigit(scalar) { allDigits = false }
                    index += 1
                } else if scalar == "'" || scalar == "’", index + 1 < scalars.count, isWordScalar(scalars[index + 1]),
                    !allDigits
                {
                    index += 1
                } else {
                    break
                }
            }
            tokens.append(Token(start: start, end: index, allDigits: allDigits))
        }
        return tokens
    }

    /// Part of an email or web address ("jane.doe@", "/news"): such words say nothing about common usage.
    static func isInsideAddress(_ scalars: [Unicode.Scalar], _ token: Token) -> Bool {
        let before = token.start > 0 ? scalars[token.start - 1] : " "
        let after = token.end < scalars.count ? scalars[token.end] : " "
        let afterNext = token.end + 1 < scalars.count ? scalars[token.end + 1] : " "
        return before == "@" || before == "/" || before == "." || after == "@" || after == "/"
            || (after == "." && isWordScalar(afterNext))
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 65 && scalar.value <= 90) : scalar.properties.isUppercase
    }

    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar.value >= 97 && scalar.value <= 122) : scalar.properties.isLowercase
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        return scalar.properties.isAlphabetic
    }

    /// The end of a token without a possessive "'s" or "’s".
    static func withoutPossessive(_ scalars: [Unicode.Scalar], _ token: Token) -> Int {
        if token.end - token.start > 2, scalars[token.end - 1] == "s" || scalars[token.end - 1] == "S",
            scalars[token.end - 2] == "'" || scalars[token.end - 2] == "’"
        {
            return token.end - 2
        }
        return token.end
    }

    /// The hash of tokens `first...last` as one lower-cased phrase with one space between words, however they are
    /// separated in the text ("Stoke-on-Trent" hashes as "stoke on trent"), as the gazetteers store phrases.
    static func hash(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ first: Int, _ last: Int) -> UInt64 {
        var value = hash(scalars, tokens[first].start, tokens[first].end)
        for index in (first + 1)...last {
            value = (value ^ 32) &* 0x100_0000_01b3
            value = hash(scalars, tokens[index].start, tokens[index].end, continuing: value)
        }
        return value
    }

    /// FNV-1a of the lower-cased scalars: the vocabulary holds hashes, so building it allocates no strings.
    static func hash(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, continuing: UInt64 = 0xcbf2_9ce4_8422_2325)
        -> UInt64
    {
        var value = continuing
        for index in start..<end {
            var scalar = scalars[index].value
            if scalar >= 65 && scalar <= 90 {
                scalar += 32
            } else if scalar > 127 {
                scalar = scalars[index].properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar
            }
            value = (value ^ UInt64(scalar)) &* 0x100_0000_01b3
        }
        return value
    }
}

/// One scan of one excerpt: findings so far, and which scalars they already cover.
private struct Pass {
    let scalars: [Unicode.Scalar]
    let tokens: [IdentifierScanner.Token]
    var covered: [Bool]
    var found: [(range: TextSpan, rule: IdentifierRule)] = []

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        self.tokens = IdentifierScanner.tokens(scalars)
        self.covered = Array(repeating: false, count: scalars.count)
    }

    func string(_ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        for scalar in scalars[start..<end] {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the token (without a possessive "'s") is on a word list, without building a string for the usual miss.
    func isWord(_ index: Int, in list: WordList) -> Bool {
        let token = tokens[index]
        let stripped = IdentifierScanner.withoutPossessive(scalars, token)
        func matches(_ end: Int) -> Bool {
            list.hashes.contains(IdentifierScanner.hash(scalars, token.start, end))
                && (list.ignoresCase || list.words.contains(string(token.start, end)))
        }
        return matches(token.end) || (stripped != token.end && matches(stripped))
    }

    /// Whether the text between this token and the next is exactly `text` (ASCII).
    func isGap(after index: Int, _ text: String) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let between = scalars[tokens[index].end..<tokens[index + 1].start]
        return between.count == text.utf8.count && zip(between, text.unicodeScalars).allSatisfy { $0 == $1 }
    }

    func word(_ index: Int) -> String { string(tokens[index].start, tokens[index].end) }

    func gap(_ index: Int) -> String {
        index + 1 < tokens.count ? string(tokens[index].end, tokens[index + 1].start) : ""
    }

    /// An upper-case letter followed by lower-case ones: not a single letter ("Child B's"), not an acronym ("NHS",
    /// "GPs").
    func isCapitalised(_ index: Int) -> Bool {
        let token = tokens[index]
        var end = IdentifierScanner.withoutPossessive(scalars, token)
        if end - token.start > 2, scalars[end - 1] == "s", scalars[end - 2].properties.isUppercase { end -= 1 }
        guard end - token.start >= 2, IdentifierScanner.isUppercase(scalars[token.start]) else { return false }
        return scalars[(token.start + 1)..<end].contains { IdentifierScanner.isLowercase($0) }
    }

    func digitCount(_ index: Int) -> Int { tokens[index].allDigits ? tokens[index].end - tokens[index].start : 0 }

    func number(_ index: Int) -> Int? { tokens[index].allDigits ? Int(word(index)) : nil }

    /// Records a finding unless part of its text is already a finding.
    mutating func add(_ start: Int, _ end: Int, _ rule: IdentifierRule) {
        guard start < end, !covered[start..<end].contains(true) else { return }
        for index in start..<end { covered[index] = true }
        found.append((TextSpan(start: start, end: end), rule))
    }

    func isFree(_ index: Int) -> Bool { !covered[tokens[index].start] }

    // MARK: email and web addresses

    mutating func findAddresses() {
        for (index, scalar) in scalars.enumerated() where scalar == "@" {
            var start = index
            while start > 0, isLocalPart(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, isDomainPart(scalars[end]) { end += 1 }
            while end > index + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
            if start < index, scalars[(index + 1)..<end].contains(".") { add(start, end, .emailAddress) }
        }
        for (position, token) in tokens.enumerated()
        where "hHwW".unicodeScalars.contains(scalars[token.start]) && token.end - token.start <= 5 {
            let lower = word(position).lowercased()
            let isWeb =
                ((lower == "http" || lower == "https") && string(token.end, min(scalars.count, token.end + 3)) == "://")
                || (lower == "www" && token.end < scalars.count && scalars[token.end] == ".")
            guard isWeb else { continue }
            var end = token.end
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            while end > token.end, ".,;:)!?\"'".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
            add(token.start, end, .webAddress)
        }
    }

    private func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        IdentifierScanner.isWordScalar(scalar) && scalar.isASCII || "._%+-".unicodeScalars.contains(scalar)
    }

    private func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        IdentifierScanner.isWordScalar(scalar) && scalar.isASCII || ".-".unicodeScalars.contains(scalar)
    }

    // MARK: dates

    mutating func findDates() {
        var index = 0
        while index < tokens.count {
            if let end = numericDate(at: index) ?? writtenDate(at: index) {
                let start = tokens[index].start
                add(start, tokens[end].end, isAfterBirthWords(start) ? .dateOfBirth : .fullDate)
                index = end + 1
            } else {
                index += 1
            }
        }
    }

    /// `12/03/2015`, `1.3.15`, `12-03-2015` or `2015-03-12`: the index of the last token.
    private func numericDate(at index: Int) -> Int? {
        guard index + 2 < tokens.count, tokens[index].allDigits, tokens[index + 1].allDigits,
            tokens[index + 2].allDigits
        else { return nil }
        let separator = gap(index)
        guard ["/", ".", "-"].contains(separator), gap(index + 1) == separator else { return nil }
        let lengths = (digitCount(index), digitCount(index + 1), digitCount(index + 2))
        let values = (number(index)!, number(index + 1)!, number(index + 2)!)
        if lengths.0 == 4, lengths.1 <= 2, lengths.2 <= 2, separator == "-" {
            return (1...12).contains(values.1) && (1...31).contains(values.2) ? index + 2 : nil
        }
        guard lengths.0 <= 2, lengths.1 <= 2, lengths.2 == 2 || lengths.2 == 4 else { return nil }
        return (1...31).contains(values.0) && (1...12).contains(values.1) ? index + 2 : nil
    }

    /// `12 March 2015`, `12th of March, 2015`, `3 rd June 2015` (a space before the ordinal, as PDF text often has
    /// it), `20th and 27th January 2016` (one finding for the days that share a month), `March 12, 2015` or
    /// `June 2015` (a month and year): the index of the year token.
    private func writtenDate(at index: Int) -> Int? {
        /// The last token of a day number with its ordinal ("3", "3rd", "3 rd"), or nil.
        func dayEnd(_ position: Int) -> Int? {
            guard position < tokens.count, IdentifierScanner.isDigit(scalars[tokens[position].start]),
                tokens[position].end - tokens[position].start <= 4
            else { return nil }
            let text = word(position).lowercased()
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard let day = Int(digits), (1...31).contains(day), digits.count <= 2 else { return nil }
            let suffix = String(text.dropFirst(digits.count))
            if suffix.isEmpty, position + 1 < tokens.count, isGap(after: position, " "),
                Words.ordinalSuffixes.contains(word(position + 1).lowercased())
            {
                return position + 1
            }
            return suffix.isEmpty || Words.ordinalSuffixes.contains(suffix) ? position : nil
        }
        func isMonth(_ position: Int) -> Bool {
            guard position < tokens.count, IdentifierScanner.isUppercase(scalars[tokens[position].start]),
                (3...9).contains(tokens[position].end - tokens[position].start)
            else { return false }
            return Words.months.contains(word(position).lowercased())
        }
        func isYear(_ position: Int) -> Bool {
            position < tokens.count && digitCount(position) == 4 && (1900...2099).contains(number(position)!)
        }
        func spaced(_ position: Int) -> Bool { [" ", ", "].contains(gap(position)) }
        if var day = dayEnd(index) {
            // More days before the same month: "20th and 27th", "3, 10 and 17".
            while true {
                if [", ", " & "].contains(gap(day)), let next = dayEnd(day + 1) {
                    day = next
                } else if isGap(after: day, " "), day + 2 < tokens.count, ["and", "or"].contains(word(day + 1)),
                    isGap(after: day + 1, " "),
                    let next = dayEnd(day + 2)
                {
                    day = next
                } else {
                    break
                }
            }
            if spaced(day) {
                var month = day + 1
                if month < tokens.count, word(month) == "of", spaced(month) { month += 1 }
                if isMonth(month), spaced(month), isYear(month + 1) { return month + 1 }
            }
        }
        if isMonth(index), spaced(index) {
            if let day = dayEnd(index + 1), spaced(day), isYear(day + 1),
                digitCount(index + 1) <= 2 || !tokens[index + 1].allDigits
            {
                return day + 1
            }
            if isYear(index + 1) { return index + 1 }
        }
        return nil
    }

    private func isAfterBirthWords(_ start: Int) -> Bool {
        let before = string(max(0, start - 40), start).lowercased()
        return ["born", "dob", "d.o.b", "date of birth", "birthday"].contains { before.contains($0) }
    }

    // MARK: phone and NHS numbers

    mutating func findNumbers() {
        var index = 0
        while index < tokens.count {
            guard tokens[index].allDigits, isFree(index) else {
                index += 1
                continue
            }
            var groups = [index]
            var digits = digitCount(index)
            while let last = groups.last, last + 1 < tokens.count, tokens[last + 1].allDigits, isFree(last + 1),
                [" ", "-", ") ", ")", " (", " - "].contains(gap(last)), digits + digitCount(last + 1) <= 13
            {
                groups.append(last + 1)
                digits += digitCount(last + 1)
            }
            var matched = false
            for count in stride(from: groups.count, through: 1, by: -1) {
                let used = Array(groups.prefix(count))
                let text = used.map(word).joined()
                let start = tokens[index].start
                let end = tokens[used.last!].end
                let sizes = used.map(digitCount)
                let values = text.unicodeScalars.map { Int($0.value) - 48 }
                if values.count == 10, sizes == [10] || sizes == [3, 3, 4], NHSNumber.isValid(values) {
                    add(start, end, .nhsNumber)
                } else if let kind = phoneStart(text, start: start), kind.digits == 10 || kind.digits == 11, kind.valid
                {
                    add(kind.start, end, .phoneNumber)
                } else {
                    continue
                }
                index = used.last! + 1
                matched = true
                break
            }
            if !matched { index += 1 }
        }
    }

    /// Whether digits read as a UK number: national (0...) or international (+44...), and the digit count as dialled at
    /// home.
    private func phoneStart(_ text: String, start: Int) -> (start: Int, digits: Int, valid: Bool)? {
        let opening = start > 0 && scalars[start - 1] == "(" ? start - 1 : start
        if start > 0, scalars[start - 1] == "+", text.hasPrefix("44") {
            let national = "0" + text.dropFirst(2).drop { $0 == "0" }
            return (start - 1, national.count, isUKPrefix(national))
        }
        guard text.hasPrefix("0") else { return nil }
        return (opening, text.count, isUKPrefix(text))
    }

    private func isUKPrefix(_ national: String) -> Bool {
        let second = national.dropFirst().first
        return second.map { "1237589".contains($0) } ?? false
    }

    // MARK: postcodes

    mutating func findPostcodes() {
        for index in tokens.indices where isFree(index) && mayBePostcode(index) {
            let text = word(index)
            if index + 1 < tokens.count, gap(index) == " ", isOutwardCode(text), isInwardCode(word(index + 1)) {
                add(tokens[index].start, tokens[index + 1].end, .postcode)
            } else if (5...7).contains(text.unicodeScalars.count), isOutwardCode(String(text.dropLast(3))),
                isInwardCode(String(text.suffix(3)))
            {
                add(tokens[index].start, tokens[index].end, .postcode)
            }
        }
    }

    /// Upper-case ASCII letters then a digit, 2 to 7 scalars: worth a closer look.
    private func mayBePostcode(_ index: Int) -> Bool {
        let token = tokens[index]
        let first = scalars[token.start].value
        return (2...7).contains(token.end - token.start) && first >= 65 && first <= 90
            && scalars[token.start..<token.end].contains { IdentifierScanner.isDigit($0) }
    }

    /// `A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`.
    private func isOutwardCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let letters = scalars.prefix { $0.value >= 65 && $0.value <= 90 }.count
        guard (1...2).contains(letters), scalars.count > letters, scalars.count - letters <= 2,
            IdentifierScanner.isDigit(scalars[letters])
        else { return false }
        return scalars.count == letters + 1 || IdentifierScanner.isDigit(scalars[letters + 1])
            || (scalars[letters + 1].value >= 65 && scalars[letters + 1].value <= 90)
    }

    /// `9AA`, with the letters the Royal Mail uses in inward codes (no C, I, K, M, O or V).
    private func isInwardCode(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 3 && IdentifierScanner.isDigit(scalars[0])
            && scalars.dropFirst().allSatisfy { "ABDEFGHJLNPQRSTUWXYZ".unicodeScalars.contains($0) }
    }

    // MARK: street addresses

    mutating func findStreets() {
        for index in tokens.indices where isFree(index) && isCapitalised(index) {
            guard isWord(index, in: Words.streetTypes) else { continue }
            var first = index
            while first > 0, isGap(after: first - 1, " "), isCapitalised(first - 1), index - first < 3,
                isFree(first - 1)
            { first -= 1 }
            guard first < index else { continue }
            if first > 0, isGap(after: first - 1, " "), isHouseNumber(first - 1), isFree(first - 1) {
                add(tokens[first - 1].start, tokens[index].end, .streetAddress)
            } else if isWord(index, in: Words.namedStreetTypes),
                (first..<index).contains(where: { !isWord($0, in: Words.rolesAndAgencies) })
            {
                add(tokens[first].start, tokens[index].end, .streetAddress)
            }
        }
    }

    private func isHouseNumber(_ index: Int) -> Bool {
        let text = word(index)
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        return (1...4).contains(digits.count) && text.count - digits.count <= 1
    }

    // MARK: named institutions

    mutating func findInstitutions() {
        for index in tokens.indices where isFree(index) && isCapitalised(index) {
            let qualified =
                isWord(index, in: Words.qualifiedInstitutionSuffixes) && index > 0 && isGap(after: index - 1, " ")
                && isWord(index - 1, in: Words.institutionQualifiers)
            guard qualified || isWord(index, in: Words.institutionSuffixes) else { continue }
            var first = index
            while first > 0, isGap(after: first - 1, " "), isCapitalised(first - 1) || word(first - 1) == "St",
                isFree(first - 1)
            { first -= 1 }
            let naming = (first..<index).filter {
                !isWord($0, in: Words.genericInstitutionWords) && !isWord($0, in: Words.rolesAndAgencies)
            }
            while first < index, ["The", "A", "An"].contains(word(first)) { first += 1 }
            if !naming.isEmpty { add(tokens[first].start, tokens[index].end, .namedInstitution) }
        }
    }

    // MARK: places of more than one word

    /// Gazetteer places of two to four words ("Milton Keynes", "Stoke-on-Trent", "Kingston upon Hull"), unless
    /// every capitalised word is a general one ("North West"). One-word places are decided with the names, since
    /// "Lincoln" may be a town or a surname.
    mutating func findMultiWordPlaces() {
        var index = 0
        while index < tokens.count {
            guard isFree(index), isCapitalised(index) else {
                index += 1
                continue
            }
            var matched: Int?
            for last in stride(from: min(tokens.count - 1, index + 3), through: index + 1, by: -1) {
                let span = index...last
                guard span.allSatisfy({ isFree($0) }), isCapitalised(last),
                    (index..<last).allSatisfy({ isGap(after: $0, " ") || isGap(after: $0, "-") }),
                    span.allSatisfy({ isCapitalised($0) || Words.placeConnectors.contains(word($0)) }),
                    span.contains(where: { isCapitalised($0) && !isStopWord($0) }),
                    Gazetteer.places.contains(IdentifierScanner.hash(scalars, tokens, index, last))
                else { continue }
                matched = last
                break
            }
            if let last = matched {
                add(tokens[index].start, IdentifierScanner.withoutPossessive(scalars, tokens[last]), .place)
                index = last + 1
            } else {
                index += 1
            }
        }
    }

    // MARK: personal names and one-word places

    /// Role, relation, agency, title and generic words: never part of a name.
    private func isStopWord(_ index: Int) -> Bool {
        isWord(index, in: Words.rolesAndAgencies) || isWord(index, in: Words.titles)
            || isWord(index, in: Words.genericInstitutionWords)
    }

    /// A capital inside the word that no naming convention explains: an acronym or a coinage ("LiPP", "eCAF",
    /// "PowerPoint"), not a name. "McFarlane", "MacDonald", "O'Brien", "DeSouza" are names.
    private func isCoinage(_ index: Int) -> Bool {
        let token = tokens[index]
        let end = IdentifierScanner.withoutPossessive(scalars, token)
        let capitals = ((token.start + 1)..<end).filter { IdentifierScanner.isUppercase(scalars[$0]) }
        guard let capital = capitals.first else { return false }
        guard capitals.count == 1, capital + 1 < end, IdentifierScanner.isLowercase(scalars[capital + 1]) else {
            return true
        }
        return !Words.namePrefixes.contains(string(token.start, capital))
    }

    /// "I'm", "Don't", "We've": a word and a contraction, no name (names put a capital after the apostrophe: "O'Dell").
    private func isContraction(_ index: Int) -> Bool {
        let token = tokens[index]
        guard let apostrophe = (token.start..<token.end).last(where: { scalars[$0] == "'" || scalars[$0] == "’" })
        else { return false }
        return ["m", "t", "d", "ve", "ll", "re"].contains(string(apostrophe + 1, token.end))
    }

    /// A single capital before a name: "J. Smith", "Jane E. Leather" ("A" and "I" only with a full stop).
    private func isInitial(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start == 1, IdentifierScanner.isUppercase(scalars[token.start]),
            index + 1 < tokens.count,
            isCapitalised(index + 1) || tokens[index + 1].end - tokens[index + 1].start == 1
        else { return false }
        let letter = scalars[token.start]
        guard isGap(after: index, ". ") || (isGap(after: index, " ") && letter != "A" && letter != "I") else {
            return false
        }
        // "Child A", "Sibling B": a pseudonym, not an initial.
        return !(index > 0 && isGap(after: index - 1, " ") && isStopWord(index - 1))
    }

    /// Capitalised words and initials not yet covered that are not role, title or generic words, coinages, nor
    /// allowed terms, with the evidence `IdentifierScanner.resolve` weighs.
    func nameCandidates(allowedTerms: Set<String>) -> [IdentifierScanner.NameCandidate] {
        var candidates: [IdentifierScanner.NameCandidate] = []
        var postcodeStarts = Set<Int>()
        for finding in found where finding.rule == .postcode { postcodeStarts.insert(finding.range.start) }
        for index in tokens.indices where isFree(index) {
            let initial = isInitial(index)
            guard initial || (isCapitalised(index) && !isStopWord(index) && !isCoinage(index) && !isContraction(index))
            else { continue }
            let start = tokens[index].start
            let end = IdentifierScanner.withoutPossessive(scalars, tokens[index])
            let base = string(start, end)
            if allowedTerms.contains(base.lowercased()) { continue }
            let hash = IdentifierScanner.hash(scalars, start, end)
            var candidate = IdentifierScanner.NameCandidate(
                token: index, range: TextSpan(start: start, end: end), hash: hash, base: base)
            candidate.isInitial = initial
            if !initial {
                candidate.isGivenName = Gazetteer.givenNames.contains(hash)
                candidate.isSurname = Gazetteer.surnames.contains(hash)
                candidate.isPlace = Gazetteer.places.contains(hash)
                candidate.isEnglish = Gazetteer.englishWords.contains(hash)
            }
            candidate.afterTitle = afterTitle(index)
            candidate.afterLabel = afterLabel(index)
            candidate.opensSentence = opensSentence(index)
            candidate.afterPlaceWord =
                index > 0 && isGap(after: index - 1, " ") && Words.placePrepositions.contains(word(index - 1))
            if index + 1 < tokens.count, isGap(after: index, " ") || isGap(after: index, ", ") {
                candidate.beforePostcode = postcodeStarts.contains(tokens[index + 1].start)
            }
            candidate.beforeAreaWord =
                index + 1 < tokens.count && isGap(after: index, " ") && Words.areaWords.contains(word(index + 1))
            if index > 0 {
                candidate.joinedByHyphen = isGap(after: index - 1, "-")
                // A line break too: a title page's lines break a name ("Ellie Mendez" / "Sayer") where they break.
                candidate.joinsPrevious =
                    isGap(after: index - 1, " ") || isGap(after: index - 1, "\n") || candidate.joinedByHyphen
                    || (isGap(after: index - 1, ". ") && tokens[index - 1].end - tokens[index - 1].start == 1)
            }
            candidates.append(candidate)
        }
        return candidates
    }

    private func afterTitle(_ index: Int) -> Bool {
        index > 0 && (isGap(after: index - 1, " ") || isGap(after: index - 1, ". "))
            && isWord(index - 1, in: Words.titles)
    }

    /// After "Label:" or "by": where a report names its author, chair or reviewer.
    private func afterLabel(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        if isGap(after: index - 1, " "), word(index - 1) == "by" { return true }
        var position = tokens[index].start - 1
        while position >= 0, scalars[position] == " " || scalars[position] == "\t" { position -= 1 }
        return position >= 0 && scalars[position] == ":"
    }

    /// The word opens a sentence, a heading or a quotation after one. A semicolon opens none: a capitalised word
    /// after one is more likely a name, as in a list of references ("Rawlings, A.; Capstick, J.").
    private func opensSentence(_ index: Int) -> Bool {
        var position = tokens[index].start - 1
        while position >= 0, " \t\"“‘'(".unicodeScalars.contains(scalars[position]) { position -= 1 }
        return position < 0 || ".!?:\n•–—".unicodeScalars.contains(scalars[position])
    }
}
