#!/usr/bin/env python3
"""Load on the member portal: 193 members sign in, read their page and send a comment within the
same minute, from a bounded client on loopback. Checks that all 193 are recorded and that
`git fsck --strict` is clean, and prints the response times (BENCHMARKS.md).

    python3 scripts/portal-load.py [--members 193] [--spread 10] [--release]

Needs the built binary: .build/debug/draftflow (`swift build`), .build/release/draftflow with
--release (`swift build -c release --product draftflow`), or DRAFTFLOW=path. Every request goes to
127.0.0.1 only; each client makes exactly three requests; the server is stopped at the end.
"""
import argparse, http.client, json, os, re, subprocess, sys, tempfile, threading, time

NOW = "2020-02-20T10:00:00+01:00"
DRAFT = """# Council input

## 1 Introduction

1.1 The Council welcomes the theme.

## 2 Work

2.1 ITU contributes to the Goals.

2.2 Broadband is a key enabler.

2.3 Connectivity remains a challenge in the least developed countries.
"""

def run(tool, args, cwd, check=True):
    env = dict(os.environ, DRAFTFLOW_NOW=NOW)
    result = subprocess.run([tool] + args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=193)
    parser.add_argument("--spread", type=float, default=10.0, help="seconds over which the clients start")
    parser.add_argument("--release", action="store_true", help="use the release build (.build/release/draftflow)")
    options = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tool = os.environ.get("DRAFTFLOW", os.path.join(root, ".build", "release" if options.release else "debug", "draftflow"))
    scratch = tempfile.mkdtemp(prefix="portal-load-")
    with open(os.path.join(scratch, "outline.md"), "w") as f:
        f.write(DRAFT)
    codes = [f"M{i:03d}" for i in range(1, options.members + 1)]
    with open(os.path.join(scratch, "members.csv"), "w") as f:
        f.writelines(f"{code},Member {code},{code.lower()}@example.org\n" for code in codes)
    run(tool, ["init", "ws", "--title", "Load", "--document", "outline.md"], scratch)
    ws = os.path.join(scratch, "ws")
    run(tool, ["member", "import", os.path.join(scratch, "members.csv")], ws)
    run(tool, ["publish", "draft-1"], ws)
    run(tool, ["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1"], ws)
    secrets = {}
    for code in codes:
        link = run(tool, ["member", "invite", code], ws).strip()
        secrets[code] = link.rsplit("/", 1)[1]

    before = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws, capture_output=True, text=True, check=True).stdout.strip()
    server = subprocess.Popen([tool, "serve", "--port", "0"], cwd=ws, env=dict(os.environ, DRAFTFLOW_NOW=NOW),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        times = {"signin": [], "page": [], "comment": []}
        failures = []
        lock = threading.Lock()

        def request(kind, method, path, cookie=None, body=None):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            headers = {"Cookie": cookie} if cookie else {}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            start = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            elapsed = (time.perf_counter() - start) * 1000
            connection.close()
            with lock:
                times[kind].append(elapsed)
            return answer.status, data.decode("utf-8", "replace")

        def member(code, delay):
            time.sleep(delay)
            try:
                cookie = f"draftflow_session={secrets[code]}"
                status, _ = request("signin", "GET", f"/signin/{secrets[code]}")
                assert status == 303, f"sign-in {status}"
                status, page = request("page", "GET", f"/member/{code}", cookie)
                assert status == 200, f"page {status}"
                csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
                body = f"csrf={csrf}&paragraph=2.3&type=technical&comment=Comment+of+{code}&proposed=Connectivity+remains+a+major+challenge."
                status, _ = request("comment", "POST", f"/member/{code}/comments", cookie, body)
                assert status == 303, f"comment {status}"
            except Exception as error:  # recorded, reported below
                with lock:
                    failures.append(f"{code}: {error}")

        threads = [threading.Thread(target=member, args=(code, options.spread * i / len(codes))) for i, code in enumerate(codes)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)

    status = json.loads(run(tool, ["status", "--json"], ws))
    recorded = sum(1 for m in status["members"] if m["state"] == "received")
    fsck = subprocess.run(["git", "fsck", "--strict"], cwd=ws, capture_output=True, text=True)
    # One commit per submission, each authored by its member.
    authors = subprocess.run(["git", "log", "--format=%an", f"{before}..HEAD"], cwd=ws, capture_output=True, text=True, check=True).stdout.split("\n")[:-1]
    authored = sorted(authors) == sorted(f"Member {code}" for code in codes)
    print(f"binary: {tool}")
    print(f"members: {len(codes)}, clients' wall time {wall:.1f} s (starts spread over {options.spread:.0f} s)")
    for kind, values in times.items():
        if values:
            print(f"{kind:8} n={len(values):4}  p50 {percentile(values, 50):7.1f} ms  p99 {percentile(values, 99):7.1f} ms  max {max(values):7.1f} ms")
    print(f"recorded: {recorded} of {len(codes)}; commits: {len(authors)}, {'each authored by its member' if authored else 'NOT one per member'}; "
          f"git fsck --strict: {'clean' if fsck.returncode == 0 else fsck.stderr}")
    for failure in failures[:10]:
        print("failed:", failure)
    ok = recorded == len(codes) and authored and fsck.returncode == 0 and not failures
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
