/**
 * The element that holds the selection toolbar: a plain `div` (a page cannot define its behaviour,
 * as it could a custom element's) with a closed shadow root styled only by the toolbar's sheet.
 */
import { render } from 'preact';
import { type Box, placeCard } from '../card/position';
import { OWN_UI_ATTRIBUTE } from '../skip-rules';
import { TOOLBAR_CSS } from './toolbar-styles';
import { type ToolbarProps, ToolbarView } from './toolbar-view';

/** Shows the toolbar next to an anchor box and hides it again. */
export class ToolbarHost {
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private anchor: Box | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = TOOLBAR_CSS;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
  }

  /** Renders `props` next to `anchor` (viewport coordinates); keeps the last anchor when none is given. */
  show(props: ToolbarProps, anchor?: Box): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    if (anchor) this.anchor = anchor;
    render(<ToolbarView {...props} />, this.mount);
    this.place();
  }

  private place(): void {
    const bar = this.mount.firstElementChild as HTMLElement | null;
    const view = this.doc.defaultView;
    if (!bar || !this.anchor) return;
    const { width, height } = bar.getBoundingClientRect();
    const place = placeCard(
      this.anchor,
      { width, height },
      { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
    );
    bar.style.left = `${place.left}px`;
    bar.style.top = `${place.top}px`;
  }

  /** True when `target` is the toolbar (events from a closed shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  /** True when the focus is inside the toolbar. */
  get focused(): boolean {
    return this.doc.activeElement === this.host;
  }

  hide(): void {
    render(null, this.mount);
    this.anchor = null;
    this.host.remove();
  }

  get visible(): boolean {
    return this.host.isConnected;
  }
}
