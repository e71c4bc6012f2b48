import Foundation
import Testing

@testable import Reporting

@Suite("HTML report provenance: SHA-256 of the data file")
struct StudyReportHTMLProvenanceTests {
    @Test("FIPS 180-4 examples and the empty message")
    func knownDigests() {
        #expect(StudyReport.sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(StudyReport.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            StudyReport.sha256Hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("a message of a million 'a's (FIPS 180-2 appendix B.3; several blocks)")
    func longMessage() {
        let data = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(StudyReport.sha256Hex(data) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
