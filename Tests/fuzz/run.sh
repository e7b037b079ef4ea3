#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each on its corpus for SECONDS (default 5; 600
# for the full run). Stops with a non-zero status at the first crash, hang or memory error, whose input libFuzzer
# writes to .build/fuzz/artifacts/<target>/; prints each target's executions.
#   Tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-5}"
shift || true
scratch="$root/.build/fuzz"

# SwiftPM names a package found by path after its folder: a checkout itself named "fuzz" would clash with this one.
if [ "$(basename "$root" | tr '[:upper:]' '[:lower:]')" = fuzz ]; then
  echo "fuzz: the checkout's folder is named 'fuzz', which SwiftPM cannot tell from Tests/fuzz; use another name" >&2
  exit 2
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd "$here/Sources" && ls -d Fuzz* | grep -vx FuzzSupport)
fi

started=$SECONDS
mkdir -p "$scratch"
if ! swift build --package-path "$here" --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address \
  >"$scratch/build.log" 2>&1; then
  # gold warns about every AddressSanitizer symbol it cannot export; the rest is the failure.
  grep -v "Cannot export local symbol" "$scratch/build.log" | tail -n 40
  echo "fuzz: the build failed" >&2
  exit 1
fi
echo "fuzz: built in $((SECONDS - started))s"

export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for target in "${targets[@]}"; do
  corpus="$here/corpus/$target"
  artifacts="$scratch/artifacts/$target"
  work="$scratch/work/$target"
  mkdir -p "$corpus" "$artifacts" "$work"
  log="$scratch/$target.log"
  # The text importers cost about 10 µs a byte under AddressSanitizer: a 150 KB report as seed held them to a few
  # inputs a second. Their corpora hold it in 16 KB pieces instead (merged with -merge=1, coverage kept), and an input
  # that slow on 16 KB still shows as a -timeout.
  case "$target" in
    FuzzTextImport | FuzzExcerptSplitter) limits=(-max_len=16384) ;;
    *) limits=() ;;
  esac
  # New inputs go to a scratch folder, so a run never changes the committed corpus.
  if ! "$scratch/debug/$target" "$work" "$corpus" -max_total_time="$seconds" -runs=1000000 -timeout=10 \
    -rss_limit_mb=2048 "${limits[@]}" -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $target failed; its input is in $artifacts/" >&2
    exit 1
  fi
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz: $target: $executions executions in ${seconds}s at most, no crash"
done
