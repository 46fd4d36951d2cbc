/** Entry of `content-ui.js`, injected on demand next to the content script (see ui-module.ts). */
import { anchorPassage } from '../../shared/clippings/anchor';
import { CardHost } from '../card/card-host';
import { ToolbarHost } from '../clippings/toolbar-host';
import { CONTENT_UI_KEY, type ContentUi } from './ui-module';

const ui: ContentUi = { CardHost, ToolbarHost, anchorPassage };
(globalThis as Record<string, unknown>)[CONTENT_UI_KEY] = ui;
