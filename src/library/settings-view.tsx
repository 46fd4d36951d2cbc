/** Page settings: how terms are highlighted on every site. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import type { PageSettings } from '../shared/settings';
import { Switch } from '../shared/ui/switch';
import { RefreshInterval } from './refresh-interval';
import { StorageStatus } from './storage-status';
import type { StatusMessage } from './use-status';

type Flag = 'paused' | 'firstOccurrenceOnly' | 'includeCode' | 'showBadge';

const FLAGS: { key: Flag; label: () => string }[] = [
  { key: 'paused', label: () => t('popup_pause') },
  { key: 'firstOccurrenceOnly', label: () => t('library_settingFirstOccurrence') },
  { key: 'includeCode', label: () => t('library_settingIncludeCode') },
  { key: 'showBadge', label: () => t('library_settingShowBadge') },
];

/** The settings form; changes apply to open pages at once. */
export function SettingsView({ announce: setStatus }: { announce: (status: StatusMessage) => void }) {
  const [settings, setSettings] = useState<PageSettings | null>(null);

  useEffect(() => {
    send({ type: 'getSettings' }).then(setSettings, (error: unknown) =>
      setStatus({ tone: 'error', text: t('library_settingsReadFailed', String(error)) }),
    );
  }, [setStatus]);

  const change = async (key: Flag, value: boolean) => {
    try {
      setSettings(await send({ type: 'updateSettings', changes: { [key]: value } }));
      setStatus({ tone: 'ok', text: t('library_settingsSaved') });
    } catch (error) {
      setStatus({ tone: 'error', text: t('library_settingsSaveFailed', String(error)) });
    }
  };

  return (
    <>
      <h2 class="visually-hidden">{t('library_tabSettings')}</h2>
      {settings &&
        FLAGS.map(({ key, label }) => (
          <p key={key}>
            <Switch
              id={`setting-${key}`}
              name={label()}
              checked={settings[key]}
              onChange={(on) => void change(key, on)}
            />
          </p>
        ))}
      <RefreshInterval announce={setStatus} />
      <StorageStatus announce={setStatus} />
      {settings && settings.disabledSites.length > 0 && (
        <p class="muted">{t('library_switchedOffOn', settings.disabledSites.join(', '))}</p>
      )}
    </>
  );
}
