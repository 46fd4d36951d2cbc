/** Action popup entry. */
import { render } from 'preact';
import browser from '../shared/browser';
import { OnThisPage } from './on-this-page';
import { SearchBox } from './search-box';
import { SiteSwitch } from './site-switch';

function Popup() {
  const openLibrary = () => {
    void browser.runtime.openOptionsPage();
    window.close();
  };
  return (
    <main>
      <h1>Termlight</h1>
      <SearchBox />
      <SiteSwitch />
      <OnThisPage />
      <p class="muted">Glossary terms on this page are highlighted; hover one to see its definition.</p>
      <button type="button" onClick={openLibrary}>
        Open library
      </button>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
