# The validator's findings in English: the source of the ids (build.rs makes one constructor per
# message, `duplicate-sid` → `message::ids::duplicate_sid(sid)`). Ids start with the rule's name.
# Arguments are already formatted: quoted JSON strings, paths like Statement[1].Sid, lists.

## IAM007 duplicate-sid
duplicate-sid = duplicate Sid { $sid }
duplicate-sid-note = it is first used at { $path }
duplicate-sid-help = give each statement its own Sid

## IAM014 action-pattern-matches-nothing
action-pattern-matches-nothing-note = actions from { $dataset-label }
action-pattern-matches-nothing-help = did you mean "{ $prefix }:{ $better }"?
action-pattern-matches-nothing-help-2 = see the actions of { $prefix } in AWS's Service Authorization Reference

## IAM022 action-resource-mismatch
action-resource-mismatch-note = resource types from { $dataset-label }

## SEC005 allow-with-not-principal
allow-with-not-principal-help = name the principals in "Principal" instead

## IAM024 arn-resource-type
arn-resource-type-help = { $prefix } resources have ARNs such as { $value }
arn-resource-type-note = ARN formats from { $dataset-label }

## CWL008 aws-managed-key
aws-managed-key-help = use a customer managed key and add the CloudWatch Logs statement to its key policy

## CWL006 bucket-acl-check-missing
bucket-acl-check-missing = "{ $text }" may put objects but no statement lets it call s3:GetBucketAcl
bucket-acl-check-missing-help = add a statement granting it "s3:GetBucketAcl" on the bucket ARN (no /*), with the same conditions

## CWL007 bucket-owner-full-control
bucket-owner-full-control-help = add "StringEquals": { "{" }"s3:x-amz-acl": "bucket-owner-full-control"{ "}" }

## IAM026 condition-key-case-duplicate
condition-key-case-duplicate-help = write the key once, with all its values in one list

## IAM017 condition-key-unsupported
condition-key-unsupported-help = add an action that supports it, or remove the condition; the reference lists the { $prefix } actions that support { $name }
condition-key-unsupported-note = from { $dataset-label }; the reference can lag behind the service

## IAM027 condition-value-form
condition-value-form = { $key } has { $values-count } values; a Bool condition takes one
condition-value-form-help = keep "true" or "false"; to allow both, drop the condition
condition-value-form-2 = { $v } is not { $form }, so { $key } never has this value

## CWL015 documentation-placeholder
documentation-placeholder = { $what }: fill in your own value
documentation-placeholder-help = replace it with the real Region, account, bucket or name

## JSON002 duplicate-key
duplicate-key = duplicate key { $key }
duplicate-key-note = the same object already has { $key } earlier; AWS does not document which one it uses, and this tool reads the last
duplicate-key-help = keep one { $key } and merge the values into it

## IAM005 effect-value
effect-value = Effect "{ $s }" has the wrong case
effect-value-help = write "{ $fixed }": element values are case-sensitive
effect-value-2 = Effect "{ $s }" is neither "Allow" nor "Deny"
effect-value-help-2 = use "Allow" or "Deny"
effect-value-3 = Effect is an array, not a string
effect-value-help-3 = write "Effect": "{ $only }", without the brackets
effect-value-4 = Effect is { $type-name }, not a string
effect-value-help-4 = write "Effect": "Allow" or "Effect": "Deny"

## IAM010 element-type
element-type-help = write "{ $name }" as a string in double quotes
element-type-help-2 = give { $name } a value, or remove it
element-type-help-3 = list at least one value in { $name }, or remove the statement
element-type-help-4 = remove the empty value
element-type-help-5 = write each value as a string in double quotes
element-type-help-6 = write "{ $name }": "…" or "{ $name }": ["…", "…"]
element-type-help-7 = write "{ $name }": { $wrapped }
element-type-help-8 = name who the statement applies to, e.g. "{ $name }": { "{" }"AWS": "arn:aws:iam::111122223333:root"{ "}" }
element-type = unknown principal type { $key }
element-type-help-9 = write "{ $name }": { "{" }"AWS": ["…"]{ "}" }
element-type-help-10 = write "Condition": { "{" }"StringEquals": { "{" }"aws:SourceAccount": "111122223333"{ "}" }{ "}" }
element-type-help-11 = write { $key }: { "{" }"condition-key": "value"{ "}" }
element-type-help-12 = list at least one value, or remove the condition key
element-type-help-13 = condition values are strings, booleans or numbers
element-type-help-14 = condition values are strings, booleans or numbers, or an array of them

## IAM031 empty-condition
empty-condition = "Condition" is empty: it restricts nothing
empty-condition-help = add the condition you meant, or remove "Condition"
empty-condition-help-2 = add the key to test, e.g. { $key }: { "{" }"aws:SourceAccount": "111122223333"{ "}" }, or remove the operator

## CWL005 export-key-actions
export-key-actions = no statement lets logs.REGION.amazonaws.com call { $action }, which export to an SSE-KMS bucket needs
export-key-actions-help = grant the logs principal "kms:GenerateDataKey" and "kms:Decrypt"
export-key-actions-2 = this looks like an export key statement without kms:Decrypt; AWS's export page grants kms:GenerateDataKey and kms:Decrypt
export-key-actions-help-2 = add "kms:Decrypt"

## SEC003 key-policy-change-granted
key-policy-change-granted = "{ $who }" is granted { $what }, so it can rewrite this key policy
key-policy-change-granted-note = only the account (its root statement) and key administrators should be able to change a key policy
key-policy-change-granted-help = grant this principal only the actions it uses, e.g. kms:Decrypt and kms:GenerateDataKey

## IAM037 key-policy-alias-resource
key-policy-alias-resource-note = KMS checks a key policy against the key, not the alias used to call it, so this matches nothing
key-policy-alias-resource-help = write "*" (this key) in a key policy's Resource

## SEC004 key-policy-lockout
key-policy-lockout = this statement denies kms:PutKeyPolicy to everyone, so nobody could change the key policy again
key-policy-lockout-note = KMS refuses such a policy unless BypassPolicyLockoutSafetyCheck is set, and then the key is unmanageable
key-policy-lockout-help = limit the Deny with a condition, or drop kms:PutKeyPolicy from it
key-policy-lockout-2 = no statement lets an AWS principal call kms:PutKeyPolicy, so nobody could change this key policy
key-policy-lockout-note-2 = KMS refuses such a policy unless BypassPolicyLockoutSafetyCheck is set, and then the key is unmanageable
key-policy-lockout-help-2 = add the default statement: { "{" }"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": { "{" }"AWS": "arn:aws:iam::ACCOUNT:root"{ "}" }, "Action": "kms:*", "Resource": "*"{ "}" }
key-policy-lockout-3 = only { $value } can change this key policy
key-policy-lockout-note-3 = KMS accepts the policy only when one of them makes the request; if they are deleted the key is unmanageable
key-policy-lockout-help-3 = keep the account's root statement ("Action": "kms:*"), or grant kms:PutKeyPolicy to a key administrator role

## CWL012 log-group-arn-form
log-group-arn-form-help = write the ARN as { $wanted }, or list both forms

## CWL009 log-resource-policy-principals
log-resource-policy-principals = CloudWatch Logs resource policies admit only AWS service principals, not { $kind } "{ $value }"
log-resource-policy-principals-help = grant IAM principals access in their identity policies; name a service here, e.g. delivery.logs.amazonaws.com

## CWL010 log-resource-policy-size
log-resource-policy-size-note = without whitespace it is about { $compact } characters

## CWL004 logs-principal-for-use
logs-principal-for-use = "{ $text }" does not make these requests: { $why }

## CWL003 logs-principal-not-regional
logs-principal-not-regional-help = write "{ $regional }", the Region of the key and the log groups

## CWL002 logs-scope-elsewhere
logs-scope-elsewhere-help = write "{ $value }"

## CWL013 logs-source-scope-differs
logs-source-scope-differs-help = give both statements the same aws:SourceAccount and aws:SourceArn values

## IAM009 malformed-arn
malformed-arn = { $label } { $text } { $message }

## IAM002 missing-statement
missing-statement = policy has no "Statement"
missing-statement-help = write "Statement" instead of { $key }: element names are case-sensitive
missing-statement-help-2 = add "Statement": [ … ] with at least one statement object
missing-statement-2 = "Statement" is an empty array
missing-statement-help-3 = add at least one statement object: { "{" }"Effect": …, "Action": …, "Resource": …{ "}" }
missing-statement-help-4 = write "Statement": [{ "{" }"Effect": …, "Action": …, "Resource": …{ "}" }]

## IAM034 not-element-with-allow
not-element-with-allow = a role trust policy cannot use "NotPrincipal"
not-element-with-allow-note = IAM documents NotPrincipal as unusable in identity-based and role trust policies
not-element-with-allow-help = name who may assume the role in "Principal"
not-element-with-allow-note-2 = that includes every other service's actions, and actions AWS adds later
not-element-with-allow-help-2 = list the actions to allow in "Action"; keep NotAction for Deny statements
not-element-with-allow-note-3 = that includes resources in other accounts and resources created later
not-element-with-allow-help-3 = list the resources to allow in "Resource"; keep NotResource for Deny statements

## IAM019 operator-type-mismatch
operator-type-mismatch-help = use { $key-type }
operator-type-mismatch-note = key types from { $dataset-label }

## IAM035 policy-size
policy-size-note = documents over { $value } bytes are only checked for JSON syntax and size; the highlighted statement crosses the limit
policy-size-help = check the part you mean to apply: split the document, or paste one policy at a time

## IAM008 principal-by-kind
principal-by-kind = an IAM identity policy cannot have "{ $key }"
principal-by-kind-note = the principal of an identity policy is the user, group or role it is attached to
principal-by-kind-help = remove "{ $key }"; to grant another principal access, use the resource's policy or a role's trust policy

## IAM038 private-source-ip
private-source-ip-help = for requests through a VPC endpoint use aws:VpcSourceIp (or aws:SourceVpce); otherwise name the public range

## IAM033 redundant-statement
redundant-statement = { $node } is already covered by { $other }
redundant-statement-repeats = { $node } repeats { $other }
redundant-statement-note = { $path } already allows everything this statement allows
redundant-statement-note-denies = { $path } already denies everything this statement denies
redundant-statement-help = remove this statement, or merge what differs into the other one

## IAM032 redundant-value
redundant-value-help = remove the repeated value
redundant-value-note = { $value } is { $value2 }
redundant-value-help-2 = remove { $text }: the wildcard already matches it

## IAM036 s3-bucket-name
s3-bucket-name = bucket name "{ $bucket }" in { $value }: { $problem }
s3-bucket-name-note = no bucket can have this name, so the ARN matches nothing
s3-bucket-name-help = write the bucket's real name: 3-63 characters, a-z, 0-9, "." and "-"

## CWL016 scenario-resources
scenario-resources-help = add "{ $group }" to the kms:EncryptionContext:aws:logs:arn condition
scenario-resources-help-2 = grant logs:CreateLogStream and logs:PutLogEvents on "{ $group }:log-stream:*"

## SEC002 service-principal-unscoped
service-principal-unscoped = service principal "{ $service }" is not limited to your resources

## IAM020 set-qualifier-mismatch
set-qualifier-mismatch = { $label }: { $quoted } is single-valued
set-qualifier-mismatch-help = write "{ $plain }"
set-qualifier-mismatch-help-2 = write "{ $any }" (any value matches) or "{ $all }" (every value matches)

## IAM011 sid-format
sid-format = Sid is empty
sid-format-help = remove "Sid", or name the statement, e.g. "AllowLogDelivery"
sid-format-2 = Sid { $sid } contains { $named }
sid-format-help-2 = use only letters A-Z, a-z and digits 0-9
sid-format-help-3 = write "{ $fixed }": use only letters A-Z, a-z and digits 0-9
sid-format-note = IAM allows only ASCII letters and digits in a Sid
sid-format-note-2 = IAM allows only letters and digits; the rule for a { $label } is not verified

## CWL017 stack-log-group-not-in-key-context
stack-log-group-not-in-key-context-note = CloudWatch Logs is denied the key for that log group, so associating the key fails
stack-log-group-not-in-key-context-help = add !Sub "arn:${ "{" }AWS::Partition{ "}" }:logs:${ "{" }AWS::Region{ "}" }:${ "{" }AWS::AccountId{ "}" }:log-group:{ $name }" to the condition

## CWL018 stack-logs-principal-region
stack-logs-principal-region-note = the logs principal must be in the Region of the key, which the stack creates where it is deployed
stack-logs-principal-region-help = write logs.{ $region }.amazonaws.com, or build it from the Region deployed to so it follows the stack (CloudFormation: !Sub "logs.${ "{" }AWS::Region{ "}" }.amazonaws.com"; Terraform: "logs.${ "{" }data.aws_region.current.name{ "}" }.amazonaws.com")

## IAM004 statement-element-pairs
statement-element-pairs = statement has both "{ $a }" and "{ $b }"
statement-element-pairs-help = keep either "{ $a }" or "{ $b }": a statement takes one of the two

## IAM013 unknown-action
unknown-action = { $prefix } has no action { $quoted }
unknown-action-help = remove the whitespace: "{ $prefix }:{ $name }"
unknown-action-help-2 = did you mean "{ $prefix }:{ $near }"?
unknown-action-help-3 = see the actions of { $prefix } in AWS's Service Authorization Reference
unknown-action-note = actions from { $dataset-label }; if AWS added this action since, the copy is out of date

## IAM016 unknown-condition-key
unknown-condition-key = { $quoted } names no tag key
unknown-condition-key-help = write the tag key after the slash, e.g. "{ $family }/team"
unknown-condition-key-2 = { $quoted } is not a { $what }
unknown-condition-key-note = condition keys from { $dataset-label }
unknown-condition-key-help-2 = did you mean "{ $near }"?
unknown-condition-key-help-3 = see the condition keys of { $prefix } in AWS's Service Authorization Reference
unknown-condition-key-help-4 = did you mean "{ $near }:{ $rest }"?
unknown-condition-key-note-2 = keys of identity providers (OIDC URLs, SAML) are not listed; ignore this if it is one

## IAM018 unknown-condition-operator
unknown-condition-operator = { $quoted } is not a condition operator
unknown-condition-operator-help = did you mean "{ $s }"?
unknown-condition-operator-help-2 = use one of IAM's operators, e.g. StringEquals, ArnLike, Bool, NumericLessThan
unknown-condition-operator-2 = { $quoted }: "{ $qualifier }" is not a set qualifier
unknown-condition-operator-note = the qualifiers are ForAllValues: and ForAnyValue:
unknown-condition-operator-help-3 = did you mean "{ $s }:{ $value }"?
unknown-condition-operator-help-4 = write ForAllValues: or ForAnyValue:, or no qualifier
unknown-condition-operator-help-5 = write "{ $canonical }"
unknown-condition-operator-note-2 = whether IAM accepts another letter case is not documented
unknown-condition-operator-3 = { $quoted }: Null takes no IfExists and no set qualifier
unknown-condition-operator-help-6 = write "Null": it already tests whether the key is present

## IAM012 unknown-service
unknown-service = action { $quoted } has no service prefix
unknown-service-note = IAM actions are written SERVICE:ACTION
unknown-service-help = write "{ $full }"
unknown-service-help-2 = write the service prefix, a colon and the action, e.g. "kms:Decrypt"
unknown-service-note-2 = service prefixes from { $dataset-label }
unknown-service-help-3 = did you mean "{ $near }:{ $value }"?
unknown-service-help-4 = find the service's prefix in AWS's Service Authorization Reference

## IAM003 unknown-statement-element
unknown-statement-element = statement is { $type-name }, not an object
unknown-statement-element-2 = unknown statement element { $key }

## IAM001 unknown-top-level-element
unknown-top-level-element = unknown top-level element { $key }

## IAM006 version
version = policy has no "Version"
version-note = AWS then assumes "2008-10-17", which disables policy variables such as ${ "{" }aws:username{ "}" }
version-help = add "Version": "2012-10-17"
version-2 = Version "2008-10-17" is the legacy policy language
version-note-2 = it does not support policy variables: ${ "{" }aws:username{ "}" } would be matched as literal text
version-help-2 = use "Version": "2012-10-17", and check that no value relies on a literal "${ "{" }"
version-3 = Version { $s } contains whitespace
version-help-3 = write "{ $trim }"
version-note-3 = Version names the policy language, not the date the policy was written
version-help-4 = use "Version": "2012-10-17"
version-4 = Version is { $type-name }, not a string
version-help-5 = write "Version": "2012-10-17", in quotes

## SEC001 wildcard-principal
wildcard-principal = this statement allows everyone ("*") to use the { $label }
wildcard-principal-note = no condition restricts the caller's account, organization or source
wildcard-principal-help = name the principals, or add a condition such as "aws:PrincipalOrgID", "aws:SourceAccount" or "kms:CallerAccount"

## IAM014 action-pattern-matches-nothing
action-pattern-matches-nothing = { $value } matches no { $prefix } action

## IAM022 action-resource-mismatch
action-resource-mismatch = { $action } acts on { $value }, and no Resource of this statement can name one: the statement never { $verb } it
action-resource-mismatch-2 = add a Resource of the form { $value }, or move the action to a statement about such resources

## IAM024 arn-resource-type
arn-resource-type = { $value } has the form of no { $prefix } resource, so it matches nothing

## CWL007 bucket-owner-full-control
bucket-owner-full-control = "{ $text }" may put objects without the bucket-owner-full-control ACL

## IAM026 condition-key-case-duplicate
condition-key-case-duplicate = { $key } is { $first } again, in other letter case: condition keys ignore case

## IAM017 condition-key-unsupported
condition-key-unsupported = { $name } is a { $prefix } key, and the statement has no { $prefix2 } action
condition-key-unsupported-2 = none of { $listed } supports the condition key { $name }

## CWL015 documentation-placeholder
documentation-placeholder-2 = bucket "{ $bucket }" is AWS's documentation name; S3 refuses bucket names starting with amzn-s3-demo-
documentation-placeholder-3 = the { $field } is the placeholder "{ $text }"
documentation-placeholder-4 = "{ $value }" names the placeholder Region

## JSON002 duplicate-key

## IAM031 empty-condition
empty-condition-2 = condition operator { $key } has no condition keys

## CWL001 encryption-context-arn-form
encryption-context-arn-form = "{ $value }" is not an ARN
encryption-context-arn-form-2 = "{ $value }" is not a log group; no encryption context is documented for it
encryption-context-arn-form-3 = "{ $value }" has { $what }; the encryption context holds the log group ARN without it, so this never matches

## IAM037 key-policy-alias-resource
key-policy-alias-resource = { $element } { $value } is an alias; a key policy applies to its own key only

## CWL012 log-group-arn-form
log-group-arn-form = { $action } is authorised against { $wanted }, which "{ $first }" does not match

## CWL003 logs-principal-not-regional
logs-principal-not-regional = "{ $text }" is the global name; AWS documents the regional "{ $regional }" here

## CWL002 logs-scope-elsewhere
logs-scope-elsewhere = principal "{ $text }" is in { $r }, but the scenario's { $value } is in { $expected }
logs-scope-elsewhere-2 = { $key } "{ $value }" is in { $region }, but the scenario is in { $expected }
logs-scope-elsewhere-3 = { $key } "{ $value }" is in { $region }, but the principal is logs.{ $r }: it never matches
logs-scope-elsewhere-4 = log group "{ $value }" is in account { $account }, but the scenario's log groups are in { $expected }
logs-scope-elsewhere-5 = log group "{ $value }" is in account { $account }, the key in { $owner }; using a key of another account is not documented for log groups

## CWL013 logs-source-scope-differs
logs-source-scope-differs = { $key } here is [{ $value }], but { $value2 } of the same principal has [{ $value3 }]

## IAM021 malformed-condition-value
malformed-condition-value = { $key } value { $v } { $what }

## IAM002 missing-statement
missing-statement-3 = "Statement" is { $type-name }, not an object or an array

## IAM019 operator-type-mismatch
operator-type-mismatch = { $operator } compares { $label } values, but { $key } is of type { $label2 }

## IAM035 policy-size
policy-size = without whitespace it is { $compact-bytes } bytes; AWS does not document whether whitespace counts
policy-size-2 = even without whitespace it is { $compact-bytes } bytes
policy-size-3 = the { $label } is { $size } { $unit }; the limit is { $max }
policy-size-4 = the document is { $text-count } bytes, far over the { $label } limit of { $max }; it was not checked further

## IAM008 principal-by-kind
principal-by-kind-2 = rename { $key } to "Principal": element names are case-sensitive
principal-by-kind-3 = statement has no "Principal"; a { $label } must name who it applies to

## IAM038 private-source-ip
private-source-ip = aws:SourceIp { $value } is a private range, which aws:SourceIp never holds: { $operator } never matches
private-source-ip-always = aws:SourceIp { $value } is a private range, which aws:SourceIp never holds: { $operator } always matches

## IAM032 redundant-value
redundant-value = { $what } { $text } repeats { $value }
redundant-value-same = { $what } { $text } is the same as { $value }
redundant-value-2 = { $what } { $text } is already covered by { $value }

## CWL016 scenario-resources
scenario-resources = names bucket "{ $bucket }", but the scenario's bucket is "{ $e }"
scenario-resources-2 = names bucket "{ $bucket }", but another CloudWatch Logs statement names "{ $f }"
scenario-resources-3 = no statement lets CloudWatch Logs encrypt with this key for { $group }
scenario-resources-4 = no statement lets delivery.logs.amazonaws.com write to { $group }
scenario-resources-5 = names "{ $r }", but the scenario's delivery destination is "{ $destination }"

## IAM015 service-wildcard
service-wildcard = list the services: { $value }
service-wildcard-2 = { $value } has a wildcard in its service prefix; it matches { $reach }

## IAM020 set-qualifier-mismatch
set-qualifier-mismatch-2 = { $quoted } is multivalued ({ $label }), but { $operator } has no set qualifier

## CWL017 stack-log-group-not-in-key-context
stack-log-group-not-in-key-context = log group { $logical-id } ({ $name }) of this template uses this key, but no kms:EncryptionContext:aws:logs:arn value names it

## CWL018 stack-logs-principal-region
stack-logs-principal-region = "{ $text }" names { $named }, but the template's other ARNs name { $region } ({ $named-by })

## IAM004 statement-element-pairs
statement-element-pairs-2 = statement has no "{ $one }"
statement-element-pairs-3 = statement has neither { $value }
statement-element-pairs-4 = rename { $key } to "{ $right }": element names are exact

## IAM016 unknown-condition-key
unknown-condition-key-3 = { $prefix } condition key
unknown-condition-key-4 = { $quoted }: no service has the condition-key prefix "{ $key }"

## IAM018 unknown-condition-operator
unknown-condition-operator-4 = { $quoted } is written "{ $canonical }" in AWS's documentation

## IAM012 unknown-service
unknown-service-2 = action { $quoted }: no AWS service has the prefix "{ $prefix }"

## IAM003 unknown-statement-element
unknown-statement-element-3 = write "{ $right }": element names are case-sensitive
unknown-statement-element-4 = write "{ $right }": element names are singular, even for a list of values
unknown-statement-element-5 = write "{ $right }": element names are exact
unknown-statement-element-6 = "{ $top }" belongs at the top level of the policy, not inside a statement

## IAM001 unknown-top-level-element
unknown-top-level-element-2 = write "{ $right }": element names are case-sensitive
unknown-top-level-element-3 = write "{ $right }": element names are exact
unknown-top-level-element-4 = "{ $element }" belongs inside a statement: move it into an object of "Statement"

## CWL011 vended-bucket-not-elements
vended-bucket-not-elements = "{ $key }" makes CloudWatch Logs' automatic bucket policy update fail

## IAM006 version
version-5 = Version { $s } is not a policy language version

## IAM023 wildcard-without-like
wildcard-without-like = { $operator } compares { $value } literally: its * or ? is no wildcard

## CWL019 stack-bucket-policy-other-bucket
stack-bucket-policy-other-bucket = grants { $action } on bucket { $shown }, but the template attaches this policy to bucket { $own }
stack-bucket-policy-other-bucket-note = an export or V1 delivery calls GetBucketAcl and PutObject on the bucket the policy is on; a grant on another bucket does not cover it
stack-bucket-policy-other-bucket-help = name the attached bucket: { $reference }, or its ARN

## SEC006 pass-role-wide
pass-role-wide = iam:PassRole is allowed on { $resource }: every role may be passed to a service
pass-role-wide-not-resource = iam:PassRole is allowed with NotResource: every role but those listed may be passed
pass-role-wide-note = a service given a role acts with that role's permissions
pass-role-wide-help = give iam:PassRole its own statement naming the role ARNs to pass, with iam:PassedToService naming the service
