#!/usr/bin/env python3
"""The hostile-harvest bench of issue 16: good files alone, then the same good files in one batch with the
hostile set (make_hostile.py, full sizes), with --jobs 2; reports what each input got, the peak memory of the
whole batch (every process of it, summed, sampled every 50 ms), whether the good files' facts are byte-identical
to the run without the hostile ones, their conversion time in both runs, and what the worker processes cost
against converting in the batch's own process. Also merges the forged shard folder and checks that nothing is
written outside --out. Slow (minutes): not part of the unit tests.

Usage: python3 tools/hostile/bench.py [--work DIR] [--jobs N] [--good DIR_OR_FILE]... [--keep] [--json FILE]
       (builds src/Extractor.Cli in Release first; the good files default to fixtures/ and ../shared/corpus/real/,
       skipping the corpus's NOTEXT scan)
"""
import csv
import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))

# What each hostile file must give (status or error code), and why.
EXPECTED = {
    'bomb.pdf': 'too_large',            # a stream inflating to 2 GiB: refused by the decoded-size cap
    'glyph-flood.pdf': 'too_large',     # 40 million glyphs: stopped at the worker's memory limit
    'pages-5000.pdf': 'partial',        # converted (no standard table), files bounded
    'paths-200k.pdf': 'partial',
    'deep-pagetree.pdf': 'partial',     # 100,000 levels: read on the conversion thread's large stack
    'deep-forms.pdf': 'partial',
    'deep-q.pdf': 'partial',
    'deep-resources.pdf': 'corrupt',    # a page that cannot be read is not "no text layer"
    'page-tree-loop.pdf': 'corrupt',    # no page can be reached: not a 0-page success
    'latin-text.pdf': 'partial',
    "=cmd|' c calc'!A0.pdf": 'partial',
    '+1.pdf': 'partial',
    '-2.pdf': 'partial',
    '@sum.pdf': 'partial',
}


def children_of():
    parents = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                stat = f.read()
            fields = stat[stat.rindex(')') + 2:].split()
            parents[int(entry)] = (int(fields[1]), int(fields[21]))  # ppid, rss pages
        except (OSError, ValueError, IndexError):
            pass
    return parents


class TreeMemory:
    """Samples the summed resident set of a process and all its descendants."""

    def __init__(self, pid):
        self.pid, self.peak, self.peak_processes, self.running = pid, 0, 0, True
        self.root_peak, self.child_peak = 0, 0
        self.page = os.sysconf('SC_PAGE_SIZE')
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            table = children_of()
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                p = frontier.pop()
                for child, (parent, _) in table.items():
                    if parent == p and child not in tree:
                        tree.add(child)
                        frontier.append(child)
            total = sum(table[p][1] for p in tree if p in table) * self.page
            if self.pid in table:
                self.root_peak = max(self.root_peak, table[self.pid][1] * self.page)
            self.child_peak = max([self.child_peak] + [table[p][1] * self.page for p in tree if p in table and p != self.pid])
            if total > self.peak:
                self.peak, self.peak_processes = total, len(tree)
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.thread.join()


def run_cli(cli, args, log):
    started = time.time()
    cpu_before = os.times()
    process = subprocess.Popen(cli + args, stdout=subprocess.DEVNULL, stderr=open(log, 'w'), cwd=ROOT)
    memory = TreeMemory(process.pid)
    code = process.wait()
    memory.stop()
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    return dict(exit=code, wall_s=round(time.time() - started, 2), cpu_s=round(cpu, 2), peak_mb=round(memory.peak / 2**20),
                processes_at_peak=memory.peak_processes, batch_process_peak_mb=round(memory.root_peak / 2**20),
                largest_worker_peak_mb=round(memory.child_peak / 2**20))


def documents(out):
    with open(os.path.join(out, 'documents.csv'), encoding='utf-8') as f:
        return list(csv.DictReader(f))


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def main(argv):
    work, jobs, keep, json_out, good = None, '2', False, None, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--work':
            work = argv[i + 1]; i += 1
        elif a == '--jobs':
            jobs = argv[i + 1]; i += 1
        elif a == '--good':
            good.append(argv[i + 1]); i += 1
        elif a == '--json':
            json_out = argv[i + 1]; i += 1
        elif a == '--keep':
            keep = True
        else:
            print(__doc__)
            return 2
        i += 1
    work = work or tempfile.mkdtemp(prefix='extractor-hostile-bench-')
    os.makedirs(work, exist_ok=True)
    if not good:
        good = [os.path.join(ROOT, 'fixtures'), os.path.normpath(os.path.join(ROOT, '..', 'shared', 'corpus', 'real'))]
    good_files = []
    for g in good:
        good_files += sorted(glob.glob(os.path.join(g, '**', '*.pdf'), recursive=True)) if os.path.isdir(g) else [g]
    good_files = [os.path.abspath(f) for f in good_files if 'NOTEXT' not in os.path.basename(f)]

    subprocess.run(['dotnet', 'build', '-c', 'Release', os.path.join(ROOT, 'src', 'Extractor.Cli'), '-v', 'q', '-nologo'], check=True,
                   stdout=subprocess.DEVNULL)
    cli = ['dotnet', os.path.join(ROOT, 'src', 'Extractor.Cli', 'bin', 'Release', 'net10.0', 'Extractor.Cli.dll')]

    hostile_dir = os.path.join(work, 'hostile')
    if not os.path.exists(os.path.join(hostile_dir, 'bomb.pdf')):
        subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'hostile', 'make_hostile.py'), hostile_dir], check=True)
    hostile_files = [os.path.join(hostile_dir, name) for name in EXPECTED]

    def manifest(name, files):
        path = os.path.join(work, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(files) + '\n')
        return path

    good_list = manifest('good.txt', good_files)
    mixed_list = manifest('mixed.txt', good_files[:len(good_files) // 2] + hostile_files + good_files[len(good_files) // 2:])
    common = ['--jobs', jobs, '--progress', 'plain', '--force']
    runs = {}
    for name, inputs, extra in [('good, in-process', good_list, ['--in-process']), ('good, workers', good_list, []),
                                ('good + hostile, workers', mixed_list, []), ('good + hostile, workers, --html', mixed_list, ['--html'])]:
        out = os.path.join(work, name.replace(' ', '').replace(',', '-').replace('+', 'and'))
        shutil.rmtree(out, ignore_errors=True)
        runs[name] = run_cli(cli, [inputs, '--out', out] + common + extra, out + '.log')
        runs[name]['out'] = out
        print(f'{name}: {runs[name]}', file=sys.stderr)

    base, mixed = runs['good, workers']['out'], runs['good + hostile, workers']['out']
    base_docs = {d['source']: d for d in documents(base)}
    mixed_docs = {d['source']: d for d in documents(mixed)}
    identical, differing = 0, []
    for source, d in base_docs.items():
        m = mixed_docs[source]
        same = (d['doc_id'] == m['doc_id'] and d['status'] == m['status'] and
                (d['status'] == 'failed' or read(os.path.join(base, d['doc_id'], 'facts.csv')) == read(os.path.join(mixed, m['doc_id'], 'facts.csv'))))
        identical += same
        if not same:
            differing.append(source)
    batch_facts_same = read(os.path.join(base, 'facts.csv')) == read(os.path.join(mixed, 'facts.csv'))
    good_ms_base = sum(int(d['elapsed_ms']) for d in base_docs.values())
    good_ms_mixed = sum(int(mixed_docs[s]['elapsed_ms']) for s in base_docs)

    outcomes = []
    for path in hostile_files:
        for name, run in [('', mixed), ('html', runs['good + hostile, workers, --html']['out'])]:
            d = {x['source']: x for x in documents(run)}[path]
            got = d['error_code'] or d['status']
            entry = dict(run=name or 'plain', file=os.path.basename(path), expected=EXPECTED[os.path.basename(path)], got=got,
                         ok=got == EXPECTED[os.path.basename(path)], doc_id=d['doc_id'], elapsed_ms=int(d['elapsed_ms']), message=d['message'][:100])
            folder = os.path.join(run, d['doc_id'])
            if os.path.isdir(folder):
                entry['files_kb'] = {f: round(os.path.getsize(os.path.join(folder, f)) / 1024) for f in os.listdir(folder) if os.path.isfile(os.path.join(folder, f))}
            entry['pdf_kb'] = round(os.path.getsize(path) / 1024)
            outcomes.append(entry)

    # The forged shard: merged into a folder a user keeps a file in.
    target = os.path.join(work, 'merge-target')
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    with open(os.path.join(target, 'keep.txt'), 'w') as f:
        f.write('mine\n')
    before = sorted(os.listdir(work))
    merge = subprocess.run(cli + ['merge', os.path.join(hostile_dir, 'forged-shard'), '--out', target], capture_output=True, text=True)
    merge_result = dict(exit=merge.returncode, stderr=merge.stderr.strip().splitlines()[0] if merge.stderr else '',
                        target=sorted(os.listdir(target)), new_entries_beside=sorted(set(os.listdir(work)) - set(before)),
                        outside_written=os.path.exists('/tmp/extractor-forged') or os.path.exists(os.path.join(work, 'shard0')))

    with open('/proc/meminfo') as f:
        memory = f.readline().split()[1]
    with open('/proc/loadavg') as f:
        load = f.read().split()[:3]
    report = dict(
        machine=dict(cores=os.cpu_count(), memory_gib=round(int(memory) / 2**20, 1), os=platform.platform(), load_after=load),
        good_files=len(good_files), hostile_files=len(hostile_files), jobs=int(jobs),
        runs={k: {x: y for x, y in v.items() if x != 'out'} for k, v in runs.items()},
        good_facts_identical=f'{identical}/{len(base_docs)}', batch_facts_identical=batch_facts_same, differing=differing,
        good_elapsed_ms=dict(alone=good_ms_base, with_hostile=good_ms_mixed, ratio=round(good_ms_mixed / max(1, good_ms_base), 3)),
        hostile=outcomes, merge=merge_result, work=work)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if json_out:
        with open(json_out, 'w', encoding='utf-8') as f:
            f.write(text)
    print(text)
    if not keep:
        for run in runs.values():
            shutil.rmtree(run['out'], ignore_errors=True)
    ok = all(o['ok'] for o in outcomes) and identical == len(base_docs) and batch_facts_same and merge.returncode == 2 \
        and merge_result['target'] == ['keep.txt'] and not merge_result['outside_written']
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
