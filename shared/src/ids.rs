//! Opaque identifiers: ULIDs, so ids sort by creation time and carry 80 random bits.

pub fn new_id() -> String {
    ulid::Ulid::new().to_string()
}

pub fn is_valid(value: &str) -> bool {
    value.len() == 26 && ulid::Ulid::from_string(value).is_ok()
}
