// Bundles every extension context with esbuild and writes dist/chrome and dist/firefox from one manifest.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLE_BUDGETS, overBudget } from './lib/bundle-budget.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const GECKO_ID = 'termlight@termlight.dev';

/** The per-browser manifest: Chromium keeps the service worker, Firefox gets an event page. */
export function browserManifest(source, browser) {
  const manifest = structuredClone(source);
  if (browser === 'firefox') {
    manifest.background = { scripts: ['background.js'] };
    // 140: the first Firefox with the CSS Custom Highlight API. Termlight sends nothing anywhere, and
    // data_collection_permissions says so in the form Firefox's add-on policy asks for.
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
    for (const cs of manifest.content_scripts) delete cs.match_origin_as_fallback;
  } else {
    manifest.background = { service_worker: 'background.js' };
    // The CSS Custom Highlight API and StaticRange in highlights are safe from 120 on.
    manifest.minimum_chrome_version = '120';
  }
  return manifest;
}

// The content scripts run in every frame of every page: they get the browser's own API through a
// small adapter instead of webextension-polyfill (see src/content/browser-adapter.ts).
const contentScriptEntries = {
  content: 'src/content/index.ts',
  // The card, toolbar and anchorer: injected into a frame by the background when first needed.
  'content-ui': 'src/content/ui/index.ts',
};

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): every function of
 * content.js is compiled as the script loads, not lazily when first called. A page load runs the
 * scan's code for the first time in the middle of its pass, where each lazy compile stopped it;
 * compiling up front costs a fraction of a millisecond per frame, and content-ui.js, loaded only
 * when a card or toolbar is first needed, keeps lazy compiling. Measured in the README's notes.
 */
const COMPILE_ON_LOAD = '//# allFunctionsCalledOnLoad';

const extensionEntries = {
  background: 'src/background/index.ts',
  'page-hooks': 'src/content/main-world/page-hooks.ts',
  popup: 'src/popup/index.tsx',
  library: 'src/library/index.tsx',
  // Parses large glossary files off the library page's thread (src/library/import-stream.ts).
  'import-worker': 'src/library/import-worker.ts',
};

const common = {
  bundle: true,
  minify: !watch && process.env.TERMLIGHT_MINIFY !== '0',
  sourcemap: watch ? 'inline' : false,
  target: ['chrome120', 'firefox140'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

async function writeBrowserDirs() {
  const source = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  for (const browser of ['chrome', 'firefox']) {
    const out = join(root, 'dist', browser);
    await mkdir(out, { recursive: true });
    await cp(join(root, 'static'), out, { recursive: true });
    await cp(join(root, 'dist', '.bundle'), out, { recursive: true });
    await writeFile(
      join(out, 'manifest.json'),
      `${JSON.stringify(browserManifest(source, browser), null, 2)}\n`,
    );
  }
}

async function main() {
  await rm(join(root, 'dist'), { recursive: true, force: true });
  // In watch mode every rebuild rewrites the browser folders; a one-off build writes them once below.
  const copyPlugin = {
    name: 'write-browser-dirs',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length === 0) await writeBrowserDirs();
      });
    },
  };
  const browserBundle = {
    ...common,
    outdir: join(root, 'dist', '.bundle'),
    format: 'iife',
    platform: 'browser',
    metafile: true,
    plugins: watch ? [copyPlugin] : [],
  };
  const extension = { ...browserBundle, entryPoints: extensionEntries };
  const contentScript = (entry) => ({
    ...browserBundle,
    entryPoints: { [entry]: contentScriptEntries[entry] },
    alias: { 'webextension-polyfill': './src/content/native-browser.ts' },
    ...(entry === 'content' ? { banner: { js: COMPILE_ON_LOAD } } : {}),
  });
  const contentScripts = [contentScript('content'), contentScript('content-ui')];
  const cli = {
    ...common,
    entryPoints: { termlight: 'src/cli/termlight.ts' },
    outdir: join(root, 'dist', 'cli'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    banner: { js: '#!/usr/bin/env node' },
  };
  if (watch) {
    for (const options of [extension, ...contentScripts, cli]) await (await esbuild.context(options)).watch();
    console.log('watching for changes…');
    return;
  }
  const results = await Promise.all([extension, ...contentScripts].map((options) => esbuild.build(options)));
  await esbuild.build(cli);
  await writeBrowserDirs();
  const outputs = Object.assign({}, ...results.map((result) => result.metafile.outputs));
  const sizes = Object.entries(outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => `${file.split('/').pop()} ${(meta.bytes / 1024).toFixed(1)} KB`);
  console.log(`built dist/chrome and dist/firefox: ${sizes.join(', ')}`);
  // Only a minified build is held to the budgets (TERMLIGHT_MINIFY=0 is for reading the output).
  const over = common.minify ? overBudget(outputs, BUNDLE_BUDGETS) : [];
  if (over.length > 0) throw new Error(`bundle budget exceeded: ${over.join('; ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
