/**
 * The meeting page's own rules, after the paper's style sheet (style.ts), whose colours, dark mode, type and
 * print set-up it shares. The agenda is a list of blocks, not a table: at 320 px each line is the number beside
 * its title, report-by line and links, with nothing to scroll.
 */
export const MEETING_CSS = `
:root { --link: #0b4ea2; --focus: #1a5fb4; }
@media (prefers-color-scheme: dark) { :root { --link: #9cc4ff; --focus: #9cc4ff; } }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.meeting-header { padding-bottom: 0.75rem; border-bottom: 1px solid var(--ink); }
.meeting-header .council { font-size: 1.1rem; font-weight: bold; margin: 0; }
.meeting-header h1 { font-size: 1.5rem; margin: 0.25rem 0 0.75rem; }
.meeting-header .particulars { display: grid; grid-template-columns: minmax(4rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0; }
.meeting-header dt { font-weight: bold; }
.meeting-header dd { margin: 0; }
.meeting-header .agenda-pack { margin: 0.75rem 0 0; }
main h2 { font-style: normal; }
.membership { padding-left: 1.25rem; margin: 0; }
ol.agenda { list-style: none; padding: 0; margin: 0; border-bottom: 1px solid var(--rule); }
ol.agenda > li { display: grid; grid-template-columns: 3.5rem 1fr; gap: 0 0.5rem; padding: 0.6rem 0; border-top: 1px solid var(--rule); }
.item-number, .item-title { font-weight: bold; }
.item-title, .report-by, .no-paper { margin: 0; }
.report-by, .no-paper { color: var(--muted); }
.paper-links { display: flex; flex-wrap: wrap; gap: 0 1.25rem; list-style: none; padding: 0; margin: 0.25rem 0 0; }
.paper-links a, .agenda-pack a { display: inline-block; min-height: 1.5rem; padding: 0.125rem 0; }
.page-note { font-size: 0.875rem; color: var(--muted); margin: 1rem 0 0; }
@media (max-width: 30rem) { ol.agenda > li { grid-template-columns: 2.75rem 1fr; } }
@media print {
  :root { --link: #000000; }
  .meeting-header .agenda-pack, .paper-links, .no-paper, .page-note { display: none; }
  ol.agenda > li { break-inside: avoid; }
}
`;
