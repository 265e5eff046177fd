#!/usr/bin/env python3
# start_pairs.py: start to first frame of several programs in the same run, alternated: fork to
# READY=1 on $NOTIFY_SOCKET (visitboard run and bare_board send it once their first frame is
# swapped), and the process's CPU (utime+stime) at that moment. Prints each run, the medians, and
# each subject minus the subject named "bare" in the same run. A program that prints figures.
#
# usage (from the build directory):
#   xvfb-run -a -s "-screen 0 1920x1080x24" python3 ../tests/bench/start_pairs.py 7 \
#     "bare=./bare_board --redraw minute --size 1920x1080 --font fonts/Inter-Regular.otf --em 26" \
#     "before=/path/to/old/build/visitboard --db TRUST.db run" \
#     "after=./visitboard --db TRUST.db run --trace-start"
# Each program's stdout+stderr go to $START_PAIRS_DIR (/tmp/start_pairs)/NAME-RUN.log (the
# --trace-start table among them). On a machine shared with builds, `nice -n -15` before xvfb-run
# helps within a cgroup only; compare subjects of the same run, and CPU more than wall time.
import os, socket, subprocess, sys, time, shlex, statistics, signal
if len(sys.argv) < 3:
    sys.exit('usage: start_pairs.py RUNS NAME=COMMAND... (under xvfb-run)')
runs = int(sys.argv[1])
subjects = [a.split('=', 1) for a in sys.argv[2:]]
res = {n: [] for n, _ in subjects}
cpus = {n: [] for n, _ in subjects}
traces = {n: [] for n, _ in subjects}
logs = os.environ.get('START_PAIRS_DIR', '/tmp/start_pairs')
os.makedirs(logs, exist_ok=True)
sock_path = f'{logs}/notify-{os.getpid()}.sock'
for r in range(runs):
    for name, cmd in subjects:
        if os.path.exists(sock_path): os.remove(sock_path)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sock_path); s.settimeout(60)
        env = dict(os.environ, NOTIFY_SOCKET=sock_path)
        log = open(f'{logs}/{name}-{r}.log', 'w')
        t0 = time.monotonic()
        p = subprocess.Popen(shlex.split(cmd), env=env, stdout=log, stderr=log)
        ms = None
        cpu = None
        try:
            while True:
                data = s.recv(512)
                if b'READY=1' in data:
                    ms = (time.monotonic() - t0) * 1000
                    f = open(f'/proc/{p.pid}/stat').read().rsplit(')', 1)[1].split()
                    cpu = (int(f[11]) + int(f[12])) * 1000 / os.sysconf('SC_CLK_TCK')
                    break
        except socket.timeout:
            pass
        time.sleep(0.3)
        p.send_signal(signal.SIGTERM)
        try: p.wait(10)
        except subprocess.TimeoutExpired: p.kill(); p.wait()
        s.close(); log.close(); os.remove(sock_path)
        res[name].append(ms)
        cpus[name].append(cpu)
        print(f'run {r} {name} {ms:.0f} ms cpu {cpu:.0f} ms' if ms else f'run {r} {name} FAILED', flush=True)
print()
for name, _ in subjects:
    v = [x for x in res[name] if x is not None]
    c = [x for x in cpus[name] if x is not None]
    print(f'{name}: median {statistics.median(v):.0f} ms  runs {" ".join(f"{x:.0f}" for x in v)}  | CPU at first frame median {statistics.median(c):.0f} ms  runs {" ".join(f"{x:.0f}" for x in c)}')
if 'bare' in res:
    for name, _ in subjects:
        if name == 'bare': continue
        d = [a - b for a, b in zip(res[name], res['bare']) if a and b]
        print(f'{name} - bare (same run): median {statistics.median(d):.0f} ms  runs {" ".join(f"{x:.0f}" for x in d)}')
