//! SeaORM entities: the database's view of the domain. GraphQL types live with each domain module.

pub mod product;
pub mod staff;
pub mod staff_alias;
pub mod team;

pub use staff::{Access, Role};
pub use team::Platform;
