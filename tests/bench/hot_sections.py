#!/usr/bin/env python3
"""hot_sections.py: the list of visitboard's functions that the kiosk runs while it starts and idles.

It runs `visitboard run` under valgrind's callgrind (on a virtual X display), on a demo team database
and, if given, on a trust database: start, first frame, then --idle seconds of the idle board (the
minute redraw included), then SIGTERM (the kiosk's ordinary stop). Every function of the executable
that ran is written as the name of its section (the build compiles with -ffunction-sections, so
function F lives in section .text.F), one a line, sorted, into --out: the ordering file the link of
visitboard gives gold (--section-ordering-file, terminal/app/CMakeLists.txt), which places these
sections together so that the idle kiosk maps fewer pages of its own code (issue 7).

The list only orders code: a stale, missing or extra line costs locality, never correctness (the
linker ignores names it does not find). Regenerate it after large changes to the start or the board:
  xvfb-run -a -s "-screen 0 1920x1080x24" tests/bench/hot_sections.py --build build \\
      --trust /tmp/my_trust.db --out terminal/app/hot_sections.txt
(needs valgrind; ~10-20 minutes; the trust database is copied, never written).
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def run_profiled(exe, db, idle_s, work, name, windowed):
    """Runs the kiosk under callgrind until its first frame plus idle_s seconds; returns the output file."""
    sock_path = os.path.join(work, name + ".sock")
    out = os.path.join(work, name + ".callgrind")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(sock_path)
    env = dict(os.environ, NOTIFY_SOCKET=sock_path)
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, "--demangle=no",
           "--dump-instr=no", "--compress-strings=no", "--compress-pos=no", exe, "--db", db, "run"]
    if windowed:
        cmd.append("--windowed")
    log = open(os.path.join(work, name + ".log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    sock.settimeout(1.0)
    ready = False
    while not ready and proc.poll() is None and time.monotonic() - t0 < 1800:
        try:
            ready = b"READY=1" in sock.recv(512)
        except socket.timeout:
            pass
    sock.close()
    if not ready:
        proc.kill()
        proc.wait()
        sys.exit(f"hot_sections: {name}: no first frame under callgrind; see {log.name}")
    print(f"hot_sections: {name}: first frame after {time.monotonic() - t0:.0f} s under callgrind; idle {idle_s} s",
          flush=True)
    time.sleep(idle_s)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=600)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        sys.exit(f"hot_sections: {name}: did not stop after SIGTERM; see {log.name}")
    if not os.path.exists(out):
        sys.exit(f"hot_sections: {name}: callgrind wrote no profile; see {log.name}")
    return out


def functions_run(profile, exe):
    """Names (mangled) of the functions of `exe` with a cost in a callgrind profile."""
    names = set()
    in_exe = False
    exe_real = os.path.realpath(exe)
    with open(profile, errors="replace") as f:
        for line in f:
            if line.startswith("ob="):
                path = re.sub(r"^ob=(\(\d+\) ?)?", "", line.rstrip("\n"))
                in_exe = os.path.realpath(path) == exe_real if path else in_exe
            elif line.startswith("fn=") and in_exe:
                fn = re.sub(r"^fn=(\(\d+\) ?)?", "", line.rstrip("\n"))
                if fn and not fn.startswith("0x"):
                    names.add(fn)
    return names


def sections_in_build(build):
    """Every input section name of the objects visitboard links (its static libraries and main.o)."""
    objects = []
    for root, _, files in os.walk(os.path.join(build, "terminal")):
        objects += [os.path.join(root, f) for f in files if f.endswith(".a") or f == "main.cpp.o"]
    names = set()
    for obj in objects:
        text = subprocess.run(["readelf", "-SW", obj], check=True, capture_output=True, text=True).stdout
        for m in re.finditer(r"\]\s+(\.text\S*)\s", text):
            names.add(m.group(1))
    return names


def with_aliases(functions, exe):
    """{name: the name plus every other symbol of `exe` at its address}: callgrind reports one name for
    aliases (a constructor's C1 for the C2 whose section holds it). Callgrind's recursion marks (F'2)
    are dropped."""
    by_address, address_of = {}, {}
    text = subprocess.run(["nm", "--defined-only", exe], check=True, capture_output=True, text=True).stdout
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwWiI":
            by_address.setdefault(parts[0], set()).add(parts[2])
            address_of[parts[2]] = parts[0]
    out = {}
    for fn in functions:
        fn = re.sub(r"'\d+$", "", fn)
        out.setdefault(fn, {fn}).update(by_address.get(address_of.get(fn), ()))
    return out


def sections_of(functions, existing):
    """The section names, among `existing`, that hold the code of the functions ({name: aliases}).
    GCC places a function F in .text.F, or in .text.startup.F (static initialisers, main),
    .text.unlikely.F (code it thinks cold), .text.hot.F or .text.exit.F; the split-off cold part F.cold
    sits in .text.unlikely.F. Returns the sections and the functions with none (ImGui's, the C runtime's)."""
    found, missing = set(), set()
    for fn, names in functions.items():
        hits = []
        for name in names:
            cold = re.match(r"^(.*)\.cold(\.\d+)?$", name)
            if cold:
                candidates = [".text.unlikely." + cold.group(1)]
            else:
                candidates = [p + name for p in (".text.", ".text.startup.", ".text.hot.", ".text.unlikely.", ".text.exit.")]
            hits += [c for c in candidates if c in existing]
        found.update(hits)
        if not hits:
            missing.add(fn)
    return found, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build", help="build directory holding visitboard (default: build)")
    ap.add_argument("--trust", help="a trust database to profile too (copied first, never written)")
    ap.add_argument("--idle", type=int, default=75, help="seconds of idle board after the first frame (75)")
    ap.add_argument("--windowed", action="store_true", help="1280x800 window instead of fullscreen")
    ap.add_argument("--out", default="terminal/app/hot_sections.txt")
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit('hot_sections: no DISPLAY; run it under xvfb-run -a -s "-screen 0 1920x1080x24"')
    if not shutil.which("valgrind"):
        sys.exit("hot_sections: needs valgrind (apt-get install valgrind)")
    exe = os.path.join(args.build, "visitboard")
    work = tempfile.mkdtemp(prefix="hot_sections.")
    team = os.path.join(work, "team.db")
    subprocess.run([exe, "--db", team, "demo", "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
    dbs = [("team", team)]
    if args.trust:
        trust = os.path.join(work, "trust.db")
        shutil.copyfile(args.trust, trust)
        dbs.append(("trust", trust))
    functions = set()
    for name, db in dbs:
        found = functions_run(run_profiled(exe, db, args.idle, work, name, args.windowed), exe)
        print(f"hot_sections: {name}: {len(found)} functions of visitboard ran", flush=True)
        functions |= found
    sections, missing = sections_of(with_aliases(functions, exe), sections_in_build(args.build))
    # Functions with no section of their own: ImGui's (Debian's libimgui.a has one .text a file),
    # the C runtime's, PLT stubs. They stay where they are.
    with open(os.path.join(work, "no_section.txt"), "w") as f:
        f.write("\n".join(sorted(missing)) + "\n")
    with open(args.out, "w") as f:
        f.write("# Sections of the functions visitboard runs while the kiosk starts and idles (team and trust),\n")
        f.write("# made by tests/bench/hot_sections.py; the link places them together (gold --section-ordering-file).\n")
        f.write("# Only an ordering: a stale or missing line costs locality, never correctness.\n")
        for n in sorted(sections):
            f.write(n + "\n")
    print(f"hot_sections: {len(functions)} functions ran; {len(sections)} sections written to {args.out}; "
          f"{len(missing)} functions without a section of their own (ImGui, C runtime) listed in {work}/no_section.txt; "
          f"profiles kept in {work}")


if __name__ == "__main__":
    main()
