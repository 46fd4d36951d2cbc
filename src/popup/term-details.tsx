/** A term result opened in place: what its definition card shows, as plain text, links http(s) only. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import type { TermDetail } from '../shared/term-detail';
import { groupAliases, namedMessage, sourceLinks } from '../shared/term-detail-parts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; detail: TermDetail }
  | { kind: 'error'; message: string };

/** The full entry of term `id`, fetched when it is first shown. */
export function TermDetails({ id }: { id: string }) {
  const [state, setState] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    send({ type: 'getDefinition', id }).then(
      (detail) =>
        setState(detail ? { kind: 'ready', detail } : { kind: 'error', message: t('popup_noSuchTerm') }),
      (error: unknown) => setState({ kind: 'error', message: String(error) }),
    );
  }, [id]);

  if (state.kind === 'loading') return <p class="muted">{t('cardLoading')}</p>;
  if (state.kind === 'error') return <p class="muted">{`${t('cardError')}: ${state.message}`}</p>;
  const { detail } = state;
  return (
    <>
      {detail.status === 'superseded' && detail.supersededBy && (
        <p class="term-status">
          {t('cardSupersededBy')} {detail.supersededBy.term}
        </p>
      )}
      {detail.status === 'draft' && <p class="term-status">{t('cardStatusDraft')}</p>}
      <p class="term-definition">{detail.definition}</p>
      {detail.aliases.length > 0 && (
        <dl class="term-aliases" aria-label={t('cardAliases')}>
          {groupAliases(detail.aliases, detail.glossary.language).map(([lang, texts]) => (
            <div key={lang}>
              <dt>{namedMessage('cardLanguage_', lang)}</dt>
              <dd lang={lang}>{texts.join(' · ')}</dd>
            </div>
          ))}
        </dl>
      )}
      {detail.related.length > 0 && (
        <p class="term-related">
          {t('cardRelated')}: {detail.related.map((ref) => ref.term).join(' · ')}
        </p>
      )}
      <SourceLinks sources={detail.sources} />
    </>
  );
}

function SourceLinks({ sources }: { sources: TermDetail['sources'] }) {
  const links = sourceLinks(sources);
  if (links.length === 0) return null;
  return (
    <ul class="term-sources" aria-label={t('cardSources')}>
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            {link.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
