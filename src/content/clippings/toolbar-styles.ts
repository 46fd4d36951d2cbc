/** The selection toolbar's own stylesheet (the host's rules are in shadow-ui-host.ts). */
export const TOOLBAR_CSS = `
.bar {
  --bg: #ffffff; --fg: #1f2937; --muted: #4b5563; --accent: #1d4ed8; --border: #d1d5db; --error: #b91c1c;
  position: fixed;
  box-sizing: border-box;
  max-width: min(384px, calc(100vw - 16px));
  padding: 6px 8px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: 0 6px 18px rgba(0, 0, 0, 0.18);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  text-align: start;
  pointer-events: auto;
}
@media (prefers-color-scheme: dark) {
  .bar { --bg: #1f2937; --fg: #f3f4f6; --muted: #d1d5db; --accent: #93c5fd; --border: #4b5563; --error: #fca5a5; }
}
.row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
button {
  font: inherit; color: var(--fg); background: transparent; cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; padding: 3px 10px;
}
button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button[disabled] { opacity: 0.6; cursor: default; }
label { display: block; margin-top: 6px; color: var(--muted); font-size: 12px; }
textarea, input {
  box-sizing: border-box; width: 100%; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; padding: 4px 6px; margin-top: 2px;
}
textarea { min-height: 3.2em; resize: vertical; }
.status { margin: 4px 0 0; color: var(--muted); }
.status:empty { display: none; }
.status.error { color: var(--error); }
.note { white-space: pre-wrap; margin: 0; }
.tags { margin: 4px 0 0; color: var(--muted); }
@media (forced-colors: active) {
  .bar { border-color: CanvasText; }
  button.primary { background: ButtonText; color: ButtonFace; }
}
`;
