import Foundation
import ZIPFoundation

/// A one-sheet Excel workbook (.xlsx, Office Open XML SpreadsheetML) of a ``CSVFile``: a bold,
/// frozen header row and every cell as inline text (dates, times and numbers as the CSV writes
/// them, so nothing is reinterpreted: an employee number keeps its leading zeros). The parts are
/// written here by hand because no spreadsheet package is on the machine's list; ZIPFoundation
/// packs them.
enum SpreadsheetML {
    /// The workbook's bytes; the sheet is named `sheet` (cut to Excel's 31 characters).
    static func workbook(_ file: CSVFile, sheet: String) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbookPart(sheet: sheet)), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", worksheet(file)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// Entries dated 1980-01-01 (ZIP's first day): the same file gives the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageNamespace = "http://schemas.openxmlformats.org/package/2006"

    private static let contentTypes = """
        \(declaration)<Types xmlns="\(packageNamespace)/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """

    private static let packageRelationships = """
        \(declaration)<Relationships xmlns="\(packageNamespace)/relationships">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static let workbookRelationships = """
        \(declaration)<Relationships xmlns="\(packageNamespace)/relationships">\
        <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(officeRelationships)/styles" Target="styles.xml"/></Relationships>
        """

    /// Style 0 is the default font, style 1 the same font bold (the header row).
    private static let styles = """
        \(declaration)<styleSheet xmlns="\(main)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        </fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    private static func workbookPart(sheet: String) -> String {
        let name = String(sheet.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return """
            \(declaration)<workbook xmlns="\(main)" xmlns:r="\(officeRelationships)"><sheets>\
            <sheet name="\(escaped(name.isEmpty ? "Sheet1" : name))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    private static func worksheet(_ file: CSVFile) -> String {
        var xml = """
            \(declaration)<worksheet xmlns="\(main)"><sheetViews><sheetView workbookViewId="0">\
            <pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetData>
            """
        for (index, cells) in ([file.header] + file.rows).enumerated() {
            let number = index + 1
            xml += #"<row r="\#(number)">"#
            for (column, text) in cells.enumerated() where !text.isEmpty {
                let style = index == 0 ? #" s="1""# : ""
                xml += #"<c r="\#(reference(column))\#(number)"\#(style) t="inlineStr"><is><t xml:space="preserve">"#
                xml += escaped(text) + "</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A column's letters: 0 → A, 25 → Z, 26 → AA.
    static func reference(_ column: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// Text for XML: markup characters escaped, characters XML 1.0 cannot hold dropped.
    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension CSVFile {
    /// The same rows as an Excel workbook of one sheet named `sheet` (``SpreadsheetML``).
    public func xlsx(sheet: String) throws -> [UInt8] { try SpreadsheetML.workbook(self, sheet: sheet) }
}
