//! A crawler's runs of digits cut into a row's cells (`规章000规范性文件898989`: 0|0|0, 89|89|89).
//! Each run is cut every way its digits allow into the row's columns (`splits`, bounded by
//! `LIMIT` and `CUT_STEPS`), the cuts scored by the template's identities together with the
//! other rows' (`joint_glued`) and, among the equally good, ordered by how plausible their
//! numbers are (`prior`); the report's prose decides where it states a split's numbers
//! (`stated_split`), and a run that still splits more than one way is said
//! (`AMBIGUOUS_SPLIT`, `ambiguity`) with its splits kept for the run to settle by the
//! report's copies and neighbours (`crate::twins`, `crate::years`).

use super::*;

/// Most splits of one run [`splits`] gives.
pub(super) const LIMIT: usize = 20_000;
/// Most cuts [`splits`] looks at for one run: a run of ninety digits whose cuts into a
/// row's numbers seldom complete (the other cells of its row leave them little room) was
/// looked at for seconds, past a file's budget, before `LIMIT` splits were found.
pub(super) const CUT_STEPS: usize = 1_000_000;

/// Whether `bytes[start..end]` may be one number cut from a run of digits: it neither
/// starts nor ends with `.`, has no leading zero, and (when it is not the chunk's `last`
/// piece) the next byte is not `.`.
#[inline(always)]
pub(super) fn cuttable(bytes: &[u8], start: usize, end: usize, last: bool) -> bool {
    let digits = &bytes[start..end];
    // The bytes the checks look at, tested at once for ASCII (a run's digits are): then the
    // checks read bytes; a full-width character among them is read by `cuttable_wide`.
    let probe = match digits {
        [] => 0,
        [a] => *a,
        [a, b, .., z] => a | b | z,
        [a, b] => a | b,
    } | if last { 0 } else { bytes[end] };
    if probe < 0x80 {
        return !(digits.last() == Some(&b'.')
            || digits.first() == Some(&b'.')
            || (digits.len() > 1 && digits[0] == b'0' && digits[1] != b'.')
            || (!last && bytes[end] == b'.'));
    }
    cuttable_wide(bytes, start, end, last)
}

/// [`cuttable`] for a piece with full-width characters: full-width digits and points
/// (０–９, ．) are read as theirs, so `１００１５３` has no leading zero to cut either.
pub(super) fn cuttable_wide(bytes: &[u8], start: usize, end: usize, last: bool) -> bool {
    let (first, second, end_char) = if start < end {
        let (first, width) = ascii_at(bytes, start);
        let second = (start + width < end).then(|| ascii_at(bytes, start + width).0);
        (Some(first), second, Some(ascii_before(bytes, end)))
    } else {
        (None, None, None)
    };
    !(end_char == Some(b'.')
        || first == Some(b'.')
        || (first == Some(b'0') && second.is_some_and(|c| c != b'.'))
        || (!last && ascii_at(bytes, end).0 == b'.'))
}

/// The character at byte `i` of a run as ASCII when it is a full-width digit or point, else
/// its first byte (never a digit or `.` when it is not ASCII), and its length in bytes.
pub(super) fn ascii_at(bytes: &[u8], i: usize) -> (u8, usize) {
    match bytes[i..] {
        [0xEF, 0xBC, d @ 0x90..=0x99, ..] => (b'0' + (d - 0x90), 3),
        [0xEF, 0xBC, 0x8E, ..] => (b'.', 3),
        [b, ..] => (b, 1),
        [] => (0, 0),
    }
}

/// The character that ends at byte `end` (> 0) of a run, as [`ascii_at`] reads it.
pub(super) fn ascii_before(bytes: &[u8], end: usize) -> u8 {
    match bytes[..end] {
        [.., 0xEF, 0xBC, d @ 0x90..=0x99] => b'0' + (d - 0x90),
        [.., 0xEF, 0xBC, 0x8E] => b'.',
        [.., b] => b,
        [] => 0,
    }
}

/// A run's digits without the unit that closes it and the spaces before the unit
/// (`75394432.52 元` → `75394432.52`).
pub(super) fn unit_body(run: &str) -> &str {
    run.trim_end_matches(['元', '万']).trim_end()
}

/// The length in bytes of the sign a run's chunk opens with (0 if none).
pub(super) fn sign_len(text: &str) -> usize {
    text.chars().next().filter(|&c| is_sign(c)).map_or(0, char::len_utf8)
}

/// A sign in a run of digits: ASCII, full-width (＋, －) or the minus sign (−).
pub(super) fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '＋' | '－' | '−')
}

/// The pieces of a run read so far, by address and length: each one's id (counting up
/// from the first free one) and number, read once; the same pieces come back in many
/// splits.
pub(super) struct PieceIds {
    memo: HashMap<(usize, usize), (u32, Option<numbers::Number>)>,
    next: u32,
}

impl PieceIds {
    fn new(next: u32) -> Self {
        PieceIds {
            memo: HashMap::default(),
            next,
        }
    }

    /// The piece's id and number; None when it does not read as exactly one number.
    fn get(&mut self, piece: &str) -> Option<(u32, numbers::Number)> {
        let next = self.next;
        let &mut (id, one) = self
            .memo
            .entry((piece.as_ptr() as usize, piece.len()))
            .or_insert_with(|| match numbers::number(piece) {
                Some(n) => (next, Some(n)),
                None => (u32::MAX, None),
            });
        if id == next {
            self.next += 1;
        }
        one.map(|n| (id, n))
    }
}

/// A run's hard chunks, which no split crosses: (token it came from, text of the chunk,
/// whether it is cut, its piece id when it is not). Spaces and signs are boundaries (a
/// sign starts a chunk); a token that is not a run is one chunk. Also returns how many ids
/// the uncut tokens took.
#[allow(clippy::type_complexity)]
pub(super) fn hard_chunks<'a>(values: &[Token<'a>]) -> (Vec<(Token<'a>, &'a str, bool, u32)>, u32) {
    let mut chunks = Vec::new();
    let mut ids = 0u32;
    for t in values {
        if t.kind != Kind::Run {
            chunks.push((t.clone(), t.raw, false, ids));
            ids += 1;
            continue;
        }
        let raw = t.raw;
        // A unit goes with the last chunk, after a space or not (`75394432.52 元`).
        let body = unit_body(raw).len();
        let mut start = None;
        for (i, c) in raw[..body].char_indices() {
            let boundary = c == ' ' || (is_sign(c) && i > 0);
            if boundary {
                if let Some(s) = start.take() {
                    chunks.push((t.clone(), &raw[s..i], true, 0));
                }
            }
            if c != ' ' && start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            chunks.push((t.clone(), &raw[s..], true, 0));
        }
    }
    (chunks, ids)
}

/// Calls `each` with every way to cut a run's digits into `m` numbers (at most `LIMIT`):
/// spaces and signs are hard boundaries, a number has no leading zero, a unit belongs to the
/// last number. `each` also gets each token's piece id: the same piece of the text (or the
/// same uncut token) has the same id in every split, and the ids count up from 0. Returns
/// whether every split was given (neither `LIMIT` splits nor `CUT_STEPS` cuts reached).
pub(super) fn splits<'a>(values: &[Token<'a>], m: usize, mut each: impl FnMut(&[Token<'a>], &[u32])) -> bool {
    let (chunks, ids) = hard_chunks(values);
    // A chunk with no digit after its sign (`-` of `-9999--`), or whose text after its last
    // digit no number ends with (`9999，`, a comma run into a label's digits), is no number
    // however the rest is cut: no split completes, and looking for one would try every cut
    // of the rest.
    let no_number = |(_, text, split, _): &(Token<'a>, &'a str, bool, u32)| {
        if !*split || text.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let Some((last, digit)) = text
            .char_indices()
            .rev()
            .find(|(_, c)| numbers::halfwidth(*c).is_ascii_digit())
        else {
            return true;
        };
        numbers::number(&format!("1{}", &text[last + digit.len_utf8()..])).is_none()
    };
    if chunks.iter().any(no_number) {
        return true;
    }
    let mut cur: Vec<Token<'a>> = Vec::new();
    let mut cur_ids: Vec<u32> = Vec::new();
    /// What the recursion carries: the pieces read so far, the callback, how many splits
    /// it was given.
    struct Out<'m, F> {
        pieces: PieceIds,
        each: &'m mut F,
        count: usize,
        /// Cuts looked at, against [`CUT_STEPS`].
        steps: usize,
        /// The fewest numbers the last `k` chunks cut into, at `need[k]`.
        need: Vec<usize>,
    }
    let mut need = vec![0; chunks.len() + 1];
    for (k, (_, text, split, _)) in chunks.iter().rev().enumerate() {
        let least = if *split {
            let sign = sign_len(text);
            fewest_pieces(&text[sign..unit_body(text).len()]).max(1)
        } else {
            1
        };
        need[k + 1] = need[k] + least;
    }
    let mut out = Out {
        pieces: PieceIds::new(ids),
        each: &mut each,
        count: 0,
        steps: 0,
        need,
    };
    fn rec<'a, F: FnMut(&[Token<'a>], &[u32])>(
        chunks: &[(Token<'a>, &'a str, bool, u32)],
        m: usize,
        cur: &mut Vec<Token<'a>>,
        cur_ids: &mut Vec<u32>,
        out: &mut Out<'_, F>,
    ) {
        if out.count >= LIMIT {
            return;
        }
        let Some(((tok, text, split, id), rest)) = chunks.split_first() else {
            if cur.len() == m {
                out.count += 1;
                (out.each)(cur, cur_ids);
            }
            return;
        };
        let left = m.saturating_sub(cur.len());
        if left < out.need[chunks.len()] {
            return;
        }
        if !split {
            cur.push(tok.clone());
            cur_ids.push(*id);
            rec(rest, m, cur, cur_ids, out);
            cur.pop();
            cur_ids.pop();
            return;
        }
        let body_len = unit_body(text).len();
        let sign = sign_len(text);
        cut(text, body_len, sign, tok, rest, m, cur, cur_ids, out);
    }
    /// Cuts `text` into one or more numbers, then recurses on `rest`. `body_len`: the
    /// length of `text` without its unit suffix (which goes with the last number of the
    /// chunk); `sign`: the length of its sign.
    #[allow(clippy::too_many_arguments)]
    fn cut<'a, F: FnMut(&[Token<'a>], &[u32])>(
        text: &'a str,
        body_len: usize,
        sign: usize,
        tok: &Token<'a>,
        rest: &[(Token<'a>, &'a str, bool, u32)],
        m: usize,
        cur: &mut Vec<Token<'a>>,
        cur_ids: &mut Vec<u32>,
        out: &mut Out<'_, F>,
    ) {
        let bytes = text.as_bytes();
        for end in (sign + 1)..=body_len {
            crate::budget::step();
            out.steps += 1;
            if out.steps > CUT_STEPS {
                // (Counted as the limit reached: the splits given are not all.)
                out.count = LIMIT;
            }
            if out.count >= LIMIT {
                return;
            }
            if !text.is_char_boundary(end) {
                continue;
            }
            let last = end == body_len;
            // A piece that is not the chunk's last needs room for the numbers the rest of
            // the chunk and the chunks after it cut into at the fewest: without this a long
            // run was cut into every number of pieces (2^(digits-1) ways) before any split
            // was counted, or before the zeros after it (`000…`, a number each) were found
            // to leave it no room.
            if !last && cur.len() + 1 + fewest_pieces(&text[end..body_len]) + out.need[rest.len()] > m {
                continue;
            }
            if !cuttable(bytes, sign, end, last) {
                continue;
            }
            let piece = if last { text } else { &text[..end] };
            let Some((id, n)) = out.pieces.get(piece) else { continue };
            cur.push(Token {
                kind: Kind::Value(Value::Number(n)),
                raw: piece,
                ..tok.clone()
            });
            cur_ids.push(id);
            if last {
                rec(rest, m, cur, cur_ids, out);
            } else {
                let rest_len = body_len - end;
                cut(&text[end..], rest_len, 0, tok, rest, m, cur, cur_ids, out);
            }
            cur.pop();
            cur_ids.pop();
        }
    }
    rec(&chunks, m, &mut cur, &mut cur_ids, &mut out);
    out.count < LIMIT
}

/// The fewest numbers `digits` (a chunk's digits, from where a number starts, without sign
/// or unit) cut into under [`cuttable`]: a number does not start with a 0 but the number 0
/// itself (or 0.…), so each 0 it opens with is a number of its own, and the rest one more.
pub(super) fn fewest_pieces(digits: &str) -> usize {
    let b = digits.as_bytes();
    let mut i = 0;
    let mut zeros = 0;
    while i < b.len() {
        let (c, width) = ascii_at(b, i);
        if c != b'0' {
            break;
        }
        // `0.5…`: the number the 0 opens may take in all that follows.
        if i + width < b.len() && ascii_at(b, i + width).0 == b'.' {
            return zeros + 1;
        }
        zeros += 1;
        i += width;
    }
    zeros + usize::from(i < b.len())
}

/// Steps [`splits_summing`] takes before it leaves a run to the full enumeration: a few
/// hundred for the rows of real reports, which stay far below it.
pub(super) const SUM_BUDGET: usize = 200_000;

/// A chunk of a run for [`splits_summing`]: `text[off..body]` is cut into numbers (when
/// `cut`; the last of them takes the rest of `text`, its unit), or the token is one value.
pub(super) struct SumChunk<'a> {
    tok: Token<'a>,
    text: &'a str,
    body: usize,
    cut: bool,
    id: u32,
    /// The token's number when it is not cut.
    value: f64,
}

/// What [`splits_summing`] carries through its search.
pub(super) struct SumSearch<'a> {
    /// After chunk i: the bytes left to cut, the values not cut, the chunks not cut.
    rest: Vec<(usize, f64, usize)>,
    total: f64,
    pieces: PieceIds,
    leaves: usize,
    /// Calls of `search` left before it gives up (`splits_summing` then returns None and
    /// the caller tries every split, which `LIMIT` bounds).
    budget: usize,
    cur: Vec<Token<'a>>,
    cur_ids: Vec<u32>,
    /// Each found split: the end of each piece (its order is the order of `splits`), the
    /// tokens and piece ids.
    found: Vec<(Vec<usize>, Vec<Token<'a>>, Vec<u32>)>,
    ends: Vec<usize>,
}

impl<'a> SumSearch<'a> {
    /// Cuts chunk `ci` from byte `off` with `sum` of the numbers so far and `left` numbers
    /// to go (the total not counted).
    fn search(&mut self, chunks: &[SumChunk<'a>], ci: usize, off: usize, sum: f64, left: usize) {
        if self.budget == 0 || self.leaves >= LIMIT || sum > self.total + 1e-6 {
            return;
        }
        self.budget -= 1;
        crate::budget::step();
        let Some(ch) = chunks.get(ci) else {
            if left == 0 {
                self.leaves += 1;
                if validate::close(sum, self.total) {
                    self.found
                        .push((self.ends.clone(), self.cur.clone(), self.cur_ids.clone()));
                }
            }
            return;
        };
        if left < chunks.len() - ci {
            return;
        }
        if !ch.cut {
            self.cur.push(ch.tok.clone());
            self.cur_ids.push(ch.id);
            self.ends.push(0);
            self.search(chunks, ci + 1, 0, sum + ch.value, left - 1);
            self.cur.pop();
            self.cur_ids.pop();
            self.ends.pop();
            return;
        }
        let (text, body) = (ch.text, ch.body);
        let bytes = text.as_bytes();
        let (rest_bytes, rest_known, rest_whole) = self.rest[ci];
        for end in (off + 1)..=body {
            if !text.is_char_boundary(end) {
                continue;
            }
            let last = end == body;
            if !cuttable(bytes, off, end, last) {
                continue;
            }
            // Numbers still to cut after this one, and an upper bound of what they add.
            let after = left - 1;
            let (bytes_after, cut_after) = if last {
                (rest_bytes, after.saturating_sub(rest_whole))
            } else {
                (body - end + rest_bytes, after.saturating_sub(rest_whole))
            };
            let piece = if last { &text[off..] } else { &text[off..end] };
            let Some((id, n)) = self.pieces.get(piece) else {
                continue;
            };
            let s = sum + n.value;
            // Longer pieces only read larger: nothing further can fit under the total.
            if s > self.total + 1e-6 {
                break;
            }
            if cut_after > 0 && bytes_after >= cut_after {
                let most = 10f64.powi((bytes_after - cut_after + 1).min(300) as i32) + 10.0 * cut_after as f64;
                if s + rest_known + most < self.total - 1e-6 {
                    continue;
                }
            }
            self.cur.push(Token {
                kind: Kind::Value(Value::Number(n)),
                raw: piece,
                ..ch.tok.clone()
            });
            self.cur_ids.push(id);
            self.ends.push(end);
            if last {
                self.search(chunks, ci + 1, 0, s, after);
            } else {
                self.search(chunks, ci, end, s, after);
            }
            self.cur.pop();
            self.cur_ids.pop();
            self.ends.pop();
        }
    }
}

/// The splits of [`splits`] in which the last of the `m` numbers is the sum of the others
/// (the same ones, in the same order, with one id per piece as there, though not the same
/// ids), found without trying the rest: each way to cut the total off the end, then the
/// parts before it while their sum stays under it. Also returns how many ids it used.
/// None for a run this cannot search: a sign (a negative part), a value that is not a
/// number, a last value that is not cut.
#[allow(clippy::type_complexity)]
pub(super) fn splits_summing<'a>(values: &[Token<'a>], m: usize) -> Option<(Vec<(Vec<Token<'a>>, Vec<u32>)>, u32)> {
    let (hard, ids) = hard_chunks(values);
    let mut chunks: Vec<SumChunk<'a>> = Vec::with_capacity(hard.len());
    for (tok, text, cut, id) in hard {
        let value = match tok.kind {
            // A sign starts a chunk.
            Kind::Run if text.starts_with(is_sign) => return None,
            Kind::Run => 0.0,
            // An empty cell in its place counts nothing.
            Kind::Blank => 0.0,
            Kind::Value(Value::Number(n)) if !n.signed && n.value >= 0.0 => n.value,
            _ => return None,
        };
        let body = if cut { unit_body(text).len() } else { 0 };
        chunks.push(SumChunk {
            tok,
            text,
            body,
            cut,
            id,
            value,
        });
    }
    let last = chunks.pop()?;
    if !last.cut || m < 2 {
        return None;
    }
    // After chunk i: the bytes to cut, the values not cut, the chunks not cut.
    let mut rest = vec![(0, 0.0, 0); chunks.len() + 1];
    for i in (0..chunks.len()).rev() {
        let (b, k, w) = rest[i + 1];
        let ch = &chunks[i];
        rest[i] = if ch.cut {
            (b + ch.body, k, w)
        } else {
            (b, k + ch.value, w + 1)
        };
    }
    let after = rest[1..].to_vec();
    let mut search = SumSearch {
        rest: Vec::new(),
        total: 0.0,
        pieces: PieceIds::new(ids),
        leaves: 0,
        budget: SUM_BUDGET,
        cur: Vec::new(),
        cur_ids: Vec::new(),
        found: Vec::new(),
        ends: Vec::new(),
    };
    let text = last.text;
    let bytes = text.as_bytes();
    let whole = chunks.len();
    for start in 0..last.body {
        if !text.is_char_boundary(start) {
            continue;
        }
        if !cuttable(bytes, start, last.body, true) {
            continue;
        }
        let Some((id, n)) = search.pieces.get(&text[start..]) else {
            continue;
        };
        // The parts: the chunks before the last, and the last's text before the total.
        chunks.truncate(whole);
        search.rest.clear();
        search.rest.extend(&after);
        if start > 0 {
            chunks.push(SumChunk {
                tok: last.tok.clone(),
                text: &text[..start],
                body: start,
                cut: true,
                id: 0,
                value: 0.0,
            });
            for r in &mut search.rest {
                r.0 += start;
            }
            search.rest.push((0, 0.0, 0));
        }
        search.total = n.value;
        let found_before = search.found.len();
        search.search(&chunks, 0, 0, 0.0, m - 1);
        for f in &mut search.found[found_before..] {
            f.0.push(text.len());
            f.1.push(Token {
                kind: Kind::Value(Value::Number(n)),
                raw: &text[start..],
                ..last.tok.clone()
            });
            f.2.push(id);
        }
    }
    if search.budget == 0 {
        return None;
    }
    // The order of `splits`: by where each piece ends in its chunk, first piece first.
    search.found.sort_by(|a, b| a.0.cmp(&b.0));
    Some((
        search.found.into_iter().map(|(_, t, i)| (t, i)).collect(),
        search.pieces.next,
    ))
}

/// How implausible a cut of runs is (lower is better): zero counts are the commonest
/// value in these tables, so a `0` standing alone beats a number ending in 0 (`3960181`
/// is 396|0|181, not 39|60|181); then evenly sized numbers (`898989` is 89|89|89).
pub(super) fn balance(split: &[Token<'_>]) -> (usize, usize) {
    let mut padded_zeros = 0;
    let (mut min, mut max) = (usize::MAX, 0);
    for t in split {
        // In characters: full-width digits count as ASCII ones do.
        let b = unit_body(t.raw.trim_start_matches(is_sign));
        let (len, zero, point) = if b.is_ascii() {
            (b.len(), b.ends_with('0'), b.contains('.'))
        } else {
            (b.chars().count(), b.ends_with(['0', '０']), b.contains(['.', '．']))
        };
        padded_zeros += usize::from(len > 1 && zero && !point);
        min = min.min(len);
        max = max.max(len);
    }
    (padded_zeros, max.saturating_sub(min))
}

/// How implausible the numbers of a split are for the row's columns (lower is better), or
/// None when they cannot be: what these columns mean, not one report's habits.
/// - A sign (+17, -18) only ever prints in 本年增/减, and last year's items plus the change
///   cannot be negative.
/// - Soft rules, each broken rule counts one: a change more than twice last year's count;
///   last year's count at 10,000 or more;
///   more published this year than published in total, or than made; more issued than in
///   force, more repealed than in force; or else (one rule) more than half as many issued,
///   or repealed, as in force: what is in force has built up over years (`114251` is
///   11|4|251, not 11|42|51). No report of the fixtures breaks this rule without breaking
///   one of the two before it.
/// - Then: 处理决定数量 equal to last year's items plus the change (reports often fill it
///   with this year's item count), 本年新制作 equal to 本年新公开, and a change of 0 (the
///   commonest value) are preferred.
/// - For 政府集中采购: how far the amount per project is from typical (`per_project`,
///   `unitless_per_project` for an amount with no unit in its cell or header:
///   `unitless`), in tenths of a decade.
///   Projects without an amount, or an amount without projects, break a soft rule.
/// - Last, after the evenness of the cut: more repealed than issued.
pub(super) fn prior(
    cols: &PriorCols,
    nums: &[Option<f64>],
    split: &[Token<'_>],
    unitless: bool,
) -> Option<([u32; 4], u32)> {
    let val = |i: Option<usize>| -> Option<f64> { *nums.get(i?)? };
    for (i, t) in split.iter().enumerate() {
        if t.raw.starts_with(is_sign) && i < cols.len && cols.change != Some(i) {
            return None;
        }
    }
    let mut soft = 0;
    let mut tie = 0;
    let mut zero = 0;
    let mut money = 0;
    if let (Some(prev), Some(change)) = (val(cols.previous_year), val(cols.change)) {
        if prev + change < 0.0 {
            return None;
        }
        soft += u32::from(change.abs() > 2.0 * prev);
        // Last year's items of one kind on an agency's list: hundreds, or a few thousand
        // in a whole area's report, never tens of thousands (72|17|1051, not 72171|0|51).
        soft += u32::from(prev >= 10_000.0);
        zero = u32::from(change != 0.0);
        if let Some(d) = val(cols.decisions) {
            tie = u32::from(!validate::close(prev + change, d));
        }
    }
    let gt = |a: Option<usize>, b: Option<usize>| match (val(a), val(b)) {
        (Some(x), Some(y)) => u32::from(x > y),
        _ => 0,
    };
    soft += gt(cols.new_published, cols.total_published) + gt(cols.new_published, cols.new_made);
    // What is made this year is, nearly always, what is published this year.
    if let (Some(made), Some(published)) = (val(cols.new_made), val(cols.new_published)) {
        tie = u32::from(made != published);
    }
    let over = gt(cols.issued, cols.in_force) + gt(cols.repealed, cols.in_force);
    let crowded = match (val(cols.issued), val(cols.repealed), val(cols.in_force)) {
        (Some(i), Some(r), Some(f)) => u32::from(2.0 * i.max(r) > f),
        _ => 0,
    };
    soft += over.max(crowded);
    if let (Some(n), Some(wan)) = (val(cols.projects), val(cols.amount)) {
        // An agency's centralized purchases of a year: a few, some hundreds for a whole
        // area, not thousands (`184253521.20` is not 1842 projects).
        soft += u32::from(n >= 1000.0);
        if n > 0.0 && wan > 0.0 {
            // An amount printed with no unit may be 元 (see `unitless_procurement`).
            let d = if unitless {
                unitless_per_project(n, wan).0
            } else {
                per_project(n, wan)
            };
            money = (d * 10.0).round() as u32;
        } else if (n > 0.0) != (wan > 0.0) {
            // Projects bought for nothing, or money spent on no project (`2273680元` is
            // 2 projects, 273680元, not 227368 for 0元).
            soft += 1;
        }
    }
    Some(([soft, tie, zero, money], gt(cols.repealed, cols.issued)))
}

/// The columns `prior` looks at, found once per row.
pub(super) struct PriorCols {
    len: usize,
    previous_year: Option<usize>,
    change: Option<usize>,
    decisions: Option<usize>,
    new_published: Option<usize>,
    total_published: Option<usize>,
    new_made: Option<usize>,
    issued: Option<usize>,
    in_force: Option<usize>,
    repealed: Option<usize>,
    projects: Option<usize>,
    amount: Option<usize>,
}

impl PriorCols {
    fn new(cols: &[&str]) -> Self {
        let at = |name: &str| cols.iter().position(|c| *c == name);
        PriorCols {
            len: cols.len(),
            previous_year: at("previous_year"),
            change: at("change"),
            decisions: at("decisions"),
            new_published: at("new_published"),
            total_published: at("total_published"),
            new_made: at("new_made"),
            issued: at("issued"),
            in_force: at("in_force"),
            repealed: at("repealed"),
            projects: at("projects"),
            amount: at("amount"),
        }
    }
}

/// Chooses among the splits of glued values: the identities first, then plausibility
/// (whole counts, even sizes). When the identities leave several different splits, the
/// most plausible is emitted with an `AMBIGUOUS_SPLIT` warning naming the others.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_glued(
    table: Table,
    what: &str,
    values: &[Token<'_>],
    cols: &[&str],
    line: u32,
    cell_for: impl Fn(usize, &Token<'_>, &mut Vec<Diagnostic>) -> Cell,
    score: impl Fn(&[Option<f64>]) -> i32,
    ex: &mut Extracted,
) {
    let (best, pieces) = glued_candidates(values, cols, cell_for, score, false);
    if best.is_empty() {
        ex.diags.push(unsplittable(table, what, values, cols.len(), line));
        return;
    }
    if let Some(d) = ambiguity(
        table,
        what,
        values,
        line,
        best.iter().map(|c| c.values(&pieces)),
        ByText::Silent,
    ) {
        ex.diags.push(d);
    }
    best[0].emit(&pieces, ex);
}

/// What the report's text says of a row's equally good splits (`stated_split`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ByText {
    /// Nothing that tells them apart.
    Silent,
    /// It states the numbers of the most plausible one, the one used.
    Confirms,
    /// It states the numbers of another one, used instead.
    Chooses(usize),
}

/// Among equally good splits `among` (indices into `splits`, the most plausible first)
/// that give different numbers, the one whose numbers the report's text states about the
/// row named by `keywords` more than any other's (see `Stated`): the first, or another
/// when it `fits`.
pub(super) fn stated_split(
    splits: &[Split],
    pieces: &Pieces,
    among: &[usize],
    stated: &Stated<'_>,
    keywords: &[&str],
    fits: impl Fn(usize) -> bool,
) -> ByText {
    let Some(&head) = among.first() else {
        return ByText::Silent;
    };
    let first = splits[head].values(pieces);
    if among.iter().all(|&k| splits[k].values(pieces) == first) {
        return ByText::Silent;
    }
    let about = stated.about(keywords);
    let support: Vec<usize> = among
        .iter()
        .map(|&k| Stated::support(&about, splits[k].cells.iter().map(|&i| &pieces[i as usize].0)))
        .collect();
    let top = support.iter().copied().max().unwrap_or(0);
    let mut at = support.iter().enumerate().filter(|s| *s.1 == top);
    match (at.next(), at.next()) {
        (Some((0, _)), None) if top > 0 => ByText::Confirms,
        (Some((i, _)), None) if top > 0 && fits(among[i]) => ByText::Chooses(among[i]),
        _ => ByText::Silent,
    }
}

/// A split of a run into a row's cells, kept light: each distinct (column, piece) cell is
/// built once in `Pieces` and shared by the splits that use it.
pub(super) struct Split {
    /// Implausibility (see `prior`, `balance`): lower is better.
    rank: ([u32; 4], (usize, usize), u32),
    /// Each column's cell, an index into `Pieces`.
    cells: Vec<u32>,
    /// Each column's number (`Cell::number`), for scoring.
    nums: Vec<Option<f64>>,
}

/// The cells the splits of one run are made of, with their diagnostics.
pub(super) type Pieces = Vec<(Cell, Vec<Diagnostic>)>;

impl Split {
    /// Each column's value (`Cell::value`).
    fn values(&self, pieces: &Pieces) -> Vec<Option<f64>> {
        self.cells.iter().map(|&i| pieces[i as usize].0.value).collect()
    }

    /// Appends the split's cells and diagnostics to `ex`.
    fn emit(&self, pieces: &Pieces, ex: &mut Extracted) {
        for &i in &self.cells {
            let (cell, d) = &pieces[i as usize];
            ex.diags.extend(d.iter().cloned());
            ex.cells.push(cell.clone());
        }
    }
}

/// The splits of a run into `cols` that `score` rates best, most plausible first (see
/// `prior`, `balance`); empty when no split is possible. A split that cannot beat the best
/// seen so far is dropped as soon as it is scored, before its plausibility is ranked.
pub(super) fn glued_candidates(
    values: &[Token<'_>],
    cols: &[&str],
    cell_for: impl Fn(usize, &Token<'_>, &mut Vec<Diagnostic>) -> Cell,
    score: impl Fn(&[Option<f64>]) -> i32,
    sums_to_last: bool,
) -> (Vec<Split>, Pieces) {
    let mut out: Vec<Split> = Vec::new();
    let mut top = i32::MIN;
    let mut pieces: Pieces = Vec::new();
    // Each piece's number, whether it is invalid (a count that is not whole) and whether
    // it is an amount with no unit in its cell or header (`UNIT_ASSUMED`), by index.
    let mut info: Vec<(Option<f64>, bool, bool)> = Vec::new();
    let prior_cols = PriorCols::new(cols);
    // (piece id × columns + column) → index in `pieces`, `u32::MAX` until it is built.
    let m = cols.len();
    let mut slot: Vec<u32> = Vec::new();
    let (mut cells, mut nums) = (Vec::with_capacity(m), Vec::with_capacity(m));
    // Whether the split was kept (for now: a better one may come).
    let mut each = |split: &[Token<'_>], ids: &[u32]| -> bool {
        cells.clear();
        nums.clear();
        let mut unitless = false;
        for (c, (t, &id)) in split.iter().zip(ids).enumerate() {
            let at = id as usize * m + c;
            if at >= slot.len() {
                slot.resize(at + 1, u32::MAX);
            }
            if slot[at] == u32::MAX {
                let mut d = Vec::new();
                let cell = cell_for(c, t, &mut d);
                info.push((
                    // An empty cell in its place (`nbsp_glued`) counts nothing in the sums;
                    // an empty 总计 (the last column) states none.
                    if t.kind == Kind::Blank && c + 1 < m {
                        Some(0.0)
                    } else {
                        cell.number()
                    },
                    d.iter().any(|x| x.code == Code::InvalidValue),
                    d.iter().any(|x| x.code == Code::UnitAssumed),
                ));
                pieces.push((cell, d));
                slot[at] = (pieces.len() - 1) as u32;
            }
            let i = slot[at];
            let (number, invalid, assumed) = info[i as usize];
            // A count that is not whole is not a cut of a count.
            if invalid {
                return false;
            }
            unitless |= assumed;
            cells.push(i);
            nums.push(number);
        }
        let s = score(&nums);
        if s < top {
            return false;
        }
        let Some((p, weak)) = prior(&prior_cols, &nums, split, unitless) else {
            return false;
        };
        if s > top {
            top = s;
            out.clear();
        }
        out.push(Split {
            rank: (p, balance(split), weak),
            cells: cells.clone(),
            nums: nums.clone(),
        });
        true
    };
    // A row whose total is the sum of the other columns: when some split makes it so,
    // those splits are the best, and they can be found without trying every split.
    let mut kept = false;
    let mut used = 0;
    if sums_to_last {
        if let Some((found, ids)) = splits_summing(values, m) {
            for (split, ids) in &found {
                kept |= each(split, ids);
            }
            used = ids;
        }
    }
    if !kept {
        // Every split; its piece ids come after those already used.
        let mut shifted = Vec::with_capacity(m);
        splits(values, m, |split, ids| {
            shifted.clear();
            shifted.extend(ids.iter().map(|i| i + used));
            each(split, &shifted);
        });
    }
    out.sort_by_key(|c| c.rank);
    (out, pieces)
}

pub(super) fn unsplittable(table: Table, what: &str, values: &[Token<'_>], m: usize, line: u32) -> Diagnostic {
    let raws: Vec<&str> = values.iter().map(|t| t.raw).collect();
    Diagnostic::warning(
        Code::AmbiguousSplit,
        Some(line),
        format!(
            "{}: {what}: the run [{}] cannot be cut into {m} values; left out",
            table.as_str(),
            raws.join(" ")
        ),
    )
}

/// How an `AMBIGUOUS_SPLIT` warning of a row's run opens (`twins` finds it so).
pub fn run_head(table: Table, what: &str) -> String {
    format!("{}: {what}: the run [", table.as_str())
}

/// The `AMBIGUOUS_SPLIT` warning when the equally good splits (the first is used) give
/// different numbers.
pub(super) fn ambiguity(
    table: Table,
    what: &str,
    values: &[Token<'_>],
    line: u32,
    best: impl Iterator<Item = Vec<Option<f64>>>,
    by_text: ByText,
) -> Option<Diagnostic> {
    let mut best = best;
    let first = best.next()?;
    // The other splits' numbers, each once (by their bits, -0 as 0, as `==` compares
    // them): counted, the first three kept to name. A run may split thousands of ways
    // equally well (up to `LIMIT`); comparing each with every one kept before took seconds.
    let mut seen: rustc_hash::FxHashSet<Vec<Option<u64>>> = Default::default();
    let mut others: Vec<Vec<Option<f64>>> = Vec::new();
    let mut count = 0;
    for v in best {
        if v != first && seen.insert(v.iter().map(|x| x.map(|x| (x + 0.0).to_bits())).collect()) {
            count += 1;
            if others.len() < 3 {
                others.push(v);
            }
        }
    }
    if count == 0 {
        return None;
    }
    let number = twelve_digits;
    let show = |v: &Vec<Option<f64>>| {
        v.iter()
            // (A cell printed empty: `·`, as `ogi inspect` shows one.)
            .map(|x| x.map_or_else(|| "·".to_string(), number))
            .collect::<Vec<_>>()
            .join("|")
    };
    let raws: Vec<&str> = values.iter().map(|t| t.raw).collect();
    let alts: Vec<String> = others.iter().map(show).collect();
    Some(Diagnostic::warning(
        Code::AmbiguousSplit,
        Some(line),
        format!(
            "{}{}] splits as {} or {}{}; the identities cannot decide, {}",
            run_head(table, what),
            raws.join(" "),
            show(&first),
            alts.join(" or "),
            if count > 3 {
                format!(" (+{} more)", count - 3)
            } else {
                String::new()
            },
            match by_text {
                ByText::Chooses(_) => "the split whose numbers the report's text states was used",
                ByText::Confirms => "the most plausible split, whose numbers the report's text states too, was used",
                ByText::Silent => "the most plausible split was used",
            }
        ),
    ))
}

/// Most ways [`spaced_blanks`] gives to put empty cells at a row's spaces.
const MAX_SPACED: usize = 256;

/// A crawler's row whose spaces may stand for empty cells (a page that leaves its zeros
/// empty, its `&nbsp;` cells collapsed with the white space around them into one space:
/// `（二）部分公开…1 01`, 1, five empty cells, 0, 1): the row's values with one empty cell
/// or more at each space within its runs, and none or more before its first value where a
/// space stood between it and its label (`数量 222`), for every count of empty cells (one
/// at least) the row's `m` columns leave room for (each run a number at least). Empty when
/// no space stands so, or the ways are more than [`MAX_SPACED`].
pub(super) fn spaced_blanks<'a>(values: &[Token<'a>], m: usize, lines: &[Line<'_>]) -> Vec<Vec<Token<'a>>> {
    // The row's pieces: its tokens, each run cut at its spaces; and whether a space stood
    // before each piece.
    let mut pieces: Vec<(Token<'a>, bool)> = Vec::new();
    for t in values {
        if t.kind != Kind::Run || !t.raw.contains(' ') {
            pieces.push((t.clone(), false));
            continue;
        }
        let mut first = true;
        for part in t.raw.split(' ').filter(|p| !p.is_empty()) {
            pieces.push((Token { raw: part, ..t.clone() }, !first));
            first = false;
        }
    }
    let spaces = pieces.iter().filter(|p| p.1).count();
    // Slots: before the first piece (none or more, where a space stood before it: else it
    // is the first column's, its label run into it), and at each space (one or more).
    // (Not a tab: a cell's separator, an empty cell between two tabs a cell of its own.)
    let lead = pieces
        .first()
        .and_then(|p| line_before(&p.0, lines))
        .is_some_and(|(_, before)| before.ends_with(|c: char| c.is_whitespace() && c != '\t'));
    if (spaces == 0 && !lead) || pieces.len() + spaces.max(1) > m {
        return Vec::new();
    }
    let slots = spaces + 1;
    let blank = |t: &Token<'a>| Token {
        kind: Kind::Blank,
        raw: &t.raw[..0],
        ..t.clone()
    };
    let mut out = Vec::new();
    let mut counts = vec![0usize; slots];
    // Each total of empty cells, each way to share it (the odometer over the slots).
    // (At least one: none is the row as it stands.)
    for total in spaces.max(1)..=m - pieces.len() {
        let extra = total - spaces;
        counts.iter_mut().for_each(|c| *c = 0);
        loop {
            if counts.iter().sum::<usize>() == extra && (lead || counts[0] == 0) {
                if out.len() == MAX_SPACED {
                    return Vec::new();
                }
                let mut row = Vec::with_capacity(pieces.len() + total);
                let mut slot = 1;
                row.extend(std::iter::repeat_n(blank(&pieces[0].0), counts[0]));
                for (t, spaced) in &pieces {
                    if *spaced {
                        row.extend(std::iter::repeat_n(blank(t), counts[slot] + 1));
                        slot += 1;
                    }
                    row.push(t.clone());
                }
                out.push(row);
            }
            let mut k = 0;
            while k < slots {
                counts[k] += 1;
                if counts[k] <= extra {
                    break;
                }
                counts[k] = 0;
                k += 1;
            }
            if k == slots {
                break;
            }
        }
    }
    out
}

/// Places the run-together rows of a table together: each row keeps the splits its own
/// identity (总计 = the six columns) allows, and the combination that satisfies the most
/// column identities with every other row wins (all combinations when they are few,
/// otherwise row by row until nothing improves). A row whose numbers differ between
/// equally good combinations gets an `AMBIGUOUS_SPLIT` warning.
pub(super) fn joint_glued(
    table: Table,
    template: Template,
    specs: &[RowSpec],
    rows: &[RowRun<'_>],
    stated: &Stated<'_>,
    lines: &[Line<'_>],
    ex: &mut Extracted,
) {
    const MAX_EACH: usize = 64;
    // The search keeps the candidates of a row it has seen as a mask of 64 bits.
    const _: () = assert!(MAX_EACH <= 64);
    let mut options: Vec<(usize, &Run<'_>, Vec<Split>, Pieces)> = Vec::new();
    // Per option, where its candidates with the 总计 printed empty start.
    let mut short_from: Vec<usize> = Vec::new();
    for (i, run) in rows {
        let spec = &specs[*i];
        let cell_for =
            |c: usize, tok: &Token<'_>, d: &mut Vec<Diagnostic>| value_cell(table, spec, c, tok, run.header_unit, d);
        let own = RowScorer::new(table, template, spec, &[]);
        let sums = spec.amount_col.is_none() && own.sums_to_last(spec.cols.len());
        let (mut cands, mut pieces) = glued_candidates(&run.values, spec.cols, cell_for, |n| own.score_nums(n), sums);
        // A table that leaves some rows' 总计 empty (real/013) runs only the applicant
        // columns' digits together: where no cut into every column adds up, or none is
        // possible, the cuts into the applicant columns with the 总计 blank are candidates
        // too, and the column identities choose among them all.
        // A row whose spaces stand for empty cells (`spaced_blanks`): where no cut adds up,
        // the cuts with empty cells at its spaces that add up best are its candidates.
        if table == Table::Applications && sums && cands.first().is_none_or(|c| own.score_nums(&c.nums) <= 0) {
            let mut best = cands.first().map_or(i32::MIN, |c| own.score_nums(&c.nums)).max(0);
            for variant in spaced_blanks(&run.values, spec.cols.len(), lines) {
                let (more, mut more_pieces) =
                    glued_candidates(&variant, spec.cols, cell_for, |n| own.score_nums(n), false);
                let Some(score) = more.first().map(|c| own.score_nums(&c.nums)) else {
                    continue;
                };
                if score < best || score <= 0 {
                    continue;
                }
                if score > best {
                    best = score;
                    cands.clear();
                    pieces.clear();
                }
                let at = pieces.len() as u32;
                pieces.append(&mut more_pieces);
                cands.extend(more.into_iter().map(|mut c| {
                    c.cells.iter_mut().for_each(|i| *i += at);
                    c
                }));
            }
        }
        let blank_total = table == Table::Applications && sums && spec.cols.last() == Some(&"total");
        let mut first_short = usize::MAX;
        if blank_total && cands.first().is_none_or(|c| own.score_nums(&c.nums) <= 0) {
            let m = spec.cols.len();
            let (short, mut short_pieces) = glued_candidates(&run.values, &spec.cols[..m - 1], cell_for, |_| 0, false);
            if !short.is_empty() {
                cands.truncate(MAX_EACH / 2);
                first_short = cands.len();
                let at = pieces.len() as u32;
                let blank = pieces.len() + short_pieces.len();
                pieces.append(&mut short_pieces);
                pieces.push((Cell::blank(table, spec.key, "total", run.label_line), Vec::new()));
                cands.extend(short.into_iter().map(|mut c| {
                    c.cells.iter_mut().for_each(|i| *i += at);
                    c.cells.push(blank as u32);
                    c.nums.push(None);
                    c
                }));
            }
        }
        if cands.is_empty() {
            ex.diags.push(unsplittable(
                table,
                spec.key,
                &run.values,
                spec.cols.len(),
                run.label_line,
            ));
            continue;
        }
        let cands: Vec<Split> = cands.into_iter().take(MAX_EACH).collect();
        options.push((*i, run, cands, pieces));
        short_from.push(first_short);
    }
    let at: HashMap<&str, usize> = options
        .iter()
        .enumerate()
        .map(|(o, (i, _, _, _))| (specs[*i].key, o))
        .collect();
    let known: HashMap<Key, f64> = ex
        .cells
        .iter()
        .filter_map(|c| c.number().map(|v| ((c.table, c.row, c.col), v)))
        .collect();
    // The identities that involve a glued row, resolved once (`Term`).
    let term = |k: &Key| -> Term {
        match at.get(k.1) {
            Some(&o) if k.0 == table => match specs[options[o].0].cols.iter().position(|x| *x == k.2) {
                Some(c) => Term::Chosen(o, c),
                // (A column a table left out: 0.)
                None if super::absent::left_out(table, &specs[options[o].0], k.2) => Term::Known(0.0),
                None => Term::Absent,
            },
            _ => known.get(k).map_or(Term::Absent, |&v| Term::Known(v)),
        }
    };
    // The identities reading some glued row, in the order of `validate::identities` (one
    // vector, so by address), each once.
    let mut reading: Vec<&validate::Identity> = options
        .iter()
        .flat_map(|(i, _, _, _)| validate::identities_of_row(template, table, specs[*i].key))
        .copied()
        .collect();
    reading.sort_unstable_by_key(|id| std::ptr::from_ref(*id) as usize);
    reading.dedup_by(|a, b| std::ptr::eq(*a, *b));
    let ids: Vec<(Vec<Term>, Vec<Term>)> = reading
        .into_iter()
        .map(|id| (id.lhs.iter().map(term).collect(), id.rhs.iter().map(term).collect()))
        .filter(|(l, r): &(Vec<Term>, Vec<Term>)| !l.iter().chain(r).any(|t| matches!(t, Term::Absent)))
        .collect();
    // Every row's candidates' numbers in one array: row o, candidate k, column c at
    // `start[o] + k * width[o] + c`.
    let mut nums: Vec<Option<f64>> = Vec::new();
    let (mut start, mut width) = (Vec::new(), Vec::new());
    for (i, _, cands, _) in &options {
        start.push(nums.len());
        width.push(specs[*i].cols.len());
        for c in cands {
            debug_assert_eq!(c.nums.len(), specs[*i].cols.len());
            nums.extend(&c.nums);
        }
    }
    // One identity's part of the score: 1 when it holds, -1 when not, 0 when some cell of
    // the choice is not a number.
    let holds = |(l, r): &(Vec<Term>, Vec<Term>), choice: &[usize]| -> i32 {
        let sum = |terms: &[Term]| -> Option<f64> {
            let mut s = 0.0;
            for t in terms {
                s += match *t {
                    Term::Known(v) => v,
                    Term::Chosen(o, c) => nums[start[o] + choice[o] * width[o] + c]?,
                    Term::Absent => return None,
                };
            }
            Some(s)
        };
        match (sum(l), sum(r)) {
            (Some(l), Some(r)) if validate::close(l, r) => 1,
            (Some(_), Some(_)) => -1,
            _ => 0,
        }
    };
    let score = |choice: &[usize]| -> i32 { ids.iter().map(|id| holds(id, choice)).sum() };
    let n = options.len();
    let sizes: Vec<usize> = options.iter().map(|o| o.2.len()).collect();
    // Only the rows some identity reads are searched: the others change no score, so the
    // first best combination has their first candidate, and every candidate of theirs is
    // in some best combination (in order).
    let mut read = vec![false; n];
    for t in ids.iter().flat_map(|(l, r)| l.iter().chain(r)) {
        if let Term::Chosen(o, _) = t {
            read[*o] = true;
        }
    }
    let live: Vec<usize> = (0..n).filter(|&r| read[r]).collect();
    // The first best combination in order, the most plausible one; for each row, the
    // candidates used by some best combination.
    let (mut choice, seen) = best_combinations(&ids, &nums, &start, &width, &sizes, &live, &score);
    let mut alternatives: Vec<Vec<usize>> = vec![Vec::new(); n];
    if let Some(seen) = &seen {
        for r in 0..n {
            alternatives[r] = (0..sizes[r]).filter(|&k| !read[r] || seen[r] & (1 << k) != 0).collect();
        }
    } else {
        // Row by row from the best combination found: each takes its best candidate given
        // the others, until stable.
        for _ in 0..6 {
            let mut changed = false;
            for r in 0..n {
                let mut best = (score(&choice), choice[r]);
                for k in 0..sizes[r] {
                    let mut c = choice.clone();
                    c[r] = k;
                    let s = score(&c);
                    if s > best.0 {
                        best = (s, k);
                    }
                }
                changed |= best.1 != choice[r];
                choice[r] = best.1;
            }
            if !changed {
                break;
            }
        }
        let s = score(&choice);
        for r in 0..n {
            for k in 0..sizes[r] {
                let mut c = choice.clone();
                c[r] = k;
                if score(&c) == s {
                    alternatives[r].push(k);
                }
            }
        }
    }
    // Where a row's equally good splits differ, the one whose numbers the text states, if
    // the other rows' choices leave the score as good.
    let mut by_text = vec![ByText::Silent; n];
    for r in 0..n {
        alternatives[r].sort_by_key(|&k| k != choice[r]);
        let (_, _, cands, pieces) = &options[r];
        let fits = |k: usize| {
            let mut c = choice.clone();
            c[r] = k;
            score(&c) == score(&choice)
        };
        let prose = specs[options[r].0].prose;
        by_text[r] = stated_split(cands, pieces, &alternatives[r], stated, prose, fits);
        if let ByText::Chooses(k) = by_text[r] {
            choice[r] = k;
            alternatives[r].sort_by_key(|&k| k != choice[r]);
        }
    }
    for (r, (i, run, cands, pieces)) in options.into_iter().enumerate() {
        let spec = &specs[i];
        let best = alternatives[r].iter().map(|&k| cands[k].values(&pieces));
        if let Some(d) = ambiguity(table, spec.key, &run.values, run.label_line, best, by_text[r]) {
            ex.diags.push(d);
            if by_text[r] == ByText::Silent {
                let cells = |k: &usize| cands[*k].cells.iter().map(|&i| pieces[i as usize].0.clone()).collect();
                ex.alternatives.push(crate::model::Alternatives {
                    table,
                    row: spec.key,
                    splits: alternatives[r].iter().map(cells).collect(),
                    settled: false,
                });
            }
        }
        if choice[r] >= short_from[r] {
            ex.diags.push(Diagnostic::warning(
                Code::MissingValues,
                Some(run.label_line),
                format!(
                    "{}: row {} ({}): the run [{}] is read as its {} applicant cells with the 总计 printed empty: no cut into all {} columns adds up, and with the other rows this one fits the column identities best",
                    table.as_str(),
                    spec.key,
                    spec.label,
                    run.values.iter().map(|t| t.raw).collect::<Vec<_>>().join(" "),
                    spec.cols.len() - 1,
                    spec.cols.len()
                ),
            ));
        }
        cands[choice[r]].emit(&pieces, ex);
    }
}

/// A term of an identity a glued row takes part in: a known number, a cell of some row's
/// chosen split (row, column), or absent (the identity cannot be evaluated).
enum Term {
    Known(f64),
    Chosen(usize, usize),
    Absent,
}

/// Each identity's sides as the rows chosen so far allow them (`best_combinations`).
struct Sides {
    /// The least and greatest sums of each side.
    lo: Vec<[f64; 2]>,
    hi: Vec<[f64; 2]>,
    /// The cells of rows not chosen whose candidates hold some that is no number.
    open: Vec<u32>,
    /// The cells chosen that are no number.
    nones: Vec<u32>,
    /// The most each identity can add to the score (`Sides::most`), and their sum.
    most: Vec<i32>,
    ub: i32,
}

impl Sides {
    /// The most identity `k` can add to the score: none where a cell it reads is no number
    /// (it cannot be evaluated), -1 where the sums its sides allow lie apart, else 1.
    fn most(&self, k: usize) -> i32 {
        let apart = |a: f64, b: f64| a < b && !validate::close(a, b);
        let (lo, hi) = (self.lo[k], self.hi[k]);
        if self.nones[k] > 0 {
            0
        } else if self.open[k] == 0 && (apart(hi[0], lo[1]) || apart(hi[1], lo[0])) {
            -1
        } else {
            1
        }
    }
}

/// The best combination of the glued rows' candidates (`joint_glued`): the rows `live`
/// (those some identity reads), row `o`'s candidate `k`'s number in column `c` at
/// `nums[start[o] + k * width[o] + c]`, scored by `score` (1 for each identity that holds,
/// -1 for each that does not). Depth first, the rows most identities read first (a table's
/// 总计 row: its column sums bound the rows' after it), each row's candidates in order; a
/// branch is left only where no combination in it can score as well as the best so far,
/// so every best one is seen. Returns the first best in the table's order of rows (each
/// row's candidates in order: the most plausible), and for each row the candidates of
/// some best combination as a mask; no masks where the search took more than its steps
/// (the combination is then the best it found).
fn best_combinations(
    ids: &[(Vec<Term>, Vec<Term>)],
    nums: &[Option<f64>],
    start: &[usize],
    width: &[usize],
    sizes: &[usize],
    live: &[usize],
    score: &dyn Fn(&[usize]) -> i32,
) -> (Vec<usize>, Option<Vec<u64>>) {
    const SEARCH_STEPS: usize = 1_000_000;
    let n = sizes.len();
    // Each cell's least and greatest number among its row's candidates (None where some
    // candidate's is no number), and where each row's cells are read: (identity, side,
    // column).
    let range = |o: usize, c: usize| -> Option<(f64, f64)> {
        (0..sizes[o]).try_fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), k| {
            let v = nums[start[o] + k * width[o] + c]?;
            Some((lo.min(v), hi.max(v)))
        })
    };
    let ranges: Vec<Vec<Option<(f64, f64)>>> = (0..n).map(|o| (0..width[o]).map(|c| range(o, c)).collect()).collect();
    let mut refs: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); n];
    let mut st = Sides {
        lo: vec![[0.0; 2]; ids.len()],
        hi: vec![[0.0; 2]; ids.len()],
        open: vec![0; ids.len()],
        nones: vec![0; ids.len()],
        most: vec![0; ids.len()],
        ub: 0,
    };
    for (k, (l, r)) in ids.iter().enumerate() {
        for (side, terms) in [l, r].into_iter().enumerate() {
            for t in terms {
                match *t {
                    Term::Known(v) => {
                        st.lo[k][side] += v;
                        st.hi[k][side] += v;
                    }
                    Term::Chosen(o, c) => {
                        refs[o].push((k, side, c));
                        match ranges[o][c] {
                            Some((a, b)) => {
                                st.lo[k][side] += a;
                                st.hi[k][side] += b;
                            }
                            None => st.open[k] += 1,
                        }
                    }
                    Term::Absent => {}
                }
            }
        }
    }
    for k in 0..ids.len() {
        st.most[k] = st.most(k);
    }
    st.ub = st.most.iter().sum();
    // Row `o` chosen as its candidate `cand` (`sign` 1), or unchosen (-1).
    let set = |o: usize, cand: usize, sign: f64, st: &mut Sides| {
        for &(k, side, c) in &refs[o] {
            match ranges[o][c] {
                Some((a, b)) => {
                    st.lo[k][side] -= sign * a;
                    st.hi[k][side] -= sign * b;
                }
                None if sign > 0.0 => st.open[k] -= 1,
                None => st.open[k] += 1,
            }
            match nums[start[o] + cand * width[o] + c] {
                Some(v) => {
                    st.lo[k][side] += sign * v;
                    st.hi[k][side] += sign * v;
                }
                None if sign > 0.0 => st.nones[k] += 1,
                None => st.nones[k] -= 1,
            }
            let most = st.most(k);
            st.ub += most - st.most[k];
            st.most[k] = most;
        }
    };
    let mut order = live.to_vec();
    order.sort_by_key(|&r| std::cmp::Reverse(refs[r].len()));
    // (Sums of whole numbers are exact however often they are added to and taken from: a
    // combination's bound is then its score. Others are summed afresh.)
    let known = ids.iter().flat_map(|(l, r)| l.iter().chain(r)).filter_map(|t| match t {
        Term::Known(v) => Some(v),
        _ => None,
    });
    let whole = nums
        .iter()
        .flatten()
        .chain(known)
        .all(|v| v.fract() == 0.0 && v.abs() < 1e15);
    let mut best = i32::MIN;
    let mut choice = vec![0; n];
    let mut seen = vec![0u64; n];
    let mut c = vec![0; n];
    let mut d = 0;
    for _ in 0..SEARCH_STEPS {
        // `c` holds the rows `order[..d]` chosen.
        if st.ub >= best {
            if d < order.len() {
                set(order[d], 0, 1.0, &mut st);
                d += 1;
                continue;
            }
            let s = if whole { st.ub } else { score(&c) };
            let first = live.iter().map(|&r| c[r]).lt(live.iter().map(|&r| choice[r]));
            if s > best || s == best && first {
                choice.copy_from_slice(&c);
            }
            if s > best {
                best = s;
                seen.fill(0);
            }
            if s == best {
                for &r in live {
                    seen[r] |= 1 << c[r];
                }
            }
        }
        // The next candidate of the last row chosen, or of the row before it.
        while d > 0 {
            let r = order[d - 1];
            set(r, c[r], -1.0, &mut st);
            c[r] += 1;
            if c[r] < sizes[r] {
                set(r, c[r], 1.0, &mut st);
                break;
            }
            c[r] = 0;
            d -= 1;
        }
        if d == 0 {
            return (choice, Some(seen));
        }
    }
    (choice, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The search finds what trying every combination in order finds: the first of the
        /// best score, and each row's candidates of some best combination; whatever the
        /// rows, their candidates (some cells no number) and the identities.
        #[test]
        fn the_search_finds_what_trying_every_combination_finds(
            sizes in proptest::collection::vec(1usize..4, 1..5),
            cells in proptest::collection::vec(proptest::option::weighted(0.9, 0i32..6), 40),
            shapes in proptest::collection::vec((proptest::collection::vec((0usize..6, 0usize..2, 0i32..12), 1..4),
                                                 proptest::collection::vec((0usize..6, 0usize..2, 0i32..12), 1..4)), 1..5),
        ) {
            let n = sizes.len();
            let width = vec![2; n];
            let mut start = Vec::new();
            let mut nums = Vec::new();
            for &size in &sizes {
                start.push(nums.len());
                for k in 0..size * 2 {
                    nums.push(cells[(nums.len() + k) % cells.len()].map(f64::from));
                }
            }
            // A term: a row's cell where the row is one, else a known number.
            let term = |(o, c, v): (usize, usize, i32)| if o < n { Term::Chosen(o, c) } else { Term::Known(f64::from(v)) };
            let ids: Vec<(Vec<Term>, Vec<Term>)> = shapes
                .iter()
                .map(|(l, r)| (l.iter().copied().map(term).collect(), r.iter().copied().map(term).collect()))
                .collect();
            let holds = |(l, r): &(Vec<Term>, Vec<Term>), c: &[usize]| -> i32 {
                let sum = |ts: &[Term]| -> Option<f64> {
                    ts.iter().map(|t| match *t {
                        Term::Known(v) => Some(v),
                        Term::Chosen(o, col) => nums[start[o] + c[o] * width[o] + col],
                        Term::Absent => None,
                    }).sum()
                };
                match (sum(l), sum(r)) {
                    (Some(a), Some(b)) if validate::close(a, b) => 1,
                    (Some(_), Some(_)) => -1,
                    _ => 0,
                }
            };
            let score = |c: &[usize]| -> i32 { ids.iter().map(|id| holds(id, c)).sum() };
            let mut read = vec![false; n];
            for t in ids.iter().flat_map(|(l, r)| l.iter().chain(r)) {
                if let Term::Chosen(o, _) = t {
                    read[*o] = true;
                }
            }
            let live: Vec<usize> = (0..n).filter(|&r| read[r]).collect();
            // Every combination of the rows read, the first row slowest.
            let (mut best, mut first, mut seen) = (i32::MIN, vec![0; n], vec![0u64; n]);
            let mut c = vec![0; n];
            loop {
                let s = score(&c);
                if s > best {
                    (best, first) = (s, c.clone());
                    seen.fill(0);
                }
                if s == best {
                    live.iter().for_each(|&r| seen[r] |= 1 << c[r]);
                }
                let Some(k) = (0..live.len()).rev().find(|&k| c[live[k]] + 1 < sizes[live[k]]) else {
                    break;
                };
                c[live[k]] += 1;
                live[k + 1..].iter().for_each(|&r| c[r] = 0);
            }
            let (choice, found) = best_combinations(&ids, &nums, &start, &width, &sizes, &live, &score);
            prop_assert_eq!(choice, first);
            prop_assert_eq!(found, Some(seen));
        }
    }
}
