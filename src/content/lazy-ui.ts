/** Loads the in-page UI module (card, toolbar, anchorer) once per frame, when it is first needed. */
import { send } from '../shared/messages';
import { type ContentUi, loadedUi } from './ui/ui-module';

let loading: Promise<ContentUi> | null = null;

/** The UI module: asks the background to inject `content-ui.js` into this frame the first time. */
export function contentUi(): Promise<ContentUi> {
  const ready = loadedUi();
  if (ready) return Promise.resolve(ready);
  loading ??= send({ type: 'loadContentUi' }).then(() => {
    const ui = loadedUi();
    if (!ui) throw new Error('The Termlight page UI did not load');
    return ui;
  });
  // A failed load (a worker restart mid-way) is tried again on the next need.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
