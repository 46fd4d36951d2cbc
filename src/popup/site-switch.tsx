/** The "Highlight on this site" switch: pages apply it live, without a reload. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { send } from '../shared/messages';
import { type PageSettings, siteOf } from '../shared/settings';

/** The switch for the active tab's site (hidden on pages that have no site, such as about:blank). */
export function SiteSwitch() {
  const [site, setSite] = useState<string | null>(null);
  const [settings, setSettings] = useState<PageSettings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setSite(tab?.url ? siteOf(tab.url) : null);
      setSettings(await send({ type: 'getSettings' }));
    })().catch((e: unknown) => setError(String(e)));
  }, []);

  if (error) return <p role="status">Could not read the settings: {error}</p>;
  if (!settings || !site) return null;
  const enabled = !settings.disabledSites.includes(site);
  const toggle = async (next: boolean) => {
    try {
      setSettings(await send({ type: 'setSiteEnabled', site, enabled: next }));
    } catch (e) {
      setError(String(e));
    }
  };
  return (
    <label class="switch site-switch">
      <input
        type="checkbox"
        role="switch"
        aria-label="Highlight on this site"
        aria-checked={enabled}
        checked={enabled}
        onChange={(event) => void toggle((event.currentTarget as HTMLInputElement).checked)}
      />
      <span>
        Highlight on <strong>{site}</strong>
      </span>
    </label>
  );
}
