/** Library page entry (also the options page). */
import { render } from 'preact';
import { GlossariesView } from './glossaries-view';
import { SettingsView } from './settings-view';
import { StatusRegion } from './status-region';
import { useStatus } from './use-status';

function Library() {
  // One live region for the whole page, so every outcome is announced in the same place.
  const [status, setStatus] = useStatus();
  return (
    <main>
      <h1>Termlight library</h1>
      <StatusRegion status={status} />
      <GlossariesView announce={setStatus} />
      <SettingsView announce={setStatus} />
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Library />, app);
