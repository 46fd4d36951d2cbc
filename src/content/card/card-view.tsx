/** The definition card's contents. Everything is rendered as text; links are http(s) only. */
import { t, uiLocale } from '../../shared/i18n';
import type { TermDetail } from '../../shared/term-detail';
import { groupAliases, namedMessage, sourceLinks } from '../../shared/term-detail-parts';

export type CardState =
  | { kind: 'loading'; termId: string }
  | { kind: 'ready'; detail: TermDetail }
  | { kind: 'error'; termId: string; message: string };

export interface CardViewProps {
  state: CardState;
  /** Hover-opened cards are tooltips; keyboard-opened ones are focusable dialogs. */
  mode: 'hover' | 'keyboard';
  onShowTerm: (id: string) => void;
  onClose: () => void;
  /** Opens the library at this term. */
  onEdit: (id: string) => void;
}

/** Renders one card. */
export function CardView({ state, mode, onShowTerm, onClose, onEdit }: CardViewProps) {
  const role = mode === 'hover' ? ('tooltip' as const) : ('dialog' as const);
  if (state.kind !== 'ready') {
    const text = state.kind === 'loading' ? t('cardLoading') : `${t('cardError')}: ${state.message}`;
    return (
      <div class="card" role={role} aria-live="polite">
        <p class="muted">{text}</p>
      </div>
    );
  }
  const { detail } = state;
  const headingId = 'termlight-card-heading';
  // Named by its heading either way; only a keyboard-opened card takes focus.
  const labelled =
    mode === 'hover'
      ? { role, 'aria-labelledby': headingId }
      : { role, 'aria-labelledby': headingId, 'aria-modal': false, tabIndex: -1 };
  // The card speaks the extension's language and direction, not the page's (an English card on an
  // Arabic page is still left to right); the glossary's own text is in its pack's language, and
  // set to find its own direction.
  const text = { lang: detail.glossary.language, dir: 'auto' } as const;
  return (
    <div class="card" lang={uiLocale()} dir={t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr'} {...labelled}>
      <header>
        <h2 id={headingId} {...text}>
          {detail.term}
        </h2>
        {mode === 'keyboard' && (
          <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {detail.status === 'superseded' && detail.supersededBy && (
        <p class="status">
          {t('cardSupersededBy')}{' '}
          <button
            type="button"
            class="link"
            onClick={() => detail.supersededBy && onShowTerm(detail.supersededBy.id)}
          >
            {detail.supersededBy.term}
          </button>
        </p>
      )}
      {detail.status === 'draft' && <p class="status">{t('cardStatusDraft')}</p>}
      <p class="definition" {...text}>
        {detail.definition}
      </p>
      {detail.aliases.length > 0 && (
        <section aria-label={t('cardAliases')}>
          <h3>{t('cardAliases')}</h3>
          <dl class="aliases">
            {groupAliases(detail.aliases, detail.glossary.language).map(([lang, texts]) => (
              <div key={lang}>
                <dt>{namedMessage('cardLanguage_', lang)}</dt>
                <dd lang={lang}>{texts.join(' · ')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {detail.related.length > 0 && (
        <section aria-label={t('cardRelated')}>
          <h3>{t('cardRelated')}</h3>
          <ul class="related">
            {detail.related.map((ref) => (
              <li key={ref.id}>
                <button type="button" class="link" onClick={() => onShowTerm(ref.id)}>
                  {ref.term}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sources={detail.sources} />
      <footer class="muted">
        {detail.category && (
          <span>
            {t('cardCategory')}: {namedMessage('category_', detail.category)} ·{' '}
          </span>
        )}
        <span>
          {t('cardFromPack')}: {detail.glossary.name}
        </span>{' '}
        ·{' '}
        <button type="button" class="link" onClick={() => onEdit(detail.id)}>
          {t('cardEditInLibrary')}
        </button>
      </footer>
    </div>
  );
}

function SourceList({ sources }: { sources: TermDetail['sources'] }) {
  const links = sourceLinks(sources);
  if (links.length === 0) return null;
  return (
    <section aria-label={t('cardSources')}>
      <h3>{t('cardSources')}</h3>
      <ul class="sources">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
