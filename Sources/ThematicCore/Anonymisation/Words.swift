/// A word list the scanner can test a token against by hash, without building a string first.
struct WordList: Sendable {
    let words: Set<String>
    let hashes: Set<UInt64>
    /// Matched ignoring case (the hash is of the lower-cased word); otherwise a hash hit is confirmed exactly.
    let ignoresCase: Bool

    init(_ words: some Sequence<String>, ignoringCase: Bool = false) {
        self.words = Set(words)
        self.hashes = Set(
            self.words.map { word in
                let scalars = Array(word.unicodeScalars)
                return IdentifierScanner.hash(scalars, 0, scalars.count)
            })
        self.ignoresCase = ignoringCase
    }

    func contains(_ word: String) -> Bool { ignoresCase ? words.contains(word.lowercased()) : words.contains(word) }
}

/// The word lists behind the anonymisation check's patterns.
enum Words {
    /// Capitalised words that name roles, relations, pseudonyms, agencies, services, places in general, documents and
    /// calendar words, nations and regions (London is one of England's nine regions, as large as the others): never
    /// a personal name or an identifying place by themselves. Matched ignoring case.
    static let rolesAndAgencies = WordList(
        """
        mother father parent parents child children baby infant sibling siblings brother sister adult young person \
        grandmother grandfather grandparent grandparents stepfather stepmother partner aunt uncle cousin carer carers \
        foster guardian family families boyfriend girlfriend husband wife son daughter nephew niece \
        professional professionals practitioner practitioners worker workers social health visitor visitors nurse \
        midwife midwifery doctor paediatrician consultant gp teacher headteacher head designated lead reviewer \
        officer officers manager managers chair author independent team teams unit units service services \
        police constabulary court courts council councils authority authorities agency agencies board boards panel \
        partnership partnerships hub multi safeguarding children's adults local national government department \
        trust trusts nhs care social ward wards clinic clinics school schools hospital hospitals surgery practice \
        emergency accident a&e ambulance paramedic housing probation prison youth offending education early help \
        mental substance misuse domestic abuse violence protection plan conference core group strategy meeting \
        section review reviews case serious learning lessons recommendation recommendations finding findings \
        introduction background analysis conclusion conclusions summary chronology appendix terms reference \
        methodology executive overview key episode episodes practice issue issues theme themes \
        january february march april may june july august september october november december \
        jan feb mar apr jun jul aug sep sept oct nov dec \
        monday tuesday wednesday thursday friday saturday sunday christmas easter \
        england wales scotland ireland northern britain british english welsh scottish irish uk london \
        north south east west northern southern eastern western midlands region city town county borough \
        ofsted camhs mash lscb lscp cqc ons dfe sbr cin cp lac icpc rcpc \
        internet online facebook instagram snapchat whatsapp \
        i
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init), ignoringCase: true)

    /// Titles that put a name after them ("Dr Rahman", "PC Hale").
    static let titles = WordList([
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "PC", "DC", "DS", "DI", "PCSO", "Sgt", "Sergeant",
        "Inspector", "Nurse", "Sister", "Judge", "Cllr", "Councillor", "Rev", "Revd",
    ])

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    ]

    /// Street words that follow a house number.
    static let streetTypes = WordList([
        "Road", "Street", "Avenue", "Close", "Lane", "Drive", "Way", "Court", "Crescent",
        "Place", "Terrace", "Gardens", "Grove", "Hill", "Row", "Square", "Walk", "Mews",
        "Rise", "Green", "Parade", "View", "Park",
    ])

    /// Street words distinctive enough to flag without a house number.
    static let namedStreetTypes = WordList([
        "Road", "Street", "Avenue", "Lane", "Drive", "Crescent", "Terrace", "Gardens", "Grove", "Close", "Mews",
    ])

    static let institutionSuffixes = WordList([
        "School", "Academy", "Nursery", "Surgery", "Hospital", "Infirmary", "College",
    ])

    /// Words that name an institution only after a qualifier ("Medical Centre", "Family Practice").
    static let qualifiedInstitutionSuffixes = WordList(["Centre", "Center", "Practice"])
    static let institutionQualifiers = WordList([
        "Medical", "Health", "Children's", "Childrens", "Family", "Community", "Leisure", "Youth",
    ])

    /// Words in institution names that say what kind of place it is, not which one.
    static let genericInstitutionWords = WordList([
        "The", "A", "An", "Primary", "Secondary", "High", "Junior", "Infant",
        "Infants", "Grammar", "Community", "General", "Royal", "Medical", "Health", "Children's", "Childrens", "Family",
        "Nursery", "Special", "District", "University", "Teaching", "Maternity", "Mental", "Hospital", "School",
        "Academy", "Acute",
        "Day", "Pre", "Preschool", "Pupil", "Referral", "Further", "Education", "Sixth", "Form", "Free", "Church",
        "Catholic",
        "Infant's", "County", "City", "Local", "St", "Youth", "Leisure", "Practice", "Centre",
    ])

    /// Lower-case words inside place names ("Stoke-on-Trent", "Kingston upon Hull", "Isle of Wight").
    static let placeConnectors: Set<String> = [
        "of", "on", "upon", "le", "la", "in", "the", "and", "by", "under", "en", "y",
    ]

    /// Words before which a capitalised unknown word is a place, not a person ("moved to a flat in Larchford").
    static let placePrepositions: Set<String> = ["in", "at", "from", "near", "around", "outside", "within", "across"]

    /// What may come before a second capital in a name ("McFarlane", "MacDonald", "O'Brien", "DeSouza", "LeBlanc").
    static let namePrefixes: Set<String> = [
        "Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz",
    ]

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// Words after an area's name: "Hackney Council", "Reading Borough Council", "Surrey County Council".
    static let areaWords: Set<String> = ["Council", "Borough", "County", "City", "District", "Safeguarding"]
}
