import Testing

@Test func thematicappBuilds() {
    #expect(Bool(true))
}
