import Agreement
import Foundation

/// One reference case of /work/shared/agreement-reference, copied into Fixtures: the reliability
/// data and the values the third-party packages computed for it.
struct ReferenceCase {
    let name: String
    let data: ReliabilityData
    let expected: [String: Any]

    static let names = ["edge", "kripp2011", "kripp2011_binary", "kripp2011_nominal2", "kripp_wikipedia", "small"]

    static func fixtureURL(_ file: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: nil)!
    }

    init(_ name: String) throws {
        self.name = name
        let input =
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtureURL("\(name).json"))) as! [String: Any]
        expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtureURL("\(name).expected.json")))
            as! [String: Any]
        let coders = (expected["data"] as! [String: Any])["coders"] as! [String]
        data = Self.reliabilityData(
            units: input["units"] as! [[String: Any]], codes: input["codes"] as! [String], coders: coders)
    }

    /// Builds reliability data the plain way (independent of the module's readers).
    static func reliabilityData(units: [[String: Any]], codes: [String], coders: [String]) -> ReliabilityData {
        var data = ReliabilityData(unitIDs: units.map { $0["id"] as! String }, coders: coders, codes: codes)
        for (u, unit) in units.enumerated() {
            let codings = unit["codes"] as! [String: Any]
            for (i, coder) in coders.enumerated() {
                guard let applied = codings[coder] as? [String] else { continue }
                data.setCoding(unit: u, coder: i, codes: applied.map { codes.firstIndex(of: $0)! })
            }
        }
        return data
    }

    var perCode: [String: [String: Any]] { expected["per_code"] as! [String: [String: Any]] }
    var overall: [String: Any] { expected["overall"] as! [String: Any] }
}
