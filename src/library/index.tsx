/** Library page entry (also the options page). */
import { render } from 'preact';
import { GlossariesView } from './glossaries-view';

function Library() {
  return (
    <main>
      <h1>Termlight library</h1>
      <GlossariesView />
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Library />, app);
