#!/usr/bin/env bash
# Times `thematic code` on a review of many short excerpts, in tmux as a coder sees it: time to the first screen,
# the latency of j (next excerpt), 1 Enter (apply code 1) and f (finish and move on), and peak memory (GNU time).
# Run by hand; CI runs the smaller LargeReviewTests instead.
#
#   Tests/scripts/measure-large-review.sh [EXCERPTS] [THEMATIC]   # default 1000000 and .build/release/thematic
#
# Build first: `swift build -c release --product thematic`. Needs tmux, python3 and GNU time (/usr/bin/time).
# Each latency is from sending the key to the pane showing what only that key produces, polled every 20 ms.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-1000000}"
thematic="${2:-$root/.build/release/thematic}"
work="$(mktemp -d /tmp/thematic-large-review-XXXXXX)"
session="thematic-large-review-$$"
study="$work/study"

"$thematic" init "$study" --title "A large review" --codebook "$root/Codebooks/lipp-a3-grid.json" >/dev/null
mkdir -p "$study/corpus"
python3 - "$count" "$study/corpus/B.json" <<'PY'
import sys
count, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as out:
    out.write('{\n  "attributes": {},\n  "excerpts": [\n')
    for i in range(1, count + 1):
        out.write('    {\n      "id": "B-%07d",\n      "section": "S%d",\n' % (i, (i - 1) // 1000 + 1))
        out.write('      "text": "Excerpt %d: the health visitor noted a bruise and made a referral."\n' % i)
        out.write('    }%s\n' % ("," if i < count else ""))
    out.write('  ],\n  "id": "B",\n  "kind": "thematic.review",\n  "schemaVersion": 1,\n')
    out.write('  "title": "A large review"\n}\n')
PY
echo "review: $count excerpts, $(du -m "$study/corpus/B.json" | cut -f1) MB"

now() { date +%s.%N; }
# Waits until the pane shows the pattern, then prints the seconds since $2.
shown_after() {
    until tmux capture-pane -p -t "$session" | grep -q -- "$1"; do sleep 0.02; done
    python3 -c "import sys; print('%.3f s' % (float(sys.argv[1]) - float(sys.argv[2])))" "$(now)" "$2"
}

start=$(now)
tmux new-session -d -s "$session" -x 100 -y 30 \
    "/usr/bin/time -v -o '$work/time.txt' '$thematic' code '$study' --coder asha"
echo "first screen: $(shown_after 'B-0000001' "$start")"
sent=$(now); tmux send-keys -t "$session" j
echo "j: $(shown_after 'B-0000002' "$sent")"
sent=$(now); tmux send-keys -t "$session" 1 Enter
echo "1 Enter: $(shown_after '\[x\] 1 A1' "$sent")"
sent=$(now); tmux send-keys -t "$session" f
echo "f: $(shown_after 'finished B-0000002' "$sent")"
tmux send-keys -t "$session" q
while tmux has-session -t "$session" 2>/dev/null; do sleep 0.1; done
awk '/Maximum resident/ { printf "peak memory: %d MB\n", $6 / 1024 }' "$work/time.txt"
rm -rf "$work"
