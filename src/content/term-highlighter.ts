/** Highlights the enabled glossaries' terms on this page, and again whenever the glossaries change. */
import browser from '../shared/browser';
import { unpackMatcher } from '../shared/matcher';
import { send } from '../shared/messages';
import { SNAPSHOT_VERSION_KEY } from '../shared/snapshot';
import { clearDefinitions } from './definitions-client';
import type { HighlightStore } from './highlight-store';
import { HighlightStyles } from './highlight-style';
import { nextTask } from './idle-chunks';
import { HIGHLIGHTS_CHANGED_EVENT } from './main-world/hook-events';
import { onPageChange } from './page-navigation';
import { measureEmptyPass, PageScanner } from './page-scanner';
import { whenTextAppears } from './page-text';
import { RestorePacer } from './restore-pacer';
import { warmSegmenterFor } from './segmenter-warmup';
import type { ScanOptions } from './skip-rules';

/** Starts highlighting `doc`; stops and removes every highlight when `signal` aborts. */
export function initTermHighlighter(
  doc: Document,
  store: HighlightStore,
  options: ScanOptions,
  signal: AbortSignal,
): void {
  const styles = new HighlightStyles(doc, signal);
  const scanner = new PageScanner(doc, store, options, styles, signal);
  let version: number | undefined;
  // Set once the frame has text (see page-text.ts): until then it asks for no matcher.
  let started = false;

  const refreshOnce = async () => {
    const asked = send({ type: 'getSnapshot', knownVersion: version });
    if (version === undefined) {
      // Its rejection is met below: until then, it is not an unhandled one.
      asked.catch(() => undefined);
      // While the background answers, in a task of its own: what the first scan would wait for.
      await nextTask();
      if (!signal.aborted) warmSegmenterFor(doc);
    }
    const answer = await asked;
    if (signal.aborted || 'unchanged' in answer) return;
    // Compiled in the background once per glossary change; here it is only unpacked, in a task
    // after the one that read the message, so the two never add up to a long one.
    await nextTask();
    if (signal.aborted) return;
    const matcher = unpackMatcher(answer.matcher);
    // And the scan starts in a task of its own, as unpacking a big glossary takes some milliseconds.
    await nextTask();
    if (signal.aborted) return;
    version = answer.version;
    clearDefinitions();
    store.setColours(answer.colours);
    await scanner.setMatcher(matcher);
  };
  // One ask at a time. A snapshot change heard while an ask is on its way (the version the
  // background bumps as it seeds a fresh profile, answered to the first ask already) asks once
  // more afterwards, with the version it got: "unchanged", not a second full scan of the page.
  let asking: Promise<void> | null = null;
  let askAgain = false;
  const refresh = (): Promise<void> => {
    if (asking) {
      askAgain = true;
      return asking;
    }
    asking = (async () => {
      do {
        askAgain = false;
        await refreshOnce();
      } while (askAgain && !signal.aborted);
    })().finally(() => {
      asking = null;
    });
    return asking;
  };

  // The page-world hook (main-world/highlight-watch.ts) says when a page script changed CSS.highlights.
  const pacer = new RestorePacer(() => store.restore(), signal);
  doc.addEventListener(HIGHLIGHTS_CHANGED_EVENT, () => pacer.request(), { signal });
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (started && area === 'local' && SNAPSHOT_VERSION_KEY in changes) refresh().catch(report);
  };
  browser.storage.onChanged.addListener(onStorageChange);
  // Single-page apps swap their content without a load: rescan after a move to another page.
  const view = doc.defaultView;
  if (view) onPageChange(view, () => void scanner.fullScan().catch(report), signal);
  signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onStorageChange);
    store.detach();
  });
  const startedNow = whenTextAppears(doc, signal, () => {
    started = true;
    refresh().catch(report);
  });
  // A frame with nothing to read still ends a pass, which found nothing, as every page does.
  if (!startedNow) measureEmptyPass();
}

function report(error: unknown): void {
  console.warn('Termlight: could not highlight this page:', error);
}
