/** The Settings tab's choice of how often subscribed glossaries are fetched again. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import type { StatusMessage } from './use-status';

/** Each choice, with its option's name and the sentence that confirms it. */
const CHOICES: { hours: 1 | 6 | 12 | 24 | 168; label: () => string; saved: () => string }[] = [
  { hours: 1, label: () => t('library_everyHour'), saved: () => t('library_refreshSavedHour') },
  { hours: 6, label: () => t('library_every6Hours'), saved: () => t('library_refreshSaved6Hours') },
  { hours: 12, label: () => t('library_every12Hours'), saved: () => t('library_refreshSaved12Hours') },
  { hours: 24, label: () => t('library_everyDay'), saved: () => t('library_refreshSavedDay') },
  { hours: 168, label: () => t('library_everyWeek'), saved: () => t('library_refreshSavedWeek') },
];

/** A select named "Refresh subscribed glossaries"; a change reschedules the background's alarm. */
export function RefreshInterval({ announce }: { announce: (status: StatusMessage) => void }) {
  const [hours, setHours] = useState<number | null>(null);

  useEffect(() => {
    send({ type: 'getRefreshInterval' }).then(
      (answer) => setHours(answer.hours),
      (error: unknown) => announce({ tone: 'error', text: t('library_refreshReadFailed', String(error)) }),
    );
  }, [announce]);

  const change = async (value: number) => {
    const choice = CHOICES.find((c) => c.hours === value);
    if (!choice) return;
    try {
      setHours((await send({ type: 'setRefreshInterval', hours: choice.hours })).hours);
      announce({ tone: 'ok', text: choice.saved() });
    } catch (error) {
      announce({ tone: 'error', text: t('library_refreshSaveFailed', String(error)) });
    }
  };

  if (hours === null) return null;
  return (
    <p>
      <label>
        {t('library_refreshLabel')}{' '}
        <select
          aria-label={t('library_refreshLabel')}
          value={String(hours)}
          onChange={(event) => void change(Number((event.currentTarget as HTMLSelectElement).value))}
        >
          {CHOICES.map((c) => (
            <option key={c.hours} value={String(c.hours)}>
              {c.label()}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
