# CLI の出力 (日本語)。CLI にだけ組み込まれ、ページには含まれない。

## check
cli-cannot-read = { $file } を読み取れません: { $error }
cli-check-no-policy = { $form }: ポリシーが見つかりません
cli-check-policies-found = { $form } ({ $count } 件検出)、{ " " }
cli-check-counts = エラー { $errors } 件、セキュリティ { $security } 件、警告 { $warnings } 件、提案 { $suggestions } 件
cli-finding-note = 補足: { $note }
cli-finding-help = 対処: { $help }

## rules
cli-no-rule = ルール { $code } はありません。`cwlogs-policy rules` で一覧を表示できます
