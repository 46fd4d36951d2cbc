/**
 * The element Termlight owns for its in-page UI: a closed shadow root (the page can neither read
 * the card nor restyle it) holding a Preact-rendered card.
 */
import { render } from 'preact';
import { OWN_UI_ATTRIBUTE } from '../skip-rules';
import { CARD_CSS } from './card-styles';
import { CardView, type CardViewProps } from './card-view';
import { type Box, placeCard } from './position';

/** A card surface that can be shown next to an anchor box and hidden again. */
export class CardHost {
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  private anchor: Box | null = null;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('termlight-ui');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    this.mount = doc.createElement('div');
    shadow.append(style, this.mount);
  }

  /** Renders `props` next to `anchor` (viewport coordinates). */
  show(props: CardViewProps, anchor: Box): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.anchor = anchor;
    render(<CardView {...props} />, this.mount);
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
    card.style.left = `${place.left}px`;
    card.style.top = `${place.top}px`;
    if (place.maxHeight !== undefined) card.style.maxHeight = `${place.maxHeight}px`;
  }

  /** The card element, when one is shown. */
  card(): HTMLElement | null {
    return this.mount.firstElementChild as HTMLElement | null;
  }

  /** True when `node` is inside the card (events from a closed shadow root retarget to the host). */
  contains(node: EventTarget | null): boolean {
    return node === this.host;
  }

  /** Hides the card and takes the host out of the page. */
  hide(): void {
    render(null, this.mount);
    this.anchor = null;
    this.host.remove();
  }

  get visible(): boolean {
    return this.host.isConnected;
  }
}
