import Foundation
import Service
import Testing

@Suite("Fuzzing the CSV reader")
struct CSVFuzzTests {
    @Test("mutated CSV (UTF-8 with and without BOM, GB18030) is read or refused; what is read survives writing")
    func files() throws {
        let written = CSVFile(
            header: ["姓名", "工号", "岗位"],
            rows: [["王建国", "E-001", "数控, 车工"], ["李\"小\"红", "E-002", "焊接\n二级"], ["", "", ""], ["赵六", "", "质检"]]
        ).bytes()
        let plain = Array("name,code,seats\r\nPLC 实验室,R1,40\r\n\"Hall, A\",R2,\"1\"\"2\"\r\n".utf8)
        var seeds = [written, plain]
        if let chinese = "单位名称,类型\n潍坊职业学院,学校\n".data(using: String.Encoding(rawValue: 0x8000_0632)) {
            seeds.append(Array(chinese))  // GB18030, as Excel on Chinese Windows saves it
        }
        try Fuzz.run("csv", seeds: seeds, tokens: ["\"", ",", "\r\n", "\n", "\r", "\u{FEFF}", "\"\"", " "]) { bytes in
            guard let file = try? CSVFile(bytes: bytes) else { return }
            let again = try CSVFile(bytes: file.bytes())
            #expect(again.header == file.header && again.rows == file.rows, "written back differently: \(bytes)")
        }
    }
}
