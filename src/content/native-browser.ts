/**
 * What `webextension-polyfill` resolves to in content.js and content-ui.js (an alias in
 * scripts/build.mjs): the frame's own browser API, adapted where Chromium differs.
 */
import { nativeBrowser } from './browser-adapter';

export default nativeBrowser(globalThis as { browser?: unknown; chrome?: unknown });
