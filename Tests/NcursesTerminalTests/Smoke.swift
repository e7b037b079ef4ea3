import Testing

@Test func ncursesterminalBuilds() {
    #expect(Bool(true))
}
