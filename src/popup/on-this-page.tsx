/** "On this page": the tab's terms (all frames together) with their counts, and its clippings. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { type FramePageTerms, send, type TabRequest } from '../shared/messages';
import { type FrameAnswer, mergeFrameTerms, type PageSummary } from './page-terms';

/** The most terms listed (and so the most names asked of the background). */
const MAX_LISTED = 100;

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

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; terms: Listed[]; clippings: number }
  | { kind: 'error'; message: string };

/** The terms of tab `tabId`, each a button that scrolls the tab to its next occurrence and opens its card. */
export function OnThisPage({ tabId }: { tabId: number }) {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const summary = await askFrames(tabId);
      const listed = summary.terms.slice(0, MAX_LISTED);
      // All names in one request, however many terms the page holds.
      const names =
        listed.length > 0 ? await send({ type: 'getTermNames', ids: listed.map((x) => x.id) }) : {};
      setState({
        kind: 'ready',
        terms: listed.map((x) => ({ ...x, name: names[x.id] ?? x.id })),
        clippings: summary.clippings,
      });
    })().catch((error: unknown) =>
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [tabId]);

  if (state.kind === 'loading') return null;
  const show = async (term: Listed) => {
    const request: TabRequest = { type: 'showTerm', id: term.id };
    await browser.tabs.sendMessage(tabId, request, { frameId: term.frameId }).catch(() => undefined);
    window.close();
  };
  return (
    <section aria-labelledby="on-this-page">
      <h2 id="on-this-page">{t('popup_onThisPage')}</h2>
      {state.kind === 'error' ? (
        <p class="muted">{t('popup_pageReadError', state.message)}</p>
      ) : (
        <>
          {state.terms.length === 0 ? (
            <p class="muted">{t('popup_noTermsHere')}</p>
          ) : (
            <ul class="page-terms">
              {state.terms.map((term) => (
                <li key={term.id}>
                  <button type="button" onClick={() => void show(term)}>
                    {t('popup_termCount', [term.name, String(term.count)])}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p class="muted">
            {state.clippings === 1
              ? t('popup_oneClipping')
              : t('popup_clippingCount', String(state.clippings))}
          </p>
        </>
      )}
    </section>
  );
}
