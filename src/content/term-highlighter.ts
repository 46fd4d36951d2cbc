/** Highlights the enabled glossaries' terms on this page, and again whenever the glossaries change. */
import browser from '../shared/browser';
import { compileMatcher, type Matcher } from '../shared/matcher';
import { send } from '../shared/messages';
import { SNAPSHOT_VERSION_KEY, type TermSnapshot } from '../shared/snapshot';
import { clearDefinitions } from './definitions-client';
import type { HighlightStore } from './highlight-store';
import { installHighlightStyle } from './highlight-style';
import { scanRoot } from './scanner';
import type { SkipOptions } from './skip-rules';

/** Starts highlighting `doc`; stops and removes every highlight when `signal` aborts. */
export function initTermHighlighter(doc: Document, store: HighlightStore, signal: AbortSignal): void {
  const options: SkipOptions = { includeCode: false };
  let snapshot: TermSnapshot | null = null;
  let matcher: Matcher | null = null;
  let pass: AbortController | null = null;

  const rescan = async () => {
    pass?.abort();
    const current = new AbortController();
    pass = current;
    signal.addEventListener('abort', () => current.abort(), { once: true });
    const answer = await send({ type: 'getSnapshot', knownVersion: snapshot?.version });
    if (current.signal.aborted) return;
    if (!('unchanged' in answer)) {
      snapshot = answer;
      matcher = compileMatcher(answer.terms);
      clearDefinitions();
    }
    if (!matcher || !doc.body) return;
    store.clear();
    store.attach();
    await scanRoot(doc.body, matcher, store, options, current.signal);
  };

  installHighlightStyle(doc, signal);
  const onStorageChange = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SNAPSHOT_VERSION_KEY in changes) void rescan().catch(report);
  };
  browser.storage.onChanged.addListener(onStorageChange);
  signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onStorageChange);
    store.detach();
  });
  void rescan().catch(report);
}

function report(error: unknown): void {
  console.warn('Termlight: could not highlight this page:', error);
}
