import Domain
import Foundation

/// Charts of report figures as inline SVG, drawn on the server: readable without JavaScript, sized
/// by attributes (the pages' CSP allows no inline styles), every mark with a `<title>` and the
/// numbers in text beside it.
enum ReportChart {
    /// A weekday × hour heat map of the `heatMap` section: darker for more booked hours.
    static func heatMap(_ section: ReportSection, weekdays: [String], title: String) -> String {
        let (left, top, cell) = (44, 18, 22)
        let peak = section.rows.flatMap(\.values).max() ?? 0
        var svg = open(width: left + 24 * cell + 4, height: top + 7 * cell + 4, title: title)
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += text(x: left + hour * cell + 2, y: 12, "\(hour):00", anchor: "start")
        }
        for (day, row) in section.rows.enumerated() {
            let y = top + day * cell
            svg += text(x: left - 6, y: y + 15, weekdays[day], anchor: "end")
            for (hour, value) in row.values.enumerated() {
                let opacity = peak > 0 ? 0.08 + 0.92 * value / peak : 0.08
                svg += """
                    <rect class="heat" x="\(left + hour * cell)" y="\(y)" width="\(cell - 2)" height="\(cell - 2)" \
                    fill-opacity="\(String(format: "%.2f", opacity))"><title>\(escape(weekdays[day])) \(hour):00 · \
                    \(value.reportText) h</title></rect>
                    """
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of `values` (label, value) scaled to the largest, each with its number.
    static func bars(_ values: [(label: String, value: Double)], unit: String, title: String) -> String {
        let (left, row, width) = (180, 26, 320)
        let peak = max(values.map(\.value).max() ?? 0, 1)
        var svg = open(width: left + width + 80, height: row * max(values.count, 1) + 8, title: title)
        for (index, item) in values.enumerated() {
            let y = 4 + index * row
            let length = Int((Double(width) * item.value / peak).rounded())
            svg += text(x: left - 8, y: y + 16, item.label, anchor: "end")
            svg += """
                <rect class="bar" x="\(left)" y="\(y)" width="\(max(length, 1))" height="\(row - 8)">\
                <title>\(escape(item.label)): \(item.value.reportText) \(escape(unit))</title></rect>
                """
            svg += text(x: left + length + 6, y: y + 16, "\(item.value.reportText) \(unit)", anchor: "start")
        }
        return svg + "</svg>"
    }

    /// Each category's share (bar) against its policy's bounds (the band between the minimum and
    /// maximum, and two marks), from the `period` section of the category-shares report.
    static func shares(_ rows: [(label: String, percent: Double, min: Double, max: Double)], title: String) -> String {
        let (left, row, width) = (180, 30, 360)
        var svg = open(width: left + width + 70, height: row * rows.count + 26, title: title)
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = left + width * tick / 100
            svg += "<line class=\"tick\" x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(row * rows.count)\"/>"
            svg += text(x: x, y: row * rows.count + 18, "\(tick)%", anchor: "middle")
        }
        for (index, item) in rows.enumerated() {
            let y = index * row + 4
            let scale = { (percent: Double) in left + Int((Double(width) * percent / 100).rounded()) }
            let inside = (item.min...item.max).contains(item.percent)
            svg += text(x: left - 8, y: y + 16, item.label, anchor: "end")
            svg += """
                <rect class="bound" x="\(scale(item.min))" y="\(y - 2)" width="\(max(scale(item.max) - scale(item.min), 1))" \
                height="\(row - 6)"><title>\(escape(item.label)): \(item.min.reportText)–\(item.max.reportText)%</title></rect>
                <rect class="\(inside ? "bar" : "bar outside")" x="\(left)" y="\(y + 4)" \
                width="\(max(scale(item.percent) - left, 1))" height="\(row - 18)"><title>\(escape(item.label)): \
                \(item.percent.reportText)%</title></rect>
                """
            svg += text(x: scale(item.percent) + 6, y: y + 14, "\(item.percent.reportText)%", anchor: "start")
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        """
        <svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)"><title>\(escape(title))</title>
        """
    }

    private static func text(x: Int, y: Int, _ content: String, anchor: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(escape(content))</text>"
    }

    /// Text safe inside SVG markup.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
