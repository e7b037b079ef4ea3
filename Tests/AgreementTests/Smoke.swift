import Testing

@Test func agreementBuilds() {
    #expect(Bool(true))
}
