extension QRCode {
    /// The code as an inline SVG: a light square with a four-module quiet zone and one path of
    /// dark unit squares, scaled to `pixels` on a side; `label` is its accessible name.
    func svg(pixels: Int, label: String) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" \
            height="\(pixels)" shape-rendering="crispEdges" role="img" aria-label="\(label)">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
