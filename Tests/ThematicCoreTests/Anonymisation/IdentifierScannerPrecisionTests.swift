import Foundation
import Testing

@testable import ThematicCore

/// Precision and recall of the name, place and institution rules against a hand annotation
/// (Fixtures/import/identifier-annotations.json) of a public evaluation report, a public procedure and the planted
/// review. A finding counts as right when an annotation has the same text and rule (each annotation as often as it
/// occurs).
@Suite struct IdentifierScannerPrecisionTests {
    struct Annotations: Decodable {
        struct Document: Decodable {
            var file: String
            var identifiers: [Identifier]
        }
        struct Identifier: Decodable {
            var text: String
            var rule: String
            var count: Int
        }
        var documents: [Document]
    }

    /// The scanner's findings over an import fixture, every excerpt seen against the whole document's vocabulary.
    static func findings(in file: String) throws -> [IdentifierFinding] {
        guard case .reviews(let reviews) = try ImportFile.read(TestSupport.fixtures + "/import/" + file) else {
            return []
        }
        let excerpts = reviews[0].excerpts.enumerated().map {
            Excerpt(id: "D-\($0.offset + 1)", section: $0.element.section, text: $0.element.text)
        }
        let scanner = IdentifierScanner(vocabulary: excerpts.map(\.text))
        return excerpts.flatMap { scanner.findings(in: $0) }
    }

    struct Score: CustomStringConvertible {
        var right = 0, found = 0, annotated = 0
        var precision: Double { found == 0 ? 1 : Double(right) / Double(found) }
        var recall: Double { annotated == 0 ? 1 : Double(right) / Double(annotated) }
        var description: String { "precision \(right)/\(found), recall \(right)/\(annotated)" }
    }

    static func scores(files: Set<String>? = nil) throws -> [IdentifierRule: Score] {
        let data = try Data(
            contentsOf: URL(fileURLWithPath: TestSupport.fixtures + "/import/identifier-annotations.json"))
        let annotations = try JSONDecoder().decode(Annotations.self, from: data)
        var scores: [IdentifierRule: Score] = [.personalName: Score(), .place: Score(), .namedInstitution: Score()]
        for document in annotations.documents where files?.contains(document.file) ?? true {
            var expected: [String: Int] = [:]
            for identifier in document.identifiers {
                expected[identifier.rule + " " + identifier.text, default: 0] += identifier.count
                scores[IdentifierRule(rawValue: identifier.rule)!]!.annotated += identifier.count
            }
            for finding in try findings(in: document.file) where scores[finding.rule] != nil {
                scores[finding.rule]!.found += 1
                let key = finding.rule.rawValue + " " + finding.text.replacingOccurrences(of: "\n", with: " ")
                if let left = expected[key], left > 0 {
                    expected[key] = left - 1
                    scores[finding.rule]!.right += 1
                }
            }
        }
        return scores
    }

    @Test func thePlantedReviewIsFoundWholly() throws {
        let scores = try Self.scores(files: ["planted-review.txt"])
        for (rule, score) in scores {
            #expect(score.recall == 1 && score.precision == 1, "\(rule.rawValue): \(score)")
        }
    }

    @Test func theRulesArePreciseOnPublishedDocuments() throws {
        let scores = try Self.scores()
        print(
            scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }.joined(
                separator: "; "))
        #expect(scores[.personalName]!.precision >= 0.95, "\(scores[.personalName]!)")
        #expect(scores[.personalName]!.recall >= 0.80, "\(scores[.personalName]!)")
        #expect(scores[.place]!.precision >= 0.95, "\(scores[.place]!)")
        #expect(scores[.place]!.recall >= 0.95, "\(scores[.place]!)")
        #expect(scores[.namedInstitution]!.precision >= 0.95, "\(scores[.namedInstitution]!)")
    }

    @Test func theEvaluationReportsAuthorsAreFoundWholeAmongFewNames() throws {
        let names = try Self.findings(in: "lipp-external-evaluation-report-2017.txt").filter {
            $0.rule == .personalName
        }.map(\.text)
        #expect(names.count <= 60)
        for author in ["Louisa Thomson", "Rebecca McFarlane", "Chih Hoong Sin"] {
            #expect(names.contains(author), "\(author)")
        }
    }
}
