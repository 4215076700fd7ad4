//! The CloudWatch Logs operations the V2 steps run, per account and purpose. The steps write their
//! commands and CloudTrail events from these and the cross-account setup policies grant exactly
//! these, so a step cannot call what its account's policy does not allow.

use crate::scenarios::TrailEvent;

/// One CloudWatch Logs API operation, by its API name: the IAM action and the CloudTrail event
/// carry that name, the AWS CLI its kebab-case form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogsOperation(pub &'static str);

impl LogsOperation {
    /// `PutDeliverySource` → `logs:PutDeliverySource`.
    pub fn action(self) -> String {
        format!("logs:{}", self.0)
    }

    /// The CloudTrail record a call of it leaves.
    pub const fn trail_event(self) -> TrailEvent {
        TrailEvent::logs(self.0)
    }

    /// `PutDeliverySource` → `aws logs put-delivery-source`.
    pub fn command(self) -> String {
        let mut out = "aws logs ".to_owned();
        for (i, c) in self.0.char_indices() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }
}

pub const PUT_DELIVERY_SOURCE: LogsOperation = LogsOperation("PutDeliverySource");
pub const CREATE_DELIVERY: LogsOperation = LogsOperation("CreateDelivery");
pub const DESCRIBE_DELIVERIES: LogsOperation = LogsOperation("DescribeDeliveries");
pub const DELETE_DELIVERY: LogsOperation = LogsOperation("DeleteDelivery");
pub const DELETE_DELIVERY_SOURCE: LogsOperation = LogsOperation("DeleteDeliverySource");
pub const PUT_DELIVERY_DESTINATION: LogsOperation = LogsOperation("PutDeliveryDestination");
pub const PUT_DELIVERY_DESTINATION_POLICY: LogsOperation = LogsOperation("PutDeliveryDestinationPolicy");
pub const DELETE_DELIVERY_DESTINATION: LogsOperation = LogsOperation("DeleteDeliveryDestination");

/// The source account sets up (AWS's cross-account example grants these two).
pub const SOURCE_SETUP: [LogsOperation; 2] = [PUT_DELIVERY_SOURCE, CREATE_DELIVERY];
/// The source account checks its deliveries; a list call, it takes no resource ARN.
pub const SOURCE_LIST: [LogsOperation; 1] = [DESCRIBE_DELIVERIES];
/// The source account undoes, in this order.
pub const SOURCE_UNDO: [LogsOperation; 2] = [DELETE_DELIVERY, DELETE_DELIVERY_SOURCE];
/// The destination account sets up (AWS's cross-account example grants these two).
pub const DESTINATION_SETUP: [LogsOperation; 2] = [PUT_DELIVERY_DESTINATION, PUT_DELIVERY_DESTINATION_POLICY];
/// The destination account undoes, once the delivery is gone.
pub const DESTINATION_UNDO: [LogsOperation; 1] = [DELETE_DELIVERY_DESTINATION];

pub fn actions(operations: &[LogsOperation]) -> Vec<String> {
    operations.iter().map(|o| o.action()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_the_api_names_and_commands_their_cli_names() {
        assert_eq!(PUT_DELIVERY_DESTINATION_POLICY.action(), "logs:PutDeliveryDestinationPolicy");
        assert_eq!(DESCRIBE_DELIVERIES.action(), "logs:DescribeDeliveries");
        assert_eq!(PUT_DELIVERY_DESTINATION_POLICY.command(), "aws logs put-delivery-destination-policy");
        assert_eq!(DELETE_DELIVERY_SOURCE.command(), "aws logs delete-delivery-source");
        assert_eq!(CREATE_DELIVERY.trail_event(), TrailEvent::logs("CreateDelivery"));
    }
}
