# SPDX-License-Identifier: GPL-2.0
"""Reading mpam_ext's C sources as text, for the tree checks.

Shared by scripts/check-layers, scripts/check-statics and scripts/check-api:
comments and literals blanked with line numbers kept, the #include lines of
a file, its top-level declarations and the names they define, and the
self-test harness that runs a check over a synthetic tree. No compiler is
involved: the checks need only the tree, so they run in a second.
"""

import contextlib
import io
import os
import re
import shutil
import subprocess
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

IDENT = re.compile(r'[A-Za-z_]\w*')
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)
TAG = re.compile(r'\b(struct|union|enum)\s+([A-Za-z_]\w*)\s*\{')
# Attributes and annotations between the storage class and the declarator
# (__init, __printf(4, 5), __aligned(8), __attribute__((unused)), ...).
ANNOTATION = re.compile(r'\b__\w+\b(\s*\((?:[^()]|\([^()]*\))*\))?')
KEYWORDS = {'static', 'extern', 'const', 'volatile', 'inline', 'struct',
            'union', 'enum', 'unsigned', 'signed', 'char', 'short', 'int',
            'long', 'void', 'bool', 'float', 'double', 'typedef', 'register'}

# Kernel macros that define one object, and which argument names it: the
# per-CPU ones name it last, the others first.
STORAGE_MACROS = re.compile(r'^(DEFINE_PER_CPU\w*|DEFINE_\w+|DECLARE_\w+|LIST_HEAD|HLIST_HEAD)$')
# Kernel macros that define static objects named after their first argument.
GENERATORS = {
    'DEFINE_SHOW_ATTRIBUTE': ('{}_open', '{}_fops'),
    'DEFINE_SHOW_STORE_ATTRIBUTE': ('{}_open', '{}_fops'),
    'DEFINE_SEQ_ATTRIBUTE': ('{}_open', '{}_fops'),
    'DEFINE_DEBUGFS_ATTRIBUTE': ('{}_open', '{}'),
    'DEFINE_DEBUGFS_ATTRIBUTE_SIGNED': ('{}_open', '{}'),
    'DEFINE_SIMPLE_ATTRIBUTE': ('{}_open', '{}'),
}


def blank(s):
    """s with everything but newlines turned into spaces."""
    return re.sub(r'[^\n]', ' ', s)


_LEXEME = re.compile(r'/\*.*?(?:\*/|\Z)|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip(text):
    """Comments blanked; string and character literals blanked inside their
    quotes, except on preprocessor lines (so #include "x.h" stays). Newlines
    are kept, so offsets map to the same line numbers."""
    def repl(m):
        s = m.group(0)
        if s[0] == '/':
            return blank(s)
        bol = text.rfind('\n', 0, m.start()) + 1
        if text[bol:m.start()].lstrip().startswith('#'):
            return s
        return s[0] + blank(s[1:-1]) + s[-1]
    return _LEXEME.sub(repl, text)


def code_only(stripped):
    """A stripped text with its preprocessor lines blanked too."""
    out = []
    cont = False
    for line in stripped.split('\n'):
        if cont or line.lstrip().startswith('#'):
            cont = line.endswith('\\')
            out.append(blank(line))
        else:
            out.append(line)
    return '\n'.join(out)


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def includes(stripped):
    """(line, '<' or '"', name) of each #include of a stripped text."""
    return [(line_of(stripped, m.start()), m.group(1), m.group(2).strip())
            for m in INCLUDE.finditer(stripped)]


def _matching(code, i, open_c, close_c):
    """Index after the bracket that closes the one at code[i]."""
    depth = 0
    n = len(code)
    while i < n:
        if code[i] == open_c:
            depth += 1
        elif code[i] == close_c:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


class Decl:
    """One top-level declaration or definition of a file.

    head: its text before its first top-level brace block (or all of it);
    body: whether a brace block follows the head; tail: the text between
    that block and the closing semicolon (declarators after a struct body);
    line: where it starts."""

    def __init__(self, line, head, body, tail):
        self.line = line
        self.head = ' '.join(head.split())
        self.body = body
        self.tail = ' '.join(tail.split())

    def is_function_definition(self):
        return self.body and '=' not in self.head and self.head.endswith(')')


# A statement macro used without a semicolon, alone on its lines
# (DEFINE_SHOW_ATTRIBUTE(x) followed by the next definition).
_BARE_MACRO = re.compile(r'^[A-Z_][A-Z0-9_]*\s*\((?:[^()]|\([^()]*\))*\)$')


def _first_line(code, start):
    """Line of the first non-blank character at or after start."""
    m = _NONBLANK.search(code, start)
    return line_of(code, m.start() if m else start)


_NONBLANK = re.compile(r'\S')


def toplevel(code):
    """The Decls of a code_only() text, in order."""
    decls = []
    i, n = 0, len(code)
    start = 0
    paren = 0
    while i < n:
        c = code[i]
        if c in '([':
            paren += 1
        elif c in ')]':
            paren -= 1
            if paren == 0 and c == ')' and _BARE_MACRO.match(code[start:i + 1].strip()):
                m = _NONBLANK.search(code, i + 1)
                if m and m.group(0) not in '{;' and '\n' in code[i + 1:m.start()]:
                    decls.append(Decl(_first_line(code, start), code[start:i + 1], False, ''))
                    start = i + 1
        elif c == '{' and paren == 0:
            ln = _first_line(code, start)
            d = Decl(ln, code[start:i], True, '')
            j = _matching(code, i, '{', '}')
            if d.is_function_definition():
                decls.append(d)
                start = i = j
                continue
            k = code.find(';', j)
            k = n if k < 0 else k
            decls.append(Decl(ln, code[start:i], True, code[j:k]))
            start = i = k + 1
            continue
        elif c == ';' and paren == 0:
            if code[start:i].strip():
                decls.append(Decl(_first_line(code, start), code[start:i], False, ''))
            start = i + 1
        i += 1
    return decls


def split_top(s, sep):
    """s split at each sep outside parentheses and brackets."""
    parts, depth, cur = [], 0, []
    for c in s:
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        if c == sep and depth == 0:
            parts.append(''.join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append(''.join(cur))
    return parts


def _last_ident(s):
    ids = [m for m in IDENT.findall(s) if m not in KEYWORDS]
    return ids[-1] if ids else None


def declarator(d):
    """(name, kind) of one declarator: kind is 'function', 'variable' or
    'macro' (a storage macro such as DEFINE_MUTEX(name)); (None, None) when
    there is no name."""
    d = split_top(d, '=')[0]
    p = d.find('(')
    b = d.find('[')
    if p >= 0 and (b < 0 or p < b):
        after = d[p + 1:].lstrip()
        if after.startswith('*'):
            m = IDENT.search(after)
            return (m.group(0), 'variable') if m else (None, None)
        name = _last_ident(d[:p])
        if name and STORAGE_MACROS.match(name):
            args = split_top(d[p + 1:_matching(d, p, '(', ')') - 1], ',')
            arg = args[-1] if name.startswith('DEFINE_PER_CPU') else args[0]
            return _last_ident(arg), 'macro'
        return name, 'function'
    if b >= 0:
        return _last_ident(d[:b]), 'variable'
    return _last_ident(d), 'variable'


def names(decl):
    """(name, kind, static) of each object or function a Decl declares;
    kinds as declarator(). Struct, union and enum tags are not included
    (see tags()); nor are typedefs."""
    head = ANNOTATION.sub(' ', decl.head)
    words = IDENT.findall(head)
    if not words or 'typedef' in words:
        return []
    static = 'static' in words
    if words[0] in GENERATORS:
        m = re.match(r'\s*\w+\s*\(\s*(\w+)', head)
        return [(f.format(m.group(1)), 'variable', True) for f in GENERATORS[words[0]]] if m else []
    if decl.body and not decl.is_function_definition():
        # "struct x { ... } a, b;" or "T a[] = { ... };"
        if '=' in head:
            decls = split_top(head, ',')
        elif decl.tail:
            decls = split_top(decl.tail, ',')
        else:
            return []
    else:
        decls = split_top(head, ',')
    out = []
    for d in decls:
        name, kind = declarator(d)
        if name:
            out.append((name, kind, static))
    return out


def tags(code):
    """(kind, name, line) of each struct, union and enum tag a code_only()
    text defines (nested ones too: C gives them file scope)."""
    return [(m.group(1), m.group(2), line_of(code, m.start())) for m in TAG.finditer(code)]


def is_prototype(decl):
    """A function declaration without a body."""
    if decl.body:
        return False
    name, kind = declarator(split_top(ANNOTATION.sub(' ', decl.head), ',')[0])
    return kind == 'function'


def tree_files(root, folders, exts=('.c', '.h')):
    """Paths (relative to root, sorted) of the files under folders."""
    out = []
    for folder in folders:
        base = os.path.join(root, folder)
        for d, dirs, files in os.walk(base):
            dirs.sort()
            for f in files:
                if f.endswith(exts):
                    out.append(os.path.relpath(os.path.join(d, f), root))
    return sorted(out)


def result(name, problems, limit=200):
    """Print "PASS: name" or "FAIL: name" with the problems indented below;
    return whether it passed."""
    if not problems:
        print('PASS: ' + name)
        return True
    print('FAIL: %s (%d)' % (name, len(problems)))
    for p in problems[:limit]:
        print('  ' + p)
    if len(problems) > limit:
        print('  ... and %d more' % (len(problems) - limit))
    return False


# Self-tests: each case is (name, files, args, want, expect[, setup]) where files maps
# paths to contents written over the base tree (None deletes, a callable
# gets the old contents, empty for a new file, and returns the new), want is 'PASS' or 'FAIL' (the
# exit status) and expect is a list of regular expressions each of which
# must match a line of the output; setup, a shell command run in the tree
# before the check (to build objects from it, say).

def write_tree(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        if text is None:
            if os.path.exists(path):
                os.remove(path)
            continue
        if callable(text):
            text = text(read(path) if os.path.exists(path) else '')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)


def copy_tree(dst, folders):
    """The named folders of the real tree copied under dst."""
    for folder in folders:
        src = os.path.join(TOP, folder)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dst, folder))
        elif os.path.isfile(src):
            os.makedirs(os.path.dirname(os.path.join(dst, folder)), exist_ok=True)
            shutil.copy(src, os.path.join(dst, folder))


def self_test(run, title, base, cases):
    """Run a check (run: its main(), given its arguments) over base (a dict,
    or a list of folders of the real tree to copy) changed by each case;
    print one PASS/FAIL line for all."""
    problems = []
    for case in cases:
        name, files, args, want, expect = case[:5]
        tmp = tempfile.mkdtemp(prefix='mpx-selftest-')
        try:
            if isinstance(base, dict):
                write_tree(tmp, base)
            else:
                copy_tree(tmp, base)
            write_tree(tmp, files)
            if len(case) > 5:
                p = subprocess.run(case[5], shell=True, cwd=tmp, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, universal_newlines=True)
                if p.returncode:
                    problems.append('%s: setup failed: %s' % (name, p.stdout.strip()))
                    continue
            args = [a.replace('{root}', tmp) for a in args]
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                try:
                    rc = run(['--root', tmp] + args)
                except SystemExit as e:
                    print(e.code)
                    rc = 1
            out = buf.getvalue().replace(tmp + '/', '')
            got = 'PASS' if rc == 0 else 'FAIL'
            bad = []
            if got != want:
                bad.append('exit %d, wanted %s' % (rc, want))
            for e in expect:
                if not re.search(e, out, re.M):
                    bad.append('no line matches /%s/' % e)
            if bad:
                problems.append('%s: %s; output:' % (name, '; '.join(bad)))
                problems.extend('    ' + l for l in out.splitlines()[:30])
        finally:
            shutil.rmtree(tmp)
    return result('%s (%d case%s)' % (title, len(cases), 's' if len(cases) != 1 else ''),
                  problems)
