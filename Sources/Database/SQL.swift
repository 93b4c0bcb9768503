/// A SQL statement with its parameters bound, never spliced.
///
/// String interpolation turns every interpolated value into a `$n` placeholder and a bound
/// parameter, so the easy way to write a query is also the safe one:
///
/// ```swift
/// let rows = try await db.query("SELECT id FROM centers WHERE name = \(name)")
/// ```
///
/// Raw text (an identifier chosen by the program, never by a user) goes in only through
/// ``SQL/init(unsafe:)`` or ``SQL/StringInterpolation/appendInterpolation(unsafe:)``.
public struct SQL: Sendable, ExpressibleByStringInterpolation {
    /// The statement text with `$1…$n` placeholders.
    public private(set) var text: String
    /// The bound parameters, in placeholder order.
    public private(set) var binds: [SQLBind]

    /// Creates a statement from text chosen by the program. No value from outside may reach it.
    public init(unsafe text: String) {
        self.text = text
        self.binds = []
    }

    public init(stringLiteral value: String) {
        self.init(unsafe: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.text = stringInterpolation.text
        self.binds = stringInterpolation.binds
    }

    /// Appends another statement fragment, renumbering its placeholders.
    public mutating func append(_ other: SQL) {
        var builder = StringInterpolation(literalCapacity: 0, interpolationCount: 0)
        builder.text = text
        builder.binds = binds
        builder.appendRenumbered(other)
        self = SQL(stringInterpolation: builder)
    }

    /// The builder behind interpolation: literals are copied, values become `$n`.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var binds: [SQLBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Binds a value as the next parameter.
        public mutating func appendInterpolation(_ value: some SQLEncodable) {
            binds.append(SQLBind(value))
            text += "$\(binds.count)"
        }

        /// Binds an optional value; `nil` becomes SQL `NULL`.
        public mutating func appendInterpolation(_ value: (some SQLEncodable)?) {
            if let value {
                appendInterpolation(value)
            } else {
                binds.append(SQLBind(text: nil, typeOID: 0))
                text += "$\(binds.count)"
            }
        }

        /// Splices a nested statement, renumbering its placeholders.
        public mutating func appendInterpolation(_ fragment: SQL) {
            appendRenumbered(fragment)
        }

        /// Splices program-chosen text (an identifier or keyword). Never pass user input.
        public mutating func appendInterpolation(unsafe raw: String) {
            text += raw
        }

        mutating func appendRenumbered(_ fragment: SQL) {
            let offset = binds.count
            binds += fragment.binds
            guard offset > 0 else {
                text += fragment.text
                return
            }
            text += Self.shiftPlaceholders(in: fragment.text, by: offset)
        }

        /// Adds `offset` to every `$n` outside quoted text.
        static func shiftPlaceholders(in text: String, by offset: Int) -> String {
            var out = ""
            var chars = text.makeIterator()
            var quote: Character? = nil
            var pending: Character? = chars.next()
            while let c = pending {
                pending = chars.next()
                if let q = quote {
                    out.append(c)
                    if c == q { quote = nil }
                    continue
                }
                if c == "'" || c == "\"" {
                    quote = c
                    out.append(c)
                    continue
                }
                guard c == "$", let first = pending, first.isASCII, first.isNumber else {
                    out.append(c)
                    continue
                }
                var digits = ""
                while let d = pending, d.isASCII, d.isNumber {
                    digits.append(d)
                    pending = chars.next()
                }
                out += "$\(Int(digits)! + offset)"
            }
            return out
        }
    }
}

/// One bound parameter: its text form (libpq text format) and the PostgreSQL type it is sent as.
public struct SQLBind: Sendable, Equatable {
    /// The value in PostgreSQL's text input format, or `nil` for `NULL`.
    public var text: String?
    /// The type OID sent with the parameter; 0 lets the server infer it from context.
    public var typeOID: UInt32

    public init(text: String?, typeOID: UInt32) {
        self.text = text
        self.typeOID = typeOID
    }

    public init(_ value: some SQLEncodable) {
        self.init(text: value.sqlText, typeOID: type(of: value).sqlTypeOID)
    }
}
