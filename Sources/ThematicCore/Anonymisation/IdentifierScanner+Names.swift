extension IdentifierScanner {
    /// The findings of a prepared excerpt, in text order, now that the vocabulary is known.
    ///
    /// Name candidates next to each other (one space, a hyphen, or ". " after an initial) form a run. A run is split
    /// at plain words: common words (on the English list or used in lower case in the corpus) that are neither given
    /// names nor surnames, such as "Figure", "Institute" or "Prompts"; initials at a part's end are dropped. Each
    /// part is then judged by `judge(_:lowerCaseWords:)`.
    static func resolve(_ prepared: PreparedExcerpt, lowerCaseWords: Set<UInt64>, allowedTerms: Set<String>)
        -> [IdentifierFinding]
    {
        var found = prepared.found
        var parts: [[NameCandidate]] = []
        var current: [NameCandidate] = []
        func close() {
            while let last = current.last, last.isInitial { current.removeLast() }
            if !current.isEmpty { parts.append(current) }
            current = []
        }
        for candidate in prepared.names {
            if let last = current.last, !(candidate.joinsPrevious && candidate.token == last.token + 1) { close() }
            let common = candidate.isEnglish || lowerCaseWords.contains(candidate.hash)
            if !candidate.isInitial, common, !candidate.isGivenName, !candidate.isSurname, !candidate.afterTitle {
                close()
                // A common word that is also a place ("Reading", "Hackney") may still name one by itself.
                if candidate.isPlace { parts.append([candidate]) }
                continue
            }
            current.append(candidate)
        }
        close()

        var deferred: [NameCandidate] = []
        var flagged: [IdentifierRule: Set<String>] = [:]
        for part in parts {
            switch judge(part, lowerCaseWords: lowerCaseWords) {
            case .some(let rule):
                let range = TextSpan(start: part[0].range.start, end: part[part.count - 1].range.end)
                let text = part.count == 1 ? part[0].base : substring(prepared.excerpt.text, range)
                found.append(IdentifierFinding(excerptID: prepared.excerpt.id, range: range, text: text, rule: rule))
                for candidate in part where !candidate.opensSentence {
                    flagged[rule, default: []].insert(candidate.base)
                }
            case .none:
                if part.count == 1, isUnknown(part[0], lowerCaseWords: lowerCaseWords), part[0].opensSentence {
                    deferred.append(part[0])
                }
            }
        }
        // An unknown word opening a sentence is flagged only when the same word is flagged elsewhere in the excerpt
        // ("Darius returned." after "Mother said that Darius had left."): otherwise it is as likely a heading word.
        for candidate in deferred {
            guard
                let rule = [IdentifierRule.personalName, .place].first(where: {
                    flagged[$0]?.contains(candidate.base) == true
                })
            else { continue }
            found.append(
                IdentifierFinding(
                    excerptID: prepared.excerpt.id, range: candidate.range, text: candidate.base, rule: rule))
        }
        return found.filter { !allowedTerms.contains($0.text.lowercased()) }.sorted { $0.range.start < $1.range.start }
    }

    /// Neither a common word nor on any list: an invented or rare name, a foreign word, a place the lists miss.
    private static func isUnknown(_ candidate: NameCandidate, lowerCaseWords: Set<UInt64>) -> Bool {
        !candidate.isInitial && !candidate.isEnglish && !lowerCaseWords.contains(candidate.hash)
            && !candidate.isGivenName && !candidate.isSurname && !candidate.isPlace
    }

    /// Whether a run of name candidates is a person, a place or nothing.
    ///
    /// - After a title ("Mrs Brown", "Dr Who") it is a name, whatever the words.
    /// - Two or more words: a place when the first is a place and no given name joined by a space ("Leeds Beckett");
    ///   a name when any word is uncommon (a given name, surname or unknown word that is no English word and is not
    ///   used in lower case: "Louisa Thomson", "Chih Hoong Sin", "Jayden Harrow-Whitfield"), when an initial stands
    ///   before a given name or surname ("J. Smith"), or after a label ("Chair: Rose Smith"). Two common words
    ///   alone ("Rose Hill", "Will Young") are not flagged.
    /// - One word: a known place is a place (a common word, "Reading", only after "in", "at", "from"..., before a
    ///   postcode or before "Council", "Borough"...; a place that is also a given name, "Florence", only there or
    ///   when it is no common word and opens no sentence). An uncommon given name or surname is a name; a common one
    ///   ("Rose", "Grace") only after a title, or after a label when it is no English word. An unknown word before a
    ///   postcode or after "in", "at", "from", "near"... is a place, otherwise a name (opening a sentence, only when
    ///   flagged elsewhere too).
    static func judge(_ part: [NameCandidate], lowerCaseWords: Set<UInt64>) -> IdentifierRule? {
        let first = part[0]
        if first.afterTitle { return .personalName }
        func isCommon(_ candidate: NameCandidate) -> Bool {
            candidate.isEnglish || lowerCaseWords.contains(candidate.hash)
        }
        let words = part.filter { !$0.isInitial }
        guard let word = words.first else { return nil }
        if part.count > 1 {
            if first.isPlace, !first.isGivenName, !first.isInitial, part[1].joinsPrevious, !part[1].joinedByHyphen {
                return .place
            }
            if words.contains(where: { !isCommon($0) && !($0.isPlace && !$0.isGivenName && !$0.isSurname) }) {
                return .personalName
            }
            // "A." and "I." also end sentences about Child A or a pronoun: before a common word they are no initial.
            if first.isInitial, first.base != "A", first.base != "I",
                words.contains(where: { $0.isGivenName || $0.isSurname })
            {
                return .personalName
            }
            if first.afterLabel, words.contains(where: { $0.isGivenName || $0.isSurname }) { return .personalName }
            if words.allSatisfy(\.isPlace) { return .place }
            return nil
        }
        if word.isPlace {
            let placeContext = word.afterPlaceWord || word.beforePostcode || word.beforeAreaWord
            if word.isGivenName && !placeContext { return isCommon(word) || word.opensSentence ? nil : .personalName }
            return !isCommon(word) || placeContext ? .place : nil
        }
        if word.isGivenName || word.isSurname {
            return !isCommon(word) || (word.afterLabel && !word.isEnglish) ? .personalName : nil
        }
        if isCommon(word) { return nil }
        if word.afterPlaceWord || word.beforePostcode || word.beforeAreaWord { return .place }
        return word.opensSentence && !word.afterLabel ? nil : .personalName
    }
}
