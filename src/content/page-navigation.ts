/**
 * Tells a single-page app's move to another page (a pushState, back or forward) from the URL
 * changes a page makes while it is read: replaceState and fragment changes, which scroll spies make
 * as the reader scrolls. Only the first kind rescans the page; the MutationObserver already sees
 * whatever the second kind changes, and a full rescan per scroll step would cost the page dearly.
 */

interface NavigateEventLike extends Event {
  readonly navigationType?: string;
  readonly hashChange?: boolean;
}

/** Calls `onPageChange` after each navigation of `win` to another page of the same document. */
export function onPageChange(win: Window, onPageChange: () => void, signal: AbortSignal): void {
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (!navigation) {
    // Without the Navigation API only traversals are seen (pushState fires nothing): every
    // popstate counts, as the page a traversal lands on cannot be told from a fragment change.
    win.addEventListener('popstate', onPageChange, { signal });
    return;
  }
  // The Navigation API reports back and forward too, so popstate is not listened to as well
  // (that would scan the page twice on every traversal).
  let pending = false;
  navigation.addEventListener(
    'navigate',
    (event) => {
      const { navigationType, hashChange } = event as NavigateEventLike;
      pending = !hashChange && (navigationType === 'push' || navigationType === 'traverse');
    },
    { signal },
  );
  // After the navigation has finished: an app that intercepts it has swapped its content by then.
  navigation.addEventListener(
    'navigatesuccess',
    () => {
      if (!pending) return;
      pending = false;
      onPageChange();
    },
    { signal },
  );
}
