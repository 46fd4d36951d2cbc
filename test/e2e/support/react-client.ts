/** Browser entry of the hydration test page: hydrates the server markup and records any error. */
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './react-app';

declare global {
  interface Window {
    __hydrationErrors: string[];
  }
}

window.__hydrationErrors = [];
const root = document.getElementById('root');
if (root) {
  hydrateRoot(root, createElement(App), {
    onRecoverableError: (error) => window.__hydrationErrors.push(String(error)),
    onUncaughtError: (error) => window.__hydrationErrors.push(String(error)),
  });
}
