#!/usr/bin/env python3
"""The seeded random draw behind eval/qa-heldout.jsonl and eval/qa-tuning.jsonl (issue 13).

Usage: python3 eval/draw.py <exported articles folder> <pack folder>
e.g.   dotnet run --project Bot.Host -- export-articles /tmp/s13/articles
       python3 eval/draw.py /tmp/s13/articles Bot.Knowledge/Pack

Lists every passage the answerer can cite (the ingested statutes' articles from the folder's *.json, as the
export-articles verb writes them; a folder holding a documents/ folder, the layout before the documents moved into
the database, works too; and the pack's sections), sorts them by id, and draws with Python's random.Random(seed).sample over the whole list:
seed 13001 gives the held-back draw (first 75 passages with at least 120 characters of text), seed 13002 the
tuning draw (first 50 such passages whose citation key is not in the held-back draw).
"""
import glob, json, os, random, re, sys

def passages(data, pack):
    rows = []
    folder = os.path.join(data, 'documents') if os.path.isdir(os.path.join(data, 'documents')) else data
    for f in sorted(glob.glob(os.path.join(folder, '*.json'))):
        for p in json.load(open(f, encoding='utf-8-sig')):
            rows.append((p['id'], p['citationKey'], p['text']))
    for f in sorted(glob.glob(os.path.join(pack, '*.md'))):
        stem, defaults, sections, current = os.path.basename(f)[:-3], {}, [], None
        for line in open(f, encoding='utf-8').read().split('\n'):
            if line.startswith('## '):
                current = {'heading': line[3:].strip(), 'fields': {}, 'lines': [], 'infields': True}
                sections.append(current)
                continue
            if line.startswith('# ') or line.startswith('<!--'):
                continue
            field = re.match(r'^(key|title|status|keywords|penal):\s*(.*)$', line, re.I)
            if field and (current is None or current['infields']):
                (current['fields'] if current else defaults)[field.group(1).lower()] = field.group(2).strip()
                continue
            if current is not None:
                if line.strip():
                    current['infields'] = False
                if not current['infields']:
                    current['lines'].append(line)
        for s in sections:
            slug = re.sub('[^a-z0-9]+', '-', s['heading'].lower()).strip('-')
            rows.append((f'pack/{stem}/{slug}', s['fields'].get('key') or defaults.get('key'), '\n'.join(s['lines']).strip()))
    return sorted(rows)

def draw(rows, seed, count, exclude=frozenset()):
    chosen = []
    for i in random.Random(seed).sample(range(len(rows)), len(rows)):
        pid, key, text = rows[i]
        if len(text) >= 120 and key not in exclude:
            chosen.append((pid, key))
            if len(chosen) == count:
                break
    return chosen

if __name__ == '__main__':
    rows = passages(sys.argv[1], sys.argv[2])
    heldout = draw(rows, 13001, 75)
    tuning = draw(rows, 13002, 50, frozenset(k for _, k in heldout))
    for name, chosen in (('held-back', heldout), ('tuning', tuning)):
        print(f'# {name} draw ({len(chosen)} of {len(rows)} passages)')
        for pid, key in chosen:
            print(f'{key}\t{pid}')
