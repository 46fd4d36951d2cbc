/**
 * The "Subscribe" form of the Glossaries tab: a pack served by URL (any static host) is fetched by the
 * background, validated as an import is, and kept up to date from then on.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
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
        text: typed ? t('library_subscribeNotHttp', typed) : t('library_subscribeNoUrl'),
      });
      input.current?.focus();
      return;
    }
    busy.current = true;
    announce({ tone: 'info', text: t('library_subscribing', safe) });
    try {
      const result = await send({ type: 'subscribe', url: safe });
      if (!result.ok) {
        announce(problemsRefusal(t('library_subscribeRefused'), safe, result.errors));
        return;
      }
      setUrl('');
      announce({ tone: 'ok', text: t('library_subscribed', [result.name, termCount(result.termCount)]) });
    } catch (error) {
      announce({
        tone: 'error',
        text: t('library_subscribeUnfinished', [safe, errorText(error)]),
      });
    } finally {
      busy.current = false;
      onChanged();
    }
  };

  return (
    <form class="toolbar subscribe-form" noValidate onSubmit={(event) => void submit(event)}>
      <label class="field subscribe-url">
        <span class="field-label">{t('library_glossaryUrl')}</span>
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
      <button type="submit">{t('library_subscribe')}</button>
      <span id="subscribe-hint" class="muted">
        {t('library_subscribeHint')}
      </span>
    </form>
  );
}
