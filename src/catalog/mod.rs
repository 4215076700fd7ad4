//! AWS facts as data: partitions, Regions and the service principals of these scenarios.

pub mod iam;
mod partitions;

pub use partitions::{Partition, PARTITIONS};
