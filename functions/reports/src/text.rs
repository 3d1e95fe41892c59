//! Text for the PDF: Helvetica's character widths (from Adobe's published metrics for the standard
//! fonts, which every PDF reader carries), WinAnsi encoding, and the report's number and month formats.

/// Helvetica's advance widths of the characters ' ' to '~', in thousandths of the font size.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];

/// Helvetica-Bold's, likewise.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584,
];

/// The WinAnsi byte of a character: Latin-1 as itself, the few extras WinAnsi adds, `?` otherwise.
fn winansi_byte(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        _ => b'?',
    }
}

/// The text as WinAnsi bytes (what the standard fonts show).
pub fn winansi(s: &str) -> Vec<u8> {
    s.chars().map(winansi_byte).collect()
}

/// The width in points of the text at `size`.
pub fn width(s: &str, size: f32, bold: bool) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = s
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(table[c as usize - 32]),
            '…' => 1000,
            '—' => 1000,
            _ => 556,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// The text, cut with an ellipsis to fit `max` points.
pub fn fit(s: &str, max: f32, size: f32, bold: bool) -> String {
    if width(s, size, bold) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if width(&out, size, bold) + width("…", size, bold) > max {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

pub use shared::months::name as month_name;

/// `3 December 2026`.
pub fn day_name(d: time::Date) -> String {
    let month = month_name(&format!("{:04}-{:02}", d.year(), u8::from(d.month())));
    format!("{} {month}", d.day())
}

/// `GBP 1,234.50` for 123450 minor units.
pub fn money(currency: &str, minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (units, cents) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    format!("{currency} {sign}{grouped}.{cents:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_months_and_fitting() {
        assert_eq!(money("GBP", 123_450), "GBP 1,234.50");
        assert_eq!(money("EUR", 5), "EUR 0.05");
        assert_eq!(money("AUD", 100_000_000), "AUD 1,000,000.00");
        assert_eq!(month_name("2026-11"), "November 2026");
        assert_eq!(day_name(time::macros::date!(2026 - 12 - 03)), "3 December 2026");
        assert_eq!(winansi("Café – €5"), b"Caf\xe9 \x96 \x805");
        assert_eq!(winansi("東京"), b"??");
        assert!((width("0000", 10.0, false) - 22.24).abs() < 0.01);
        let cut = fit("A very long site name indeed", 60.0, 8.0, false);
        assert!(cut.ends_with('…') && width(&cut, 8.0, false) <= 60.0, "{cut}");
    }
}
