extension DefaultTemplates {
    /// style.css.mustache: the look shared by the gap report and the batch cohort report (a partial).
    static let style = #"""
:root { --primary: {{brand.primary}}; --ink: #222; --muted: #5f6368; --rule: #d0d4d9; --band: #f3f5f7;
  --compliant: #2E7D32; --partial: #B26A00; --gap: #B71C1C; --none: #757575; }
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
  font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; }
main { max-width: 210mm; margin: 0 auto; padding: 0 14mm 20mm; }
h1, h2, h3 { color: var(--primary); line-height: 1.25; margin: 1.2em 0 0.5em; }
h1 { font-size: 2.1rem; } h2 { font-size: 1.5rem; border-bottom: 2px solid var(--primary); padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
p { margin: 0.4em 0 0.8em; }
.muted { color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--rule); }
td.note, .finding dd { overflow-wrap: anywhere; }
td > [class^="sev-"] { white-space: nowrap; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.badge { display: inline-block; padding: 0 0.45em; border: 1px solid currentColor; border-radius: 3px; font-size: 0.85em; white-space: nowrap; }
.status-compliant, .doc-ok { color: var(--compliant); }
.status-partial, .doc-partial { color: var(--partial); }
.status-gap, .doc-missing { color: var(--gap); }
.status-not-assessed, .status-na, .status-unanswered, .doc-unknown { color: var(--none); }
.status-compliant::before, .doc-ok::before { content: "✓ "; }
.status-partial::before, .doc-partial::before { content: "◐ "; }
.status-gap::before, .doc-missing::before { content: "✗ "; }
.sev-major { color: var(--gap); font-weight: 700; } .sev-major::before { content: "●●● "; }
.sev-minor { color: var(--partial); font-weight: 600; } .sev-minor::before { content: "●● "; }
.sev-observation { color: var(--muted); } .sev-observation::before { content: "● "; }
.cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: space-between; padding: 18mm 0 0 10mm;
  border-left: 6mm solid var(--primary); }
.cover .logo { max-height: 22mm; max-width: 70mm; }
.cover .firm { font-size: 1.2rem; font-weight: 600; color: var(--primary); }
.cover h1 { font-size: 2.6rem; margin-top: 30mm; }
.cover .standard { font-size: 1.35rem; margin-bottom: 12mm; }
.cover table { width: auto; min-width: 60%; font-size: 1rem; }
.cover th { background: none; color: var(--muted); font-weight: 400; padding-right: 2em; }
.verdict { border: 2px solid var(--primary); border-left-width: 8px; padding: 0.8em 1em; margin: 0.8em 0 1.2em; break-inside: avoid; }
.verdict strong { font-size: 1.3rem; display: block; }
.verdict.not-ready { border-color: var(--gap); } .verdict.nearly-ready { border-color: var(--partial); } .verdict.ready { border-color: var(--compliant); }
.verdict.incomplete { border-color: #888888; border-style: dashed; }
.verdict .warning { display: block; margin-top: 0.4em; font-style: italic; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.6em; margin: 0.8em 0 1.2em; }
.tile { border: 1px solid var(--rule); border-top: 4px solid var(--primary); padding: 0.5em 0.7em; break-inside: avoid; }
.tile .value { font-size: 1.5rem; font-weight: 700; display: block; }
.tile .label { color: var(--muted); font-size: 0.85rem; }
figure { margin: 0.8em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.3em; }
.chart-radar { max-width: 165mm; margin: 0 auto; }
.finding { border: 1px solid var(--rule); border-left: 5px solid var(--muted); padding: 0.5em 0.8em; margin: 0 0 0.7em; break-inside: avoid; page-break-inside: avoid; }
.finding.major { border-left-color: var(--gap); } .finding.minor { border-left-color: var(--partial); }
.finding h4 { margin: 0 0 0.3em; font-size: 1rem; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0.3em 0 0; font-size: 0.92rem; }
.finding dt { color: var(--muted); } .finding dd { margin: 0; }
.phase-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; }
.depth-0 td { font-weight: 600; background: var(--band); }
section { padding-top: 2mm; }
@page { size: A4; margin: 14mm 12mm 18mm;
  @bottom-left { content: "{{{print.footer}}}"; font-size: 7.5pt; color: #5f6368; width: 75%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; }
  @bottom-right { content: "{{{print.page_before}}}" counter(page) "{{{print.page_of}}}" counter(pages) "{{{print.page_after}}}"; font-size: 7.5pt; color: #5f6368; white-space: nowrap;
    font-family: "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
@media print {
  html { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; page-break-before: always; }
  .cover { break-after: page; page-break-after: always; min-height: 255mm; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}

"""#
}
