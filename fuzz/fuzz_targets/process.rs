//! decode → segment → parse → validate on arbitrary bytes, as `.txt` and as `.html`: no
//! input may panic, and every number emitted as `reported` is printed in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi::model::CellStatus;

fuzz_target!(|bytes: &[u8]| {
    let limits = ogi::Limits::default();
    for name in ["report.txt", "report.html"] {
        let o = ogi::process_bytes(name, bytes, &limits);
        // Numbers come from the text: their digits are in the input (in some encoding,
        // so only for UTF-8 input, and not for HTML, where tags or character references
        // may stand for digits; a .txt that opens with a tag is read as HTML).
        // (A file cut inside a character is UTF-8 up to the cut.)
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        };
        let html = text.trim_start_matches('\u{feff}').trim_start().starts_with('<');
        if name.ends_with(".txt") && o.encoding == Some("UTF-8") && !html {
            for c in o.cells.iter().filter(|c| c.status == CellStatus::Reported) {
                let digits: String = c.raw.chars().filter(char::is_ascii_digit).collect();
                let squeezed: String = text.chars().filter(char::is_ascii_digit).collect();
                assert!(squeezed.contains(&digits), "{:?} not in the input", c.raw);
            }
        }
    }
});
