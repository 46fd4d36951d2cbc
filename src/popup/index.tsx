/** Action popup entry. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t, uiLocale } from '../shared/i18n';
import { OnThisPage } from './on-this-page';
import { PauseSwitch } from './pause-switch';
import { SearchBox } from './search-box';
import { SiteSwitch } from './site-switch';
import { type TargetTab, targetTab } from './target-tab';
import { usePageSettings } from './use-page-settings';

function Popup() {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const { settings, error, change } = usePageSettings();
  useEffect(() => {
    targetTab().then(
      (found) => setTab(found ?? null),
      (e: unknown) => console.warn('Termlight: no tab for the popup', e),
    );
  }, []);
  const openLibrary = () => {
    void browser.runtime.openOptionsPage();
    window.close();
  };
  return (
    <main>
      <h1>{t('extName')}</h1>
      <SearchBox />
      {error && <p role="alert">{error}</p>}
      {settings && (
        <>
          {tab && <SiteSwitch url={tab.url} settings={settings} change={change} />}
          <PauseSwitch settings={settings} change={change} />
        </>
      )}
      {tab && <OnThisPage tabId={tab.id} />}
      <p class="muted">{t('popup_hint')}</p>
      <button type="button" onClick={openLibrary}>
        {t('popup_openLibrary')}
      </button>
    </main>
  );
}

// The page is in the language its strings come in. Each locale names itself: Chromium's
// getUILanguage() and @@ui_locale can say en-US while the messages come from zh_CN.
document.documentElement.lang = uiLocale();
document.title = t('extName');
const app = document.getElementById('app');
if (app) render(<Popup />, app);
