/// A kind of identifying detail the anonymisation check looks for (see README "Bringing reviews in").
public enum IdentifierRule: String, Sendable, CaseIterable, Comparable {
    case personalName = "name"
    case fullDate = "date"
    case dateOfBirth = "date-of-birth"
    case postcode
    case phoneNumber = "phone"
    case nhsNumber = "nhs-number"
    case emailAddress = "email"
    case webAddress = "web-address"
    case streetAddress = "address"
    case namedInstitution = "institution"

    /// What a redaction puts in place of the matched text.
    public var placeholder: String {
        switch self {
        case .personalName: "[NAME]"
        case .fullDate: "[DATE]"
        case .dateOfBirth: "[DATE OF BIRTH]"
        case .postcode: "[POSTCODE]"
        case .phoneNumber: "[PHONE]"
        case .nhsNumber: "[NHS NUMBER]"
        case .emailAddress: "[EMAIL]"
        case .webAddress: "[WEB ADDRESS]"
        case .streetAddress: "[ADDRESS]"
        case .namedInstitution: "[PLACE]"
        }
    }

    /// One line for a reviewer: what was matched.
    public var explanation: String {
        switch self {
        case .personalName: "a capitalised word that looks like a personal name"
        case .fullDate: "a full date (day, month and year)"
        case .dateOfBirth: "a date of birth"
        case .postcode: "a UK postcode"
        case .phoneNumber: "a UK phone number"
        case .nhsNumber: "an NHS number (the check digit is valid)"
        case .emailAddress: "an email address"
        case .webAddress: "a web address"
        case .streetAddress: "a street address"
        case .namedInstitution: "a named school, nursery, GP practice or hospital"
        }
    }

    public static func < (lhs: IdentifierRule, rhs: IdentifierRule) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One identifying detail found in one excerpt.
public struct IdentifierFinding: Sendable, Equatable, Hashable {
    public var excerptID: String
    /// Unicode scalar offsets into the excerpt's text, as coded spans count them.
    public var range: TextSpan
    public var text: String
    public var rule: IdentifierRule

    public init(excerptID: String, range: TextSpan, text: String, rule: IdentifierRule) {
        self.excerptID = excerptID
        self.range = range
        self.text = text
        self.rule = rule
    }

    /// How a reviewer names this finding on the command line: `R01-003@120` (excerpt id, start offset).
    public var reference: String { "\(excerptID)@\(range.start)" }
}

/// The NHS number check digit: Modulus 11 with weights 10 down to 2 over the first nine digits.
public enum NHSNumber {
    /// True for ten digits whose last digit is the check digit of the first nine.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let sum = zip(digits.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return digits[9] == (check == 11 ? 0 : check)
    }
}
