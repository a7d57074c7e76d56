/** The report's one style sheet; the page allows exactly this sheet through a CSP hash. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #dadce0; --bg: #fff; --card: #fafafa; --accent: #1a5fb4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 16px 0 6px; }
a { color: var(--accent); }
.sub, .byline, .meta, .chart-note, .empty { color: var(--muted); font-size: 0.9rem; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 12px 0; padding: 0; list-style: none; }
.stats li { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
.stats b { font-size: 1.1rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
.charts figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px; overflow-x: auto; }
.charts figcaption { font-weight: 600; margin-bottom: 6px; }
.chart { max-width: 100%; height: auto; }
.chart-label { font-size: 13px; fill: var(--fg); }
.chart-value { font-size: 11px; fill: var(--muted); }
.chart .axis { stroke: #80868b; stroke-width: 1; }
.chart .band { fill: #f1f3f4; }
.article { max-width: 760px; }
.article .block { margin: 0 0 12px; }
blockquote { margin: 0 0 12px; padding-left: 12px; border-left: 3px solid var(--line); }
mark { background: none; color: inherit; }
mark.claim { text-decoration: underline dotted #b39ddb; text-underline-offset: 3px; }
mark.corrected { background: #ffe082; border-radius: 2px; box-shadow: 0 0 0 1px #f9a825; }
mark.corrected:target { background: #ffca28; outline: 2px solid #e65100; }
mark.ev-correction { background: #c8e6c9; border-radius: 2px; }
mark.ev-flag { background: #ffcdd2; border-radius: 2px; }
.corr-links { font-size: 0.75rem; margin-left: 2px; white-space: nowrap; }
.corr-links a { font-weight: 600; }
table.claims { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
table.claims th, table.claims td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
table.claims td.num { text-align: right; }
.review { padding-left: 20px; }
.thread, .replies { list-style: none; margin: 0; padding: 0; }
.replies { margin-left: 22px; padding-left: 10px; border-left: 2px solid var(--line); }
.replies.flat { margin-left: 0; }
.thread > li, .replies > li { margin: 10px 0; }
li:target > .card { outline: 2px solid var(--accent); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card.flagged { border-color: #c62828; border-left-width: 4px; }
.card.removed { opacity: 0.7; }
.card header { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.author { font-weight: 600; }
.pid { font-size: 0.8rem; color: var(--muted); text-decoration: none; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 6px 0 0; }
.removed-text { font-style: italic; color: var(--muted); }
.badges { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px; }
.badge { display: inline-block; font-size: 0.75rem; line-height: 1.5; padding: 0 7px; border-radius: 10px; border: 1px solid var(--line); background: #fff; white-space: nowrap; text-decoration: none; color: var(--fg); }
.sent-positive { background: #e8f5e9; border-color: #81c784; }
.sent-negative { background: #ffebee; border-color: #e57373; }
.sent-mixed { background: #fff3e0; border-color: #ffb74d; }
.sent-neutral { background: #f1f3f4; }
.act { background: #e3f2fd; border-color: #90caf9; }
.rs-support { background: #e8f5e9; } .rs-deny { background: #ffebee; } .rs-query { background: #ede7f6; }
.stance-favor { border-color: #2e7d32; color: #1b5e20; }
.stance-against { border-color: #c62828; color: #b71c1c; }
.stance-neutral { color: var(--muted); }
.claim-badge { background: #f3e5f5; border-color: #ce93d8; }
.mod-low { background: #fff8e1; border-color: #ffd54f; }
.mod-mid { background: #ffe0b2; border-color: #ff9800; }
.mod-high { background: #c62828; border-color: #c62828; color: #fff; }
.correction { background: #fff59d; border-color: #f9a825; font-weight: 600; }
.concession { background: #e0f2f1; border-color: #4db6ac; }
.op { background: #e8eaf6; }
.sarcasm { background: #fce4ec; }
.why { margin-top: 6px; font-size: 0.85rem; }
.why summary { cursor: pointer; color: var(--muted); }
.why ul { margin: 4px 0 0; padding-left: 18px; }
.why-what { color: var(--muted); }
.why code { font-size: 0.75rem; color: var(--muted); }
.messages li { font-size: 0.85rem; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.8rem; }
`;
