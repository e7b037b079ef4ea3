#!/usr/bin/env bash
# Counts the keys a coder presses per excerpt in the coding screen: a scripted session in tmux codes the first 50
# excerpts of the demo study with asha's codes (46 codes applied, 23 different), then prints keys per excerpt.
#
#   Tests/scripts/keys-per-excerpt.sh [--by word|id] [--no-recent] [--each] [THEMATIC]
#
# THEMATIC defaults to the newer of .build/release/thematic and .build/debug/thematic, so the script measures
# whichever binary was built last. Needs tmux and python3.
#
# The coder finds each code with `/` and a word of its name (--by word, the default: the word a person would pick,
# fixed below) or its id (--by id), typed a letter at a time until the tree cursor is on the code or two rows from
# it at most, then Down or Up to it (Down while it is out of view), then Enter; `f` finishes the excerpt. Where the screen shows the code in a
# row of recent codes ("F3 C6"), the coder presses that key instead (--no-recent: never). Every key sent counts;
# --each also prints the keys of each code applied.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
by=word
recent=yes
each=no
thematic=""
while [ $# -gt 0 ]; do
    case "$1" in
    --by) by="$2"; shift 2 ;;
    --no-recent) recent=no; shift ;;
    --each) each=yes; shift ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) thematic="$1"; shift ;;
    esac
done
if [ -z "$thematic" ]; then
    for built in "$root/.build/release/thematic" "$root/.build/debug/thematic"; do
        if [ -x "$built" ] && { [ -z "$thematic" ] || [ "$built" -nt "$thematic" ]; }; then thematic="$built"; fi
    done
fi
[ -x "$thematic" ] || { echo "no thematic binary: run \`swift build --product thematic\` first" >&2; exit 1; }

work="$(mktemp -d /tmp/thematic-keys-XXXXXX)"
server="thematic-keys-$$"
trap 'tmux -L "$server" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp -R "$root/SampleData/demo" "$work/study"
rm -f "$work/study/codings/"*
tmux -L "$server" new-session -d -s coding -x 160 -y 40 \
    "env THEMATIC_USER=bench $(printf %q "$thematic") code $(printf %q "$work/study") --coder bench; sleep 600"

python3 - "$server" "$by" "$recent" "$root/SampleData/demo/codebook.json" "$each" <<'PY'
import re, subprocess, sys, time

server, by, use_recent, each = sys.argv[1], sys.argv[2], sys.argv[3] == "yes", sys.argv[5] == "yes"

# The first 50 excerpts of the demo study in reading order, with asha's codes.
CODING = """R01-001: R01-002: R01-003: R01-004:A3 R01-005:A1 R01-006:C6 R01-007:C6,D7 R01-008:D4 R01-009:C6,D7
R01-010:A1,A3 R01-011:C6,D4 R01-012:A3 R01-013: R01-014: R02-001: R02-002: R02-003:B3 R02-004:B1,B4 R02-005:G6
R02-006:F11 R02-007:G7 R02-008:F4 R02-009:F11,F9 R02-010:G8 R02-011:B1 R02-012:F11,G8 R02-013: R02-014: R03-001:
R03-002: R03-003:C5 R03-004: R03-005:C2,C3 R03-006:F2 R03-007:G7 R03-008:C3,C5 R03-009:F2 R03-010:C2,F8,G7
R03-011:C3,C5 R03-012:G7 R03-013: R03-014: R04-001: R04-002: R04-003:A2,A4 R04-004:A4 R04-005:G2 R04-006:G2
R04-007: R04-008:D3"""
# The word of each code's name a coder would type to find it.
WORDS = {
    "A1": "gp", "A2": "antenatal", "A3": "domestic", "A4": "maternal", "B1": "taf", "B3": "caf",
    "B4": "team around", "C2": "disagree", "C3": "level of risk", "C5": "sexual", "C6": "bruising",
    "D3": "rapid response", "D4": "strategy meeting", "D7": "paediatric", "F2": "prosecution", "F4": "school",
    "F8": "purpose", "F9": "convene", "F11": "child in need", "G2": "substance", "G6": "euphemistic",
    "G7": "misunderstanding", "G8": "updates from family",
}
CODE_IDS = set(re.findall(r'"id": "([^"]+)"', open(sys.argv[4]).read()))
plan = [(item.split(":")[0], [c for c in item.split(":")[1].split(",") if c]) for item in CODING.split()]
assert len(plan) == 50

keys = 0

def tmux(*args):
    return subprocess.run(["tmux", "-L", server] + list(args), check=True, capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-t", "coding")

def send(key, literal=False):
    global keys
    keys += 1
    tmux("send-keys", "-t", "coding", *(["-l", key] if literal else [key]))

def wait(test, what, timeout=10.0):
    """The screen once `test` accepts it; fails the run, showing the screen, when it never does."""
    end = time.time() + timeout
    while True:
        text = screen()
        if test(text):
            time.sleep(0.02)
            text = screen()
            if test(text):
                return text
        if time.time() > end:
            sys.exit(f"gave up waiting for {what}:\n{text}")
        time.sleep(0.02)

def cursor_code(text):
    """The code under the tree cursor: the first word of the Definition panel."""
    lines = text.split("\n")
    for row, line in enumerate(lines):
        column = line.find("┌ Definition")
        if column >= 0 and row + 1 < len(lines):
            words = lines[row + 1][column + 1:].split()
            return words[0] if words else None
    return None


def tree_rows(text):
    """The code ids the codes pane shows, top to bottom: each row's first word that is a code id."""
    lines, rows, column = text.split("\n"), [], None
    for line in lines:
        if column is None:
            found = line.find("┌ Codes")
            if found >= 0:
                column, end = found, line.find("┐", found)
            continue
        if line[column:column + 1] == "└":
            break
        words = line[column + 1:end].split()
        rows.append(next((w for w in words if w in CODE_IDS), None))
    return rows

def recent_key(text, code):
    """The function key the recent-codes row shows for `code`, if any."""
    for line in text.split("\n"):
        if line.startswith("Recent"):
            match = re.search(r"\bF([1-9]) " + re.escape(code) + r"(\s|$)", line)
            if match:
                return "F" + match.group(1)
    return None

def apply(code):
    text = screen()
    key = recent_key(text, code) if use_recent else None
    if key:
        send(key)
    else:
        send("/", literal=True)
        wait(lambda t: "Filter codes:" in t, "the code filter prompt")
        query = WORDS[code] if by == "word" else code.lower()
        typed = ""
        for letter in query:
            typed += letter
            send(letter, literal=True)
            text = wait(lambda t: f'Codes matching "{typed}"' in t, f'the filter "{typed}"')
            rows, at = tree_rows(text), cursor_code(text)
            # Typing stops once the code is under the cursor, or in view at most two rows from it.
            if at == code or (code in rows and at in rows and abs(rows.index(code) - rows.index(at)) <= 2):
                break
        # Then straight to the code with Down or Up, as the coder sees it; while it is out of view, Down, and Up
        # once Down stops.
        moves, step = 0, "Down"
        while cursor_code(text) != code:
            before, rows = cursor_code(text), tree_rows(text)
            if code in rows and before in rows:
                step = "Down" if rows.index(code) > rows.index(before) else "Up"
            send(step)
            moves += 1
            if moves > 80:
                sys.exit(f"{code} never came under the cursor for {query!r}:\n{text}")
            try:
                text = wait(lambda t: cursor_code(t) != before, "the cursor to move", timeout=2)
            except SystemExit:
                if step == "Up":
                    sys.exit(f"the cursor stopped before {code} for {query!r}:\n{screen()}")
                step, text = "Up", screen()
        send("Enter")
    wait(lambda t: f"applied {code}" in t, f"applied {code}")

wait(lambda t: "excerpt 1 of 207" in t, "the coding screen", timeout=30)
applications = 0
for excerpt, codes in plan:
    wait(lambda t: f"· {excerpt} ─" in t, f"excerpt {excerpt} on screen")
    for code in codes:
        before = keys
        apply(code)
        applications += 1
        if each:
            print(f"{excerpt} {code}: {keys - before} keys")
    send("f", literal=True)
    wait(lambda t: f"finished {excerpt}" in t, f"finished {excerpt}")

print(
    f"{keys / len(plan):.2f} keys per excerpt ({keys} keys for {len(plan)} excerpts, {applications} codes applied;"
    f" codes found by {by}, recent codes {'used' if use_recent else 'not used'})"
)
PY
