//! The library every portal function uses.

pub mod attachments;
pub mod clients;
pub mod config;
pub mod context;
pub mod csv;
pub mod download;
pub mod email;
pub mod error;
pub mod extract;
pub mod http;
pub mod http_client;
pub mod identity;
pub mod ids;
pub mod modules;
pub mod months;
pub mod openapi;
pub mod outbox;
pub mod pagination;
pub mod permissions;
pub mod portal_access;
pub mod principal;
pub mod secrets;
pub mod table;
pub mod telemetry;
pub mod validate;
pub mod zone;

pub use context::Context;
pub use error::{ApiError, ApiResult};
