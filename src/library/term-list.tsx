/** The terms of one pack, read-only for now; `#term=<id>` in the URL scrolls to one and focuses it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, type TermSummary } from '../shared/messages';
import type { StatusMessage } from './use-status';

/** Lists a pack's terms; `focusId` is scrolled into view and focused once loaded. */
export function TermList(props: {
  glossaryId: string;
  focusId: string | null;
  announce: (s: StatusMessage) => void;
}) {
  const { glossaryId, focusId, announce } = props;
  const [terms, setTerms] = useState<TermSummary[] | null>(null);
  const focused = useRef<HTMLLIElement>(null);

  useEffect(() => {
    send({ type: 'listTerms', glossaryId }).then(setTerms, (error: unknown) =>
      announce({ tone: 'error', text: `Could not read the terms: ${String(error)}` }),
    );
  }, [glossaryId, announce]);

  useEffect(() => {
    if (terms && focused.current) {
      focused.current.scrollIntoView({ block: 'center' });
      focused.current.focus();
    }
  }, [terms]);

  if (!terms) return <p class="muted">Loading terms…</p>;
  return (
    <ul class="terms" aria-label="Terms">
      {terms.map((t) => (
        <li
          key={t.id}
          id={`term-${t.id}`}
          class={t.id === focusId ? 'term current' : 'term'}
          tabIndex={t.id === focusId ? -1 : undefined}
          ref={t.id === focusId ? focused : undefined}
        >
          <div class="name">
            {t.term}
            {t.status !== 'current' && <span class="muted"> ({t.status})</span>}
          </div>
          {t.aliases.length > 0 && <div class="muted">{t.aliases.join(' · ')}</div>}
          <p class="definition">{t.definition}</p>
        </li>
      ))}
    </ul>
  );
}
