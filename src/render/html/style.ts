/**
 * The page's only style sheet, inline. Reflows to 320 px (only wide tables scroll, in their own box), follows
 * the reader's dark-mode preference, and prints as an A4 paper.
 */
export const PAGE_CSS = `
:root { color-scheme: light dark; --ink: #1b1b1b; --paper: #ffffff; --muted: #555555; --rule: #8a96a3; --head: #dde3ea; --area: #f1f3f5;
  --g6: #4e9a5b; --g5: #8cc59a; --g4: #c9e6cf; --g3: #fde6a3; --g2: #f6b38f; --g1: #e8847c; --g0: #eeeeee; --improving: #1b5e20; --worsening: #b71c1c; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e8e8; --paper: #121416; --muted: #b8bec4; --rule: #6b7680; --head: #2a323a; --area: #20262c;
    --g6: #1f5a2b; --g5: #2e6b3c; --g4: #36513c; --g3: #5c4f1e; --g2: #6b3a22; --g1: #6e2a25; --g0: #2b2b2b; --improving: #8fd694; --worsening: #ff9a9a; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 50rem; padding: 1rem; background: var(--paper); color: var(--ink);
  font-family: Roboto, "Segoe UI", Arial, sans-serif; font-size: 1rem; line-height: 1.5; overflow-wrap: break-word; }
h1 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
h2 { font-size: 1.15rem; font-style: italic; margin: 1.5rem 0 0.5rem; }
p.numbered { padding-left: 3rem; }
/* A float, not a hanging indent: the space after the number (a word of its own, as in the PDF) then falls at
   the line's start and is dropped, so the first line lines up with the rest. */
p.numbered > .number { float: left; width: 3rem; margin-left: -3rem; }
ol.lettered { list-style-type: lower-alpha; }
ol.lettered > li::marker { content: "(" counter(list-item, lower-alpha) ") "; }
ul, ol { padding-left: 2rem; }
.paper-header .agenda-item { text-align: right; font-weight: bold; margin: 0; }
.paper-header .council { font-size: 1.4rem; font-weight: bold; margin: 0.25rem 0; }
.paper-header .particulars { display: grid; grid-template-columns: minmax(5.5rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 0; padding-bottom: 0.75rem; border-bottom: 1px solid var(--ink); }
.paper-header dt { font-weight: bold; }
.paper-header dd { margin: 0; }
.draft { font-weight: bold; color: var(--worsening); }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 0.5rem 0 1rem; }
.table-scroll:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
table.data { border-collapse: collapse; font-size: 0.875rem; min-width: 100%; }
table.data caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
table.data th, table.data td { border: 1px solid var(--rule); padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
table.data thead th { background: var(--head); }
table.data th.area { background: var(--area); }
table.data td.figure { text-align: right; font-variant-numeric: tabular-nums; }
table.indicators, table.table-1 { min-width: 40rem; }
.small { font-size: 0.8em; color: var(--muted); }
.grade-6 { background: var(--g6); } .grade-5 { background: var(--g5); } .grade-4 { background: var(--g4); }
.grade-3 { background: var(--g3); } .grade-2 { background: var(--g2); } .grade-1 { background: var(--g1); } .grade-none { background: var(--g0); }
.rating-ready { background: var(--g4); } .rating-nearly-ready { background: var(--g3); } .rating-not-ready { background: var(--g2); }
.signal-improving { color: var(--improving); font-weight: bold; } .signal-worsening { color: var(--worsening); font-weight: bold; }
.table-note { font-size: 0.875rem; }
.key-swatches { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; }
.key-swatches li { padding: 0.2rem 0.5rem; border: 1px solid var(--rule); font-size: 0.875rem; }
.descriptors { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: 0.25rem 1rem; font-size: 0.875rem; }
.descriptors dt { font-weight: bold; }
.descriptors dd { margin: 0; }
figure.chart { margin: 0.5rem 0 1rem; }
.chart-image svg { max-width: 100%; height: auto; background: #ffffff; }
details.figures summary { cursor: pointer; }
hr.page-break { border: 0; margin: 0; }
@media (max-width: 30rem) { body { padding: 0.75rem; } p.numbered { padding-left: 2.5rem; } p.numbered > .number { width: 2.5rem; margin-left: -2.5rem; } }
@page { size: A4; margin: 20mm 20mm 20mm 20mm; }
@media print {
  :root { color-scheme: light; --ink: #000000; --paper: #ffffff; --muted: #444444; --head: #dde3ea; --area: #f1f3f5;
    --g6: #4e9a5b; --g5: #8cc59a; --g4: #c9e6cf; --g3: #fde6a3; --g2: #f6b38f; --g1: #e8847c; --g0: #eeeeee; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1.appendix, hr.page-break { break-before: page; }
  h1, h2, caption, p:has(+ .table-scroll) { break-after: avoid; }
  tr, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-scroll { overflow: visible; }
  table.indicators, table.table-1 { min-width: 0; }
  details.figures { display: none; }
}
`;
