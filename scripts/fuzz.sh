#!/usr/bin/env bash
# Builds GapKit's libFuzzer targets (swiftc -sanitize=fuzzer,address) and runs each for a bounded
# time on a seed corpus taken from the repository (docs/FUZZING.md).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     # default: 60 s, all five targets
#
# Work files go to .build/fuzz/; a crashing input is written there as crash-* (and reported at
# the end): copy it into Tests/GapKitTests/Fixtures/fuzz/TARGET/ and fix what it finds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("${@:-yaml questionnaire answers csv template}")
read -r -a targets <<< "${targets[*]}"
work=.build/fuzz
mkdir -p "$work"

# The package's own build provides the checkouts and the embedded resources' generated source.
swift build --product gapkit >/dev/null
resources=$(find .build/debug/GapKit.build/DerivedSources -name 'embedded_resources.swift' | head -1)
flags=(-sanitize=address -parse-as-library -g -Onone -I "$work")

build_module() {  # name, sources...
    local name=$1; shift
    if [ ! -f "$work/lib$name.a" ]; then
        echo "fuzz: building $name"
        (cd "$work" && swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-library -static \
            -o "lib$name.a" "$@")
    fi
}
build_module Mustache "$PWD"/.build/checkouts/swift-mustache/Sources/Mustache/*.swift
build_module ZIPFoundation -Xcc -D_GNU_SOURCE=1 -I "$PWD/.build/checkouts/ZIPFoundation/Sources/CZLib" $(find "$PWD/.build/checkouts/ZIPFoundation/Sources/ZIPFoundation" -name '*.swift')

binary="$work/gapkit-fuzz"
if [ ! -x "$binary" ] || [ -n "$(find Sources/GapKit Fuzz -newer "$binary" -name '*.swift' | head -1)" ]; then
    echo "fuzz: building $binary"
    swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -module-name GapKitFuzz -Xcc -D_GNU_SOURCE=1 \
        -I "$work" -I Sources/CYAML -I .build/checkouts/ZIPFoundation/Sources/CZLib -L "$work" -lMustache -lZIPFoundation -lyaml -lz \
        $(find Sources/GapKit -name '*.swift') "$resources" Fuzz/FuzzTargets.swift -o "$binary"
fi

seed() {  # target → seed files from the repository
    case $1 in
        yaml|questionnaire) ls questionnaires/*.yaml Tests/GapKitTests/Fixtures/batch/*.yaml Tests/GapKitTests/Fixtures/fuzz/"$1"/* 2>/dev/null ;;
        answers) ls examples/*.yaml Tests/GapKitTests/Fixtures/fuzz/answers/* 2>/dev/null ;;
        csv) ls reports/acme/*.csv Tests/GapKitTests/Fixtures/fuzz/csv/* 2>/dev/null ;;
        template) ls Sources/GapKit/Resources/templates/* Tests/GapKitTests/Fixtures/fuzz/template/* 2>/dev/null ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    { seed "$target" || true; } | while read -r file; do cp "$file" "$corpus/"; done
    echo "fuzz: $target for $seconds s"
    log="$work/$target.log"
    if ! GAPKIT_FUZZ_TARGET=$target "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -artifact_prefix="$work/$target-" -print_final_stats=1 >"$log" 2>&1; then
        status=1
        echo "fuzz: $target FOUND A PROBLEM; see $log and $work/$target-crash-* / -timeout-*"
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$log" | sed "s/^/fuzz: $target: /" || true
done
exit $status
