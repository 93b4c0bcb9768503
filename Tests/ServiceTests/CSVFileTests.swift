import Domain
import Foundation
import Service
import Testing

@Suite("CSV files: encodings, quoting, the bytes Excel opens")
struct CSVFileTests {
    @Test(
        "UTF-8 with a BOM: the BOM is not part of the first column's name; quoted commas and line breaks stay in their cell"
    )
    func quotedFields() throws {
        let text = "\u{FEFF}name,kind\r\n\"焊接工位,机器人\",\"two\r\nlines\"\r\nplain,\"say \"\"hi\"\"\"\r\n"
        let file = try CSVFile(bytes: Array(text.utf8))
        #expect(file.encoding == .utf8)
        #expect(file.header == ["name", "kind"])
        #expect(file.rows == [["焊接工位,机器人", "two\r\nlines"], ["plain", "say \"hi\""]])
    }

    @Test("a file that is neither UTF-8 nor GB18030 is refused naming the rule")
    func unreadable() {
        #expect(throws: DomainError.self) { try CSVFile(bytes: [0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xFF, 0xFF, 0xFF]) }
        do { _ = try CSVFile(bytes: [0xFF, 0xFF]) } catch { #expect(error.rule == "encoding") }
    }

    @Test(
        "a quoted cell not closed, or a stray quote in one, refuses the file naming the line (the reader would swallow the rows after it)",
        arguments: [
            ("name,kind\nA,\"hello\nB,x\nC,y\n", 2),
            ("name,kind\r\nA,x\r\nB,\"say \"hi\"\r\n", 3),
            ("name,kind\nA,\"two\nlines\"\nB,\"ab\"c\"\n", 4),
        ])
    func brokenQuotes(text: String, line: Int) {
        do {
            _ = try CSVFile(bytes: Array(text.utf8))
            Issue.record("read: \(text)")
        } catch {
            #expect(error.field == "file" && error.rule == "quote")
            #expect(error.message.hasPrefix("Line \(line): a quoted cell is not closed"), "\(error.message)")
        }
    }

    @Test(
        "quotes the rule allows: a quote inside an unquoted cell, spaces around a quoted one, a last cell closed at the end"
    )
    func allowedQuotes() throws {
        let text = "name,kind\n12\" pipe,  \"a, b\"  \n\"x\"\"y\",\"\""
        let file = try CSVFile(bytes: Array(text.utf8))
        #expect(file.rows == [["12\" pipe", "a, b"], ["x\"y", ""]])
    }

    @Test("the export's bytes: a UTF-8 BOM, CRLF after every row, RFC 4180 quoting; read back unchanged")
    func writing() throws {
        let file = CSVFile(header: ["名称", "note"], rows: [["a,b", "say \"hi\""], ["c", "two\nlines"]])
        let bytes = file.bytes()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "名称,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nc,\"two\nlines\"\r\n")
        #expect(try CSVFile(bytes: bytes) == file)
    }

    @Test("weekly times in one cell: English and Chinese half-days and spans, written back in English")
    func weeklyTimes() throws {
        let spans = try WeeklyTimes.parse("周一上午; Wed PM；Thu 08:00-11:30", field: "free_times")
        #expect(spans.map(\.0) == [1, 3, 4])
        #expect(WeeklyTimes.format(spans) == "Mon AM;Wed PM;Thu 08:00-11:30")
        #expect(throws: DomainError.self) { try WeeklyTimes.parse("someday", field: "free_times") }
    }
}
