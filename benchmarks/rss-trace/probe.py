#!/usr/bin/env python3
"""Resident memory of a gateway after initialize and its first tools/list, and what it consists of.

    benchmarks/rss-trace/probe.py LABEL CLASSPATH [JVM flags...]

Starts dev.apigwmcp.runtime.Gateway on CLASSPATH over stdio (default JVM unless flags are given), answers
initialize, lists every page, waits 6 s and prints one line: VmRSS; the part of it inside the Java heap's address
range (/proc/PID/smaps) and the rest; the collections so far; the heap in use; the live heap after a full
collection (GC.class_histogram, taken last); classes loaded outside the JDK's CDS archive; threads. Files go to
$OUT (default /tmp/rss-trace): LABEL.gc.log, LABEL.err, and with JCMD='VM.native_memory summary;...' one file per
jcmd command (add -XX:NativeMemoryTracking=summary for that one).
"""
import json, os, re, subprocess, sys, time

label, cp, flags = sys.argv[1], sys.argv[2], sys.argv[3:]
out = os.environ.get("OUT", "/tmp/rss-trace")
os.makedirs(out, exist_ok=True)
gclog = f"{out}/{label}.gc.log"
p = subprocess.Popen(["java", f"-Xlog:gc:file={gclog}"] + flags + ["-cp", cp, "dev.apigwmcp.runtime.Gateway"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(f"{out}/{label}.err", "w"), bufsize=0)


def send(message):
    p.stdin.write((json.dumps(message) + "\n").encode())
    p.stdin.flush()


def answer(id):
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit(f"{label}: the gateway ended; see {out}/{label}.err")
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if message.get("id") == id:
            return message


def jcmd(*command):
    return subprocess.run(["jcmd", str(p.pid)] + list(command), capture_output=True, text=True).stdout


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
      "capabilities": {}, "clientInfo": {"name": "rss-probe", "version": "1"}}})
answer(1)
send({"jsonrpc": "2.0", "method": "notifications/initialized"})
id, cursor, tools = 2, None, 0
while True:
    send({"jsonrpc": "2.0", "id": id, "method": "tools/list", "params": {"cursor": cursor} if cursor else {}})
    result = answer(id)["result"]
    id += 1
    tools += len(result["tools"])
    cursor = result.get("nextCursor")
    if not cursor:
        break
time.sleep(6)
status = open(f"/proc/{p.pid}/status").read()
rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
info = jcmd("GC.heap_info")
# G1 prints one address range, the serial and parallel collectors one per generation: take their union.
addresses = [int(x, 16) for r in re.findall(r"\[(0x[0-9a-f, x]+)\)", info) for x in r.split(", ")]
start, end = min(addresses), max(addresses)
used = sum(int(x) for x in re.findall(r"total \d+K, used (\d+)K", info)) / 1024
heap, mapping = 0, None
for line in open(f"/proc/{p.pid}/smaps"):
    m = re.match(r"([0-9a-f]+)-([0-9a-f]+) ", line)
    if m:
        mapping = (int(m.group(1), 16), int(m.group(2), 16))
    elif line.startswith("Rss:") and mapping[0] >= start and mapping[1] <= end:
        heap += int(line.split()[1]) / 1024
collections = sum(1 for line in open(gclog) if "Pause" in line)
classes = int(re.search(r"java.cls.loadedClasses=(\d+)", jcmd("PerfCounter.print")).group(1))
for command in [c for c in os.environ.get("JCMD", "").split(";") if c]:
    with open(f"{out}/{label}." + re.sub(r"[^A-Za-z0-9_.-]", "_", command) + ".txt", "w") as f:
        f.write(jcmd(*command.split()))
live = int(re.search(r"Total\s+\d+\s+(\d+)", jcmd("GC.class_histogram")).group(1)) / 1e6
p.stdin.close()
try:
    p.wait(10)
except subprocess.TimeoutExpired:
    p.kill()
print(f"{label} rss={rss:.1f} heap={heap:.1f} nonheap={rss - heap:.1f} gcs={collections} used={used:.1f}"
      f" live={live:.1f} classes={classes} threads={threads} tools={tools}", flush=True)
