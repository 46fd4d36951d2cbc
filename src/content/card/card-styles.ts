/** The card's own stylesheet (the host's rules are in shadow-ui-host.ts). */
export const CARD_CSS = `
.card {
  --bg: #ffffff; --fg: #1f2937; --muted: #4b5563; --accent: #1d4ed8; --border: #d1d5db;
  position: fixed;
  box-sizing: border-box;
  /* In px like its font: a rem is the page's root font size (10px on many sites), not ours. */
  width: min(416px, calc(100vw - 16px));
  max-height: min(384px, calc(100vh - 16px));
  overflow: auto;
  padding: 12px 14px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  text-align: start;
  pointer-events: auto;
  animation: appear 120ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1f2937; --fg: #f3f4f6; --muted: #d1d5db; --accent: #93c5fd; --border: #4b5563; }
}
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@keyframes appear { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
.card:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
header { display: flex; align-items: start; gap: 8px; }
h2 { flex: 1; margin: 0 0 6px; font-size: 16px; font-weight: 650; }
h3 { margin: 10px 0 2px; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
p { margin: 0 0 6px; }
.definition { white-space: pre-line; }
.muted, footer { color: var(--muted); font-size: 12px; }
footer { margin-top: 10px; }
.status { font-style: italic; }
dl { margin: 0; }
dl > div { display: flex; gap: 8px; }
dt { min-width: 5.5em; color: var(--muted); }
dd { margin: 0; }
ul { margin: 0; padding: 0 0 0 1.1em; }
a, .link { color: var(--accent); }
.link { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; text-align: start; }
.close { background: none; border: 0; font-size: 18px; line-height: 1; color: var(--muted); cursor: pointer; padding: 2px 6px; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;
