/** The "Highlight on this site" switch, for the popup's tab: pages apply it live, without a reload. */
import { t } from '../shared/i18n';
import { type PageSettings, siteOf } from '../shared/settings';
import type { PageSettingsState } from './use-page-settings';

/** The switch for `url`'s site (none for pages that have no site, such as about:blank). */
export function SiteSwitch({
  url,
  settings,
  change,
}: {
  url: string | undefined;
  settings: PageSettings;
  change: PageSettingsState['change'];
}) {
  const site = url ? siteOf(url) : null;
  if (!site) return null;
  const enabled = !settings.disabledSites.includes(site);
  return (
    <label class="switch site-switch">
      <input
        type="checkbox"
        role="switch"
        aria-label={t('popup_siteSwitch')}
        aria-describedby="site-name"
        aria-checked={enabled}
        checked={enabled}
        onChange={(event) =>
          void change({
            type: 'setSiteEnabled',
            site,
            enabled: (event.currentTarget as HTMLInputElement).checked,
          })
        }
      />
      <span>
        {t('popup_siteSwitch')}{' '}
        <strong id="site-name" class="site-name">
          {site}
        </strong>
      </span>
    </label>
  );
}
