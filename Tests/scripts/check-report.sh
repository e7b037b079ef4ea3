#!/usr/bin/env bash
# Renders the study report in headless Chromium and fails on any console message, on any reference to an outside
# resource, or on a missing section. Run by hand (CI stays fast and does not need Chromium):
#
#   Tests/scripts/check-report.sh [STUDY] [OUT_DIR]       # builds thematic, writes OUT_DIR/report.html and checks it
#   Tests/scripts/check-report.sh --html FILE [OUT_DIR]   # checks an existing HTML file
#
# Needs Debian's chromium (`apt-get install -y chromium`; some systems call it chromium-browser).
# Leaves OUT_DIR/report.html, dom.html, chromium.log, screenshot.png (the top of the page) and report.pdf (as printed).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
if [[ "${1:-}" == "--html" ]]; then
    html="$(realpath "$2")"
    out="${3:-$(mktemp -d /tmp/thematic-report-check-XXXXXX)}"
    mkdir -p "$out"
else
    study="${1:-$root/SampleData/demo}"
    out="${2:-$(mktemp -d /tmp/thematic-report-check-XXXXXX)}"
    mkdir -p "$out"
    (cd "$root" && swift build --product thematic >/dev/null)
    "$root/.build/debug/thematic" report "$study" -o "$out/report.html"
    html="$out/report.html"
fi
out="$(realpath "$out")"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "check-report: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Self-contained: no script, no stylesheet or image links, no imports, no remote url() in CSS.
if grep -Eqi '<script|<link[ >]|<img|<iframe|<object|<embed|@import|url\(|src=' "$html"; then
    fail "the page refers to an outside resource or a script:"
    grep -Eoi '.{0,40}(<script|<link[ >]|<img|<iframe|<object|<embed|@import|url\(|src=).{0,40}' "$html" | head -5 >&2
fi

# Every host resolves to nothing, so a fetch that slipped past the check above fails loudly in the log.
flags=(--headless --disable-gpu --no-sandbox --enable-logging=stderr --v=0 --host-resolver-rules="MAP * ~NOTFOUND"
       --no-first-run --disable-extensions --hide-scrollbars)
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$html" >"$out/dom.html" 2>"$out/chromium.log" ||
    fail "chromium could not render the page (see $out/chromium.log)"

if grep -E 'CONSOLE|Uncaught|net::ERR_' "$out/chromium.log" >"$out/console.txt"; then
    fail "the page wrote to the console or failed a load:"
    head -20 "$out/console.txt" >&2
fi

for section in summary grid codebook crosstabs cooccurrence agreement progress reviews excerpts; do
    grep -q "<section id=\"$section\"" "$out/dom.html" || fail "missing section #$section"
done

# Every in-page link must land on an element of the page.
python3 - "$out/dom.html" <<'EOF' || fail "links to anchors that do not exist"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
ids = set(re.findall(r'\sid="([^"]+)"', dom))
broken = sorted({target for target in re.findall(r'href="#([^"]+)"', dom) if target not in ids})
if broken:
    print("broken anchors:", ", ".join(broken[:10]), file=sys.stderr)
    sys.exit(1)
EOF

timeout 120 "$browser" "${flags[@]}" --window-size=1400,2200 --screenshot="$out/screenshot.png" "file://$html" \
    >/dev/null 2>>"$out/chromium.log" || fail "chromium could not take a screenshot"
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$html" \
    >/dev/null 2>>"$out/chromium.log" || fail "chromium could not print the page"
pages="$(python3 -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page(?!s)", open(sys.argv[1], "rb").read())))' "$out/report.pdf" 2>/dev/null || echo "?")"

if ((failures > 0)); then
    echo "check-report: $failures problem(s); files in $out" >&2
    exit 1
fi
echo "check-report: OK: every section present, no console message, nothing fetched; printed to $pages PDF pages"
echo "files: $out (report.html, screenshot.png, report.pdf)"
