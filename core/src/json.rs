//! A small JSON writer for what the widget sends: results, messages and FHIR
//! resources are written straight into text. (Hand-written: serde's derive
//! through `serde_json::Value` cost several KB of the child's download, and
//! the FHIR bundle would have cost more. Messages are read as
//! `serde_json::Value`; in the browser, from the object already parsed, so
//! the child's download carries neither serde_json's parser nor its printer.)

/// Something that writes itself as JSON.
pub trait Json {
    fn json(&self, out: &mut String);
}

/// The JSON text of `v`.
pub fn to_string(v: &dyn Json) -> String {
    let mut out = String::new();
    v.json(&mut out);
    out
}

/// A JSON string: quotes, backslashes and control characters escaped.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for shift in [4, 0] {
                    out.push(char::from(
                        b"0123456789abcdef"[((c as u32) >> shift & 0xf) as usize],
                    ));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON number; whole numbers without a fraction, and `null` for what JSON
/// can't hold (NaN, infinities).
pub fn number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
    } else if n.fract() == 0.0 && n.abs() < 9.0e15 {
        out.push_str(&(n as i64).to_string());
    } else {
        // The shortest form that reads back the same (serde_json's number printer).
        if let Some(n) = serde_json::Number::from_f64(n) {
            out.push_str(&n.to_string());
        }
    }
}

/// An object being written: `Obj::new(out).field("a", &x).end()`.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub fn new(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(':');
    }

    pub fn field(mut self, key: &str, v: &dyn Json) -> Self {
        self.key(key);
        v.json(self.out);
        self
    }

    /// A field whose value is already JSON text.
    pub fn raw(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.out.push_str(json);
        self
    }

    /// A field only when `v` is there: absent, not `null`.
    pub fn some(self, key: &str, v: Option<&dyn Json>) -> Self {
        match v {
            Some(v) => self.field(key, v),
            None => self,
        }
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// An array of whatever `each` writes.
pub fn array<T>(out: &mut String, items: &[T], each: impl Fn(&T, &mut String)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(item, out);
    }
    out.push(']');
}

impl Json for str {
    fn json(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for String {
    fn json(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for &str {
    fn json(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for f64 {
    fn json(&self, out: &mut String) {
        number(out, *self);
    }
}

impl Json for u64 {
    fn json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Json for usize {
    fn json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Json for u8 {
    fn json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Json for u32 {
    fn json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Json for bool {
    fn json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: Json> Json for Option<T> {
    fn json(&self, out: &mut String) {
        match self {
            Some(v) => v.json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn json(&self, out: &mut String) {
        array(out, self, |v, out| v.json(out));
    }
}

impl<T: Json> Json for Vec<T> {
    fn json(&self, out: &mut String) {
        self.as_slice().json(out);
    }
}

/// JSON text written elsewhere, put in as it is.
pub struct Raw<'a>(pub &'a str);

impl Json for Raw<'_> {
    fn json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

/// A value read from a message, written back: for the error messages that
/// quote what they were given.
impl Json for serde_json::Value {
    fn json(&self, out: &mut String) {
        use serde_json::Value;
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&n.to_string()),
            Value::String(s) => string(out, s),
            Value::Array(list) => array(out, list, |v, out| v.json(out)),
            Value::Object(map) => {
                let mut o = Obj::new(out);
                for (k, v) in map {
                    o = o.field(k, v);
                }
                o.end();
            }
        }
    }
}
