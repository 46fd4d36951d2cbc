/** Page settings: how terms are highlighted on every site. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import type { PageSettings } from '../shared/settings';
import { RefreshInterval } from './refresh-interval';
import type { StatusMessage } from './use-status';

type Flag = 'paused' | 'firstOccurrenceOnly' | 'includeCode' | 'showBadge';

const FLAGS: { key: Flag; label: string }[] = [
  { key: 'paused', label: t('popup_pause') },
  { key: 'firstOccurrenceOnly', label: 'Highlight only the first occurrence of each term' },
  { key: 'includeCode', label: 'Highlight terms inside code blocks' },
  { key: 'showBadge', label: 'Show the number of terms on the toolbar icon' },
];

/** The settings form; changes apply to open pages at once. */
export function SettingsView({ announce: setStatus }: { announce: (status: StatusMessage) => void }) {
  const [settings, setSettings] = useState<PageSettings | null>(null);

  useEffect(() => {
    send({ type: 'getSettings' }).then(setSettings, (error: unknown) =>
      setStatus({ tone: 'error', text: `Could not read the settings: ${String(error)}` }),
    );
  }, [setStatus]);

  const change = async (key: Flag, value: boolean) => {
    try {
      setSettings(await send({ type: 'updateSettings', changes: { [key]: value } }));
      setStatus({ tone: 'ok', text: 'Settings saved.' });
    } catch (error) {
      setStatus({ tone: 'error', text: `Could not save the settings: ${String(error)}` });
    }
  };

  return (
    <>
      <h2 class="visually-hidden">Settings</h2>
      {settings &&
        FLAGS.map(({ key, label }) => (
          <p key={key}>
            <label class="switch">
              <input
                type="checkbox"
                checked={settings[key]}
                onChange={(event) => void change(key, (event.currentTarget as HTMLInputElement).checked)}
              />
              {label}
            </label>
          </p>
        ))}
      <RefreshInterval announce={setStatus} />
      {settings && settings.disabledSites.length > 0 && (
        <p class="muted">Switched off on: {settings.disabledSites.join(', ')}</p>
      )}
    </>
  );
}
