"""Robustness check of the TEXT path on real pages (not run by pytest).

Each page of ../shared/corpus/html is rendered to a plain-text dump (newsclean's own HTML renderer,
blank line between blocks), then parsed as text WITHOUT the HTML structure and scored against the
HTML gold. Real page furniture, real layouts: a stand-in for the unseen real text dumps.

    python benchmarks/eval_rendered_html.py            # url passed (site profile from the URL)
    python benchmarks/eval_rendered_html.py --no-url   # site identified from the text alone
"""
import glob, json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import newsclean
from newsclean.html import html_to_document
from newsclean.decode import decode_bytes
from newsclean.evaluate import score_body, Overlap
tot = Overlap(0,0,0)
for f in sorted(glob.glob(str(ROOT.parent / 'shared/corpus/html/*/*.json'))):
    g=json.load(open(f))
    doc=html_to_document(decode_bytes(open(f[:-5]+'.html','rb').read()))
    text="\n\n".join(l.text for l in doc.lines)
    try:
        a=newsclean.parse(text, url=None if '--no-url' in sys.argv else g['url']); body=a.body; t=a.title
    except newsclean.NotAnArticle as e:
        body=[]; t=None
        if g['kind']=='article': print('REJECTED', f, e)
    if g['kind']!='article':
        if body: print('NOT REJECTED', f)
        continue
    ov,missed,extra=score_body(body, g['body'])
    tot=Overlap(tot.matched+ov.matched, tot.predicted+ov.predicted, tot.gold+ov.gold)
    if (ov.f1 or 0)<0.95 or t!=g['title']: print(f.split('/')[-1], round(ov.precision or 0,2), round(ov.recall,2), '|', t, '|', g['title'])
print('TOTAL P', round(tot.precision,3), 'R', round(tot.recall,3), 'F1', round(tot.f1,3))
