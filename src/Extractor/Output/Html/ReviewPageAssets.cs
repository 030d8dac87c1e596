namespace Extractor.Output.Html;

/// <summary>The review pages' inline style sheet and script (no file, no network).</summary>
internal static class ReviewPageAssets
{
    public const string Css = """
:root{--fail:#d0211c;--warn:#e08600;--pass:#2e7d32;--repair:#7b3fb0;--ink:#1d2733;--mute:#5d6b7a;--line:#d9dfe6;--bg:#f5f7fa;--grid:#1f6fd1}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#14324f;color:#fff;padding:18px 28px 12px}
header.top h1{margin:0 0 4px;font-size:22px}
header.top .meta,header.top .files{margin:2px 0;color:#c9d7e6;font-size:13px}
header.top a{color:#fff}
nav.toc{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:2px 4px;padding:6px 28px;background:#fff;border-bottom:1px solid var(--line)}
nav.toc a{padding:3px 9px;border-radius:12px;color:var(--ink);text-decoration:none;font-size:13px}
nav.toc a:hover{background:var(--bg)}
nav.toc a.fail{background:#fde8e7;color:var(--fail);font-weight:600}
nav.toc a.warn{background:#fff3df;color:#9a5b00}
main{padding:8px 28px 24px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0}
section.table.fail{border-color:#f1a8a5}
h2{margin:0 0 6px;font-size:18px}
h3{margin:14px 0 6px;font-size:15px}
.meta{color:var(--mute);font-size:12.5px;margin:0 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 4px}
.card{flex:1 1 150px;display:flex;flex-direction:column;padding:10px 14px;border-radius:8px;border:1px solid var(--line);border-left:5px solid var(--pass);text-decoration:none;color:var(--ink);background:#fbfcfd}
.card b{font-size:26px;line-height:1.1}
.card span{font-weight:600}
.card small{color:var(--mute)}
.card.fail{border-left-color:var(--fail)}.card.fail b{color:var(--fail)}
.card.warn{border-left-color:var(--warn)}.card.warn b{color:#b26b00}
.card.repair{border-left-color:var(--repair)}.card.repair b{color:var(--repair)}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:11.5px;font-weight:600;color:#fff;background:var(--mute);vertical-align:1px}
.badge.fail{background:var(--fail)}.badge.warn{background:var(--warn)}.badge.pass{background:var(--pass)}.badge.skipped{background:#8a96a3}
ol.checks,ol.quotes{margin:4px 0;padding-left:22px}
ol.checks li,ol.quotes li{margin:4px 0}
li.check.fail .id{color:var(--fail);font-weight:600}
.check .where{color:var(--mute);font-size:12.5px;white-space:nowrap}
.none{color:var(--mute);font-style:italic}
.missing,.warn-text{color:#9a5b00}
.charts{display:flex;flex-wrap:wrap;gap:18px}
.charts figure{margin:0;flex:1 1 460px;max-width:640px}
svg.chart{width:100%;height:auto;font-size:11px}
.chart-title{font-weight:600;font-size:12.5px}
.chart-label,.chart-legend{fill:var(--ink)}.chart-value{fill:var(--mute)}
.c-basic{fill:#2f6db3}.c-project{fill:#f29f3d}.c-other{fill:#9aa6b2}.c-budget{fill:#b8c4d0}.c-final{fill:#2f6db3}
.pair{display:grid;grid-template-columns:minmax(0,1.05fr) minmax(0,1fr);gap:16px;align-items:start}
.pair.wide{grid-template-columns:1fr}
.page-view{cursor:zoom-in}
.pair.wide .page-view{cursor:zoom-out}
.page-figure{margin:0 0 10px}
.page-figure figcaption{font-size:12px;color:var(--mute);margin-bottom:2px}
svg.page{width:100%;height:auto;display:block;border:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.08);background:#fff}
svg.page .sheet{fill:#fff}
svg.page .rulings line{stroke:#333;stroke-width:.5}
svg.page .glyphs text{fill:#111;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
svg.page .grid rect{fill:rgba(31,111,209,.04);stroke:var(--grid);stroke-width:.35;stroke-dasharray:2 1;pointer-events:none}
svg.page rect.v{fill:transparent;stroke:none}
svg.page rect.v:hover,svg.page rect.v.hl{fill:rgba(31,111,209,.22)}
svg.page rect.flag-fail{fill:rgba(208,33,28,.10);stroke:var(--fail);stroke-width:1.6}
svg.page rect.flag-warn{fill:rgba(224,134,0,.08);stroke:var(--warn);stroke-width:1}
svg.page rect.flag-fail.hl,svg.page rect.flag-warn.hl{fill:rgba(208,33,28,.3)}
svg.page rect.quote{stroke:none}
svg.page rect.q-fail{fill:rgba(208,33,28,.22);stroke:var(--fail);stroke-width:.8}
svg.page rect.q-warn{fill:rgba(224,134,0,.22)}
svg.page rect.q-pass{fill:rgba(46,125,50,.13)}
.data-view{overflow-x:auto;max-height:900px;overflow-y:auto}
table{border-collapse:collapse;font-size:12.5px}
table.data th,table.data td{border:1px solid var(--line);padding:2px 6px;white-space:nowrap}
table.data th{background:#eef2f6;position:sticky;top:0;font-weight:600}
table.data td.name{white-space:normal;min-width:120px}
table.data td.name.lvl-款{padding-left:14px}table.data td.name.lvl-项{padding-left:24px}
table.data tr.sum td{font-weight:600;background:#fafbfc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.code{font-family:ui-monospace,Menlo,Consolas,monospace}
td.code.repaired{color:var(--repair);background:#f6effc}
td.code.repaired::after{content:"R";font-size:9px;vertical-align:super;margin-left:2px;color:var(--repair)}
td.code.unresolved{color:#9a5b00;background:#fff3df}
td.code.unresolved::after{content:"?";font-size:9px;vertical-align:super;margin-left:2px}
td.repaired-name{color:var(--repair)}
td.flag-fail{outline:2px solid var(--fail);outline-offset:-2px;background:#fde8e7;color:var(--fail);font-weight:700}
td.flag-warn{outline:1px solid var(--warn);outline-offset:-1px;background:#fff7e8}
td[data-cell]:hover,td.hl{background:#dbe8fb}
td.flag-fail.hl{background:#f9c9c6}
blockquote{margin:3px 0 3px 4px;padding:2px 8px;border-left:3px solid var(--line);color:#334}
li.fail blockquote{border-left-color:var(--fail)}
.filter button{font:inherit;font-size:12.5px;border:1px solid var(--line);background:#fff;border-radius:12px;padding:1px 10px;margin-right:4px;cursor:pointer}
.filter button.on{background:#14324f;color:#fff;border-color:#14324f}
table.checks-table,table.repairs{width:100%}
table.checks-table td,table.checks-table th,table.repairs td,table.repairs th{border-bottom:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
table.checks-table td.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
table.checks-table tr.fail td{background:#fdf0ef}
table.checks-table tr.warn td{background:#fffaf0}
table.checks-table tr.hidden{display:none}
tr.unresolved td{background:#fff7e8}
details summary{cursor:pointer;font-weight:600;margin:8px 0 4px}
footer{color:var(--mute);font-size:12px;padding:0 28px 24px}
@media (max-width:1000px){.pair{grid-template-columns:1fr}}
""";

    public const string Script = """
(function () {
  'use strict';
  function same(key) { return document.querySelectorAll('[data-cell="' + key + '"]'); }
  function mark(e, on) {
    var t = e.target.closest && e.target.closest('[data-cell]');
    if (!t) return;
    same(t.getAttribute('data-cell')).forEach(function (x) { x.classList.toggle('hl', on); });
  }
  document.addEventListener('mouseover', function (e) { mark(e, true); });
  document.addEventListener('mouseout', function (e) { mark(e, false); });
  document.querySelectorAll('.pair .page-view').forEach(function (view) {
    view.addEventListener('click', function () { view.closest('.pair').classList.toggle('wide'); });
  });
  document.querySelectorAll('.filter button').forEach(function (button) {
    button.addEventListener('click', function () {
      var status = button.getAttribute('data-filter');
      document.querySelectorAll('.filter button').forEach(function (b) { b.classList.toggle('on', b === button); });
      document.querySelectorAll('table.checks-table tbody tr').forEach(function (row) {
        row.classList.toggle('hidden', status !== 'all' && row.getAttribute('data-status') !== status);
      });
    });
  });
  document.documentElement.setAttribute('data-ready', 'true');
})();
""";
}
