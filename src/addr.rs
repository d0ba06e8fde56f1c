//! A small cache of values by a cell's key as addresses. A cell's row and column names are
//! static text of the binary (the templates' specs), the same few hundred for every
//! document, so the writer and the validator look cells up by the names' addresses; this
//! cache, in front of their maps, answers most lookups by comparing three words instead
//! of hashing a tuple into a map.

/// Entries: a key's two possible places are side by side (two-way set associative), so two
/// keys that hash alike do not evict each other.
const BITS: u32 = 11;

/// A key: the row's and column's addresses, then their lengths and a tag packed in one
/// word. All zero is an empty entry (a `&'static str` is never at address zero).
type Key = [u64; 3];

pub struct AddrCache<V: Copy> {
    entries: Box<[(Key, V)]>,
}

impl<V: Copy + Default> Default for AddrCache<V> {
    fn default() -> Self {
        AddrCache {
            entries: vec![([0; 3], V::default()); 1 << BITS].into_boxed_slice(),
        }
    }
}

impl<V: Copy + Default> AddrCache<V> {
    /// The value for (`tag`, `row`, `col`) by the texts' addresses and lengths, computed by
    /// `miss` when the cache does not hold it (then kept). `miss` must give the same value
    /// for the same key every time; the same text at two addresses is two keys.
    #[inline]
    pub fn get_or(&mut self, tag: u8, row: &'static str, col: &'static str, miss: impl FnOnce() -> V) -> V {
        const LEN: usize = 1 << 20;
        let (r, c) = (row.len(), col.len());
        if r >= LEN || c >= LEN {
            return miss();
        }
        let key: Key = [
            row.as_ptr() as u64,
            col.as_ptr() as u64,
            r as u64 | (c as u64) << 20 | (tag as u64) << 40,
        ];
        let h = (key[0] ^ key[1].rotate_left(29) ^ key[2]).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let i = (h >> (u64::BITS - BITS)) as usize & !1;
        if self.entries[i].0 == key {
            return self.entries[i].1;
        }
        if self.entries[i + 1].0 == key {
            return self.entries[i + 1].1;
        }
        // The newest key first; the one it displaces stays as the second.
        let v = miss();
        self.entries[i + 1] = self.entries[i];
        self.entries[i] = (key, v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_what_the_map_would() {
        // More keys than entries: lookups evict one another, and every answer is still the
        // key's own value.
        let names: Vec<&'static str> = (0..3000)
            .map(|i| &*Box::leak(format!("row{i}").into_boxed_str()))
            .collect();
        let value = |tag: u8, row: &str, col: &str| (tag as u32) << 24 ^ (row.len() * 131 + col.len()) as u32;
        let mut cache = AddrCache::<u32>::default();
        let mut misses = 0;
        for round in 0..3 {
            for (k, &row) in names.iter().enumerate() {
                let col = names[(k * 7 + round) % names.len()];
                let tag = (k % 3) as u8;
                let got = cache.get_or(tag, row, col, || {
                    misses += 1;
                    value(tag, row, col)
                });
                assert_eq!(got, value(tag, row, col));
            }
        }
        assert!(misses > 0);
        // The same name at another address is another key; two keys both stay (even when
        // they hash alike: an entry's set holds two); another tag is another key.
        let mut cache = AddrCache::<u32>::default();
        let (a, b): (&'static str, &'static str) = ("收费金额", "total");
        let a2: &'static str = Box::leak(a.to_string().into_boxed_str());
        assert_eq!(cache.get_or(1, a, b, || 1), 1);
        assert_eq!(cache.get_or(1, a2, b, || 2), 2);
        for _ in 0..3 {
            assert_eq!(cache.get_or(1, a, b, || unreachable!()), 1);
            assert_eq!(cache.get_or(1, a2, b, || unreachable!()), 2);
        }
        assert_eq!(cache.get_or(2, a, b, || 3), 3);
    }
}
