# Shared helpers of the CLI suites (sourced; needs $TMP, and counts into passed/failed).
#   ok NAME                       a passed check
#   bad NAME [DETAIL...]          a failed check, with details
#   expect NAME CODE REGEX -- CMD...
#                                 runs CMD (stdout -> $TMP/out, stderr -> $TMP/err); passes
#                                 when it exits CODE and, with a REGEX, stderr is one line
#                                 matching it. With strict_stderr=1, a success (CODE 0)
#                                 without a REGEX must also leave stderr empty.
#   json_field NAME EXPR EXPECTED the Python expression EXPR over d = json of $TMP/out,
#                                 printed as JSON, equals EXPECTED
#   same_json NAME A B            the JSON files are equal, key order included
#   same_file NAME A B            the files are byte-identical
#   pycheck NAME [ARGS...]        the Python script on stdin exits 0
passed=${passed:-0}; failed=${failed:-0}; strict_stderr=${strict_stderr:-0}

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; printf '     %s\n' "$@"; }

expect() {
  local name=$1 code=$2 pattern=$3; shift 4
  "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  local lines; lines=$(wc -l <"$TMP/err")
  if [ $rc -ne "$code" ]; then bad "$name" "exit $rc, expected $code" "$(head -3 "$TMP/err")"; return; fi
  if [ -n "$pattern" ]; then
    if ! grep -Eq -- "$pattern" "$TMP/err"; then bad "$name" "stderr does not match /$pattern/" "$(head -3 "$TMP/err")"; return; fi
    if [ "$lines" -ne 1 ]; then bad "$name" "stderr has $lines lines, expected one" "$(head -3 "$TMP/err")"; return; fi
  elif [ "$strict_stderr" = 1 ] && [ "$code" -eq 0 ] && [ "$lines" -ne 0 ]; then
    bad "$name" "unexpected standard error" "$(head -3 "$TMP/err")"; return
  fi
  ok "$name"
}

json_field() {
  local got; got=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(($2)))" "$TMP/out" 2>&1)
  if [ "$got" = "$3" ]; then ok "$1"; else bad "$1" "got $got" "expected $3"; fi
}

same_json() {
  if python3 - "$2" "$3" >"$TMP/diff" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p), object_pairs_hook=lambda kv: ("obj", kv)) for p in sys.argv[1:3])
if a != b:
    print(json.dumps(a)[:400]); print(json.dumps(b)[:400]); sys.exit(1)
PY
  then ok "$1"; else bad "$1" "$(head -4 "$TMP/diff")"; fi
}

same_file() { if cmp -s "$2" "$3"; then ok "$1"; else bad "$1" "$(diff "$2" "$3" | head -5)"; fi; }

pycheck() {
  local name=$1; shift
  if python3 - "$@" >"$TMP/py" 2>&1; then ok "$name"; else bad "$name" "$(tail -3 "$TMP/py")"; fi
}
