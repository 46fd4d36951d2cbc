/** Entry of `content-ui.js`, injected on demand next to the content script (see ui-module.ts). */
import { ApproximateSearch, anchorExactly, NEEDS_APPROXIMATE } from '../../shared/clippings/anchor';
import { CardHost } from '../card/card-host';
import { captureOf } from '../clippings/clip-capture';
import { ToolbarHost } from '../clippings/toolbar-host';
import { CONTENT_UI_KEY, type ContentUi } from './ui-module';

const ui: ContentUi = {
  CardHost,
  ToolbarHost,
  anchorExactly,
  ApproximateSearch,
  NEEDS_APPROXIMATE,
  captureOf,
};
(globalThis as Record<string, unknown>)[CONTENT_UI_KEY] = ui;
