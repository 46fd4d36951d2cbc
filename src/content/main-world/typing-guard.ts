/**
 * Runs in the page's own world, from document_start: keeps what the reader types in Termlight's UI
 * (a clipping's note, its tags) from the page. Key, input, composition and clipboard events are
 * composed: they cross the closed shadow root, retargeted to its host, and carry the keys and text
 * typed (`key`, `data`). The root stops them bubbling out (shadow-ui-host.ts), but the page's own
 * capture listeners on its window and document hear them on the way in. This listener is the
 * first on the window, added before any page script runs, and stops every such event aimed at
 * Termlight's UI there, before any listener of the page's. What typing does needs no listener: the
 * text goes in, Tab moves the focus and Enter submits the form all the same, and the UI reads its
 * fields when the form is submitted. Escape goes on, as it says nothing: the content script closes
 * the card or toolbar with it.
 */
import { OWN_UI_ATTRIBUTE, TYPING_EVENTS } from '../own-ui';
import { apply, getOwnPropertyDescriptor } from './builtins';

const addEventListener = EventTarget.prototype.addEventListener;
const stopImmediatePropagation = Event.prototype.stopImmediatePropagation;
const hasAttribute = Element.prototype.hasAttribute;
const targetOf = getOwnPropertyDescriptor(Event.prototype, 'target')?.get;
const keyOf = getOwnPropertyDescriptor(KeyboardEvent.prototype, 'key')?.get;

/** True when `event` is aimed at Termlight's UI (from the page, its target is the UI's host). */
function aimedAtOwnUi(event: Event): boolean {
  try {
    const target = targetOf ? apply(targetOf, event, []) : null;
    return target !== null && apply(hasAttribute, target, [OWN_UI_ATTRIBUTE]) === true;
  } catch {
    // Not an element (the window, the document): not the UI.
    return false;
  }
}

/** The key of a key event, else undefined (the getter's brand check refuses any other event). */
function keyOfEvent(event: Event): unknown {
  try {
    return keyOf ? apply(keyOf, event, []) : undefined;
  } catch {
    return undefined;
  }
}

function guard(event: Event): void {
  if (!aimedAtOwnUi(event) || keyOfEvent(event) === 'Escape') return;
  apply(stopImmediatePropagation, event, []);
}

for (const type of TYPING_EVENTS) apply(addEventListener, window, [type, guard, true]);
