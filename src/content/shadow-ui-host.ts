/**
 * An element Termlight owns for in-page UI: a closed shadow root (the page can neither read what is
 * in it nor restyle it) holding one stylesheet and a mount point for Preact.
 *
 * The host is a plain `div`, never a custom element: a page may define a custom element's name
 * before the content script runs, and its class would then run on our host (attachInternals()
 * hands it the closed root; an attachShadow() of its own makes ours throw). The styles are a
 * constructed sheet, adopted by the root: a page's Content-Security-Policy (`style-src`) blocks a
 * `<style>` element but not an adopted sheet.
 */
import { OWN_UI_ATTRIBUTE, TYPING_EVENTS } from './own-ui';

/**
 * `:host` rules are !important so no page rule can hide, move or clip the host. Nothing in the UI
 * can be selected (its text fields still can): a closed root keeps the page's scripts from its
 * nodes, but window.find() would select a card's words, and the selection's text is the page's to
 * read. (Firefox's window.find() finds them all the same, and hands the page the root with them:
 * only a frame of the extension's own origin would close that; hence the guards below.) The host
 * is a popover (see show()), whose backdrop a page's `::backdrop` rule would paint: it has none.
 */
const HOST_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  visibility: visible !important;
  opacity: 1 !important;
  pointer-events: none !important;
  contain: none !important;
  user-select: none !important;
  -webkit-user-select: none !important;
}
:host::backdrop { display: none !important; }`;

/** The events the UI acts on, which a page script could forge. */
const UI_EVENTS = [
  'click',
  'submit',
  'input',
  'beforeinput',
  'change',
  'keydown',
  'keyup',
  'pointerdown',
  'mousedown',
];

/** A host element with a closed shadow root styled by `css`; shown by putting it in the page. */
export class ShadowUiHost {
  private readonly element: HTMLElement;
  /** The host's zoom, set on each show to undo the zoom of where it goes. */
  private readonly zoom: CSSStyleDeclaration | null;
  /** Where the UI renders. */
  readonly mount: HTMLElement;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.element = doc.createElement('div');
    this.element.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = this.element.attachShadow({ mode: 'closed' });
    // Made from the page window's constructor: in Firefox a sheet made in the content script's
    // own compartment cannot be adopted by the page's nodes.
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(`${HOST_CSS}\n${css}`);
    // Last in the sheet, so it wins over HOST_CSS's `all: initial`.
    const zoomRule = sheet.cssRules[sheet.insertRule(':host {}', sheet.cssRules.length)];
    this.zoom = zoomRule instanceof CSSStyleRule ? zoomRule.style : null;
    shadow.adoptedStyleSheets = [sheet];
    this.mount = doc.createElement('div');
    shadow.append(this.mount);
    // Only the reader's own input acts on this UI. A page that gets hold of the closed root (Firefox
    // hands it over through the selection window.find() makes) must not press "Save clipping" or
    // submit a note by script: a synthetic event stops here, before any of the UI's handlers.
    for (const type of UI_EVENTS) {
      shadow.addEventListener(
        type,
        (event) => {
          if (event.isTrusted) return;
          event.stopImmediatePropagation();
          event.preventDefault();
        },
        { capture: true },
      );
    }
    // What the reader types here (a clipping's note, its tags) stays here. Key events are composed:
    // without this they would reach the page retargeted to the host, a plain div, so the page's
    // keyboard shortcuts would run on each letter of a note, and its listeners could log it.
    for (const type of TYPING_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  }

  /**
   * Puts the host in the page, at the end of the root element, or of the open modal dialog or
   * fullscreen element when there is one: those are drawn in the top layer, over everything else,
   * and a modal dialog makes the rest of the page inert, so a card for a term inside one would be
   * hidden under it, out of the reader's and the screen reader's reach. The host is then a popover
   * shown in the top layer itself, above them: inside a dialog it would otherwise be clipped to the
   * dialog's box (a modal dialog scrolls its overflow, and one centred with a transform contains
   * fixed boxes), and no ancestor's transform, clip or stacking context reaches it there.
   */
  show(): void {
    const parent = topLayerParent(this.doc) ?? this.doc.documentElement;
    if (this.element.parentNode !== parent) parent.append(this.element);
    this.raise();
    this.undoZoom(parent);
  }

  /** Shows the host as a manual popover (it closes no popover of the page's), where the engine has them. */
  private raise(): void {
    const host = this.element;
    if (typeof host.showPopover !== 'function') return;
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // The page took the attribute off, or opened and closed it itself: drawn in place, as before.
    }
  }

  /**
   * Gives the UI the reader's size wherever it goes. A page that scales itself with CSS `zoom` (on
   * its root, its body, a dialog) would scale the card too, and its fixed boxes with it: placed in
   * viewport coordinates, they would land off their term, even off the screen. The host's own
   * zoom cancels what it inherits (`currentCSSZoom`: Chromium 128, Firefox 126; without it, none).
   */
  private undoZoom(parent: Element): void {
    const inherited = (parent as Element & { currentCSSZoom?: number }).currentCSSZoom;
    const zoom =
      typeof inherited === 'number' && inherited > 0 && Number.isFinite(inherited) ? 1 / inherited : 1;
    if (this.zoom && this.zoom.getPropertyValue('zoom') !== String(zoom))
      this.zoom.setProperty('zoom', String(zoom), 'important');
  }

  /** Takes the host out of the page. */
  hide(): void {
    this.element.remove();
  }

  get visible(): boolean {
    return this.element.isConnected;
  }

  /**
   * Where, in viewport coordinates, the UI's fixed boxes start: the viewport's corner, unless an
   * ancestor (the page's html, a dialog centred with a transform) makes itself their containing
   * block. The UI places itself in viewport coordinates and subtracts this.
   */
  origin(): { x: number; y: number } {
    const box = this.element.getBoundingClientRect();
    return { x: box.left, y: box.top };
  }

  /** True when `target` is this UI (events from a closed shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return target === this.element;
  }

  /** True when the focus is inside this UI. */
  get focused(): boolean {
    return this.doc.activeElement === this.element;
  }
}

/**
 * The open modal dialog (the last of them) or else the fullscreen element, if the page has one
 * that draws its children (a fullscreen video or frame does not: the page behind it is hidden).
 */
function topLayerParent(doc: Document): Element | null {
  let modal: Element | undefined;
  try {
    modal = [...doc.querySelectorAll('dialog:modal')].at(-1);
  } catch {
    // An engine without :modal: no dialog is looked for.
  }
  const fullscreen = doc.fullscreenElement;
  const drawsChildren = fullscreen && !REPLACED.has(fullscreen.localName);
  return modal ?? (drawsChildren ? fullscreen : null);
}

/** Elements whose content is their own (media, frames, images), not their children. */
const REPLACED = new Set(['video', 'audio', 'iframe', 'img', 'canvas', 'embed', 'object']);
