import Testing

@Test func thematiccoreBuilds() {
    #expect(Bool(true))
}
