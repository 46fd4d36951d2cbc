/**
 * What a subscribed pack shows besides its name: where it comes from, when it was last refreshed,
 * the last refresh's error with its time, "Refresh now" and "Copy to local pack". A subscribed pack
 * is read-only: its terms change only when its URL serves a new version.
 */
import { useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { type GlossarySummary, type ImportProblem, send } from '../shared/messages';
import { safeHttpUrl } from '../shared/safe-url';
import { errorText } from './error-text';
import { formatDateTime } from './locale';
import { problemLines, problemsRefusal } from './problem-status';
import { slot, withElements } from './rich-message';
import { termCount } from './term-count';
import type { StatusMessage } from './use-status';

/** A moment as a `<time>` element, its machine-readable value the ISO form. */
function Moment(props: { ms: number }) {
  return <time dateTime={new Date(props.ms).toISOString()}>{formatDateTime(props.ms)}</time>;
}

/** The subscription's URL, refresh time and error, and its two buttons, grouped under the pack's name. */
/** A failed refresh's problems on one line, as the background stores its English (`lastError`). */
function failureText(problems: readonly ImportProblem[]): string {
  return problemLines(problems).join('; ');
}

export function SubscriptionControls(props: {
  pack: GlossarySummary;
  announce: (status: StatusMessage) => void;
  /** Called after anything may have changed in the stored packs. */
  onChanged: () => void;
}) {
  const { pack, announce, onChanged } = props;
  const busy = useRef(false);
  const url = pack.url ?? '';
  const link = safeHttpUrl(url);
  // In the library's language when the failure was kept as problems; else as it was stored.
  const failure = pack.lastProblems?.length ? failureText(pack.lastProblems) : pack.lastError;

  // One request at a time per pack; the list is read again afterwards, whatever happened.
  const run = async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
      onChanged();
    }
  };

  const refresh = () =>
    run(async () => {
      announce({ tone: 'info', text: t('library_refreshing', pack.name) });
      try {
        const result = await send({ type: 'refreshSubscription', id: pack.id });
        if (!result.ok) {
          announce(problemsRefusal(t('library_refreshRefused', pack.name), url, result.errors));
        } else if (!result.changed) {
          announce({ tone: 'ok', text: t('library_upToDate', result.name) });
        } else {
          announce({
            tone: 'ok',
            text: t('library_subscriptionUpdated', [result.name, termCount(result.termCount)]),
          });
        }
      } catch (error) {
        announce({
          tone: 'error',
          text: t('library_refreshUnfinished', [pack.name, errorText(error)]),
        });
      }
    });

  const copy = () =>
    run(async () => {
      try {
        const result = await send({ type: 'copyToLocalPack', id: pack.id });
        announce({
          tone: 'ok',
          text: t('library_copied', [pack.name, result.name]),
        });
      } catch (error) {
        announce({ tone: 'error', text: t('library_copyFailed', [pack.name, errorText(error)]) });
      }
    });

  return (
    <div class="subscription">
      <div class="muted subscription-url">
        {withElements(t('library_subscribedTo', slot(0)), [
          link ? (
            <a key="url" href={link} target="_blank" rel="noopener noreferrer">
              {url}
            </a>
          ) : (
            <span key="url">{url}</span>
          ),
        ])}
      </div>
      <div class="muted subscription-refreshed">
        {pack.lastRefresh
          ? withElements(t('library_lastRefreshed', slot(0)), [<Moment key="at" ms={pack.lastRefresh} />])
          : t('library_notRefreshed')}{' '}
        · {t('library_readOnlySubscription')}
      </div>
      {failure && (
        <p class="subscription-error">
          {pack.lastErrorAt
            ? withElements(t('library_lastRefreshFailedAt', [slot(0), failure]), [
                <Moment key="at" ms={pack.lastErrorAt} />,
              ])
            : t('library_lastRefreshFailed', failure)}
        </p>
      )}
      <fieldset aria-label={t('library_subscriptionGroup', pack.name)} class="subscription-actions">
        <button type="button" onClick={() => void refresh()}>
          {t('library_refreshNow')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {t('library_copyToLocal')}
        </button>
      </fieldset>
    </div>
  );
}
