/**
 * Worker entry (`import-worker.js`): reads a large glossary file, parses and validates it off the
 * library page's thread, then hands its terms to the page one batch at a time, forgetting each batch
 * as it goes. It has no extension APIs and needs none: the page talks to the background.
 */
import { decodeGlossaryFile } from '../shared/formats/decode-text';
import { parseGlossaryFile } from '../shared/formats/glossary-file';
import type { Term } from '../shared/glossary/model';
import type { ImportPackHeader, ImportProblem } from '../shared/messages';
import type { ImportProgress } from './import-progress';

/** What the page asks: read this file (once), then the next batch of its terms until all are sent. */
export type ImportWorkerRequest = { type: 'read'; file: File } | { type: 'next' };

/** What the worker says: progress while reading, then the file's verdict, then one batch per `next`. */
export type ImportWorkerAnswer =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'refused'; errors: ImportProblem[] }
  | { type: 'parsed'; header: ImportPackHeader; termCount: number; warnings: ImportProblem[] }
  | { type: 'batch'; terms: Term[] }
  | { type: 'crashed'; message: string };

/** The most terms in one batch (the background takes up to MAX_IMPORT_BATCH_TERMS). */
export const BATCH_TERMS = 2_000;
/**
 * The most characters of JSON in one batch, so that a batch of very long terms stays far below
 * the 64 MiB Chromium allows one message.
 */
const BATCH_CHARS = 4_000_000;

/** The worker's own global scope, as far as it is used here (the DOM typings describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(answer: ImportWorkerAnswer): void;
};

/** The terms not yet handed over, in file order; each batch is cut from the front. */
let remaining: Term[] = [];

/** Cuts the next batch from the front of `remaining`: up to BATCH_TERMS terms and about BATCH_CHARS. */
function nextBatch(): Term[] {
  let count = 0;
  let chars = 0;
  while (count < remaining.length && count < BATCH_TERMS) {
    chars += JSON.stringify(remaining[count]).length;
    // A batch always takes at least one term, however long.
    if (count > 0 && chars > BATCH_CHARS) break;
    count++;
  }
  return remaining.splice(0, count);
}

async function read(file: File): Promise<ImportWorkerAnswer> {
  scope.postMessage({ type: 'progress', progress: { step: 'reading', fileName: file.name } });
  const decoded = decodeGlossaryFile(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!decoded.ok) return { type: 'refused', errors: decoded.errors };
  scope.postMessage({ type: 'progress', progress: { step: 'checking', fileName: file.name } });
  const parsed = parseGlossaryFile(file.name, decoded.text);
  if (!parsed.ok) return { type: 'refused', errors: parsed.errors };
  const { terms, id, name, description, language, updated } = parsed.pack;
  remaining = terms;
  return {
    type: 'parsed',
    header: { id, name, description, language, updated },
    termCount: terms.length,
    warnings: parsed.warnings,
  };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'next') {
    scope.postMessage({ type: 'batch', terms: nextBatch() });
    return;
  }
  read(request.file).then(
    (answer) => scope.postMessage(answer),
    (error: unknown) =>
      scope.postMessage({ type: 'crashed', message: error instanceof Error ? error.message : String(error) }),
  );
};
