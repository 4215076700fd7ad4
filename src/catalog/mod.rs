//! AWS facts as data: partitions, Regions and the service principals of these scenarios.

mod partitions;

pub use partitions::{Partition, PARTITIONS};
