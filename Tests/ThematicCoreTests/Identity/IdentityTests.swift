import Testing
import ThematicCore

/// Who is working: THEMATIC_USER, else the stored name, else git's user.name once the person says yes.
@Suite struct IdentityTests {
    /// Sources in memory: a config "disk" of one file and a record of what was asked and written.
    final class Fake {
        var files: [String: String] = [:]
        var questions: [String] = []
        var gitName: String?
        var answer: Bool?

        func sources(_ environment: [String: String]) -> IdentitySources {
            IdentitySources(
                environment: environment, readFile: { self.files[$0] }, writeFile: { self.files[$0] = $1 },
                gitUserName: { self.gitName },
                ask: answer.map { answer in
                    { question in
                        self.questions.append(question)
                        return answer
                    }
                })
        }
    }

    let home = ["HOME": "/home/asha"]
    let configFile = "/home/asha/.config/thematic/user"

    @Test func theEnvironmentWinsOverTheConfigFileAndGit() throws {
        let fake = Fake()
        fake.files[configFile] = "stored\n"
        fake.gitName = "Jane Smith"
        let identity = try Identity.resolve(fake.sources(home.merging(["THEMATIC_USER": "asha"]) { $1 }))
        #expect(identity == Identity(name: "asha", source: .environment))
        #expect(identity.description == "asha (from THEMATIC_USER)")
    }

    @Test func theConfigFileWinsOverGit() throws {
        let fake = Fake()
        fake.files[configFile] = "stored\n"
        fake.gitName = "Jane Smith"
        fake.answer = true
        #expect(try Identity.resolve(fake.sources(home)) == Identity(name: "stored", source: .config(path: configFile)))
        #expect(fake.questions.isEmpty)
    }

    @Test func theConfigFileIsUnderXDGConfigHomeWhenItIsSet() {
        #expect(
            Identity.configFile(environment: ["HOME": "/home/asha", "XDG_CONFIG_HOME": "/cfg"]) == "/cfg/thematic/user")
        #expect(Identity.configFile(environment: ["HOME": "/home/asha"]) == configFile)
        #expect(Identity.configFile(environment: [:]) == nil)
    }

    @Test func gitsNameIsAskedAboutOnceThenStored() throws {
        let fake = Fake()
        fake.gitName = "Jane Smith"
        fake.answer = true
        #expect(try Identity.resolve(fake.sources(home)) == Identity(name: "jane-smith", source: .git))
        #expect(fake.questions == ["Work as \"jane-smith\" (from git's user.name)? [Y/n] "])
        #expect(fake.files[configFile] == "jane-smith\n")
        #expect(try Identity.resolve(fake.sources(home)).source == .config(path: configFile))
        #expect(fake.questions.count == 1)
    }

    @Test func gitsNameIsMadeIntoACoderName() {
        #expect(Identity.coderName(fromGitName: "José Pérez-Núñez") == "jose-perez-nunez")
        #expect(Identity.coderName(fromGitName: "Jane O'Brien (work)") == "jane-o-brien-work")
        #expect(Identity.coderName(fromGitName: "李雷") == nil)
    }

    @Test func withoutATerminalGitsNameIsNotGuessed() {
        let fake = Fake()
        fake.gitName = "Jane Smith"
        #expect(throws: IdentityError.notATerminal(suggestion: "jane-smith")) {
            try Identity.resolve(fake.sources(home))
        }
        #expect(fake.files.isEmpty)
        #expect(
            IdentityError.notATerminal(suggestion: "jane-smith").description.contains(
                "THEMATIC_USER=NAME or `thematic whoami --set NAME`"))
    }

    @Test func sayingNoToGitsNameStoresNothing() {
        let fake = Fake()
        fake.gitName = "Jane Smith"
        fake.answer = false
        #expect(throws: IdentityError.declined(suggestion: "jane-smith")) { try Identity.resolve(fake.sources(home)) }
        #expect(fake.files.isEmpty)
    }

    @Test func withNoSourceAtAllThereIsNoName() throws {
        let fake = Fake()
        fake.answer = true
        #expect(throws: IdentityError.notSet) { try Identity.resolve(fake.sources(home)) }
        #expect(try Identity.known(fake.sources(home)) == nil)
    }

    @Test func anInvalidNameInTheEnvironmentIsRefusedWithTheRule() {
        let fake = Fake()
        fake.files[configFile] = "stored\n"
        #expect(throws: IdentityError.invalidName("Asha Smith", source: "THEMATIC_USER")) {
            try Identity.resolve(fake.sources(home.merging(["THEMATIC_USER": "Asha Smith"]) { $1 }))
        }
        #expect(
            IdentityError.invalidName("Asha Smith", source: "THEMATIC_USER").description.contains(
                Identifier.coderNameRule))
    }

    @Test func anInvalidStoredNameIsRefusedNamingTheFile() {
        let fake = Fake()
        fake.files[configFile] = "consensus\n"
        #expect(throws: IdentityError.invalidName("consensus", source: configFile)) {
            try Identity.resolve(fake.sources(home))
        }
    }

    @Test func storingRefusesAnInvalidNameAndWritesNothing() {
        let fake = Fake()
        #expect(throws: IdentityError.invalidName("Lena", source: nil)) {
            try Identity.store("Lena", fake.sources(home))
        }
        #expect(fake.files.isEmpty)
    }

    @Test func storingWritesTheNameToTheConfigFile() throws {
        let fake = Fake()
        #expect(try Identity.store("lena", fake.sources(home)) == configFile)
        #expect(try Identity.known(fake.sources(home)) == Identity(name: "lena", source: .config(path: configFile)))
    }
}
