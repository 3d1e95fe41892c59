//! The local stack: provisioning, demo data, the local API gateway and the dev commands built on them.

pub mod bench;
pub mod cognito;
pub mod definitions;
pub mod functions;
pub mod gateway;
pub mod provision;
pub mod seed;
pub mod stack_env;
