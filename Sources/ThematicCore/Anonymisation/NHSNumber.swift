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
