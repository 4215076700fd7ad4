# 検証ルールの指摘 (日本語)。用語は locales/glossary.md に従う。
# 自信のない訳には「# UNSURE:」のコメントを付ける (grep -n UNSURE locales/ja で一覧できる)。

## IAM007 duplicate-sid
duplicate-sid = Sid { $sid } が重複しています
duplicate-sid-note = 最初に使われている場所: { $path }
duplicate-sid-help = ステートメントごとに別の Sid を付けてください
