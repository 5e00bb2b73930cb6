#!/usr/bin/env bash
# tst_package: builds the Debian package with CPack (or takes COURSEOPS_DEB),
# installs it with dpkg into a fresh root, runs the installed programs, checks
# that the man pages, icons, desktop entry and AppStream metainfo are in place,
# and runs desktop-file-validate and appstreamcli validate on them.
#
# usage: tst_package.sh <build-dir> <version> [cpack]
#
# The fresh root is a new directory with its own dpkg admin dir (dpkg --root).
# Its status file starts as a copy of this machine's, so dpkg checks the
# package's computed Depends against the packages really installed here (a
# misnamed or unsatisfiable dependency fails the install), while the package's
# files land only in the new root. Only the status and the file lists are
# copied: no maintainer scripts and no trigger interests, so no other
# package's maintainer scripts run. The installed binaries use this machine's
# libraries, which is what the Depends promise.
set -uo pipefail

build=${1:?build dir}
version=${2:?version}
cpack=${3:-cpack}
id=io.courseops.CourseOps

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tst_package.XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in dpkg dpkg-deb desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (run packaging/install-deps.sh)"; exit 1; }
done

# 1. The package.
if [[ -n ${COURSEOPS_DEB:-} ]]; then
    deb=$COURSEOPS_DEB
else
    echo "building the package: $cpack -G DEB --config $build/CPackConfig.cmake -B $work/out"
    if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
        cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1
    fi
    deb=$(ls "$work"/out/courseops_*.deb 2>/dev/null | head -n1)
fi
[[ -f $deb ]] || { echo "FAIL: no .deb (looked for ${deb:-$work/out/courseops_*.deb})"; exit 1; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb"

field() { dpkg-deb --field "$deb" "$1"; }
check "Package is courseops" test "$(field Package)" = courseops
check "Version starts with $version" bash -c '[[ $1 == "$2"* ]]' _ "$(field Version)" "$version"
depends=$(field Depends)
depends_names=$(tr ',' '\n' <<<"$depends" | awk '{print $1}')
for lib in libc6 libstdc++6 libqt6core6 libqt6widgets6 libqt6network6 qt6-qpa-plugins; do
    check "Depends names $lib" grep -qxF "$lib" <<<"$depends_names"
done
check "Depends carries versions from shlibs (libc6 (>= ...))" grep -qE 'libc6 \(>= [0-9]' <<<"$depends"
for f in Maintainer Description Section Homepage; do
    check "control field $f is set" test -n "$(field "$f")"
done

# 2. Install into a fresh root.
root=$work/root
admin=$root/var/lib/dpkg
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
cp /var/lib/dpkg/status "$admin/status"
cp /var/lib/dpkg/info/*.list "$admin/info/" 2>/dev/null   # file lists, so dpkg can check for clashes
: >"$admin/available"
dpkg_root=(dpkg --root="$root" --admindir="$admin" --log="$work/dpkg.log")
[[ $(id -u) -eq 0 ]] || dpkg_root+=(--force-not-root)
if "${dpkg_root[@]}" -i "$deb" >"$work/dpkg-i.log" 2>&1; then
    pass "dpkg --root -i installs the package (Depends satisfied by this machine)"
else
    cat "$work/dpkg-i.log"; fail "dpkg --root -i"; exit 1
fi
check "dpkg records courseops as installed in the new root" \
    bash -c '"$@" -s courseops | grep -q "Status: install ok installed"' _ "${dpkg_root[@]}"

usr=$root/usr
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
       XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# 3. The installed programs.
for bin in courseops courseops-cli courseops-sandbox; do
    check "usr/bin/$bin is an executable" test -x "$usr/bin/$bin"
done
out=$("$usr/bin/courseops-cli" --version 2>&1)
check "courseops-cli --version prints 'courseops-cli $version' (got '$out')" test "$out" = "courseops-cli $version"
out=$("$usr/bin/courseops" --version 2>&1 | grep -v '^QStandardPaths')
check "courseops --version (offscreen) prints 'courseops $version' (got '$out')" test "$out" = "courseops $version"
check "courseops-cli check passes on the built-in demo course" \
    bash -c '"$1" check >/dev/null 2>&1' _ "$usr/bin/courseops-cli"
check "courseops-sandbox --help runs" bash -c '"$1" --help >/dev/null 2>&1' _ "$usr/bin/courseops-sandbox"
# The console itself, offscreen and offline: still running after 3 s means it came up.
timeout -s TERM 3 "$usr/bin/courseops" --offline >"$work/gui.log" 2>&1
rc=$?
if [[ $rc -eq 124 ]]; then pass "courseops --offline stays up offscreen"; else cat "$work/gui.log"; fail "courseops --offline exited with $rc"; fi

# 4. Man pages: present, gzipped, well-formed, and naming every option --help shows.
for page in courseops courseops-cli courseops-sandbox; do
    gz=$usr/share/man/man1/$page.1.gz
    if [[ ! -f $gz ]]; then fail "$gz missing"; continue; fi
    check "$page.1.gz is gzip" gzip -t "$gz"
    text=$(gzip -dc "$gz")
    check "$page.1 title names version $version" grep -q "^\.TH .*\"CourseOps $version\"" <<<"$text"
    if command -v groff >/dev/null; then
        warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z <<<"$text" 2>&1)
        check "$page.1 renders without groff warnings${warnings:+: $warnings}" test -z "$warnings"
    fi
    options=$("$usr/bin/$page" --help 2>/dev/null | sed -n '/^Options:/,/^Arguments:/p' | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+$')
    check "$page --help lists options" test -n "$options"
    for opt in $options; do
        check "$page.1 documents $opt" grep -qF -- "${opt//-/\\-}" <<<"$text"
    done
done

# 5. Icons: the SVG and every PNG size, each PNG really that size.
icons=$usr/share/icons/hicolor
check "scalable SVG icon" test -s "$icons/scalable/apps/$id.svg"
for size in 16 22 24 32 48 64 128 256; do
    png=$icons/${size}x${size}/apps/$id.png
    if [[ -s $png ]]; then
        dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
        check "${size}x${size} PNG icon is ${size}x${size} (got $dims)" test "$dims" = "${size}x${size}"
    else
        fail "$png missing"
    fi
done

# 6. Desktop entry and AppStream metainfo, validated.
desktop=$usr/share/applications/$id.desktop
metainfo=$usr/share/metainfo/$id.metainfo.xml
check "desktop entry installed" test -s "$desktop"
check "metainfo installed" test -s "$metainfo"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
check "desktop Exec=$exec_bin is an installed program" test -x "$usr/bin/$exec_bin"
check "desktop Icon= names the installed icon" grep -qx "Icon=$id" "$desktop"
check "metainfo launchable names the desktop entry" grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo"
check "metainfo has a release $version" grep -q "<release version=\"$version\"" "$metainfo"
check "metainfo has a screenshot" grep -q "<screenshot type=\"default\">" "$metainfo"
check "metainfo has a content rating" grep -q "<content_rating type=\"oars-1" "$metainfo"
if out=$(desktop-file-validate "$desktop" 2>&1) && ! grep -qE 'error|warning' <<<"$out"; then
    pass "desktop-file-validate"
else
    echo "$out"; fail "desktop-file-validate"
fi
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net"
else
    echo "$out"; fail "appstreamcli validate --no-net"
fi

# 7. Removal leaves nothing of ours behind.
if "${dpkg_root[@]}" -r courseops >"$work/dpkg-r.log" 2>&1; then
    left=$(find "$root" -path "$admin" -prune -o \( -path "*courseops*" -o -path "*$id*" \) -print | head)
    check "dpkg --root -r removes every file${left:+ (left: $left)}" test -z "$left"
else
    cat "$work/dpkg-r.log"; fail "dpkg --root -r"
fi

if ((failures)); then echo "tst_package: $failures check(s) failed"; exit 1; fi
echo "tst_package: all checks passed"
