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
        // so only for UTF-8 input, and not for HTML, where tags may stand between digits).
        if name.ends_with(".txt") && o.encoding == Some("UTF-8") {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            for c in o.cells.iter().filter(|c| c.status == CellStatus::Reported) {
                let digits: String = c.raw.chars().filter(char::is_ascii_digit).collect();
                let squeezed: String = text.chars().filter(char::is_ascii_digit).collect();
                assert!(squeezed.contains(&digits), "{:?} not in the input", c.raw);
            }
        }
    }
});
