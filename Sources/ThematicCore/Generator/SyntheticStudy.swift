/// Generates studies of any size for benchmarks and scale tests: seeded, so the same parameters always give the
/// same bytes. The prose is word salad from a review vocabulary; the coding behaves like real double coding
/// (codes of different prevalence, coders who mostly agree, a few unfinished excerpts, some spans and memos).
public struct SyntheticStudy: Sendable {
    public var reviews = 300
    public var excerpts = 60_000
    public var codes = 150
    public var coders = 3
    /// Share of excerpts each coder has finished.
    public var finishedShare = 0.95
    public var seed: UInt64 = 1

    public init(reviews: Int = 300, excerpts: Int = 60_000, codes: Int = 150, coders: Int = 3, seed: UInt64 = 1) {
        self.reviews = reviews
        self.excerpts = excerpts
        self.codes = codes
        self.coders = coders
        self.seed = seed
    }

    static let timestamp = "2026-11-01T09:00:00Z"

    public func make(in folder: StudyFolder) -> Study {
        var random = SeededGenerator(seed: seed)
        let codebook = makeCodebook(&random)
        let codeIDs = codebook.applicableCodes.map(\.id)
        let corpus = makeCorpus(&random)
        // Code prevalence from 0.5% to ~25%, so some codes are rare and some common, as in real studies.
        let prevalence = codeIDs.indices.map {
            0.25 / Double($0 + 1).squareRoot() * Double.random(in: 0.4...1, using: &random)
        }
        var codings: [String: Coding] = [:]
        let coderNames = (0..<coders).map { "coder\($0 + 1)" }
        for name in coderNames { codings[name] = Coding(coder: name) }
        var minute = 0
        for review in corpus.reviews {
            for excerpt in review.excerpts {
                var truth: [Int] = []
                for (index, share) in prevalence.enumerated() where random.chance(share / 3) { truth.append(index) }
                for name in coderNames where random.chance(finishedShare) {
                    minute += 1
                    var applied: [String: AppliedCode] = [:]
                    for index in truth where random.chance(0.88) {
                        applied[codeIDs[index]] =
                            random.chance(0.1) ? AppliedCode(spans: [span(in: excerpt.text, &random)]) : AppliedCode()
                    }
                    if random.chance(0.06) {
                        applied[codeIDs[Int.random(in: 0..<codeIDs.count, using: &random)]] = AppliedCode()
                    }
                    codings[name]!.excerpts[excerpt.id] = ExcerptCoding(
                        finished: true, codes: applied, memo: random.chance(0.02) ? "unsure about this one" : nil,
                        updated: stamp(minute), codebookRevision: 1)
                }
            }
        }
        let manifest = StudyManifest(
            title: "Synthetic study (\(reviews) reviews, \(excerpts) excerpts, seed \(seed))",
            created: Self.timestamp,
            attributes: [
                AttributeDefinition(id: "year", label: "Year"), AttributeDefinition(id: "region", label: "Region"),
            ])
        return Study(
            folder: folder, manifest: manifest, codebook: codebook, corpus: corpus, codings: codings,
            consensus: Consensus())
    }

    private func makeCodebook(_ random: inout SeededGenerator) -> Codebook {
        let categories = max(1, codes / 15)
        var list: [Code] = []
        var made = 0
        for category in 0..<categories {
            let categoryID = "K\(category + 1)"
            list.append(
                Code(
                    id: categoryID, name: "Category \(category + 1)", codable: false, brief: "Grouping \(category + 1)",
                    colour: Self.palette[category % Self.palette.count]))
            let count = category == categories - 1 ? codes - made : codes / categories
            for index in 0..<count {
                made += 1
                list.append(
                    Code(
                        id: "\(categoryID).\(index + 1)", name: "Theme \(made): \(phrase(&random, words: 4))",
                        parent: categoryID,
                        brief: phrase(&random, words: 10), whenToUse: phrase(&random, words: 12)))
            }
        }
        return Codebook(
            title: "Synthetic codebook", revision: 1, codes: list,
            history: [
                CodebookChange(revision: 1, at: Self.timestamp, by: "thematic", action: .create, note: "generated")
            ])
    }

    private func makeCorpus(_ random: inout SeededGenerator) -> Corpus {
        var reviewList: [Review] = []
        for reviewIndex in 0..<reviews {
            let count = excerpts / reviews + (reviewIndex < excerpts % reviews ? 1 : 0)
            let id = "S" + String(reviewIndex + 1).leftPadded(4)
            var review = Review(
                id: id, title: "Synthetic review \(reviewIndex + 1)",
                attributes: [
                    "year": "\(2010 + reviewIndex % 10)", "region": Self.regions[reviewIndex % Self.regions.count],
                ])
            for position in 0..<count {
                let sentences = Int.random(in: 2...6, using: &random)
                let text = (0..<sentences).map { _ in sentence(&random) }.joined(separator: " ")
                review.excerpts.append(
                    Excerpt(
                        id: "\(id)-" + String(position + 1).leftPadded(4),
                        section: Self.sections[position * Self.sections.count / max(count, 1)], text: text))
            }
            reviewList.append(review)
        }
        return Corpus(reviews: reviewList)
    }

    private func span(in text: String, _ random: inout SeededGenerator) -> TextSpan {
        let length = text.unicodeScalars.count
        let start = Int.random(in: 0..<max(1, length / 2), using: &random)
        return TextSpan(start: start, end: min(length, start + Int.random(in: 20...120, using: &random)))
    }

    private func sentence(_ random: inout SeededGenerator) -> String {
        let text = phrase(&random, words: Int.random(in: 8...22, using: &random))
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func phrase(_ random: inout SeededGenerator, words: Int) -> String {
        (0..<words).map { _ in Self.vocabulary[Int.random(in: 0..<Self.vocabulary.count, using: &random)] }.joined(
            separator: " ")
    }

    private func stamp(_ minute: Int) -> String {
        let day = 1 + minute / 1440 % 28
        let hour = minute / 60 % 24
        let minutes = minute % 60
        return "2026-11-\(String(day).leftPadded(2))T\(String(hour).leftPadded(2)):\(String(minutes).leftPadded(2)):00Z"
    }

    static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]
    static let regions = ["North", "Midlands", "South East", "South West", "London area", "East"]
    static let sections = ["Background", "Key practice episodes", "Findings", "Analysis", "Recommendations"]
    /// Words the generated prose is drawn from.
    public static let vocabulary = """
        the health visitor social worker school nurse police GP midwife practitioner agency referral assessment \
        strategy meeting conference plan information was not shared with concerns about risk mother father child \
        family home visit record safeguarding children's social care adult services mental health substance misuse \
        domestic abuse neglect injury hospital attendance follow-up review decision challenge escalation core group \
        meeting chair minutes recorded understood expected professionals did not know that had been told after before \
        during weeks months later again because therefore however although while no one checked
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

extension String {
    /// Left-pads with zeros to `width` digits.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
