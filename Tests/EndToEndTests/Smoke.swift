import Testing

@Test func endtoendBuilds() {
    #expect(Bool(true))
}
