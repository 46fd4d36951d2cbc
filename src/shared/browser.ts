/**
 * The one place that imports the WebExtension API. Unit tests alias this module to an in-memory fake
 * (see vitest.config.ts), so nothing else may import `webextension-polyfill` directly.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
