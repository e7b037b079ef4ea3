/// A kind of identifying detail the anonymisation check looks for (see README "Bringing reviews in").
public enum IdentifierRule: String, Sendable, CaseIterable {
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
    case place

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
        case .namedInstitution: "[INSTITUTION]"
        case .place: "[PLACE]"
        }
    }

    /// One line for a reviewer: what was matched.
    public var explanation: String {
        switch self {
        case .personalName:
            "a personal name (a known given name or surname, or a capitalised word that is no English word)"
        case .fullDate: "a date (day, month and year, or month and year)"
        case .dateOfBirth: "a date of birth"
        case .postcode: "a UK postcode"
        case .phoneNumber: "a UK phone number"
        case .nhsNumber: "an NHS number (the check digit is valid)"
        case .emailAddress: "an email address"
        case .webAddress: "a web address"
        case .streetAddress: "a street address"
        case .namedInstitution: "a named school, nursery, GP practice or hospital"
        case .place: "a UK town, city or area"
        }
    }
}
