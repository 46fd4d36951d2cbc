/** A small React app rendered on the server and hydrated in the browser, for the hydration test. */
import { createElement as h, useEffect, useState } from 'react';

declare global {
  interface Window {
    __hydrated?: boolean;
  }
}

/** An article with glossary terms split across elements, and a counter to prove it stays interactive. */
export function App() {
  const [clicks, setClicks] = useState(0);
  useEffect(() => {
    window.__hydrated = true;
  }, []);
  return h(
    'main',
    null,
    h('h1', null, 'Regulators and standards'),
    h('p', null, 'The ', h('b', null, 'Cyberspace Administration'), ' of China (CAC) oversees MLPS filings.'),
    h('p', null, 'Standards come from TC260; the ', h('em', null, 'leading small group'), ' set the agenda.'),
    h('button', { type: 'button', onClick: () => setClicks(clicks + 1) }, `Clicked ${clicks} times`),
  );
}
