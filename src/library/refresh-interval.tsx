/** The Settings tab's choice of how often subscribed glossaries are fetched again. */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/messages';
import type { StatusMessage } from './use-status';

const CHOICES: { hours: 1 | 6 | 12 | 24 | 168; label: string }[] = [
  { hours: 1, label: 'Every hour' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Every day' },
  { hours: 168, label: 'Every week' },
];

/** A select named "Refresh subscribed glossaries"; a change reschedules the background's alarm. */
export function RefreshInterval({ announce }: { announce: (status: StatusMessage) => void }) {
  const [hours, setHours] = useState<number | null>(null);

  useEffect(() => {
    send({ type: 'getRefreshInterval' }).then(
      (answer) => setHours(answer.hours),
      (error: unknown) =>
        announce({ tone: 'error', text: `Could not read the refresh interval: ${String(error)}` }),
    );
  }, [announce]);

  const change = async (value: number) => {
    const choice = CHOICES.find((c) => c.hours === value);
    if (!choice) return;
    try {
      setHours((await send({ type: 'setRefreshInterval', hours: choice.hours })).hours);
      announce({
        tone: 'ok',
        text: `Subscribed glossaries will be refreshed ${choice.label.toLowerCase()}.`,
      });
    } catch (error) {
      announce({ tone: 'error', text: `Could not save the refresh interval: ${String(error)}` });
    }
  };

  if (hours === null) return null;
  return (
    <p>
      <label>
        Refresh subscribed glossaries{' '}
        <select
          aria-label="Refresh subscribed glossaries"
          value={String(hours)}
          onChange={(event) => void change(Number((event.currentTarget as HTMLSelectElement).value))}
        >
          {CHOICES.map((c) => (
            <option key={c.hours} value={String(c.hours)}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
