#!/usr/bin/env python3
"""Writes a set of deliberately hostile and broken PDFs (and one forged shard folder) for the
robustness tests and the hostile bench (tools/hostile/bench.py).

These files are hostile by nature, so they are written byte by byte here (Python standard library
only), not by an office suite. Nothing they contain is tuned to the extractor's parser: each one is
a shape of file that a harvest of government sites meets (or that an attacker can craft).

Usage: python3 tools/hostile/make_hostile.py OUT [--small] [--only NAME,...]

  --small   sizes for the unit tests (seconds to make and to convert): a 64 MiB bomb, 300 pages,
            20k paths, 40 pages of 100k glyphs, a page tree 20,000 deep; without it the sizes of issue 16 (2 GiB bomb, 5,000 pages, 200k paths).

Files written into OUT (each named by what it is):
  bomb.pdf              one page whose content stream (Flate) inflates to 2 GiB of path operators
  pages-5000.pdf        5,000 ruled pages that share one small content stream
  paths-200k.pdf        one page drawing 200,000 separate line segments
  glyph-flood.pdf       100 pages (160 small) sharing one stream that shows 400,000 one-point letters (40 million
                        glyphs in all: a conversion that needs gigabytes and minutes; no stream or page
                        is over a size limit)
  deep-pagetree.pdf     a page with text at the bottom of a page tree nested 100,000 levels deep
                        (recursing through it overflows a thread's ordinary 1.5 MB stack)
  deep-forms.pdf        text drawn by a form XObject nested 60 levels deep inside other forms
  deep-q.pdf            text inside 100,000 nested q (save graphics state) operators
  deep-resources.pdf    a page with text whose resource dictionary nests 300 dictionaries deep
                        (deeper than PdfPig's guard: the page cannot be read)
  page-tree-loop.pdf    a page tree whose kids point back at its root (no leaf can be reached)
  latin-text.pdf        'http', 'coffee', 'committee', 'balloon' in Helvetica, and 'BOLD' printed
                        three times 0.3 pt apart (fake bold)
  formula names:        copies of latin-text.pdf named '=cmd|' c calc'!A0.pdf', '+1.pdf', '-2.pdf',
                        '@sum.pdf'
  forged-shard/         an output folder whose documents.csv lists doc_ids '../shard0/payload', '.',
                        '..' and an absolute path, with folders to match ('payload' has a file)
"""
import os
import sys
import zlib


class PdfWriter:
    """Objects numbered from 1, written in order with a classic xref table."""

    def __init__(self):
        self.objects = []

    def reserve(self):
        self.objects.append(None)
        return len(self.objects)

    def set(self, number, body):
        self.objects[number - 1] = body if isinstance(body, bytes) else body.encode('latin-1')

    def add(self, body):
        number = self.reserve()
        self.set(number, body)
        return number

    def stream(self, data, extra=b'', compressed=None):
        """A stream object; `compressed` is data already Flate-encoded (then `data` is ignored)."""
        if compressed is not None:
            head = b'<< /Length %d /Filter /FlateDecode %s>>' % (len(compressed), extra)
            return self.add(head + b'\nstream\n' + compressed + b'\nendstream')
        return self.add(b'<< /Length %d %s>>\nstream\n' % (len(data), extra) + data + b'\nendstream')

    def write(self, path, root):
        with open(path, 'wb') as f:
            f.write(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
            offsets = []
            for i, body in enumerate(self.objects, start=1):
                offsets.append(f.tell())
                f.write(b'%d 0 obj\n' % i + (body or b'null') + b'\nendobj\n')
            xref = f.tell()
            f.write(b'xref\n0 %d\n0000000000 65535 f \n' % (len(self.objects) + 1))
            for offset in offsets:
                f.write(b'%010d 00000 n \n' % offset)
            f.write(b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(self.objects) + 1, root, xref))


def helvetica(w):
    return w.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')


def single_page_document(path, content, compressed=None, resources=None):
    """A one-page A4 document drawing `content` with Helvetica as /F1."""
    w = PdfWriter()
    font = helvetica(w)
    stream = w.stream(content, compressed=compressed)
    catalog, pages = w.reserve(), w.reserve()
    page = w.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> %s>> >>'
                 % (pages, stream, font, resources or ''))
    w.set(pages, '<< /Type /Pages /Kids [%d 0 R] /Count 1 >>' % page)
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % pages)
    w.write(path, catalog)


def text(x, y, s, size=12):
    return b'BT /F1 %d Tf %.2f %.2f Td (%s) Tj ET\n' % (size, x, y, s.encode('latin-1'))


def bomb(path, inflated):
    """Flate data that inflates to `inflated` bytes of a short line-drawing operator, made in chunks."""
    unit = b'0 0 m 1 1 l S\n'
    chunk = unit * (1024 * 1024 // len(unit))
    encoder = zlib.compressobj(9)
    parts, left = [], inflated
    while left > 0:
        piece = chunk if left >= len(chunk) else chunk[:left]
        parts.append(encoder.compress(piece))
        left -= len(piece)
    parts.append(encoder.flush())
    single_page_document(path, b'', compressed=b''.join(parts))


def ruled_table():
    """A 6-row, 4-column ruled table with a title and text in every cell."""
    out = [text(72, 780, 'Expenditure summary', 16)]
    left, top, width, height = 72, 740, 110, 24
    for r in range(7):
        y = top - r * height
        out.append(b'0.5 w %d %d m %d %d l S\n' % (left, y, left + 4 * width, y))
    for c in range(5):
        x = left + c * width
        out.append(b'0.5 w %d %d m %d %d l S\n' % (x, top, x, top - 6 * height))
    for r in range(6):
        for c in range(4):
            label = ('Item %d' % r) if c == 0 else '%d.%02d' % (r * 100 + c, c)
            out.append(text(left + c * width + 4, top - (r + 1) * height + 8, label, 10))
    return b''.join(out)


def many_pages(path, count):
    w = PdfWriter()
    font = helvetica(w)
    stream = w.stream(ruled_table())
    catalog, pages = w.reserve(), w.reserve()
    kids = []
    for _ in range(count):
        kids.append(w.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>'
                          % (pages, stream, font)))
    w.set(pages, '<< /Type /Pages /Kids [%s] /Count %d >>' % (' '.join('%d 0 R' % k for k in kids), count))
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % pages)
    w.write(path, catalog)


def many_paths(path, count):
    segments = []
    for i in range(count):
        x = 20 + (i * 7) % 555
        y = 20 + (i * 13) % 800
        segments.append(b'%d %d m %d %d l S\n' % (x, y, x + 3, y + 2))
    content = text(72, 800, 'A page of many paths') + b''.join(segments)
    single_page_document(path, b'', compressed=zlib.compress(content, 9))


def deep_page_tree(path, depth):
    """Pages nodes nested `depth` deep, the one page with text at the bottom."""
    w = PdfWriter()
    font = helvetica(w)
    stream = w.stream(text(72, 700, 'Text at the bottom of a deep page tree'))
    catalog = w.reserve()
    nodes = [w.reserve() for _ in range(depth)]
    page = w.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>'
                 % (nodes[-1], stream, font))
    for i, node in enumerate(nodes):
        kid = nodes[i + 1] if i + 1 < depth else page
        parent = '/Parent %d 0 R ' % nodes[i - 1] if i > 0 else ''
        w.set(node, '<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>' % (parent, kid))
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % nodes[0])
    w.write(path, catalog)


def deep_forms(path, depth):
    """Form XObjects each drawing the next one; the innermost shows text."""
    w = PdfWriter()
    font = helvetica(w)
    inner = w.stream(text(72, 700, 'Text drawn by the innermost form'),
                     extra=b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> ' % font)
    current = inner
    for _ in range(depth - 1):
        current = w.stream(b'q /X Do Q\n', extra=b'/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> ' % current)
    stream = w.stream(b'q /X Do Q\n')
    catalog, pages = w.reserve(), w.reserve()
    page = w.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /XObject << /X %d 0 R >> >> >>'
                 % (pages, stream, current))
    w.set(pages, '<< /Type /Pages /Kids [%d 0 R] /Count 1 >>' % page)
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % pages)
    w.write(path, catalog)


def glyph_flood(path, pages, letters):
    """`pages` pages sharing one content stream that shows `letters` one-point letters in one string."""
    w = PdfWriter()
    font = helvetica(w)
    content = b'BT /F1 1 Tf 10 10 Td (' + b'x' * letters + b') Tj ET\n' + text(72, 800, 'A page of many letters')
    stream = w.stream(b'', compressed=zlib.compress(content, 9))
    catalog, root = w.reserve(), w.reserve()
    kids = [w.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>'
                  % (root, stream, font)) for _ in range(pages)]
    w.set(root, '<< /Type /Pages /Kids [%s] /Count %d >>' % (' '.join('%d 0 R' % k for k in kids), pages))
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % root)
    w.write(path, catalog)


def deep_resources(path, depth):
    nested = '<< /A ' * depth + '1' + ' >>' * depth
    single_page_document(path, text(72, 700, 'Text on a page whose resources nest deeply'), resources='/Extra ' + nested + ' ')


def deep_q(path, depth):
    content = b'q\n' * depth + text(72, 700, 'Text inside deeply nested graphics states') + b'Q\n' * depth
    single_page_document(path, b'', compressed=zlib.compress(content, 9))


def page_tree_loop(path):
    """The root's only kid is a Pages node whose kids are the root itself and that node."""
    w = PdfWriter()
    catalog, root, middle = w.reserve(), w.reserve(), w.reserve()
    w.set(root, '<< /Type /Pages /Kids [%d 0 R] /Count 1 >>' % middle)
    w.set(middle, '<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R %d 0 R] /Count 1 >>' % (root, root, middle))
    w.set(catalog, '<< /Type /Catalog /Pages %d 0 R >>' % root)
    w.write(path, catalog)


def latin_text(path):
    lines = [text(72, 760, 'See http://example.org for the coffee committee balloon'),
             text(72, 730, 'Letters: tt ff ll oo ee')]
    for dx, dy in ((0, 0), (0.3, 0), (0.15, 0.2)):
        lines.append(text(72 + dx, 700 + dy, 'BOLD'))
    single_page_document(path, b''.join(lines))


def forged_shard(root):
    """A --out folder that looks finished but whose documents.csv names paths, not doc_ids."""
    os.makedirs(os.path.join(root, 'payload'), exist_ok=True)
    with open(os.path.join(root, 'payload', 'note.txt'), 'w') as f:
        f.write('copied only by a merge that follows a forged doc_id\n')
    header = 'doc_id,source,status,error_code,message,pages,tables_found,checks_failed,checks_warned,elapsed_ms\n'
    rows = ['../shard0/payload,a.pdf,ok,,,1,1,0,0,0', '.,b.pdf,ok,,,1,1,0,0,0', '..,c.pdf,ok,,,1,1,0,0,0',
            '/tmp/extractor-forged,d.pdf,ok,,,1,1,0,0,0']
    with open(os.path.join(root, 'documents.csv'), 'w') as f:
        f.write(header + '\n'.join(rows) + '\n')


def main(argv):
    if not argv or argv[0].startswith('-'):
        print(__doc__)
        return 2
    out = argv[0]
    small = '--small' in argv
    only = None
    if '--only' in argv:
        only = set(argv[argv.index('--only') + 1].split(','))
    os.makedirs(out, exist_ok=True)
    makers = {
        'bomb': lambda: bomb(os.path.join(out, 'bomb.pdf'), (64 if small else 2048) * 1024 * 1024),
        'pages': lambda: many_pages(os.path.join(out, 'pages-%d.pdf' % (300 if small else 5000)), 300 if small else 5000),
        'paths': lambda: many_paths(os.path.join(out, 'paths-%s.pdf' % ('20k' if small else '200k')), 20000 if small else 200000),
        'flood': lambda: glyph_flood(os.path.join(out, 'glyph-flood.pdf'), 160 if small else 100, 100000 if small else 400000),
        'deep-pagetree': lambda: deep_page_tree(os.path.join(out, 'deep-pagetree.pdf'), 20000 if small else 100000),
        'deep-resources': lambda: deep_resources(os.path.join(out, 'deep-resources.pdf'), 300),
        'deep-forms': lambda: deep_forms(os.path.join(out, 'deep-forms.pdf'), 60),
        'deep-q': lambda: deep_q(os.path.join(out, 'deep-q.pdf'), 100000),
        'loop': lambda: page_tree_loop(os.path.join(out, 'page-tree-loop.pdf')),
        'latin': lambda: latin_text(os.path.join(out, 'latin-text.pdf')),
        'formula': None,
        'forged-shard': lambda: forged_shard(os.path.join(out, 'forged-shard')),
    }
    for name, make in makers.items():
        if only is not None and name not in only:
            continue
        if name == 'formula':
            source = os.path.join(out, 'latin-text.pdf')
            if not os.path.exists(source):
                latin_text(source)
            data = open(source, 'rb').read()
            for formula in ("=cmd|' c calc'!A0", '+1', '-2', '@sum'):
                with open(os.path.join(out, formula + '.pdf'), 'wb') as f:
                    f.write(data)
            continue
        make()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
