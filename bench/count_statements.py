#!/usr/bin/env python3
"""Counts the SQL statements the service sends for batches of 100 demo-city records, by statement shape.

Usage: count_statements.py JAR LABEL [WARMUP=20] [MEASURED=3]   (MODE=single in the environment: single posts instead)
Starts JAR on a fresh MariaDB database (127.0.0.1:3306, root, no password) with the demo on, posts WARMUP batches
of 100 (bodies made by ../shared/perf/make_bodies.py from seeds/records, fresh identities each post), waits for
the background work to settle, then switches MariaDB's general log on for the connections of that database only
(filtered by thread id afterwards), posts MEASURED batches, switches it off and writes
target/statements/LABEL.shapes.txt (count per normalized statement) and LABEL.log (raw log lines).
Run from the repository root (the service reads ./rules and ./seeds from there).
Late-arrival re-evaluation is delayed by 1h in this run so that the background queue does not run inside the window.
"""
import json, os, re, subprocess, sys, tempfile, time, urllib.request, collections

JAR, LABEL = sys.argv[1], sys.argv[2]
REPARSE = JAR == "--reparse"   # count_statements.py --reparse LABEL: counts LABEL.log again
WARMUP = int(sys.argv[3]) if len(sys.argv) > 3 else 20
MEASURED = int(sys.argv[4]) if len(sys.argv) > 4 else 3
REPO = os.environ.get("REPO", os.getcwd())
NOTES = os.path.join(REPO, "target", "statements")
os.makedirs(NOTES, exist_ok=True)
SHARED_PERF = os.environ.get("SHARED_PERF", os.path.join(REPO, "..", "shared", "perf"))
PORT = int(os.environ.get("PORT", "18177"))
KEY = "lsk_demo_qingyuan_2026"
DB = "ww_%s_%d" % (LABEL.replace("-", "_"), int(time.time()))
LOG = "/tmp/gl-count-statements.log"


def mysql(sql):
    return subprocess.run(["mysql", "--protocol=TCP", "-h127.0.0.1", "-P3306", "-uroot", "-N", "-e", sql],
                          check=True, capture_output=True, text=True).stdout


def run():
    work = tempfile.mkdtemp(prefix="ww-")
    subprocess.run(["python3", os.path.join(SHARED_PERF, "make_bodies.py"), os.path.join(REPO, "seeds"), work], check=True,
                   capture_output=True)
    single = os.environ.get("MODE") == "single"
    bodies = open(os.path.join(work, "single.txt" if single else "batch100.txt"), encoding="utf-8").read().splitlines()

    mysql("CREATE DATABASE `%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" % DB)
    url = ("jdbc:mysql://127.0.0.1:3306/%s?rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionTimeZone=UTC" % DB)
    env = dict(os.environ, SPRING_DATASOURCE_URL=url, SPRING_DATASOURCE_USERNAME="root", SPRING_DATASOURCE_PASSWORD="",
               LIANSHAO_DEMO_ENABLED="true")
    applog = open(os.path.join(work, "app.log"), "w")
    app = subprocess.Popen(["java", "-Xms512m", "-Xmx1g", "-jar", JAR, "--server.port=%d" % PORT, "--server.address=127.0.0.1",
                            "--lianshao.evaluation.late-arrival-delay=1h", "--spring.datasource.hikari.connection-timeout=120000"], env=env, stdout=applog, stderr=applog, cwd=REPO)
    try:
        base = "http://127.0.0.1:%d" % PORT
        for i in range(900):
            try:
                urllib.request.urlopen(base + "/actuator/health", timeout=2)
                break
            except Exception:
                time.sleep(1)
        else:
            raise SystemExit("service not healthy; see " + applog.name)
        time.sleep(5)
        counter = [0]

        def post(body):
            counter[0] += 1
            n = "%sp%d" % (LABEL.replace("-", ""), counter[0])
            h = "%016x" % (counter[0] * 7919 + 12345)
            b = body.replace("@@N@@", n).replace("@@H@@", h[:16])
            req = urllib.request.Request(base + ("/api/v1/records" if single else "/api/v1/records/batch"), data=b.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json", "X-Api-Key": KEY})
            with urllib.request.urlopen(req, timeout=120) as r:
                reply = json.load(r)
            results = reply["results"] if "results" in reply else [reply]
            outcomes = collections.Counter(x.get("status") for x in results)
            warnings = sum(len(x.get("warnings") or []) for x in results)
            return outcomes, warnings

        for i in range(WARMUP):
            post(bodies[i % len(bodies)])
        time.sleep(8)
        threads = [l.strip() for l in mysql("SELECT id FROM information_schema.processlist WHERE db = '%s'" % DB).split()]
        if os.path.exists(LOG):
            os.remove(LOG)
        mysql("SET GLOBAL general_log_file='%s'; SET GLOBAL general_log=1;" % LOG)
        summary = []
        try:
            for i in range(MEASURED):
                summary.append(post(bodies[(WARMUP + i) % len(bodies)]))
        finally:
            mysql("SET GLOBAL general_log=0;")
    finally:
        app.terminate()
        app.wait()
        mysql("DROP DATABASE IF EXISTS `%s`" % DB)


    return threads, summary


BACKGROUND = ("reevaluation_hold WHERE held_at", "FROM reevaluation_queue q LEFT JOIN", "AND next_attempt_at <= ? ORDER BY",
              "FROM rule_set_active", "api_key WHERE key_hash")
if REPARSE:
    raw = [l.rstrip("\n").split("\t", 2) for l in open(os.path.join(NOTES, LABEL + ".log"), encoding="utf-8")]
    first = open(os.path.join(NOTES, LABEL + ".shapes.txt"), encoding="utf-8").readline()
    summary = first.split("replies: ", 1)[1].strip() if "replies: " in first else "?"
else:
    threads, summary = run()
# ---- parse: entries start with an optional timestamp, then "<thread id> <Command>\t<argument>"
entry = re.compile(r"^(?:\d{6}\s+[\d:]+\s+|\t\t)?\s*(\d+)\s+(Query|Execute|Prepare|Close stmt|Connect|Quit|Init DB|Reset stmt)\t(.*)$")
if REPARSE:
    stmts = [[t, c, q] for t, c, q in raw]
else:
    mine = set(threads)
    stmts, cur = [], None
    for line in open(LOG, encoding="utf-8", errors="replace"):
        m = entry.match(line.rstrip("\n"))
        if m:
            cur = [m.group(1), m.group(2), m.group(3)]
            stmts.append(cur)
        elif cur is not None:
            cur[2] += " " + line.strip()
    stmts = [s for s in stmts if s[0] in mine and s[1] in ("Query", "Execute")]


def shape(sql):
    s = re.sub(r"'(?:[^'\\]|\\.|'')*'", "?", sql)          # string literals
    s = re.sub(r"\b0x[0-9a-fA-F]+\b", "?", s)
    s = re.sub(r"(?<![\w.])-?\d+(?:\.\d+)?\b", "?", s)     # numbers
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\(\s*\?(?:\s*,\s*\?)*\s*\)", "(?..)", s)  # IN lists, VALUES rows
    s = re.sub(r"(\(\?\.\.\)|\([^()]*\))(\s*,\s*\(\?\.\.\))+", r"\1,..", s)  # multi-row VALUES
    s = re.sub(r"(\(\?\.\.\)|\([^()]*\))(\s*,\s*\([^()]*\))+$", r"\1,..", s)
    if ";" in s:  # rewritten batch of updates/deletes: one round trip
        parts = [p.strip() for p in s.split(";") if p.strip()]
        s = "[batch x%d] %s" % (len(parts), parts[0]) if len(set(parts)) == 1 else "[multi] " + s
        s = re.sub(r"x\d+", "xN", s)
    return s[:300]


counts = collections.Counter(shape(s[2]) for s in stmts)
background = {sql: n for sql, n in counts.items() if any(b in sql for b in BACKGROUND)}
if not REPARSE:
    with open(os.path.join(NOTES, LABEL + ".log"), "w") as fh:
        for s in stmts:
            fh.write("%s\t%s\t%s\n" % (s[0], s[1], s[2].replace("\t", " ")))
with open(os.path.join(NOTES, LABEL + ".shapes.txt"), "w") as fh:
    fh.write("# %s: %d batches of 100 measured after %d warm-up; replies: %s\n" % (LABEL, MEASURED, WARMUP, summary))
    fh.write("# total statements: %d; background polls and the cached key lookup (timing-dependent): %d;"
             " the batches' own: %d (%.1f per batch)\n" % (len(stmts), sum(background.values()),
             len(stmts) - sum(background.values()), (len(stmts) - sum(background.values())) / MEASURED))
    for sql, n in counts.most_common():
        fh.write("%6d %s %s\n" % (n, "bg" if sql in background else "  ", sql))
print(open(os.path.join(NOTES, LABEL + ".shapes.txt")).read()[:6000])
