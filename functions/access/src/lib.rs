//! The access capability: staff manage contacts' portal access.
//!
//! Staff routes only, so there is no `portal.rs`. The state carries the portal pool (for revocation);
//! handlers take `State<Context>` and `State<PortalPool>` from it.

pub mod model;
pub mod staff;

use shared::context::WithPortalPool;

shared::function_api! {
    state: WithPortalPool,
    routes!(staff::status, staff::enable, staff::revoke),
    routes!(staff::send_invitation),
    routes!(staff::password_reset),
    routes!(staff::history),
    routes!(staff::bulk_invite),
}
