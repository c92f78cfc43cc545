//! One small hash for names made from content: the same text always gives
//! the same number, on every machine. (Hand-written: a hash crate would add
//! to the child's download for these few lines.)

/// FNV-1a, 128 bits, over `text` and the number `n`, then mixed so every
/// bit depends on every byte.
pub fn fnv128(text: &str, n: u8) -> u128 {
    const PRIME: u128 = (1 << 88) + (1 << 8) + 0x3b;
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for b in text.bytes().chain([0, n]) {
        h = (h ^ u128::from(b)).wrapping_mul(PRIME);
    }
    for _ in 0..2 {
        h ^= h >> 67;
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// A name-based UUID (RFC 9562 version 8, Ally's own scheme) for thing `n`
/// of the check named by `seed` (see `Check::seed`): 0 the result document,
/// 1 its Bundle, then the Bundle's resources in order. The same answers
/// always make the same ids, so a result sent again is stored once.
pub fn stable_id(seed: &str, n: u8) -> String {
    let mut h = fnv128(seed, n);
    let mut out = String::with_capacity(36);
    for i in 0..32u32 {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        let digit = match i {
            12 => 8,
            16 => 8 | (h >> 124) as usize & 3,
            _ => (h >> 124) as usize,
        };
        h <<= 4;
        out.push(char::from(b"0123456789abcdef"[digit]));
    }
    out
}
