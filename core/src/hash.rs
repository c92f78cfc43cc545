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
