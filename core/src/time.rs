//! Times as the widget writes them: ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SS`,
//! optional fractions of a second, then `Z`.

use std::cmp::Ordering;

/// Whether `t` is a real ISO 8601 UTC time as the widget writes them:
/// `YYYY-MM-DDTHH:MM:SS`, optional fractions of a second, then `Z`, with
/// every field in range (no 30 February, no 99:99).
pub fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let shape = b.len() >= 20
        && b.len() <= 30
        && [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')]
            .iter()
            .all(|&(i, c)| b[i] == c)
        && b[b.len() - 1] == b'Z';
    // After the seconds: nothing, or a dot and at least one digit.
    let rest = b.get(19..b.len().saturating_sub(1)).unwrap_or(&[]);
    let fraction = match rest {
        [] => true,
        [b'.', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    let (Some(year), Some(month), Some(day), Some(h), Some(m), Some(sec)) = (
        num(0, 4),
        num(5, 2),
        num(8, 2),
        num(11, 2),
        num(14, 2),
        num(17, 2),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    shape && fraction && (1..=days).contains(&day) && h < 24 && m < 60 && sec < 60
}

/// How two timestamps compare as times, where their text alone would not
/// ("…:31Z" sorts before "…:30.5Z"): digit by digit, a missing fraction
/// digit counting as 0. Only for texts [`is_timestamp`] accepts.
pub fn compare(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (
        a.bytes().filter(u8::is_ascii_digit),
        b.bytes().filter(u8::is_ascii_digit),
    );
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (p, q) => match p.unwrap_or(b'0').cmp(&q.unwrap_or(b'0')) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}
