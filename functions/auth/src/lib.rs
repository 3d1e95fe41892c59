//! The auth capability: public sign-in, activation and password reset for portal contacts, the
//! browser's session cookies, and the signed-in contact's password change.
//!
//! Portal routes only (sign-in and the signed-in contact's account), so there is no `staff.rs`;
//! `cookies.rs` and `throttle.rs` are helpers of `portal.rs`; `unsubscribe.rs` is the emails' one-click unsubscribe. The state carries the portal pool with
//! its app client; handlers take `State<Context>` and `State<PortalPool>` from it.

pub mod cookies;
pub mod model;
pub mod portal;
pub mod throttle;
pub mod unsubscribe;

use shared::context::WithPortalPool;

shared::function_api! {
    state: WithPortalPool,
    routes!(portal::login),
    routes!(portal::login_mfa),
    routes!(portal::refresh),
    routes!(portal::logout),
    routes!(portal::activate),
    routes!(portal::activate_totp),
    routes!(portal::forgot),
    routes!(portal::reset),
    routes!(portal::change_password),
    routes!(unsubscribe::unsubscribe),
}
