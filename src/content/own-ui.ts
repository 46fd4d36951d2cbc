/** What marks Termlight's own UI in a page, for the content script and the page-world guard alike. */

/** Marks Termlight's own UI hosts, so the scanner never reads its own cards and the guard knows them. */
export const OWN_UI_ATTRIBUTE = 'data-termlight-ui';

/**
 * The events of typing, which carry what is typed (`key`, `data`, the clipboard) and are composed:
 * they leave a shadow root. Those aimed at the UI are kept from the page (shadow-ui-host.ts stops
 * them bubbling out, main-world/typing-guard.ts stops them at the window before any page listener).
 */
export const TYPING_EVENTS: readonly string[] = [
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
];
