/** "Pause Termlight everywhere": every open tab and frame stops at once, and resumes with a rescan. */
import { t } from '../shared/i18n';
import type { PageSettings } from '../shared/settings';
import { Switch } from '../shared/ui/switch';
import type { PageSettingsState } from './use-page-settings';

export function PauseSwitch({
  settings,
  change,
}: {
  settings: PageSettings;
  change: PageSettingsState['change'];
}) {
  return (
    <>
      <Switch
        id="pause-switch"
        class="pause-switch"
        name={t('popup_pause')}
        checked={settings.paused}
        onChange={(paused) => void change({ type: 'updateSettings', changes: { paused } })}
      />
      {settings.paused && <p class="muted">{t('popup_pausedNote')}</p>}
    </>
  );
}
