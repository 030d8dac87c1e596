#!/usr/bin/env python3
"""Per-file summary of an output folder: tables found, identities holding, checks, facts.

Usage: python3 tools/corpus_table.py OUT [OUT2]   (with two folders: before → after, changed rows marked)
Reads only OUT/documents.csv and OUT/<doc_id>/document.json, so it works on any run of the tool.
"""
import csv, json, os, re, sys

def summarise(out):
    rows = {}
    with open(os.path.join(out, 'documents.csv'), encoding='utf-8-sig') as f:
        for d in csv.DictReader(f):
            name = re.sub(r'-[0-9a-f]{8}$', '', d['doc_id'])
            path = os.path.join(out, d['doc_id'], 'document.json')
            if not os.path.exists(path):
                rows[name] = dict(status=d['status'] + '/' + d['error_code'], kind='', tables='', generic=0, checks='', ident='', facts=0, empty='')
                continue
            j = json.load(open(path, encoding='utf-8'))
            tables = [t for t in j['tables'] if not re.match(r'^T\d', t['table'])]
            generic = len(j['tables']) - len(tables)
            st = {'pass': 0, 'warn': 0, 'fail': 0, 'skipped': 0}
            ok = total = 0
            for c in j['checks']:
                st[c['status']] = st.get(c['status'], 0) + 1
                if len(c['tables']) == 1 and not c['id'].startswith('narrative') and c['status'] != 'skipped':
                    total += 1
                    ok += c['status'] in ('pass', 'warn')
            facts = sum(len(r.get("values") or {}) for t in tables for r in t["rows"])
            empty = [t['table'] for t in tables if not any(r.get('values') for r in t['rows'])]
            rows[name] = dict(status=d['status'], kind=j['metadata'].get('kind', ''),
                              tables=' '.join(sorted(t['table'] for t in tables)), generic=generic,
                              checks=f"{st['pass']}/{st['warn']}/{st['fail']}/{st['skipped']}",
                              ident=f"{ok}/{total}", facts=facts, empty=' '.join(empty))
    return rows

def main():
    outs = sys.argv[1:]
    if not outs:
        print(__doc__); sys.exit(2)
    runs = [summarise(o) for o in outs]
    cols = ['status', 'kind', 'tables', 'generic', 'checks', 'ident', 'facts', 'empty']
    print('| file | ' + ' | '.join(cols) + ' |')
    print('|---' * (len(cols) + 1) + '|')
    for name in sorted(set().union(*runs)):
        cells = []
        for c in cols:
            vals = [str(r.get(name, {}).get(c, '—')) for r in runs]
            cells.append(vals[0] if len(set(vals)) == 1 else ' → '.join(vals))
        print(f'| {name} | ' + ' | '.join(cells) + ' |')

if __name__ == '__main__':
    main()
