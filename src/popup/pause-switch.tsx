/** "Pause Termlight everywhere": every open tab and frame stops at once, and resumes with a rescan. */
import { t } from '../shared/i18n';
import type { PageSettings } from '../shared/settings';
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
      <label class="switch pause-switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={settings.paused}
          checked={settings.paused}
          onChange={(event) =>
            void change({
              type: 'updateSettings',
              changes: { paused: (event.currentTarget as HTMLInputElement).checked },
            })
          }
        />
        {t('popup_pause')}
      </label>
      {settings.paused && <p class="muted">{t('popup_pausedNote')}</p>}
    </>
  );
}
