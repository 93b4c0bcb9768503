import Testing

@testable import WebUI

/// The suffix is the title's last ` · ` part; a middle dot without spaces around it is text.
@Suite("Session title suffixes")
struct SessionTitleTests {
    @Test("the last ` · ` starts the suffix, however many dots the title holds")
    func lastSeparator() {
        #expect(SessionTitle.text("A · B · week 3 #2", in: .zh) == "A · B · 第3周 第2次")
        #expect(SessionTitle.text("中试·线 · day 1/3", in: .zh) == "中试·线 · 第1/3天")
        #expect(SessionTitle.text("焊接 · 2/8·x", in: .zh) == "焊接 · 2/8·x")
        #expect(SessionTitle.text("焊接 · 2/8", in: .en) == "焊接 · 2/8")
        #expect(SessionTitle.text("· 2/8", in: .zh) == "· 2/8")
        #expect(SessionTitle.text("x ·", in: .zh) == "x ·")
    }
}
