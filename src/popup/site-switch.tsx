/** The "Highlight on this site" switch, for the popup's tab: pages apply it live, without a reload. */
import { t } from '../shared/i18n';
import { type PageSettings, siteOf } from '../shared/settings';
import { Switch } from '../shared/ui/switch';
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
    <Switch
      id="site-switch"
      class="site-switch"
      name={t('popup_siteSwitch')}
      describedBy="site-name"
      checked={enabled}
      onChange={(on) => void change({ type: 'setSiteEnabled', site, enabled: on })}
    >
      {t('popup_siteSwitch')}{' '}
      <strong id="site-name" class="site-name">
        {site}
      </strong>
    </Switch>
  );
}
