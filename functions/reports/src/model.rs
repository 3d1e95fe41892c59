//! What the reports answer.

use serde::Serialize;
use shared::table::{
    counters::last_twelve_months,
    tickets::{Priority, TicketStatus},
};
use utoipa::ToSchema;

/// `GET /portal/reports/tickets`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    pub open: Vec<OpenCount>,
    /// The last 12 months, oldest first.
    pub months: Vec<MonthCount>,
    pub mean_resolution_hours: Vec<Resolution>,
    /// The contacts' satisfaction ratings of closed tickets.
    pub satisfaction: Satisfaction,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Satisfaction {
    pub ratings: i64,
    /// The mean score, 1 to 5; none before the first rating.
    pub average: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OpenCount {
    pub status: TicketStatus,
    pub priority: Priority,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub opened: i64,
    pub closed: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Resolution {
    pub priority: Priority,
    pub tickets: i64,
    pub mean_hours: Option<f64>,
}

/// Shapes the raw counters for the portal.
pub fn dashboard(counters: &std::collections::BTreeMap<String, i64>, today: time::Date) -> Dashboard {
    let get = |k: String| counters.get(&k).copied().unwrap_or(0);
    let mut open = Vec::new();
    for s in TicketStatus::ALL.into_iter().filter(|s| !s.is_closed()) {
        for p in Priority::ALL {
            let count = get(format!("open_{}_{}", s.as_str(), p.as_str()));
            if count > 0 {
                open.push(OpenCount {
                    status: s,
                    priority: p,
                    count,
                });
            }
        }
    }
    let months = last_twelve_months(today)
        .into_iter()
        .map(|(year, month)| MonthCount {
            month: format!("{year:04}-{month:02}"),
            opened: get(format!("opened_{year:04}_{month:02}")),
            closed: get(format!("closed_{year:04}_{month:02}")),
        })
        .collect();
    let mean_resolution_hours = Priority::ALL
        .into_iter()
        .map(|p| {
            let n = get(format!("res_n_{}", p.as_str()));
            let sum = get(format!("res_sum_{}", p.as_str()));
            Resolution {
                priority: p,
                tickets: n,
                mean_hours: (n > 0).then(|| sum as f64 / n as f64 / 3600.0),
            }
        })
        .collect();
    let ratings = get("rating_n".into());
    Dashboard {
        open,
        months,
        mean_resolution_hours,
        satisfaction: Satisfaction {
            ratings,
            average: (ratings > 0).then(|| get("rating_sum".into()) as f64 / ratings as f64),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashboard_spans_twelve_months() {
        let mut c = std::collections::BTreeMap::new();
        c.insert("opened_2026_11".to_owned(), 3);
        c.insert("open_new_high".to_owned(), 2);
        c.insert("res_n_low".to_owned(), 2);
        c.insert("res_sum_low".to_owned(), 7200);
        let d = dashboard(&c, time::macros::date!(2026 - 11 - 24));
        assert_eq!(d.months.len(), 12);
        assert_eq!(d.months[0].month, "2025-12");
        assert_eq!(d.months[11].opened, 3);
        assert_eq!(d.open.len(), 1);
        assert_eq!(d.mean_resolution_hours[0].mean_hours, Some(1.0));
    }
}
