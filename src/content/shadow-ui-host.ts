/**
 * An element Termlight owns for in-page UI: a closed shadow root (the page can neither read what is
 * in it nor restyle it) holding one stylesheet and a mount point for Preact.
 */
import { OWN_UI_ATTRIBUTE } from './skip-rules';

/** `:host` rules are !important so no page rule can hide, move or clip the host. */
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
}`;

/** A host element with a closed shadow root styled by `css`; shown by putting it in the page. */
export class ShadowUiHost {
  private readonly element: HTMLElement;
  /** Where the UI renders. */
  readonly mount: HTMLElement;

  constructor(
    private readonly doc: Document,
    tag: string,
    css: string,
  ) {
    this.element = doc.createElement(tag);
    this.element.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = this.element.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `${HOST_CSS}\n${css}`;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
  }

  /** Puts the host in the page (at the end of the root element), if it is not there. */
  show(): void {
    if (!this.element.isConnected) this.doc.documentElement.append(this.element);
  }

  /** Takes the host out of the page. */
  hide(): void {
    this.element.remove();
  }

  get visible(): boolean {
    return this.element.isConnected;
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
