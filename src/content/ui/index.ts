/** Entry of `content-ui.js`, injected on demand next to the content script (see ui-module.ts). */
import { ApproximateSearch, anchorExactly, NEEDS_APPROXIMATE } from '../../shared/clippings/anchor';
import { describePassage } from '../../shared/clippings/describe';
import { CardHost } from '../card/card-host';
import { blockBreaksIn } from '../clippings/block-breaks';
import { hiddenTextIn } from '../clippings/hidden-text';
import { ToolbarHost } from '../clippings/toolbar-host';
import { CONTENT_UI_KEY, type ContentUi } from './ui-module';

const ui: ContentUi = {
  CardHost,
  ToolbarHost,
  anchorExactly,
  ApproximateSearch,
  NEEDS_APPROXIMATE,
  describePassage,
  blockBreaksIn,
  hiddenTextIn,
};
(globalThis as Record<string, unknown>)[CONTENT_UI_KEY] = ui;
