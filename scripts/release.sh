#!/usr/bin/env bash
# Builds the release archive of gapkit for Linux x86_64:
#
#   scripts/release.sh            → dist/gapkit-VERSION-linux-x86_64.tar.gz
#
# The binary is built in release mode with the Swift runtime and Foundation linked statically
# (--static-swift-stdlib) and libyaml and zlib linked statically (Debian's libyaml-dev and
# zlib1g-dev ship libyaml.a and libz.a; private .pc files name those archives). It runs on a
# glibc Linux with nothing installed: `ldd` lists only the C and C++ runtime (libc, libm,
# libstdc++, libgcc_s), which every such system has. The archive also holds the man page, bash,
# zsh and fish completions, the shipped questionnaires, the sample answers, LICENSE, third-party
# notices and INSTALL. The same commit gives the same archive (file dates from the commit).
#
# Builds in .build-release/ so a developer's .build/ is left alone. Needs the Swift toolchain,
# libyaml-dev and pkg-config. On macOS, build from source instead (README, "macOS").
set -euo pipefail
cd "$(dirname "$0")/.."

[ "$(uname -s)" = Linux ] || { echo "release: builds the Linux archive; on macOS see README, 'macOS'" >&2; exit 69; }
version=$(sed -n 's/.*version: "\([0-9][^"]*\)".*/\1/p' Sources/gapkit/GapKitCommand.swift | head -1)
[ -n "$version" ] || { echo "release: no version in Sources/gapkit/GapKitCommand.swift" >&2; exit 70; }
arch=$(uname -m)
name="gapkit-$version-linux-$arch"
scratch=.build-release
dist=${GAPKIT_DIST:-dist}

# libyaml and zlib (ZIPFoundation's), linked statically: private .pc files point the linker at a
# folder holding only libyaml.a and libz.a, and name no system folder, so both `-lyaml`/`-lz` and
# the modules' autolink entries find the archives before the shared libraries.
static="$PWD/$scratch/static-libs"
rm -rf "$static"
mkdir -p "$static"
for pc in yaml-0.1:yaml zlib:z; do
  module=${pc%%:*} lib=${pc#*:}
  libdir=$(pkg-config --variable=libdir "$module")
  [ -f "$libdir/lib$lib.a" ] || { echo "release: $libdir/lib$lib.a is missing (apt-get install libyaml-dev zlib1g-dev)" >&2; exit 69; }
  ln -s "$libdir/lib$lib.a" "$static/lib$lib.a"
  cat > "$static/$module.pc" <<PC
Name: $module
Description: $module linked statically (scripts/release.sh)
Version: $(pkg-config --modversion "$module")
Cflags: $(pkg-config --cflags "$module")
Libs: -L$static -l$lib
PC
done

echo "release: building gapkit $version (release, static Swift runtime, libyaml and zlib)"
# SwiftPM keeps its build plan (and the link flags from pkg-config) between runs: plan again and link again.
rm -f "$scratch/release.yaml" "$scratch/release/gapkit"
PKG_CONFIG_PATH="$static" swift build -c release --scratch-path "$scratch" --product gapkit --static-swift-stdlib
binary="$scratch/release/gapkit"

# The binary must not need the toolchain, libyaml or zlib at run time.
if ldd "$binary" | grep -E -i "swift|yaml|Foundation|icu|dispatch|libz"; then
  echo "release: $binary still needs the libraries above" >&2; exit 70
fi

stage="$dist/$name"
rm -rf "$stage" "$dist/$name.tar.gz"
mkdir -p "$stage/completions" "$stage/man/man1" "$stage/questionnaires" "$stage/examples"
# Without the symbol table and debug sections (80 MB → 61 MB).
strip -o "$stage/gapkit" "$binary"

# The man page: swift-argument-parser's generate-manual (built by its plugin; `--help` builds the
# tool without building the package again). Dated from the commit, so the page is reproducible.
tool="$scratch/debug/generate-manual-tool"
[ -x "$tool" ] || swift package --scratch-path "$scratch" plugin generate-manual --help >/dev/null
date=$(git log -1 --format=%cs 2>/dev/null || echo 1970-01-01)
"$tool" "$stage/gapkit" --date "$date" --output-directory "$stage/man/man1" >/dev/null

"$stage/gapkit" --generate-completion-script bash > "$stage/completions/gapkit.bash"
"$stage/gapkit" --generate-completion-script zsh > "$stage/completions/_gapkit"
"$stage/gapkit" --generate-completion-script fish > "$stage/completions/gapkit.fish"

cp questionnaires/*.yaml questionnaires/SCHEMA.md "$stage/questionnaires/"
cp examples/* "$stage/examples/"
cp LICENSE CHANGELOG.md "$stage/"

# Notices of what is linked into the binary.
{
  echo "gapkit $version contains the following software, linked statically."
  for entry in "libyaml|/usr/share/doc/libyaml-0-2/copyright" \
               "the Swift runtime and Foundation|$(dirname "$(readlink -f "$(command -v swift)")")/../share/swift/LICENSE.txt" \
               "swift-argument-parser|$scratch/checkouts/swift-argument-parser/LICENSE.txt" \
               "swift-mustache|$scratch/checkouts/swift-mustache/LICENSE.txt"; do
    printf '\n==== %s ====\n\n' "${entry%%|*}"
    cat "${entry#*|}"
  done
} > "$stage/THIRD-PARTY-NOTICES"

cat > "$stage/INSTALL" <<TXT
gapkit $version for Linux ($arch)

gapkit is one file that needs nothing installed beside it (no Swift, no libyaml).
Run it from this folder:

    ./gapkit validate questionnaires/iso20000-1-2018.yaml
    ./gapkit assess questionnaires/iso20000-1-2018.yaml examples/acme-answers.yaml --out report
    # then open report/report.html in a browser

Or install it for your user (no root needed):

    mkdir -p ~/.local/bin ~/.local/share/man/man1
    cp gapkit ~/.local/bin/
    cp man/man1/gapkit.1 ~/.local/share/man/man1/
    # bash: cp completions/gapkit.bash ~/.local/share/bash-completion/completions/gapkit
    # zsh:  cp completions/_gapkit into a folder of your \$fpath
    # fish: cp completions/gapkit.fish ~/.config/fish/completions/

Then "gapkit --help" and "man gapkit". The questionnaire format is questionnaires/SCHEMA.md.
Licence: Apache-2.0 (LICENSE); bundled software: THIRD-PARTY-NOTICES.
TXT

# A reproducible archive: sorted names, the commit's date, no owner.
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$dist" -cf - "$name" \
  | gzip -n -9 > "$dist/$name.tar.gz"
echo "release: $dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1))"
