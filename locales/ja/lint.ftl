# 検証ルールの指摘 (日本語)。用語は locales/glossary.md に従う。
# 自信のない訳には「# UNSURE:」のコメントを付ける (grep -n UNSURE locales/ja で一覧できる)。

## IAM007 duplicate-sid
duplicate-sid = Sid { $sid } が重複しています
duplicate-sid-note = 最初に使われている場所: { $path }
duplicate-sid-help = ステートメントごとに別の Sid を付けてください

## IAM014 action-pattern-matches-nothing
action-pattern-matches-nothing-note = アクションの出典: { $dataset-label }
action-pattern-matches-nothing-help = "{ $prefix }:{ $better }" の誤りではありませんか?
action-pattern-matches-nothing-help-2 = AWS のサービス認可リファレンスで { $prefix } のアクションを確認してください

## IAM022 action-resource-mismatch
action-resource-mismatch-note = リソースタイプの出典: { $dataset-label }

## SEC005 allow-with-not-principal
allow-with-not-principal-help = 代わりに "Principal" でプリンシパルを指定してください

## IAM024 arn-resource-type
arn-resource-type-help = { $prefix } のリソースの ARN は { $value } のような形式です
arn-resource-type-note = ARN 形式の出典: { $dataset-label }

## CWL008 aws-managed-key
aws-managed-key-help = カスタマーマネージドキーを使い、そのキーポリシーに CloudWatch Logs 用のステートメントを追加してください

## CWL006 bucket-acl-check-missing
bucket-acl-check-missing = "{ $text }" はオブジェクトを書き込めますが、s3:GetBucketAcl の呼び出しを許可するステートメントがありません
bucket-acl-check-missing-help = バケット ARN (/* なし) に対する "s3:GetBucketAcl" を同じ条件で許可するステートメントを追加してください

## CWL007 bucket-owner-full-control
bucket-owner-full-control-help = "StringEquals": { "{" }"s3:x-amz-acl": "bucket-owner-full-control"{ "}" } を追加してください

## IAM026 condition-key-case-duplicate
condition-key-case-duplicate-help = キーは 1 回だけ書き、値をすべて 1 つのリストにまとめてください

## IAM017 condition-key-unsupported
condition-key-unsupported-help = このキーをサポートするアクションを追加するか、条件を削除してください。{ $name } をサポートする { $prefix } のアクションはリファレンスに記載されています
condition-key-unsupported-note = 出典: { $dataset-label }。リファレンスはサービスの変更に遅れることがあります

## IAM027 condition-value-form
# UNSURE: "Bool 条件" の言い方 (AWS の日本語ドキュメントでは「ブール条件演算子」)
condition-value-form = { $key } には値が { $values-count } 個あります。Bool 条件が取る値は 1 つです
condition-value-form-help = "true" か "false" のどちらかを残してください。両方を許可するなら条件を削除してください
# UNSURE: $form は英語の語句 (例: "a number") が入る
condition-value-form-2 = { $v } は { $form } ではないため、{ $key } がこの値になることはありません

## CWL015 documentation-placeholder
documentation-placeholder = { $what }: 実際の値に置き換えてください
documentation-placeholder-help = 実際のリージョン、アカウント、バケット、名前に置き換えてください

## JSON002 duplicate-key
duplicate-key = キー { $key } が重複しています
duplicate-key-note = 同じオブジェクトの前の位置に { $key } があります。AWS がどちらを使うかは文書化されておらず、このツールは後のものを読みます
duplicate-key-help = { $key } を 1 つだけ残し、値をそこにまとめてください

## IAM005 effect-value
effect-value = Effect "{ $s }" の大文字と小文字が違います
effect-value-help = "{ $fixed }" と書いてください。要素の値は大文字と小文字が区別されます
effect-value-2 = Effect "{ $s }" は "Allow" でも "Deny" でもありません
effect-value-help-2 = "Allow" または "Deny" を使ってください
effect-value-3 = Effect が文字列ではなく配列です
effect-value-help-3 = 角かっこを外して "Effect": "{ $only }" と書いてください
# UNSURE: $type-name は英語 (例: "a number")
effect-value-4 = Effect が文字列ではなく { $type-name } です
effect-value-help-4 = "Effect": "Allow" または "Effect": "Deny" と書いてください

## IAM010 element-type
element-type-help = "{ $name }" は二重引用符で囲んだ文字列で書いてください
element-type-help-2 = { $name } に値を指定するか、削除してください
element-type-help-3 = { $name } に値を 1 つ以上指定するか、ステートメントを削除してください
element-type-help-4 = 空の値を削除してください
element-type-help-5 = 各値を二重引用符で囲んだ文字列で書いてください
element-type-help-6 = "{ $name }": "…" または "{ $name }": ["…", "…"] と書いてください
element-type-help-7 = "{ $name }": { $wrapped } と書いてください
element-type-help-8 = ステートメントの対象を指定してください。例: "{ $name }": { "{" }"AWS": "arn:aws:iam::111122223333:root"{ "}" }
element-type = 不明なプリンシパルタイプ { $key }
element-type-help-9 = "{ $name }": { "{" }"AWS": ["…"]{ "}" } と書いてください
element-type-help-10 = "Condition": { "{" }"StringEquals": { "{" }"aws:SourceAccount": "111122223333"{ "}" }{ "}" } と書いてください
element-type-help-11 = { $key }: { "{" }"condition-key": "value"{ "}" } と書いてください
element-type-help-12 = 値を 1 つ以上指定するか、条件キーを削除してください
element-type-help-13 = 条件の値は文字列、ブール値、数値のいずれかです
element-type-help-14 = 条件の値は文字列、ブール値、数値、またはそれらの配列です

## IAM031 empty-condition
empty-condition = "Condition" が空です。何も制限していません
empty-condition-help = 意図した条件を追加するか、"Condition" を削除してください
empty-condition-help-2 = 評価するキーを追加するか (例: { $key }: { "{" }"aws:SourceAccount": "111122223333"{ "}" })、演算子を削除してください

## CWL005 export-key-actions
export-key-actions = logs.REGION.amazonaws.com に { $action } の呼び出しを許可するステートメントがありません。SSE-KMS バケットへのエクスポートに必要です
export-key-actions-help = logs のプリンシパルに "kms:GenerateDataKey" と "kms:Decrypt" を許可してください
export-key-actions-2 = kms:Decrypt のないエクスポート用キーのステートメントのようです。AWS のエクスポートのページでは kms:GenerateDataKey と kms:Decrypt を許可しています
export-key-actions-help-2 = "kms:Decrypt" を追加してください

## SEC003 key-policy-change-granted
# UNSURE: $what は英語の語句 (例: "kms:*")
key-policy-change-granted = "{ $who }" に { $what } が許可されているため、このキーポリシーを書き換えられます
key-policy-change-granted-note = キーポリシーを変更できるのは、アカウント (ルートのステートメント) とキー管理者だけにしてください
key-policy-change-granted-help = このプリンシパルには使うアクションだけを許可してください。例: kms:Decrypt と kms:GenerateDataKey

## IAM037 key-policy-alias-resource
key-policy-alias-resource-note = KMS はキーポリシーを、呼び出しに使われたエイリアスではなくキーに対して評価するため、これは何にも一致しません
key-policy-alias-resource-help = キーポリシーの Resource には "*" (このキー) と書いてください

## SEC004 key-policy-lockout
key-policy-lockout = このステートメントは全員に kms:PutKeyPolicy を拒否するため、キーポリシーを誰も変更できなくなります
key-policy-lockout-note = BypassPolicyLockoutSafetyCheck を指定しない限り KMS はこのポリシーを拒否し、指定するとキーを管理できなくなります
key-policy-lockout-help = Deny を条件で限定するか、kms:PutKeyPolicy を外してください
key-policy-lockout-2 = AWS プリンシパルに kms:PutKeyPolicy を許可するステートメントがないため、このキーポリシーを誰も変更できません
key-policy-lockout-note-2 = BypassPolicyLockoutSafetyCheck を指定しない限り KMS はこのポリシーを拒否し、指定するとキーを管理できなくなります
key-policy-lockout-help-2 = デフォルトのステートメントを追加してください: { "{" }"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": { "{" }"AWS": "arn:aws:iam::ACCOUNT:root"{ "}" }, "Action": "kms:*", "Resource": "*"{ "}" }
key-policy-lockout-3 = このキーポリシーを変更できるのは { $value } だけです
key-policy-lockout-note-3 = KMS がこのポリシーを受け付けるのは、それらのいずれかがリクエストしたときだけです。それらが削除されるとキーを管理できなくなります
key-policy-lockout-help-3 = アカウントのルートのステートメント ("Action": "kms:*") を残すか、キー管理者のロールに kms:PutKeyPolicy を許可してください

## CWL012 log-group-arn-form
log-group-arn-form-help = ARN を { $wanted } と書くか、両方の形式を列挙してください

## CWL009 log-resource-policy-principals
# UNSURE: $kind は英語 (例: "AWS")
log-resource-policy-principals = CloudWatch Logs のリソースポリシーが認めるのは AWS のサービスプリンシパルだけです。{ $kind } "{ $value }" は指定できません
log-resource-policy-principals-help = IAM プリンシパルへのアクセスはアイデンティティベースのポリシーで許可し、ここにはサービスを指定してください。例: delivery.logs.amazonaws.com

## CWL010 log-resource-policy-size
log-resource-policy-size-note = 空白を除くと約 { $compact } 文字です

## CWL004 logs-principal-for-use
# UNSURE: $why は英語の説明文
logs-principal-for-use = "{ $text }" はこれらのリクエストを行いません: { $why }

## CWL003 logs-principal-not-regional
logs-principal-not-regional-help = キーとロググループのリージョンの "{ $regional }" と書いてください

## CWL002 logs-scope-elsewhere
logs-scope-elsewhere-help = "{ $value }" と書いてください

## CWL013 logs-source-scope-differs
logs-source-scope-differs-help = 両方のステートメントに同じ aws:SourceAccount と aws:SourceArn の値を指定してください

## IAM009 malformed-arn
# UNSURE: 3 つの引数はすべて英語の語句で、語順も英語のまま
malformed-arn = { $label } { $text }: { $message }

## IAM002 missing-statement
missing-statement = ポリシーに "Statement" がありません
missing-statement-help = { $key } ではなく "Statement" と書いてください。要素名は大文字と小文字が区別されます
missing-statement-help-2 = ステートメントのオブジェクトを 1 つ以上含む "Statement": [ … ] を追加してください
missing-statement-2 = "Statement" が空の配列です
missing-statement-help-3 = ステートメントのオブジェクトを 1 つ以上追加してください: { "{" }"Effect": …, "Action": …, "Resource": …{ "}" }
missing-statement-help-4 = "Statement": [{ "{" }"Effect": …, "Action": …, "Resource": …{ "}" }] と書いてください

## IAM034 not-element-with-allow
not-element-with-allow = ロールの信頼ポリシーでは "NotPrincipal" を使えません
not-element-with-allow-note = IAM のドキュメントでは、NotPrincipal はアイデンティティベースのポリシーとロールの信頼ポリシーでは使えないとされています
not-element-with-allow-help = ロールを引き受けられるプリンシパルを "Principal" で指定してください
not-element-with-allow-note-2 = これには他のすべてのサービスのアクションと、今後 AWS が追加するアクションも含まれます
not-element-with-allow-help-2 = 許可するアクションを "Action" で列挙してください。NotAction は Deny のステートメントで使ってください
not-element-with-allow-note-3 = これには他のアカウントのリソースと、今後作成されるリソースも含まれます
not-element-with-allow-help-3 = 許可するリソースを "Resource" で列挙してください。NotResource は Deny のステートメントで使ってください

## IAM019 operator-type-mismatch
operator-type-mismatch-help = { $key-type } を使ってください
operator-type-mismatch-note = キーの型の出典: { $dataset-label }

## IAM035 policy-size
policy-size-note = { $value } バイトを超えるドキュメントは JSON の構文とサイズだけを確認します。強調表示したステートメントが上限を超える位置です
policy-size-help = 適用する部分を確認してください。ドキュメントを分割するか、ポリシーを 1 つずつ貼り付けてください

## IAM008 principal-by-kind
principal-by-kind = IAM のアイデンティティベースのポリシーには "{ $key }" を書けません
principal-by-kind-note = アイデンティティベースのポリシーのプリンシパルは、そのポリシーがアタッチされたユーザー、グループ、ロールです
principal-by-kind-help = "{ $key }" を削除してください。他のプリンシパルにアクセスを許可するには、リソースのポリシーかロールの信頼ポリシーを使ってください

## IAM038 private-source-ip
private-source-ip-help = VPC エンドポイント経由のリクエストには aws:VpcSourceIp (または aws:SourceVpce) を使ってください。それ以外はパブリックの範囲を指定してください

## IAM033 redundant-statement
redundant-statement = { $node } は { $other } で既にカバーされています
redundant-statement-repeats = { $node } は { $other } の繰り返しです
redundant-statement-note = { $path } は、このステートメントが許可するものをすべて既に許可しています
redundant-statement-note-denies = { $path } は、このステートメントが拒否するものをすべて既に拒否しています
redundant-statement-help = このステートメントを削除するか、異なる部分をもう一方にまとめてください

## IAM032 redundant-value
redundant-value-help = 重複した値を削除してください
# UNSURE: $value2 は英語の語句
redundant-value-note = { $value } は { $value2 } です
redundant-value-help-2 = { $text } を削除してください。ワイルドカードが既に一致します

## IAM036 s3-bucket-name
# UNSURE: $problem は英語の説明
s3-bucket-name = { $value } のバケット名 "{ $bucket }": { $problem }
s3-bucket-name-note = この名前のバケットは作成できないため、この ARN は何にも一致しません
s3-bucket-name-help = 実際のバケット名を書いてください: 3～63 文字の a-z、0-9、"."、"-"

## CWL016 scenario-resources
scenario-resources-help = kms:EncryptionContext:aws:logs:arn の条件に "{ $group }" を追加してください
scenario-resources-help-2 = "{ $group }:log-stream:*" に対する logs:CreateLogStream と logs:PutLogEvents を許可してください

## SEC002 service-principal-unscoped
service-principal-unscoped = サービスプリンシパル "{ $service }" が自分のリソースに限定されていません

## IAM020 set-qualifier-mismatch
# UNSURE: "単一値" (AWS の日本語ドキュメントでは「単一値のコンテキストキー」)
set-qualifier-mismatch = { $label }: { $quoted } は単一値です
set-qualifier-mismatch-help = "{ $plain }" と書いてください
set-qualifier-mismatch-help-2 = "{ $any }" (いずれかの値が一致) または "{ $all }" (すべての値が一致) と書いてください

## IAM011 sid-format
sid-format = Sid が空です
sid-format-help = "Sid" を削除するか、ステートメントに名前を付けてください。例: "AllowLogDelivery"
# UNSURE: $named は英語の語句 (例: "a space")
sid-format-2 = Sid { $sid } に { $named } が含まれています
sid-format-help-2 = 英字 A-Z、a-z と数字 0-9 だけを使ってください
sid-format-help-3 = "{ $fixed }" と書いてください。英字 A-Z、a-z と数字 0-9 だけを使ってください
sid-format-note = IAM の Sid に使えるのは ASCII の英字と数字だけです
sid-format-note-2 = IAM で使えるのは英字と数字だけです。{ $label } での規則は未確認です

## CWL017 stack-log-group-not-in-key-context
stack-log-group-not-in-key-context-note = CloudWatch Logs はそのロググループのためにキーを使うことを拒否されるため、キーの関連付けが失敗します
stack-log-group-not-in-key-context-help = 条件に !Sub "arn:${ "{" }AWS::Partition{ "}" }:logs:${ "{" }AWS::Region{ "}" }:${ "{" }AWS::AccountId{ "}" }:log-group:{ $name }" を追加してください

## CWL018 stack-logs-principal-region
stack-logs-principal-region-note = logs のプリンシパルはキーと同じリージョンでなければなりません。キーはスタックがデプロイされたリージョンに作成されます
stack-logs-principal-region-help = logs.{ $region }.amazonaws.com と書くか、デプロイ先のリージョンに合わせて変わるよう、そのリージョンから組み立ててください (CloudFormation: !Sub "logs.${ "{" }AWS::Region{ "}" }.amazonaws.com"、Terraform: "logs.${ "{" }data.aws_region.current.name{ "}" }.amazonaws.com")

## IAM004 statement-element-pairs
statement-element-pairs = ステートメントに "{ $a }" と "{ $b }" の両方があります
statement-element-pairs-help = "{ $a }" か "{ $b }" のどちらか一方だけを残してください。ステートメントが取れるのはどちらか一方です

## IAM013 unknown-action
unknown-action = { $prefix } にアクション { $quoted } はありません
unknown-action-help = 空白を削除してください: "{ $prefix }:{ $name }"
unknown-action-help-2 = "{ $prefix }:{ $near }" の誤りではありませんか?
unknown-action-help-3 = AWS のサービス認可リファレンスで { $prefix } のアクションを確認してください
unknown-action-note = アクションの出典: { $dataset-label }。その後 AWS がこのアクションを追加した場合は、この写しが古くなっています

## IAM016 unknown-condition-key
unknown-condition-key = { $quoted } にタグキーがありません
unknown-condition-key-help = スラッシュの後にタグキーを書いてください。例: "{ $family }/team"
# UNSURE: $what は英語の語句 (例: "global condition key")
unknown-condition-key-2 = { $quoted } は { $what } ではありません
unknown-condition-key-note = 条件キーの出典: { $dataset-label }
unknown-condition-key-help-2 = "{ $near }" の誤りではありませんか?
unknown-condition-key-help-3 = AWS のサービス認可リファレンスで { $prefix } の条件キーを確認してください
unknown-condition-key-help-4 = "{ $near }:{ $rest }" の誤りではありませんか?
unknown-condition-key-note-2 = ID プロバイダー (OIDC の URL、SAML) のキーは一覧にありません。そのキーであればこの指摘は無視してください

## IAM018 unknown-condition-operator
unknown-condition-operator = { $quoted } は条件演算子ではありません
unknown-condition-operator-help = "{ $s }" の誤りではありませんか?
unknown-condition-operator-help-2 = IAM の演算子を使ってください。例: StringEquals、ArnLike、Bool、NumericLessThan
# UNSURE: "set qualifier" の訳 (「セット修飾子」)
unknown-condition-operator-2 = { $quoted }: "{ $qualifier }" はセット修飾子ではありません
unknown-condition-operator-note = 修飾子は ForAllValues: と ForAnyValue: です
unknown-condition-operator-help-3 = "{ $s }:{ $value }" の誤りではありませんか?
unknown-condition-operator-help-4 = ForAllValues: か ForAnyValue: と書くか、修飾子を付けないでください
unknown-condition-operator-help-5 = "{ $canonical }" と書いてください
unknown-condition-operator-note-2 = IAM が大文字と小文字の違う表記を受け付けるかは文書化されていません
unknown-condition-operator-3 = { $quoted }: Null には IfExists もセット修飾子も付けられません
unknown-condition-operator-help-6 = "Null" と書いてください。Null はキーがあるかどうかを既に評価します

## IAM012 unknown-service
unknown-service = アクション { $quoted } にサービスプレフィックスがありません
unknown-service-note = IAM のアクションは SERVICE:ACTION の形式で書きます
unknown-service-help = "{ $full }" と書いてください
unknown-service-help-2 = サービスプレフィックス、コロン、アクションの順に書いてください。例: "kms:Decrypt"
unknown-service-note-2 = サービスプレフィックスの出典: { $dataset-label }
unknown-service-help-3 = "{ $near }:{ $value }" の誤りではありませんか?
unknown-service-help-4 = AWS のサービス認可リファレンスでサービスのプレフィックスを確認してください

## IAM003 unknown-statement-element
# UNSURE: $type-name は英語 (例: "a string")
unknown-statement-element = ステートメントがオブジェクトではなく { $type-name } です
unknown-statement-element-2 = 不明なステートメントの要素 { $key }

## IAM001 unknown-top-level-element
unknown-top-level-element = 不明な最上位の要素 { $key }

## IAM006 version
version = ポリシーに "Version" がありません
version-note = その場合 AWS は "2008-10-17" とみなし、${ "{" }aws:username{ "}" } などのポリシー変数が使えなくなります
version-help = "Version": "2012-10-17" を追加してください
version-2 = Version "2008-10-17" は旧バージョンのポリシー言語です
version-note-2 = ポリシー変数をサポートしていないため、${ "{" }aws:username{ "}" } はそのままの文字列として照合されます
version-help-2 = "Version": "2012-10-17" を使い、"${ "{" }" をそのままの文字として使っている値がないか確認してください
version-3 = Version { $s } に空白が含まれています
version-help-3 = "{ $trim }" と書いてください
version-note-3 = Version はポリシー言語のバージョンであり、ポリシーを書いた日付ではありません
version-help-4 = "Version": "2012-10-17" を使ってください
version-4 = Version が文字列ではなく { $type-name } です
version-help-5 = "Version": "2012-10-17" と引用符で囲んで書いてください

## SEC001 wildcard-principal
# UNSURE: $label は英語 (例: "key")
wildcard-principal = このステートメントは全員 ("*") に { $label } の使用を許可しています
wildcard-principal-note = 呼び出し元のアカウント、組織、送信元を制限する条件がありません
wildcard-principal-help = プリンシパルを指定するか、"aws:PrincipalOrgID"、"aws:SourceAccount"、"kms:CallerAccount" などの条件を追加してください

# --- 2 回目の移行 (変数や補助関数で組み立てていたメッセージ) ---

## IAM014 action-pattern-matches-nothing
action-pattern-matches-nothing = { $value } は { $prefix } のどのアクションにも一致しません

## IAM022 action-resource-mismatch
# UNSURE: $verb は英語 ("allows" / "denies")
action-resource-mismatch = { $action } は { $value } に対して動作しますが、このステートメントの Resource はそれを指定できません。このステートメントがそれを { $verb } ことはありません
action-resource-mismatch-2 = { $value } の形式の Resource を追加するか、そのリソースについてのステートメントにアクションを移してください

## IAM024 arn-resource-type
arn-resource-type = { $value } はどの { $prefix } リソースの形式でもないため、何にも一致しません

## CWL007 bucket-owner-full-control
bucket-owner-full-control = "{ $text }" は bucket-owner-full-control ACL なしでオブジェクトを書き込めます

## IAM026 condition-key-case-duplicate
condition-key-case-duplicate = { $key } は大文字と小文字が違うだけで { $first } と同じです。条件キーは大文字と小文字を区別しません

## IAM017 condition-key-unsupported
condition-key-unsupported = { $name } は { $prefix } のキーですが、このステートメントには { $prefix2 } のアクションがありません
condition-key-unsupported-2 = { $listed } のいずれも条件キー { $name } をサポートしていません

## CWL015 documentation-placeholder
documentation-placeholder-2 = バケット "{ $bucket }" は AWS のドキュメント用の名前です。S3 は amzn-s3-demo- で始まるバケット名を拒否します
# UNSURE: $field は英語 ("Region" / "account")
documentation-placeholder-3 = { $field } がプレースホルダー "{ $text }" のままです
documentation-placeholder-4 = "{ $value }" はプレースホルダーのリージョンを指定しています

## IAM031 empty-condition
empty-condition-2 = 条件演算子 { $key } に条件キーがありません

## CWL001 encryption-context-arn-form
encryption-context-arn-form = "{ $value }" は ARN ではありません
encryption-context-arn-form-2 = "{ $value }" はロググループではありません。これに対する暗号化コンテキストは文書化されていません
# UNSURE: $what は英語 ("a trailing ":*"" / "a log stream part")
encryption-context-arn-form-3 = "{ $value }" には { $what } があります。暗号化コンテキストにはそれを除いたロググループ ARN が入るため、これは一致しません

## IAM037 key-policy-alias-resource
key-policy-alias-resource = { $element } { $value } はエイリアスです。キーポリシーは自身のキーにだけ適用されます

## CWL012 log-group-arn-form
log-group-arn-form = { $action } は { $wanted } に対して認可されますが、"{ $first }" はそれに一致しません

## CWL003 logs-principal-not-regional
logs-principal-not-regional = "{ $text }" はグローバルの名前です。ここでは AWS はリージョンごとの "{ $regional }" を記載しています

## CWL002 logs-scope-elsewhere
logs-scope-elsewhere = プリンシパル "{ $text }" は { $r } にありますが、シナリオの { $value } は { $expected } にあります
logs-scope-elsewhere-2 = { $key } "{ $value }" は { $region } にありますが、シナリオは { $expected } です
logs-scope-elsewhere-3 = { $key } "{ $value }" は { $region } にありますが、プリンシパルは logs.{ $r } です。一致することはありません
logs-scope-elsewhere-4 = ロググループ "{ $value }" はアカウント { $account } にありますが、シナリオのロググループは { $expected } にあります
logs-scope-elsewhere-5 = ロググループ "{ $value }" はアカウント { $account }、キーは { $owner } にあります。別のアカウントのキーをロググループに使うことは文書化されていません

## CWL013 logs-source-scope-differs
logs-source-scope-differs = ここでの { $key } は [{ $value }] ですが、同じプリンシパルの { $value2 } では [{ $value3 }] です

## IAM021 malformed-condition-value
# UNSURE: $what は英語の説明 (例: "is not a number")
malformed-condition-value = { $key } の値 { $v }: { $what }

## IAM002 missing-statement
# UNSURE: $type-name は英語
missing-statement-3 = "Statement" がオブジェクトでも配列でもなく { $type-name } です

## IAM019 operator-type-mismatch
# UNSURE: $label と $label2 は英語の型名 (例: "String")
operator-type-mismatch = { $operator } は { $label } の値を比較しますが、{ $key } の型は { $label2 } です

## IAM035 policy-size
policy-size = 空白を除くと { $compact-bytes } バイトです。空白が数えられるかどうかは AWS のドキュメントに記載がありません
policy-size-2 = 空白を除いても { $compact-bytes } バイトです
# UNSURE: $label と $unit は英語 (例: "key policy", "bytes")
policy-size-3 = { $label } は { $size } { $unit } です。上限は { $max } です
policy-size-4 = ドキュメントは { $text-count } バイトで、{ $label } の上限 { $max } を大きく超えています。これ以上は確認していません

## IAM008 principal-by-kind
principal-by-kind-2 = { $key } を "Principal" に変更してください。要素名は大文字と小文字が区別されます
# UNSURE: $label は英語 (例: "key policy")
principal-by-kind-3 = ステートメントに "Principal" がありません。{ $label } では対象を指定する必要があります

## IAM038 private-source-ip
private-source-ip = aws:SourceIp { $value } はプライベートの範囲で、aws:SourceIp がその値になることはありません。{ $operator } は一致しません
private-source-ip-always = aws:SourceIp { $value } はプライベートの範囲で、aws:SourceIp がその値になることはありません。{ $operator } は常に一致します

## IAM032 redundant-value
# UNSURE: $what は英語 ("action", "resource" …)
redundant-value = { $what } { $text } は { $value } の繰り返しです
# UNSURE: $what は英語
redundant-value-same = { $what } { $text } は { $value } と同じです
redundant-value-2 = { $what } { $text } は既に { $value } でカバーされています

## CWL016 scenario-resources
scenario-resources = バケット "{ $bucket }" を指定していますが、シナリオのバケットは "{ $e }" です
scenario-resources-2 = バケット "{ $bucket }" を指定していますが、別の CloudWatch Logs のステートメントは "{ $f }" を指定しています
scenario-resources-3 = { $group } のためにこのキーで暗号化することを CloudWatch Logs に許可するステートメントがありません
scenario-resources-4 = { $group } への書き込みを delivery.logs.amazonaws.com に許可するステートメントがありません
scenario-resources-5 = "{ $r }" を指定していますが、シナリオの配信先は "{ $destination }" です

## IAM015 service-wildcard
service-wildcard = サービスを列挙してください: { $value }
# UNSURE: $reach は英語 (例: "service kms (53 actions)")
service-wildcard-2 = { $value } のサービスプレフィックスにワイルドカードがあります。一致する範囲: { $reach }

## IAM020 set-qualifier-mismatch
set-qualifier-mismatch-2 = { $quoted } は複数値 ({ $label }) ですが、{ $operator } にセット修飾子がありません

## CWL017 stack-log-group-not-in-key-context
stack-log-group-not-in-key-context = このテンプレートのロググループ { $logical-id } ({ $name }) はこのキーを使いますが、それを指定する kms:EncryptionContext:aws:logs:arn の値がありません

## CWL018 stack-logs-principal-region
stack-logs-principal-region = "{ $text }" は { $named } を指定していますが、テンプレートの他の ARN は { $region } を指定しています ({ $named-by })

## IAM004 statement-element-pairs
statement-element-pairs-2 = ステートメントに "{ $one }" がありません
statement-element-pairs-3 = ステートメントに { $value } のどちらもありません
statement-element-pairs-4 = { $key } を "{ $right }" に変更してください。要素名は正確に書く必要があります

## IAM016 unknown-condition-key
unknown-condition-key-3 = { $prefix } の条件キー
unknown-condition-key-4 = { $quoted }: 条件キーのプレフィックス "{ $key }" を持つサービスはありません

## IAM018 unknown-condition-operator
unknown-condition-operator-4 = AWS のドキュメントでは { $quoted } は "{ $canonical }" と書かれています

## IAM012 unknown-service
unknown-service-2 = アクション { $quoted }: プレフィックス "{ $prefix }" を持つ AWS のサービスはありません

## IAM003 unknown-statement-element
unknown-statement-element-3 = "{ $right }" と書いてください。要素名は大文字と小文字が区別されます
unknown-statement-element-4 = "{ $right }" と書いてください。値がリストでも要素名は単数形です
unknown-statement-element-5 = "{ $right }" と書いてください。要素名は正確に書く必要があります
unknown-statement-element-6 = "{ $top }" はステートメントの中ではなく、ポリシーの最上位に書きます

## IAM001 unknown-top-level-element
unknown-top-level-element-2 = "{ $right }" と書いてください。要素名は大文字と小文字が区別されます
unknown-top-level-element-3 = "{ $right }" と書いてください。要素名は正確に書く必要があります
unknown-top-level-element-4 = "{ $element }" はステートメントの中に書きます。"Statement" のオブジェクトの中に移してください

## CWL011 vended-bucket-not-elements
vended-bucket-not-elements = "{ $key }" があると、CloudWatch Logs によるバケットポリシーの自動更新が失敗します

## IAM006 version
version-5 = Version { $s } はポリシー言語のバージョンではありません

## IAM023 wildcard-without-like
wildcard-without-like = { $operator } は { $value } をそのまま比較します。* や ? はワイルドカードになりません

## CWL019 stack-bucket-policy-other-bucket
stack-bucket-policy-other-bucket = バケット { $shown } に対して { $action } を許可していますが、テンプレートはこのポリシーをバケット { $own } にアタッチしています
stack-bucket-policy-other-bucket-note = エクスポートや V1 の配信は、ポリシーがアタッチされたバケットに対して GetBucketAcl と PutObject を呼び出します。別のバケットへの許可はそのバケットには効きません
stack-bucket-policy-other-bucket-help = アタッチ先のバケットを指定してください: { $reference } またはその ARN

## SEC006 pass-role-wide
pass-role-wide = { $resource } に対して iam:PassRole を許可しています。どのロールでもサービスに渡せます
pass-role-wide-not-resource = NotResource で iam:PassRole を許可しています。列挙したもの以外のすべてのロールを渡せます
pass-role-wide-note = ロールを渡されたサービスは、そのロールの権限で動作します
pass-role-wide-help = iam:PassRole を別のステートメントにし、渡すロールの ARN を指定して、iam:PassedToService でサービスを指定してください
