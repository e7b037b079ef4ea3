/// The command line SwiftPM hands an executable's `<Target>_main`.
public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

/// Runs libFuzzer with its usual options (`argv`), calling `test` with every input it tries.
///
/// SwiftPM links an executable's `main` to the symbol `<Target>_main`, so a fuzz target declares that with
/// `@_cdecl` and calls this, instead of libFuzzer's own `main`.
public func runFuzzer(_ argc: CInt, _ argv: Arguments, test: @escaping ([UInt8]) -> Void) -> CInt {
    currentTest = test
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { testOneInput($0, $1) }
}

/// What libFuzzer calls with each input; its library needs the symbol even when started through its driver.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    currentTest(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The input as UTF-8 text, with invalid bytes repaired as a reader of text files would.
public func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

/// Set once, before libFuzzer starts calling back on its single thread.
nonisolated(unsafe) private var currentTest: ([UInt8]) -> Void = { _ in }

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<Arguments>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
