/**
 * The selection toolbar's surface: a plain `div` host (a page cannot define its behaviour, as it
 * could a custom element's) with a closed shadow root, placed next to the selection.
 */
import { render } from 'preact';
import { type Box, placeCard } from '../card/position';
import { ShadowUiHost } from '../shadow-ui-host';
import { TOOLBAR_CSS } from './toolbar-styles';
import { type ToolbarProps, ToolbarView } from './toolbar-view';

/** Shows the toolbar next to an anchor box and hides it again. */
export class ToolbarHost {
  private readonly ui: ShadowUiHost;
  private anchor: Box | null = null;

  constructor(private readonly doc: Document) {
    this.ui = new ShadowUiHost(doc, TOOLBAR_CSS);
  }

  /** Renders `props` next to `anchor` (viewport coordinates); keeps the last anchor when none is given. */
  show(props: ToolbarProps, anchor?: Box): void {
    this.ui.show();
    if (anchor) this.anchor = anchor;
    render(<ToolbarView {...props} />, this.ui.mount);
    this.place();
  }

  private place(): void {
    const bar = this.ui.mount.firstElementChild as HTMLElement | null;
    const view = this.doc.defaultView;
    if (!bar || !this.anchor) return;
    const { width, height } = bar.getBoundingClientRect();
    const place = placeCard(
      this.anchor,
      { width, height },
      { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
    );
    const origin = this.ui.origin();
    bar.style.left = `${place.left - origin.x}px`;
    bar.style.top = `${place.top - origin.y}px`;
  }

  /** True when `target` is the toolbar (events from a closed shadow root are retargeted to its host). */
  contains(target: EventTarget | null): boolean {
    return this.ui.contains(target);
  }

  /** True when the focus is inside the toolbar. */
  get focused(): boolean {
    return this.ui.focused;
  }

  hide(): void {
    render(null, this.ui.mount);
    this.anchor = null;
    this.ui.hide();
  }
}
