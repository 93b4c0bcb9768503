public import ArgumentParser
public import Dates

/// `--from 2026-03-02`: a date option is parsed (and refused when it is not a date) by the parser.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
