/** "On this page": the active tab's terms (all frames together) with their counts, and its clippings. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { type FramePageTerms, send, type TabRequest } from '../shared/messages';
import { type FrameAnswer, mergeFrameTerms, type PageSummary } from './page-terms';

/** The most terms listed (and so the most names asked of the background). */
const MAX_LISTED = 100;

/** The tab the popup is about: `?tabId=N` (Firefox opens the popup as a page) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function askFrames(tabId: number): Promise<PageSummary> {
  const frames = await browser.webNavigation
    .getAllFrames({ tabId })
    .then((list) => (list ?? []).map((f) => f.frameId))
    .catch(() => [0]);
  const request: TabRequest = { type: 'pageTerms' };
  const answers: FrameAnswer[] = await Promise.all(
    (frames.length > 0 ? frames : [0]).map(async (frameId) => ({
      frameId,
      answer: ((await browser.tabs.sendMessage(tabId, request, { frameId }).catch(() => null)) ??
        null) as FramePageTerms | null,
    })),
  );
  return mergeFrameTerms(answers);
}

interface Listed {
  id: string;
  name: string;
  count: number;
  frameId: number;
}

export function OnThisPage() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [terms, setTerms] = useState<Listed[] | null>(null);
  const [clippings, setClippings] = useState(0);

  useEffect(() => {
    (async () => {
      const tab = await targetTab();
      if (tab === undefined) return;
      setTabId(tab);
      const summary = await askFrames(tab);
      const listed = summary.terms.slice(0, MAX_LISTED);
      const names = await Promise.all(
        listed.map((t) => send({ type: 'getDefinition', id: t.id }).catch(() => null)),
      );
      setTerms(listed.map((t, i) => ({ ...t, name: names[i]?.term ?? t.id })));
      setClippings(summary.clippings);
    })().catch((error: unknown) => console.warn('Termlight: could not read this page', error));
  }, []);

  if (tabId === null || terms === null) return null;
  const show = async (term: Listed) => {
    const request: TabRequest = { type: 'showTerm', id: term.id };
    await browser.tabs.sendMessage(tabId, request, { frameId: term.frameId }).catch(() => undefined);
    window.close();
  };
  return (
    <section aria-labelledby="on-this-page">
      <h2 id="on-this-page">On this page</h2>
      {terms.length === 0 ? (
        <p class="muted">No glossary terms on this page.</p>
      ) : (
        <ul class="page-terms">
          {terms.map((term) => (
            <li key={term.id}>
              <button type="button" onClick={() => void show(term)}>
                {term.name} ({term.count})
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        {clippings === 1 ? '1 clipping on this page' : `${clippings} clippings on this page`}
      </p>
    </section>
  );
}
