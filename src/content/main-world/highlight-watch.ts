/**
 * Runs in the page's own world, from document_start: reports every change a page script makes to
 * `CSS.highlights`. The registry is the page's as much as Termlight's, and a page that clears it
 * (to reset highlights of its own, say) would take every term's highlight with it, unseen by any
 * observer. It holds no data and calls no extension API.
 */
import { HIGHLIGHTS_CHANGED_EVENT } from '../../shared/page-hook-events';

const proto = typeof HighlightRegistry === 'undefined' ? undefined : HighlightRegistry.prototype;
for (const method of ['set', 'delete', 'clear'] as const) {
  const original = proto?.[method] as ((this: HighlightRegistry, ...args: unknown[]) => unknown) | undefined;
  if (!proto || typeof original !== 'function') continue;
  // A method in an object literal, so it is named like the original for the page.
  const replacement = {
    [method](this: HighlightRegistry, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      document.dispatchEvent(new Event(HIGHLIGHTS_CHANGED_EVENT));
      return result;
    },
  }[method];
  Object.defineProperty(proto, method, {
    ...Object.getOwnPropertyDescriptor(proto, method),
    value: replacement,
  });
}
