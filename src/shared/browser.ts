/**
 * The one place that imports the WebExtension API. Unit tests alias this module to an in-memory fake
 * (see vitest.config.ts), so nothing else may import `webextension-polyfill` directly. The content
 * scripts' bundles get src/content/native-browser.ts in the polyfill's place (scripts/build.mjs).
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
