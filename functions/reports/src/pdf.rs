//! The activity report as a PDF, with `pdf-writer`: A4 pages in Helvetica (one of the PDF's standard
//! fonts, so nothing is embedded and the text extracts as written), the sections in two columns, a
//! six-month bar chart, the routine work as one stacked bar, a table of the sites, and "page n of m"
//! on every page. Content streams are deflated.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::{
    activity::{ActivityReport, Amount, Section, SectionKey},
    text::{day_name, fit, money, month_name, width, winansi},
};

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 42.0;
const FOOTER: f32 = 30.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

type Rgb = (f32, f32, f32);
const INK: Rgb = (0.11, 0.13, 0.16);
const MUTED: Rgb = (0.38, 0.42, 0.47);
const RULE: Rgb = (0.8, 0.82, 0.85);
const STRIPE: Rgb = (0.95, 0.96, 0.97);
const SERIES: [Rgb; 4] = [
    (0.16, 0.38, 0.67),
    (0.89, 0.49, 0.13),
    (0.2, 0.58, 0.33),
    (0.52, 0.33, 0.62),
];
/// On time, within tolerance, late, missed, pending (the order of `RoutineOutcome::ALL`).
const OUTCOMES: [Rgb; 5] = [
    (0.2, 0.58, 0.33),
    (0.56, 0.76, 0.42),
    (0.89, 0.49, 0.13),
    (0.8, 0.2, 0.2),
    (0.7, 0.72, 0.75),
];

/// Pages being laid out, top to bottom.
struct Layout {
    /// The pages before the one being written.
    done: Vec<Content>,
    page: Content,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Self {
            done: Vec::new(),
            page: Content::new(),
            y: PAGE_H - MARGIN,
        }
    }

    fn c(&mut self) -> &mut Content {
        &mut self.page
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::replace(&mut self.page, Content::new()));
        self.y = PAGE_H - MARGIN;
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn need(&mut self, h: f32) {
        if self.y - h < MARGIN + FOOTER {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, colour: Rgb, s: &str) {
        let font = if bold { Name(b"F2") } else { Name(b"F1") };
        let bytes = winansi(s);
        let c = self.c();
        c.set_fill_rgb(colour.0, colour.1, colour.2);
        c.begin_text();
        c.set_font(font, size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    fn text_right(&mut self, right: f32, y: f32, size: f32, bold: bool, colour: Rgb, s: &str) {
        self.text(right - width(s, size, bold), y, size, bold, colour, s);
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        let c = self.c();
        c.set_fill_rgb(colour.0, colour.1, colour.2);
        c.rect(x, y, w, h);
        c.fill_nonzero();
    }

    fn rule(&mut self, y: f32) {
        let c = self.c();
        c.set_stroke_rgb(RULE.0, RULE.1, RULE.2);
        c.set_line_width(0.6);
        c.move_to(MARGIN, y);
        c.line_to(PAGE_W - MARGIN, y);
        c.stroke();
    }

    fn heading(&mut self, s: &str) {
        self.need(40.0);
        self.y -= 18.0;
        self.text(MARGIN, self.y, 13.0, true, INK, s);
        self.y -= 8.0;
    }
}

/// The report as PDF bytes.
pub fn render(r: &ActivityReport) -> Vec<u8> {
    let mut l = Layout::new();
    title(&mut l, r);
    if r.empty {
        l.y -= 22.0;
        let month = month_name(&r.month);
        l.text(MARGIN, l.y, 11.0, false, INK, &format!("Nothing happened in {month}."));
        l.y -= 14.0;
        l.text(
            MARGIN,
            l.y,
            9.0,
            false,
            MUTED,
            "No records of the kinds this portal shows fall in this month.",
        );
    }
    if !r.empty {
        sections(&mut l, &r.sections);
    }
    trend_chart(&mut l, r);
    if !r.empty {
        routine_bar(&mut l, r);
        site_table(&mut l, r);
    }
    finish(l, r)
}

fn title(l: &mut Layout, r: &ActivityReport) {
    l.y -= 10.0;
    l.text(MARGIN, l.y, 9.0, false, MUTED, &r.business);
    l.y -= 24.0;
    l.text(MARGIN, l.y, 20.0, true, INK, "Monthly activity report");
    l.y -= 20.0;
    let name = fit(&r.customer_name, CONTENT_W, 14.0, false);
    l.text(MARGIN, l.y, 14.0, false, INK, &name);
    l.y -= 16.0;
    let line = format!(
        "{} – months in {} – figures as of {}",
        month_name(&r.month),
        r.time_zone,
        day_name(r.as_of)
    );
    l.text(MARGIN, l.y, 9.0, false, MUTED, &line);
    l.y -= 10.0;
    l.rule(l.y);
}

fn section_height(s: &Section) -> f32 {
    22.0 + 13.0 * s.figures.len() as f32
}

/// The sections in two columns, each placed in the column that reaches least far down.
fn sections(l: &mut Layout, sections: &[Section]) {
    const GAP: f32 = 24.0;
    let col_w = (CONTENT_W - GAP) / 2.0;
    let mut bottoms = [l.y - 6.0; 2];
    for s in sections {
        let col = if bottoms[0] >= bottoms[1] { 0 } else { 1 };
        let h = section_height(s);
        if bottoms[col] - h < MARGIN + FOOTER {
            l.new_page();
            bottoms = [l.y; 2];
        }
        let col = if bottoms[0] >= bottoms[1] { 0 } else { 1 };
        let x = MARGIN + col as f32 * (col_w + GAP);
        let mut y = bottoms[col] - 16.0;
        l.text(x, y, 11.0, true, INK, &s.title);
        y -= 4.0;
        for (i, f) in s.figures.iter().enumerate() {
            y -= 13.0;
            if i % 2 == 0 {
                l.rect(x, y - 3.5, col_w, 13.0, STRIPE);
            }
            let sub = i > 0
                && matches!(
                    s.key,
                    SectionKey::Defects | SectionKey::ServiceCalls | SectionKey::Routine
                )
                && is_breakdown(s, i);
            let indent = if sub { 10.0 } else { 4.0 };
            let colour = if sub { MUTED } else { INK };
            l.text(
                x + indent,
                y,
                9.0,
                false,
                colour,
                &fit(&f.label, col_w * 0.5, 9.0, false),
            );
            let amounts = amounts_text(&f.amounts);
            let count_right = if amounts.is_empty() {
                x + col_w - 4.0
            } else {
                x + col_w * 0.62
            };
            l.text_right(count_right, y, 9.0, !sub, colour, &f.count.to_string());
            if !amounts.is_empty() {
                let shown = fit(&amounts, col_w * 0.36, 8.0, false);
                l.text_right(x + col_w - 4.0, y, 8.0, false, MUTED, &shown);
            }
        }
        bottoms[col] = y - 8.0;
    }
    l.y = bottoms[0].min(bottoms[1]);
}

/// Rows under a section's totals (by severity, by stage, by outcome) are shown indented.
fn is_breakdown(s: &Section, i: usize) -> bool {
    match s.key {
        SectionKey::Defects => i >= 2,
        SectionKey::ServiceCalls | SectionKey::Routine => i >= 1,
        _ => false,
    }
}

fn amounts_text(amounts: &[Amount]) -> String {
    amounts
        .iter()
        .map(|a| money(&a.currency, a.minor))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Six months of the main figures as grouped bars.
fn trend_chart(l: &mut Layout, r: &ActivityReport) {
    let t = &r.trend;
    if t.series.is_empty() || t.series.iter().all(|s| s.values.iter().all(|v| *v == 0)) {
        return;
    }
    const CHART_H: f32 = 120.0;
    l.need(CHART_H + 70.0);
    l.heading("Six months at a glance");
    let max = t
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let top = l.y - 14.0;
    let base = top - CHART_H;
    let axis_x = MARGIN + 24.0;
    l.text_right(axis_x - 4.0, top - 3.0, 7.0, false, MUTED, &max.to_string());
    l.text_right(axis_x - 4.0, base - 2.0, 7.0, false, MUTED, "0");
    {
        let c = l.c();
        c.set_stroke_rgb(RULE.0, RULE.1, RULE.2);
        c.set_line_width(0.6);
        c.move_to(axis_x, base);
        c.line_to(PAGE_W - MARGIN, base);
        c.move_to(axis_x, top);
        c.line_to(PAGE_W - MARGIN, top);
        c.stroke();
    }
    let slot = (PAGE_W - MARGIN - axis_x) / t.months.len().max(1) as f32;
    let bar = (slot * 0.7 / t.series.len() as f32).min(18.0);
    for (m, month) in t.months.iter().enumerate() {
        let x0 = axis_x + m as f32 * slot + (slot - bar * t.series.len() as f32) / 2.0;
        for (k, s) in t.series.iter().enumerate() {
            let v = s.values.get(m).copied().unwrap_or(0);
            let h = CHART_H * v as f32 / max as f32;
            if h > 0.0 {
                l.rect(x0 + k as f32 * bar, base, bar - 1.0, h, SERIES[k % SERIES.len()]);
            }
        }
        let label = month_name(month);
        let short = format!(
            "{} {}",
            &label[..3.min(label.len())],
            month.get(..4).unwrap_or_default()
        );
        l.text(
            axis_x + m as f32 * slot + slot / 2.0 - width(&short, 7.5, false) / 2.0,
            base - 11.0,
            7.5,
            false,
            MUTED,
            &short,
        );
    }
    let mut x = axis_x;
    let y = base - 26.0;
    for (k, s) in t.series.iter().enumerate() {
        l.rect(x, y - 1.0, 8.0, 8.0, SERIES[k % SERIES.len()]);
        let label = format!("{} ({} this month)", s.label, s.values.last().copied().unwrap_or(0));
        l.text(x + 11.0, y, 8.0, false, INK, &label);
        x += 11.0 + width(&label, 8.0, false) + 14.0;
    }
    l.y = y - 10.0;
}

/// The month's routine work as one bar split by outcome.
fn routine_bar(l: &mut Layout, r: &ActivityReport) {
    let Some(s) = r.sections.iter().find(|s| s.key == SectionKey::Routine) else {
        return;
    };
    let outcomes = &s.figures[1..];
    let due: i64 = outcomes.iter().map(|f| f.count).sum();
    if due == 0 {
        return;
    }
    l.need(70.0);
    l.heading("Routine maintenance due this month");
    let top = l.y - 8.0;
    let mut x = MARGIN;
    for (k, f) in outcomes.iter().enumerate() {
        let w = CONTENT_W * f.count as f32 / due as f32;
        if w > 0.0 {
            l.rect(x, top - 16.0, w, 16.0, OUTCOMES[k % OUTCOMES.len()]);
        }
        x += w;
    }
    let mut x = MARGIN;
    let y = top - 30.0;
    for (k, f) in outcomes.iter().enumerate() {
        l.rect(x, y - 1.0, 8.0, 8.0, OUTCOMES[k % OUTCOMES.len()]);
        let label = format!("{} {}", f.label, f.count);
        l.text(x + 11.0, y, 8.0, false, INK, &label);
        x += 11.0 + width(&label, 8.0, false) + 14.0;
    }
    l.y = y - 10.0;
}

/// The sites with activity, with the header repeated on every page the table runs onto.
fn site_table(l: &mut Layout, r: &ActivityReport) {
    if r.site_columns.is_empty() || (r.sites.is_empty() && r.quiet_sites == 0) {
        return;
    }
    l.need(80.0);
    l.heading("By site");
    let note = match (r.sites.len(), r.quiet_sites) {
        (0, q) => format!("None of the {q} sites had activity this month."),
        (_, 0) => "Every site had activity this month.".to_owned(),
        (_, 1) => "1 other site had no activity this month.".to_owned(),
        (_, q) => format!("{q} other sites had no activity this month."),
    };
    l.y -= 6.0;
    l.text(MARGIN, l.y, 8.5, false, MUTED, &note);
    l.y -= 6.0;
    if r.sites.is_empty() {
        return;
    }
    let n = r.site_columns.len() as f32;
    let col_w = (CONTENT_W * 0.68 / n).min(56.0);
    let name_w = CONTENT_W - col_w * n;
    let header = |l: &mut Layout| {
        l.y -= 20.0;
        l.text(MARGIN + 2.0, l.y, 7.5, true, INK, "Site");
        for (k, c) in r.site_columns.iter().enumerate() {
            let right = MARGIN + name_w + col_w * (k as f32 + 1.0) - 3.0;
            let (first, rest) = c.label.split_once(' ').unwrap_or((c.label.as_str(), ""));
            if rest.is_empty() {
                l.text_right(right, l.y, 7.5, true, INK, first);
            } else {
                l.text_right(right, l.y + 8.5, 7.5, true, INK, first);
                l.text_right(right, l.y, 7.5, true, INK, rest);
            }
        }
        l.y -= 4.0;
        l.rule(l.y);
    };
    header(l);
    for (i, row) in r.sites.iter().enumerate() {
        if l.y - 12.0 < MARGIN + FOOTER {
            l.new_page();
            header(l);
        }
        l.y -= 12.0;
        if i % 2 == 1 {
            l.rect(MARGIN, l.y - 3.5, CONTENT_W, 12.0, STRIPE);
        }
        l.text(
            MARGIN + 2.0,
            l.y,
            8.0,
            false,
            INK,
            &fit(&row.name, name_w - 6.0, 8.0, false),
        );
        for (k, v) in row.values.iter().enumerate() {
            let right = MARGIN + name_w + col_w * (k as f32 + 1.0) - 3.0;
            let colour = if *v == 0 { MUTED } else { INK };
            l.text_right(right, l.y, 8.0, false, colour, &v.to_string());
        }
    }
}

/// Footers, then the document: catalog, page tree, the two fonts and one deflated stream per page.
fn finish(mut l: Layout, r: &ActivityReport) -> Vec<u8> {
    let mut contents = std::mem::take(&mut l.done);
    contents.push(std::mem::replace(&mut l.page, Content::new()));
    let total = contents.len();
    let footer = format!("{} – activity in {}", r.customer_name, month_name(&r.month));
    let footer = fit(&footer, CONTENT_W * 0.7, 8.0, false);
    for (i, c) in contents.iter_mut().enumerate() {
        l.page = std::mem::replace(c, Content::new());
        l.text(MARGIN, MARGIN - 4.0, 8.0, false, MUTED, &footer);
        l.text_right(
            PAGE_W - MARGIN,
            MARGIN - 4.0,
            8.0,
            false,
            MUTED,
            &format!("Page {} of {total}", i + 1),
        );
        *c = std::mem::replace(&mut l.page, Content::new());
    }

    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first = 6;
    let page_ids: Vec<Ref> = (0..total).map(|i| Ref::new(first + 2 * i as i32)).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(page_ids.iter().copied()).count(total as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let doc_title = format!(
        "Monthly activity report – {} – {}",
        r.customer_name,
        month_name(&r.month)
    );
    pdf.document_info(info)
        .title(TextStr(&doc_title))
        .author(TextStr(&r.business));
    for (i, content) in contents.into_iter().enumerate() {
        let page_id = page_ids[i];
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        page.finish();
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6);
        pdf.stream(content_id, &deflated).filter(Filter::FlateDecode);
    }
    pdf.finish()
}
