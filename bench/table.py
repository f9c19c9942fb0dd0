#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# table.py [--kver K] [--seconds S] FILE...: the table of
# bench/run from the raw output of its boots, out/bench/PLATFORM-MODE-RUN.txt
# ("BENCH <key> <value...>" lines of bench/guest.sh). Several icount runs
# give the median and the spread, (max - min) / median. See bench/README.md.
import argparse
import os
import re
import statistics
import sys


def parse(files):
    data = {}
    errors = []
    for f in files:
        m = re.match(r'(.+)-(icount|wall)-(\d+)\.txt$', os.path.basename(f))
        if not m:
            continue
        plat, mode, run = m.group(1), m.group(2), int(m.group(3))
        keys = {}
        with open(f, errors='replace') as fh:
            for line in fh:
                line = line.rstrip('\n')
                if not line.startswith('BENCH '):
                    continue
                parts = line.split(' ', 2)
                if len(parts) < 3:
                    continue
                if parts[1] == 'error':
                    errors.append(f'{plat} {mode} run {run}: {parts[2]}')
                    continue
                keys.setdefault(parts[1], parts[2])
        data.setdefault(plat, {}).setdefault(mode, {})[run] = keys
    return data, errors


def field(val, name):
    if val is None:
        return None
    w = val.split()
    for i in range(len(w) - 1):
        if w[i] == name:
            return w[i + 1]
    return None


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def fmt(v, digits=0):
    if v is None:
        return '-'
    if digits == 0:
        return f'{v:,.0f}'
    return f'{v:,.{digits}f}'


def spread(vals):
    vals = [v for v in vals if v is not None]
    if len(vals) < 2:
        return '-'
    med = statistics.median(vals)
    if not med:
        return '-'
    return f'{(max(vals) - min(vals)) / med * 100:.2f}%'


def median(vals):
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None


class Table:
    def __init__(self, out):
        self.out = out

    def head(self, title, cols, widths):
        self.widths = widths
        self.out.append('')
        self.out.append(title)
        self.row(cols)

    def row(self, cells):
        s = f'{cells[0]:<{self.widths[0]}}'
        for c, w in zip(cells[1:], self.widths[1:]):
            s += f' {c:>{w}}'
        self.out.append(s.rstrip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kver', default='?')
    ap.add_argument('--seconds', default=None)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    data, errors = parse(args.files)
    out = []
    nic = max((len(m.get('icount', {})) for m in data.values()), default=0)
    conf = {}
    for p in data.values():
        for mode, m in p.items():
            for r in m.values():
                conf.setdefault(mode, r.get('conf'))
    out.append(f'mpam_ext benchmarks: kernel {args.kver}')
    out.append(f'icount: deterministic mode, {nic} boot(s) per platform, median and spread '
               '(max-min)/median; 1 icount ns = 1 guest instruction; context switches: '
               f'{field(conf.get("icount"), "rounds") or "-"} ping-pong rounds, best of '
               f'{field(conf.get("icount"), "reps") or "-"} runs')
    out.append('wall: wall-clock mode, 1 boot per platform, for reference; context switches: '
               f'{field(conf.get("wall"), "rounds") or "-"} rounds, best of '
               f'{field(conf.get("wall"), "reps") or "-"} runs')
    if args.seconds:
        out.append(f'measured in {args.seconds} s')
    t = Table(out)

    def runs(plat, mode, key):
        return [r.get(key) for _, r in sorted(data.get(plat, {}).get(mode, {}).items())]

    def nums(plat, mode, key, name=None):
        return [num(field(v, name) if name else v) for v in runs(plat, mode, key)]

    plats = sorted(data, key=lambda p: (p != 'kunpeng-mini', p))

    # Context switches, as ratios against the mean of the two unloaded runs
    rows = [('module not loaded (before loading)', 'ctxsw_unloaded_ns'),
            ('loaded, mounted, pair in one group', 'ctxsw_same_group_ns'),
            ('loaded, mounted, pair in two groups', 'ctxsw_two_groups_ns'),
            ('loaded, mounted, pair in default group', 'ctxsw_default_group_ns'),
            ('module not loaded (after unloading)', 'ctxsw_unloaded_after_ns')]
    for plat in plats:
        if not any(r.get('ctxsw_unloaded_ns') for m in data[plat].values() for r in m.values()):
            continue
        t.head(f'context switch, {plat}: ns/switch; ratio against the mean of the two runs '
               'without the module',
               ['', 'icount ns', 'spread', 'ratio', 'spread', 'wall ns', 'ratio'],
               [40, 10, 7, 7, 7, 10, 7])

        def ratios(mode, key):
            res = []
            for r in data[plat].get(mode, {}).values():
                a = num(r.get('ctxsw_unloaded_ns'))
                b = num(r.get('ctxsw_unloaded_after_ns'))
                v = num(r.get(key))
                base = (a + b) / 2 if a and b else a
                res.append(v / base if v and base else None)
            return res
        for label, key in rows:
            ic = nums(plat, 'icount', key)
            ri = ratios('icount', key)
            w = median(nums(plat, 'wall', key))
            rw = median(ratios('wall', key))
            t.row([label, fmt(median(ic)), spread(ic), fmt(median(ri), 3), spread(ri),
                   fmt(w), fmt(rw, 3)])

    # The switch path with moved threads, against the pair in one group
    for plat in plats:
        counts = sorted({int(k[8:]) for m in data[plat].values() for r in m.values()
                         for k in r if k.startswith('threads_')})
        if not counts:
            continue
        t.head(f'context switch with N sleeping threads moved into g2, {plat}: the pair '
               'in g1 (moved before them), ratio against the pair in g1 without them; '
               'the pair in the default group (not moved), ratio against the same without them',
               ['moved threads', 'moved', 'g1 icount', 'spread', 'ratio', 'spread',
                'default', 'ratio', 'spread', 'wall g1', 'wall def.', 'ns/move'],
               [14, 7, 10, 7, 7, 7, 10, 7, 7, 8, 9, 8])

        def rel(key, name, basekey, mode='icount'):
            v = nums(plat, mode, key, name)
            b = nums(plat, mode, basekey)
            return [x / y if x and y else None for x, y in zip(v, b)]
        for n in counts:
            key = f'threads_{n}'
            ic = nums(plat, 'icount', key, 'ctxsw_ns')
            ri = rel(key, 'ctxsw_ns', 'ctxsw_same_group_ns')
            iu = nums(plat, 'icount', key, 'unmoved_ns')
            ru = rel(key, 'unmoved_ns', 'ctxsw_default_group_ns')
            moved = median(nums(plat, 'icount', key, 'moved') + nums(plat, 'wall', key, 'moved'))
            t.row([f'{n:,}', fmt(moved), fmt(median(ic)), spread(ic), fmt(median(ri), 3),
                   spread(ri), fmt(median(iu)), fmt(median(ru), 3), spread(ru),
                   fmt(median(rel(key, 'ctxsw_ns', 'ctxsw_same_group_ns', 'wall')), 3),
                   fmt(median(rel(key, 'unmoved_ns', 'ctxsw_default_group_ns', 'wall')), 3),
                   fmt(median(nums(plat, 'icount', key, 'move_ns')))])

    # Register programming on the measured CPU (first icount run)
    for plat in plats:
        first = data[plat].get('icount', data[plat].get('wall', {}))
        r = first[min(first)] if first else {}
        if 'cpu_same_group' not in r:
            continue
        t.head(f'CPU register programming on the measured CPU, {plat}',
               ['', 'switches', 'writes', 'skipped'], [40, 10, 10, 10])
        for k in ('cpu_same_group', 'cpu_two_groups'):
            t.row([k[4:].replace('_', ' '), field(r.get(k), 'switches') or '-',
                   field(r.get(k), 'writes') or '-', field(r.get(k), 'skipped') or '-'])

    # Operations at platform scale, with their per-item cost
    ops = [('load (finit_module)', 'op_load', None, None),
           ('mount', 'op_mount', None, None),
           ('mkdir of every CLOSID', 'op_mkdir_all', 'count', 'msc'),
           ('rmdir of them', 'op_rmdir_all', 'count', 'msc'),
           ('read every mon_data file, root', 'op_mon_all_root', 'files', 'msc'),
           ('read every mon_data file, group', 'op_mon_all_g1', 'files', 'msc'),
           ('umount', 'op_umount', None, None),
           ('unload (delete_module)', 'op_unload', None, None)]
    sch = sorted({k for p in data.values() for m in p.values() for r in m.values()
                  for k in r if k.startswith('op_schemata_all_')})
    ops[4:4] = [(f'schemata write, every {k[16:]} domain', k, 'domains', 'writes')
                for k in sch]
    t.head('operations at platform scale: whole operation, and per item (per group, '
           'domain or file)',
           ['operation', 'platform', 'items', 'icount ns', 'spread', 'per item', 'wall ns',
            'per item', 'MSC acc.'],
           [34, 14, 5, 12, 7, 9, 12, 9, 8])
    for label, key, unit, acc in ops:
        for plat in plats:
            ic = nums(plat, 'icount', key, 'ns')
            wl = median(nums(plat, 'wall', key, 'ns'))
            if median(ic) is None and wl is None:
                continue
            items = median(nums(plat, 'icount', key, unit) + nums(plat, 'wall', key, unit)) \
                if unit else None
            per = (lambda v: v / items if v is not None and items else None)
            a = median(nums(plat, 'icount', key, acc) + nums(plat, 'wall', key, acc)) \
                if acc else None
            t.row([label, plat, fmt(items) if items is not None else '', fmt(median(ic)),
                   spread(ic), fmt(per(median(ic))) if unit else '', fmt(wl),
                   fmt(per(wl)) if unit else '', fmt(a) if acc else ''])
            label = ''

    # MSC register accesses per schemata write
    for plat in plats:
        first = data[plat].get('icount', data[plat].get('wall', {}))
        r = first[min(first)] if first else {}
        keys = [k for k in r if k.startswith('schemata_')]
        if not keys:
            continue
        t.head(f'schemata write to g1, MSC registers, {plat} (minimum: one write per '
               'changed RIS and PARTID)',
               ['', 'writes', 'minimum', 'reads', 'ratio'], [40, 10, 10, 10, 8])
        for k in keys:
            w, m = num(field(r[k], 'writes')), num(field(r[k], 'minimum'))
            t.row([k[9:], fmt(w), fmt(m), field(r[k], 'reads') or '-',
                   fmt(w / m, 2) if w is not None and m else '-'])

    # Monitor reads
    t.head('monitor read, g1 mon_L3_01 (1000 reads through one descriptor)',
           ['', 'platform', 'icount ns', 'spread', 'wall ns', 'MSC acc./read'],
           [20, 14, 10, 7, 10, 14])
    for ev in ('mbm_total_bytes', 'llc_occupancy'):
        label = ev
        for plat in plats:
            ic = nums(plat, 'icount', f'read_{ev}', 'ns')
            wl = median(nums(plat, 'wall', f'read_{ev}', 'ns'))
            acc = median(nums(plat, 'icount', f'read_{ev}', 'msc_accesses_per_read') +
                         nums(plat, 'wall', f'read_{ev}', 'msc_accesses_per_read'))
            t.row([label, plat, fmt(median(ic)), spread(ic), fmt(wl), fmt(acc, 1)])
            label = ''

    for plat in plats:
        for mode in ('icount', 'wall'):
            for run, r in sorted(data[plat].get(mode, {}).items()):
                if 'online_cpus' in r and run == min(data[plat][mode]):
                    out.append('')
                    out.append(f'{plat}: CPUs online {r["online_cpus"]}; debugfs platform '
                               f'{r.get("platform_dump", "not compared")}')
                    break
            else:
                continue
            break
    if errors:
        out.append('')
        seen = set()
        for e in errors:
            if e not in seen:
                out.append(f'error: {e}')
                seen.add(e)
    print('\n'.join(out))


if __name__ == '__main__':
    sys.exit(main())
