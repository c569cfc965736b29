#!/usr/bin/env bash
# Do the requirement files resolve on Python 3.10, 3.11 and 3.12? For each version, the
# lines whose markers apply to it are downloaded the way pip would install them there:
#   pip download --no-deps --python-version X.Y --only-binary=:all: (Linux x86_64 wheels)
# pip evaluates markers against the Python running it, not --python-version, so the
# lines are filtered for each version first. SDIST_ONLY packages have no wheel for some
# version and are fetched as source instead: pure Python (rjsmin's C speed-up is
# optional: it builds when a compiler is there). Run by make lint; it remembers a
# success for the same files, CHECK_REQUIREMENTS=force checks again.
source "$(dirname "$0")/common.sh"
SDIST_ONLY=(ofxparse vobject PyPDF2 qrcode rjsmin)
VERSIONS=(3.10 3.11 3.12)
FILES=("$ROOT/requirements.txt" "$ROOT/requirements-test.txt" "$ROOT/requirements-oca.txt")
stamp="$CACHE_DIR/requirements-ok-$(cat "${FILES[@]}" "$0" | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "${CHECK_REQUIREMENTS:-}" != force ]; then
    say "requirement files resolve on Python ${VERSIONS[*]} (checked before)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
platforms=()
for p in manylinux_2_28 manylinux_2_17 manylinux2014 manylinux2010 manylinux1; do
    platforms+=(--platform "${p}_x86_64")
done
status=0
for v in "${VERSIONS[@]}"; do
    # the lines for Python $v, split into wheels and the SDIST_ONLY sources
    "$VPY" - "$v" "$tmp/wheels-$v.txt" "$tmp/sdists-$v.txt" "${SDIST_ONLY[*]}" "${FILES[@]}" <<'PY'
import sys
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

version, wheels, sdists, sdist_only, *files = sys.argv[1:]
sdist_only = {canonicalize_name(n) for n in sdist_only.split()}
env = {"python_version": version, "python_full_version": version + ".0",
       "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
       "platform_machine": "x86_64", "implementation_name": "cpython",
       "platform_python_implementation": "CPython"}
out = {wheels: [], sdists: []}
for path in files:
    for line in open(path):
        line = line.split("#")[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        req.marker = None
        out[sdists if canonicalize_name(req.name) in sdist_only else wheels].append(str(req))
for path, lines in out.items():
    open(path, "w").write("".join(f"{line}\n" for line in lines))
PY
    log="$tmp/pip-$v.log"
    if ! "$VPY" -m pip download -q --no-deps --python-version "$v" --only-binary=:all: \
            "${platforms[@]}" -d "$tmp/dl-$v" -r "$tmp/wheels-$v.txt" >"$log" 2>&1; then
        grep -v "is ignored: it is neither" "$log" >&2
        say "Python $v: a requirement has no Linux x86_64 wheel (or no such version)"
        status=1
        continue
    fi
    if [ -s "$tmp/sdists-$v.txt" ] && ! "$VPY" -m pip download -q --no-deps --no-binary=:all: \
            -d "$tmp/dl-$v" -r "$tmp/sdists-$v.txt" >"$log" 2>&1; then
        grep -v "is ignored: it is neither" "$log" >&2
        say "Python $v: a source-only requirement cannot be fetched"
        status=1
        continue
    fi
    say "Python $v: $(wc -l <"$tmp/wheels-$v.txt") wheels, $(wc -l <"$tmp/sdists-$v.txt") sources"
done
[ "$status" = 0 ] || die "the requirement files do not resolve on every Python version"
mkdir -p "$CACHE_DIR" && touch "$stamp"
say "requirement files resolve on Python ${VERSIONS[*]}"
