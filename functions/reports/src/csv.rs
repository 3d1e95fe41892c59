//! The activity report as CSV: the same figures as the PDF, safe to open in a spreadsheet.

use shared::csv::line;

use crate::{activity::ActivityReport, text::month_name};

/// A heading line, the figures (one line per figure and currency), then the site table.
pub fn render(r: &ActivityReport) -> String {
    let mut out = line([
        "Monthly activity report",
        r.customer_name.as_str(),
        &month_name(&r.month),
        &format!("months in {}", r.time_zone),
        &format!("as of {}", r.as_of),
    ]);
    out.push_str("\r\n");
    out.push_str(&line(["section", "figure", "key", "count", "currency", "amount"]));
    for s in &r.sections {
        for f in &s.figures {
            let count = f.count.to_string();
            if f.amounts.is_empty() {
                out.push_str(&line([s.title.as_str(), &f.label, &f.key, &count, "", ""]));
            }
            for a in &f.amounts {
                let amount = format!("{}.{:02}", a.minor / 100, (a.minor % 100).abs());
                out.push_str(&line([
                    s.title.as_str(),
                    &f.label,
                    &f.key,
                    &count,
                    &a.currency,
                    &amount,
                ]));
            }
        }
    }
    if !r.site_columns.is_empty() {
        out.push_str("\r\n");
        let mut header = vec!["site".to_owned(), "site_id".to_owned()];
        header.extend(r.site_columns.iter().map(|c| c.label.clone()));
        out.push_str(&line(header));
        for row in &r.sites {
            let mut fields = vec![row.name.clone(), row.site_id.clone()];
            fields.extend(row.values.iter().map(i64::to_string));
            out.push_str(&line(fields));
        }
    }
    out
}
