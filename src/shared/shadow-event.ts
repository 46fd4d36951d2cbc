/**
 * The event by which the page-world hook (src/content/main-world/shadow-watch.ts) tells the content
 * script that an element got an open shadow root. Only a hint: the content script reads the root
 * itself, so a page that fires it falsely gains nothing.
 */
export const SHADOW_ATTACHED_EVENT = 'termlight-shadow-attached';
