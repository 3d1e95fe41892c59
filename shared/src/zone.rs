//! The business's time zone: the calendar that activity is counted in. A record stamped at 23:30 UTC on
//! 31 October belongs to November in Sydney, so the months of the activity report are the business's.

use time::{Date, OffsetDateTime};

/// An IANA time zone (`BUSINESS_TIME_ZONE`, UTC by default), from the zone database compiled in.
#[derive(Clone, Debug)]
pub struct BusinessZone {
    name: String,
    tz: jiff::tz::TimeZone,
}

impl Default for BusinessZone {
    fn default() -> Self {
        Self {
            name: "UTC".to_owned(),
            tz: jiff::tz::TimeZone::UTC,
        }
    }
}

impl BusinessZone {
    /// The zone an IANA name (`Australia/Sydney`) names; none for an unknown name.
    pub fn named(name: &str) -> Option<Self> {
        let tz = jiff::tz::db().get(name).ok()?;
        Some(Self {
            name: name.to_owned(),
            tz,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The business's calendar date at an instant.
    pub fn date(&self, at: OffsetDateTime) -> Date {
        let local = jiff::Timestamp::from_second(at.unix_timestamp())
            .map(|ts| self.tz.to_datetime(ts).date())
            .ok();
        local
            .and_then(|d| {
                let month = time::Month::try_from(u8::try_from(d.month()).ok()?).ok()?;
                Date::from_calendar_date(d.year().into(), month, u8::try_from(d.day()).ok()?).ok()
            })
            .unwrap_or_else(|| at.date())
    }

    /// `YYYY-MM` of the business's month at an instant.
    pub fn month(&self, at: OffsetDateTime) -> String {
        crate::months::month_of(self.date(at))
    }

    /// The business's date today.
    pub fn today(&self) -> Date {
        self.date(OffsetDateTime::now_utc())
    }

    /// The first instant of a business day (midnight there; the first instant after a gap at midnight).
    pub fn start_of(&self, day: Date) -> OffsetDateTime {
        let civil = jiff::civil::date(day.year() as i16, u8::from(day.month()) as i8, day.day() as i8);
        self.tz
            .to_timestamp(civil.to_datetime(jiff::civil::Time::midnight()))
            .ok()
            .and_then(|ts| OffsetDateTime::from_unix_timestamp(ts.as_second()).ok())
            .unwrap_or_else(|| day.midnight().assume_utc())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn an_instant_falls_in_the_business_month() {
        let sydney = BusinessZone::named("Australia/Sydney").unwrap();
        // 13:00 UTC on 31 October is midnight in Sydney (AEDT, +11): November there.
        assert_eq!(sydney.month(datetime!(2026-10-31 12:59:59 UTC)), "2026-10");
        assert_eq!(sydney.month(datetime!(2026-10-31 13:00:00 UTC)), "2026-11");
        assert_eq!(
            BusinessZone::default().month(datetime!(2026-10-31 13:00:00 UTC)),
            "2026-10"
        );
        assert_eq!(
            sydney.start_of(date!(2026 - 11 - 01)),
            datetime!(2026-10-31 13:00:00 UTC)
        );
        // Daylight saving starts on 4 October 2026 in Sydney: the day before still begins at +10.
        assert_eq!(
            sydney.start_of(date!(2026 - 10 - 04)),
            datetime!(2026-10-03 14:00:00 UTC)
        );
    }

    #[test]
    fn an_unknown_zone_is_refused() {
        assert!(BusinessZone::named("Mars/Olympus").is_none());
        assert_eq!(BusinessZone::named("Europe/London").unwrap().name(), "Europe/London");
    }
}
