//! Months as `YYYY-MM`: the one format every monthly figure, report and key uses.

use time::Date;

/// `YYYY-MM` of a date.
pub fn month_of(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// The first and last day of a `YYYY-MM` month; none for anything else.
pub fn month_bounds(month: &str) -> Option<(Date, Date)> {
    let (y, m) = month.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let first = Date::from_calendar_date(y.parse().ok()?, month, 1).ok()?;
    let last = Date::from_calendar_date(first.year(), month, first.month().length(first.year())).ok()?;
    Some((first, last))
}

/// The month before a `YYYY-MM` month.
pub fn previous(month: &str) -> Option<String> {
    let (first, _) = month_bounds(month)?;
    Some(month_of(first.previous_day()?))
}

/// The month after a `YYYY-MM` month.
pub fn next(month: &str) -> Option<String> {
    let (_, last) = month_bounds(month)?;
    Some(month_of(last.next_day()?))
}

/// The `n` months up to and including `month`, oldest first (fewer at the calendar's start; none for
/// a month that does not parse).
pub fn up_to(month: &str, n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut at = month_bounds(month).map(|_| month.to_owned());
    while let Some(m) = at.filter(|_| out.len() < n) {
        at = previous(&m);
        out.push(m);
    }
    out.reverse();
    out
}

/// The month as people read it: `November 2026`.
pub fn name(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m) = month.split_once('-').unwrap_or((month, "1"));
    let name = m
        .parse::<usize>()
        .ok()
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .unwrap_or(&"");
    format!("{name} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_step_across_years_and_name_themselves() {
        assert_eq!(month_of(date!(2026 - 01 - 31)), "2026-01");
        assert_eq!(previous("2026-01").as_deref(), Some("2025-12"));
        assert_eq!(next("2025-12").as_deref(), Some("2026-01"));
        assert_eq!(up_to("2026-02", 4), ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert!(up_to("2026-13", 4).is_empty());
        assert_eq!(name("2026-11"), "November 2026");
        assert_eq!(
            month_bounds("2024-02"),
            Some((date!(2024 - 02 - 01), date!(2024 - 02 - 29)))
        );
        for bad in ["2026-13", "2026-1", "november", "2026-11-01", ""] {
            assert_eq!(month_bounds(bad), None, "{bad}");
        }
    }
}
