//! The CloudWatch Logs operations the V2 steps run, per account and purpose. The steps write their
//! calls from these and the cross-account setup policies grant exactly these, so a step cannot call
//! what its account's policy does not allow.

use crate::scenarios::step::operation::{self, Operation};

/// One CloudWatch Logs API operation: the IAM action and the CloudTrail event carry its API name.
pub type LogsOperation = &'static Operation;

pub const PUT_DELIVERY_SOURCE: LogsOperation = &operation::LOGS_PUT_DELIVERY_SOURCE;
pub const CREATE_DELIVERY: LogsOperation = &operation::LOGS_CREATE_DELIVERY;
pub const DESCRIBE_DELIVERIES: LogsOperation = &operation::LOGS_DESCRIBE_DELIVERIES;
pub const DELETE_DELIVERY: LogsOperation = &operation::LOGS_DELETE_DELIVERY;
pub const DELETE_DELIVERY_SOURCE: LogsOperation = &operation::LOGS_DELETE_DELIVERY_SOURCE;
pub const PUT_DELIVERY_DESTINATION: LogsOperation = &operation::LOGS_PUT_DELIVERY_DESTINATION;
pub const PUT_DELIVERY_DESTINATION_POLICY: LogsOperation = &operation::LOGS_PUT_DELIVERY_DESTINATION_POLICY;
pub const DELETE_DELIVERY_DESTINATION: LogsOperation = &operation::LOGS_DELETE_DELIVERY_DESTINATION;

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
    use crate::scenarios::TrailEvent;

    #[test]
    fn actions_are_the_api_names_and_commands_their_cli_names() {
        assert_eq!(PUT_DELIVERY_DESTINATION_POLICY.action(), "logs:PutDeliveryDestinationPolicy");
        assert_eq!(DESCRIBE_DELIVERIES.action(), "logs:DescribeDeliveries");
        assert_eq!(PUT_DELIVERY_DESTINATION_POLICY.command(), "aws logs put-delivery-destination-policy");
        assert_eq!(DELETE_DELIVERY_SOURCE.command(), "aws logs delete-delivery-source");
        assert_eq!(CREATE_DELIVERY.trail_event(), TrailEvent::logs("CreateDelivery"));
    }
}
