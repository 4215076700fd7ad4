//! The CloudWatch Logs operations the V2 steps run, per account and purpose. The steps write their
//! commands from these and the cross-account setup policies grant exactly these, so a step cannot
//! call what its account's policy does not allow.

/// One `aws logs` operation, by its CLI name; IAM names the action after the API operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogsOperation(pub &'static str);

impl LogsOperation {
    /// `put-delivery-source` → `logs:PutDeliverySource`.
    pub fn action(self) -> String {
        let name: String = self
            .0
            .split('-')
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        format!("logs:{name}")
    }

    pub fn command(self) -> String {
        format!("aws logs {}", self.0)
    }
}

pub const PUT_DELIVERY_SOURCE: LogsOperation = LogsOperation("put-delivery-source");
pub const CREATE_DELIVERY: LogsOperation = LogsOperation("create-delivery");
pub const DESCRIBE_DELIVERIES: LogsOperation = LogsOperation("describe-deliveries");
pub const DELETE_DELIVERY: LogsOperation = LogsOperation("delete-delivery");
pub const DELETE_DELIVERY_SOURCE: LogsOperation = LogsOperation("delete-delivery-source");
pub const PUT_DELIVERY_DESTINATION: LogsOperation = LogsOperation("put-delivery-destination");
pub const PUT_DELIVERY_DESTINATION_POLICY: LogsOperation = LogsOperation("put-delivery-destination-policy");
pub const DELETE_DELIVERY_DESTINATION: LogsOperation = LogsOperation("delete-delivery-destination");

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
    fn actions_are_the_api_names() {
        assert_eq!(PUT_DELIVERY_DESTINATION_POLICY.action(), "logs:PutDeliveryDestinationPolicy");
        assert_eq!(DESCRIBE_DELIVERIES.action(), "logs:DescribeDeliveries");
    }
}
