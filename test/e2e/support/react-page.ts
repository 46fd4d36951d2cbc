/** Builds the server-rendered React page and its hydration bundle, served by the test server. */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { StaticServer } from '../../harness/server';
import { App } from './react-app';

/** Serves `/react/index.html` and `/react/client.js` on `server`. */
export async function serveReactPage(server: StaticServer): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [resolve(import.meta.dirname, 'react-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const markup = renderToString(createElement(App));
  // The inline script records the server DOM before the content script (document_idle) can run.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React SSR</title>
<script defer src="/react/client.js"></script></head><body><div id="root">${markup}</div><script>window.__before = document.body.innerHTML;</script></body></html>`;
  server.route('/react/index.html', html);
  server.route('/react/client.js', bundle.outputFiles[0]?.text ?? '', 'text/javascript; charset=utf-8');
  return `${server.origin}/react/index.html`;
}
