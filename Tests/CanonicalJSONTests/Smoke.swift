import Testing

@Test func canonicaljsonBuilds() {
    #expect(Bool(true))
}
