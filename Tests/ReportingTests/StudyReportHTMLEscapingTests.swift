import Testing

@testable import Reporting

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("markup delimiters become character references")
    func escapes() {
        #expect(HTMLEscaping.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLEscaping.escape("\"a\" & b") == "&quot;a&quot; &amp; b")
        #expect(HTMLEscaping.escape("2×2 — ROI ≥ 0 %") == "2×2 — ROI ≥ 0 %")
        #expect(HTMLEscaping.escape("a\u{1}b\tc") == "a\u{FFFD}b\tc")
    }
}
