/**
 * What a subscribed pack shows besides its name: where it comes from, when it was last refreshed,
 * the last refresh's error with its time, "Refresh now" and "Copy to local pack". A subscribed pack
 * is read-only: its terms change only when its URL serves a new version.
 */
import { useRef } from 'preact/hooks';
import { type GlossarySummary, send } from '../shared/messages';
import { safeHttpUrl } from '../shared/safe-url';
import { errorText } from './error-text';
import { problemsRefusal } from './problem-status';
import { whenText } from './subscription-messages';
import { termCount } from './term-count';
import type { StatusMessage } from './use-status';

/** A moment as a `<time>` element, its machine-readable value the ISO form. */
function Moment(props: { ms: number }) {
  return <time dateTime={new Date(props.ms).toISOString()}>{whenText(props.ms)}</time>;
}

/** The subscription's URL, refresh time and error, and its two buttons, grouped under the pack's name. */
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
      announce({ tone: 'info', text: `Refreshing "${pack.name}"…` });
      try {
        const result = await send({ type: 'refreshSubscription', id: pack.id });
        if (!result.ok) {
          announce(
            problemsRefusal(
              `Refresh of "${pack.name}" failed; the last good version is kept.`,
              url,
              result.errors,
            ),
          );
        } else if (!result.changed) {
          announce({ tone: 'ok', text: `"${result.name}" is up to date.` });
        } else {
          announce({ tone: 'ok', text: `"${result.name}" updated: ${termCount(result.termCount)}.` });
        }
      } catch (error) {
        announce({
          tone: 'error',
          text: `Refresh of "${pack.name}" did not finish: ${errorText(error)}. The last good version is kept.`,
        });
      }
    });

  const copy = () =>
    run(async () => {
      try {
        const result = await send({ type: 'copyToLocalPack', id: pack.id });
        announce({
          tone: 'ok',
          text: `Copied "${pack.name}" to the local pack "${result.name}", which you can edit. It is switched off until you enable it.`,
        });
      } catch (error) {
        announce({ tone: 'error', text: `Could not copy "${pack.name}": ${errorText(error)}` });
      }
    });

  return (
    <div class="subscription">
      <div class="muted subscription-url">
        Subscribed to{' '}
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        ) : (
          <span>{url}</span>
        )}
      </div>
      <div class="muted subscription-refreshed">
        {pack.lastRefresh ? (
          <>
            Last refreshed <Moment ms={pack.lastRefresh} />
          </>
        ) : (
          'Not refreshed yet'
        )}{' '}
        · read-only, refreshed as set in Settings
      </div>
      {pack.lastError && (
        <p class="subscription-error">
          Last refresh failed
          {pack.lastErrorAt ? (
            <>
              {' '}
              <Moment ms={pack.lastErrorAt} />
            </>
          ) : null}
          : {pack.lastError}. The last good version is kept.
        </p>
      )}
      <fieldset aria-label={`Subscription ${pack.name}`} class="subscription-actions">
        <button type="button" onClick={() => void refresh()}>
          Refresh now
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy to local pack
        </button>
      </fieldset>
    </div>
  );
}
