/**
 * The "Subscribe" form of the Glossaries tab: a pack served by URL (any static host) is fetched by the
 * background, validated as an import is, and kept up to date from then on.
 */
import { useRef, useState } from 'preact/hooks';
import { send } from '../shared/messages';
import { safeHttpUrl } from '../shared/safe-url';
import { errorText } from './error-text';
import { problemsRefusal } from './problem-status';
import { termCount } from './term-count';
import type { StatusMessage } from './use-status';

/** The "Glossary URL" field and its "Subscribe" button; outcomes go to the status region. */
export function SubscribeForm(props: {
  announce: (status: StatusMessage) => void;
  /** Called after anything may have changed in the stored packs. */
  onChanged: () => void;
}) {
  const { announce, onChanged } = props;
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // One subscription at a time: a second press while the first is fetched does nothing.
  const busy = useRef(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.current) return;
    const typed = url.trim();
    const safe = safeHttpUrl(typed);
    if (!safe) {
      setInvalid(true);
      announce({
        tone: 'error',
        text: typed
          ? `Subscription failed, nothing was changed: only http and https URLs can be subscribed to, and "${typed}" is not one.`
          : 'Subscription failed, nothing was changed: enter the http or https URL of a glossary first.',
      });
      input.current?.focus();
      return;
    }
    busy.current = true;
    announce({ tone: 'info', text: `Subscribing to ${safe}…` });
    try {
      const result = await send({ type: 'subscribe', url: safe });
      if (!result.ok) {
        announce(problemsRefusal('Subscription failed, nothing was changed.', safe, result.errors));
        return;
      }
      setUrl('');
      announce({ tone: 'ok', text: `Subscribed to "${result.name}": ${termCount(result.termCount)}.` });
    } catch (error) {
      announce({
        tone: 'error',
        text: `Subscription to ${safe} did not finish: ${errorText(error)}. The glossary list shows what is stored now.`,
      });
    } finally {
      busy.current = false;
      onChanged();
    }
  };

  return (
    <form class="toolbar subscribe-form" noValidate onSubmit={(event) => void submit(event)}>
      <label class="field subscribe-url">
        <span class="field-label">Glossary URL</span>
        <input
          ref={input}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="https://example.org/team-glossary.json"
          value={url}
          aria-invalid={invalid}
          aria-describedby="subscribe-hint"
          onInput={(event) => {
            setUrl((event.currentTarget as HTMLInputElement).value);
            setInvalid(false);
          }}
        />
      </label>
      <button type="submit">Subscribe</button>
      <span id="subscribe-hint" class="muted">
        An http or https address of a .json, .csv or .tbx pack; refreshed as set in Settings (daily at first).
      </span>
    </form>
  );
}
