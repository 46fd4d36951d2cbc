/**
 * The in-page UI that most pages never show: the card and toolbar (Preact, their styles) and the
 * clipping anchorer. It is a second script, `content-ui.js`, that the background injects into a
 * frame when the frame first needs it, so every page load does not pay to parse it. Both scripts run
 * in the same isolated world, where the page cannot see this global.
 */
import type { ApproximateSearch, anchorExactly, NEEDS_APPROXIMATE } from '../../shared/clippings/anchor';
import type { CardHost } from '../card/card-host';
import type { captureOf } from '../clippings/clip-capture';
import type { ToolbarHost } from '../clippings/toolbar-host';

/** What `content-ui.js` provides. */
export interface ContentUi {
  CardHost: typeof CardHost;
  ToolbarHost: typeof ToolbarHost;
  anchorExactly: typeof anchorExactly;
  ApproximateSearch: typeof ApproximateSearch;
  NEEDS_APPROXIMATE: typeof NEEDS_APPROXIMATE;
  captureOf: typeof captureOf;
}

/** The isolated world's global under which `content-ui.js` leaves its exports. */
export const CONTENT_UI_KEY = '__termlightContentUi';

/** The UI module if it is loaded in this world. */
export function loadedUi(): ContentUi | undefined {
  return (globalThis as Record<string, unknown>)[CONTENT_UI_KEY] as ContentUi | undefined;
}
