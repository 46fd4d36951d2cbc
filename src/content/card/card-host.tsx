/** The card's surface: a Preact-rendered card in Termlight's closed shadow root, next to an anchor. */
import { render } from 'preact';
import { ShadowUiHost } from '../shadow-ui-host';
import { CARD_CSS } from './card-styles';
import { CardView, type CardViewProps } from './card-view';
import { type Box, placeCard } from './position';

/** A card surface that can be shown next to an anchor box and hidden again. */
export class CardHost {
  private readonly ui: ShadowUiHost;
  private anchor: Box | null = null;

  constructor(private readonly doc: Document) {
    this.ui = new ShadowUiHost(doc, CARD_CSS);
  }

  /** Renders `props` next to `anchor` (viewport coordinates). */
  show(props: CardViewProps, anchor: Box): void {
    this.ui.show();
    this.anchor = anchor;
    render(<CardView {...props} />, this.ui.mount);
    this.reposition();
  }

  /** Places the rendered card inside the viewport, flipping above the anchor when below won't fit. */
  reposition(): void {
    const card = this.card();
    if (!card || !this.anchor) return;
    const view = this.doc.defaultView;
    // Measure at the card's natural height, not at a cut made for an earlier anchor.
    card.style.maxHeight = '';
    const { width, height } = card.getBoundingClientRect();
    const place = placeCard(
      this.anchor,
      { width, height },
      { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
    );
    const origin = this.ui.origin();
    card.style.left = `${place.left - origin.x}px`;
    card.style.top = `${place.top - origin.y}px`;
    if (place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
  }

  /** The card element, when one is shown. */
  card(): HTMLElement | null {
    return this.ui.mount.firstElementChild as HTMLElement | null;
  }

  /** True when `node` is inside the card (events from a closed shadow root retarget to the host). */
  contains(node: EventTarget | null): boolean {
    return this.ui.contains(node);
  }

  /** Hides the card and takes the host out of the page. */
  hide(): void {
    render(null, this.ui.mount);
    this.anchor = null;
    this.ui.hide();
  }

  /** True when the focus is inside the card. */
  get focused(): boolean {
    return this.ui.focused;
  }

  get visible(): boolean {
    return this.ui.visible;
  }
}
