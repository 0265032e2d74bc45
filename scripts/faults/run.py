#!/usr/bin/env python3
"""Fault injection: runs the real zonestat executables on a small inbox, kills a stage with
SIGKILL at every write, rename, fsync, removal and warehouse commit it makes (the N-th call
of the one fault-point counter, ZONESTAT_FAULT_AT=N), reruns the pipeline, and checks that
the rerun ends exactly where an uninterrupted run does. After a kill in load, a reader must
see nothing published or the whole run.

    python3 scripts/faults/run.py [--bin .build/debug] [--size small|full] [--every K]

Prints the figures: kill points per stage, reruns converged, and any divergence (exit 1).
"""
import argparse, os, shutil, sqlite3, struct, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "sample-data", "inbox")
PIPELINE = os.path.join(ROOT, "pipelines", "default.yaml")
STAGES = ["extract", "transform", "load"]
OLD = 1683705600  # 2023-05-10 08:00 UTC: every inbox file is settled and complete

def inbox_files(size):
    names = sorted(os.listdir(SAMPLE))
    if size == "small":
        names = [n for n in names if n.startswith("2022-01") or n.startswith("2022-02")][:3]
    return names

def prepare(workspace, names):
    inbox = os.path.join(workspace, "inbox")
    os.makedirs(inbox)
    for i, name in enumerate(names):
        shutil.copy(os.path.join(SAMPLE, name), os.path.join(inbox, name))
        os.utime(os.path.join(inbox, name), (OLD + i, OLD + i))
    # A file that is quarantined, and the same content twice (a duplicate).
    with open(os.path.join(inbox, "名单.csv"), "w") as f:
        f.write("姓名,年龄\n张三,30\n")
    os.utime(os.path.join(inbox, "名单.csv"), (OLD + 500, OLD + 500))
    shutil.copy(os.path.join(SAMPLE, names[0]), os.path.join(inbox, "copy of " + names[0]))
    os.utime(os.path.join(inbox, "copy of " + names[0]), (OLD + 501, OLD + 501))

def run(binary, stage, workspace, fault=None, trace=False):
    env = dict(os.environ)
    env.pop("ZONESTAT_FAULT_AT", None)
    if fault is not None:
        env["ZONESTAT_FAULT_AT"] = str(fault)
    if trace:
        env["ZONESTAT_FAULT_TRACE"] = "1"
    args = [os.path.join(binary, "zonestat-" + stage), "--pipeline", PIPELINE, "--workspace", workspace, "-q"]
    if stage == "extract":
        args += ["--settle-seconds", "0"]
    return subprocess.run(args, env=env, capture_output=True, text=True)

def published(workspace):
    """What a reader sees under out/, by documented path (links followed), without the
    manifests' run id and times."""
    out, files = os.path.join(workspace, "out"), {}
    if not os.path.isdir(out):
        return files
    for name in sorted(os.listdir(out)):
        if name.startswith(".") or name == "latest":
            continue
        path = os.path.join(out, name)
        if os.path.isfile(path):
            files[name] = open(path, "rb").read()
        elif os.path.isdir(path):
            for file in sorted(os.listdir(path)):
                data = open(os.path.join(path, file), "rb").read()
                if file == "manifest.json":
                    data = b"\n".join(l for l in data.split(b"\n") if b'"run_id"' not in l and b'_at"' not in l)
                files[name + "/" + file] = data
    latest = os.path.join(out, "latest")
    if os.path.isdir(latest):
        files["latest → manifest period"] = open(os.path.join(latest, "manifest.json"), "rb").read().split(b'"period"')[1][:12]
    return files

def amounts_of(blob, count):
    """A block's amounts column (docs/design/packed-facts.md): i64s, or i32 steps and an exponent."""
    if len(blob) == count * 8:
        return list(struct.unpack(f"<{count}q", blob))
    return [v * 10 ** blob[-1] for v in struct.unpack(f"<{count}i", blob[:-1])]

def fact_blocks(db):
    """The fact blocks and current blocks decoded, by credit code, file name and indicator code."""
    codes = dict(db.execute("SELECT id, credit_code FROM units"))
    files = dict(db.execute("SELECT id, file_name FROM ledger"))
    indicators = dict(db.execute("SELECT id, code FROM indicators"))
    said, by_key = [], {}
    for file_id, period, ind, basis, count, units, amounts, lines in db.execute(
            "SELECT file_id, period, indicator_id, basis, count, units, amounts, lines FROM fact_blocks"):
        ids = struct.unpack(f"<{count}I", units)
        by_key[(file_id, period, ind, basis)] = (ids, amounts_of(amounts, count))
        said.append((files[file_id], period, indicators[ind], basis,
                     tuple(zip((codes[u] for u in ids), amounts_of(amounts, count), struct.unpack(f"<{count}I", lines)))))
    current = []
    for period, ind, basis, count, file_id, units, amounts, sources in db.execute(
            "SELECT period, indicator_id, basis, count, file_id, units, amounts, sources FROM current_blocks"):
        if file_id is not None:
            ids, values = by_key[(file_id, period, ind, basis)]
            origins = [file_id] * count
        else:
            ids, values = struct.unpack(f"<{count}I", units), amounts_of(amounts, count)
            runs = struct.unpack(f"<{len(sources) // 4}I", sources)
            origins = [f for f, n in zip(runs[0::2], runs[1::2]) for _ in range(n)]
        current += [(codes[u], period, indicators[ind], basis, a, files[f]) for u, a, f in zip(ids, values, origins)]
    return {"fact_blocks": sorted(said, key=repr), "current_blocks": sorted(current, key=repr)}

def state(workspace):
    """Everything a user could check after a run: the warehouse's content (not run ids or
    times), the folders, and what is published."""
    db = sqlite3.connect(os.path.join(workspace, "warehouse.sqlite"))
    q = lambda sql: sorted(map(tuple, db.execute(sql).fetchall()), key=repr)
    result = {
        "ledger": q("SELECT sha256, file_name, size, status, stored_as, kind, rows, periods, errors, warnings FROM ledger"),
        **fact_blocks(db),
        "fact_revisions": q("""SELECT u.credit_code, r.period, i.code, r.basis, r.old_amount, lo.file_name, r.old_line,
                                      r.new_amount, ln.file_name, r.new_line
                               FROM fact_revisions r JOIN units u ON u.id = r.unit_id JOIN indicators i ON i.id = r.indicator_id
                               JOIN ledger lo ON lo.id = r.old_file_id JOIN ledger ln ON ln.id = r.new_file_id"""),
        "problems": q("SELECT l.file_name, p.code, p.line, p.column_name, p.value FROM problems p JOIN ledger l ON l.id = p.file_id"),
        "targets": q("SELECT year, indicator, target_amount, target_growth, superseded_by IS NULL FROM targets"),
    }
    for table in ("out_indicators", "out_targets", "out_roster"):
        try:
            result[table] = q("SELECT * FROM " + table)
        except sqlite3.OperationalError:
            pass
    db.close()
    for folder in ("inbox", "archive", "quarantine"):
        base = os.path.join(workspace, folder)
        result[folder] = sorted(os.path.relpath(os.path.join(d, f), base) for d, _, fs in os.walk(base) for f in fs)
    result["published"] = published(workspace)
    gens = os.path.join(workspace, "out", ".generations")
    result["generations"] = len(os.listdir(gens)) if os.path.isdir(gens) else 0
    result["out hidden"] = sorted(n for n in os.listdir(os.path.join(workspace, "out")) if n.startswith("."))
    return result

def pipeline(binary, workspace, stages=STAGES):
    for stage in stages:
        result = run(binary, stage, workspace)
        if result.returncode != 0:
            raise SystemExit(f"{stage} failed ({result.returncode}) in {workspace}:\n{result.stderr}")

def diff(a, b):
    return [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug"))
    parser.add_argument("--size", choices=["small", "full"], default="small")
    parser.add_argument("--every", type=int, default=1, help="kill at every K-th point only")
    parser.add_argument("--keep", action="store_true", help="keep the workspaces of divergent runs")
    parser.add_argument("--stages", default=",".join(STAGES), help="the stages to kill, comma-separated")
    args = parser.parse_args()
    names = inbox_files(args.size)
    scratch = tempfile.mkdtemp(prefix="zonestat-faults-")
    try:
        failures = sweep(args, names, scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    if not failures or not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    else:
        print(f"faults: workspaces kept in {scratch}")
    sys.exit(1 if failures else 0)

def sweep(args, names, scratch):
    """Kills every stage at its points in turn; returns the failures."""
    reference_ws = os.path.join(scratch, "reference")
    prepare(reference_ws, names)
    counts = {}
    for stage in STAGES:
        traced = run(args.bin, stage, reference_ws, trace=True)
        if traced.returncode != 0:
            raise SystemExit(f"{stage} failed: {traced.stderr}")
        counts[stage] = sum(1 for l in traced.stderr.splitlines() if l.startswith("fault point "))
    reference = state(reference_ws)
    print(f"faults: {len(names) + 2} inbox files; fault points: " + ", ".join(f"{s} {counts[s]}" for s in STAGES))
    killed = converged = 0
    failures = []
    for index, stage in enumerate(STAGES):
        if stage not in args.stages.split(","):
            continue
        for point in range(1, counts[stage] + 1, args.every):
            ws = os.path.join(scratch, f"{stage}-{point}")
            prepare(ws, names)
            pipeline(args.bin, ws, STAGES[:index])
            result = run(args.bin, stage, ws, fault=point)
            if result.returncode != -9:
                failures.append(f"{stage} point {point}: not killed (exit {result.returncode}) {result.stderr[:200]}")
                continue
            killed += 1
            if stage == "load":
                seen = published(ws)
                if seen and seen != reference["published"]:
                    failures.append(f"load point {point}: a reader saw part of a run: {diff(seen, reference['published'])[:5]}")
            pipeline(args.bin, ws)
            after = state(ws)
            differs = diff(after, reference)
            if differs:
                failures.append(f"{stage} point {point}: the rerun differs in {differs}")
                if not args.keep:
                    shutil.rmtree(ws, ignore_errors=True)
                continue
            converged += 1
            shutil.rmtree(ws, ignore_errors=True)
    print(f"faults: killed at {killed} point(s), reruns converged: {converged}/{killed}")
    for failure in failures:
        print("  FAIL " + failure)
    return failures

if __name__ == "__main__":
    main()
