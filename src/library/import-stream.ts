/**
 * How a chosen glossary file reaches the background. A file of up to STREAMED_IMPORT_BYTES travels
 * as text in one message; a larger one is parsed in a worker (import-worker.ts) and its terms are
 * streamed in batches over the import port (background/import-port.ts), so the page never holds the
 * file's text or more than one batch of its terms. Either way the import is staged: previewed first,
 * then committed or discarded.
 */
import browser, { type Runtime } from '../shared/browser';
import { decodeGlossaryFile } from '../shared/formats/decode-text';
import {
  IMPORT_PORT_NAME,
  type ImportPortAnswer,
  type ImportPortRequest,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  send,
} from '../shared/messages';
import type { ImportProgress } from './import-progress';
import type { ImportWorkerAnswer, ImportWorkerRequest } from './import-worker';

/**
 * Files larger than this many bytes are streamed. A file never has more characters than bytes, so a
 * smaller one fits one message (MAX_IMPORT_CHARS) as text.
 */
export const STREAMED_IMPORT_BYTES = 8_000_000;

/** Progress is announced at most this often, so a screen reader is not flooded. */
const PROGRESS_EVERY_MS = 500;

/**
 * While the background holds a staged pack, the page says something this often: a Chromium service
 * worker that hears nothing for 30 seconds is stopped, and the pack with it.
 */
const KEEP_ALIVE_EVERY_MS = 20_000;

/** An import the background has previewed and nothing is written yet. */
export interface StagedImport {
  /** What the import holds, and what it would change in the stored pack with its id, if any. */
  preview: ImportPreview;
  /** Writes the pack, replacing the stored one with its id only when `replace`; ends the import. */
  commit(replace: boolean): Promise<ImportResult>;
  /** Ends the import without writing anything. */
  discard(): void;
}

/**
 * Reads `file` and has the background preview it; `progress` hears how a streamed import goes.
 * Files larger than `streamAbove` bytes are streamed (tests lower it to stream small files).
 */
export function stageImport(
  file: File,
  progress: (progress: ImportProgress) => void,
  streamAbove = STREAMED_IMPORT_BYTES,
): Promise<StagedImport> {
  return file.size > streamAbove ? stageStreamed(file, progress) : stageInOneMessage(file);
}

async function stageInOneMessage(file: File): Promise<StagedImport> {
  const decoded = decodeGlossaryFile(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!decoded.ok)
    return { preview: decoded, commit: () => Promise.reject(new Error('refused')), discard: () => {} };
  const { text } = decoded;
  const preview = await send({ type: 'previewImport', fileName: file.name, text });
  return {
    preview,
    commit: (replace) => send({ type: 'importGlossary', fileName: file.name, text, replace }),
    discard: () => undefined,
  };
}

/** Answers that come one per question, in order: a worker's, or a port's. */
class Replies<T> {
  private waiting: { resolve: (answer: T) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  /** Waits for the next answer after `ask` has asked. */
  next(ask: () => void): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiting = { resolve, reject };
      ask();
    });
  }

  answer(answer: T): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve(answer);
  }

  /** Fails the question being asked and every later one. */
  fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
}

/** The import worker, asked one question at a time. */
class ImportWorker {
  private readonly worker = new Worker('import-worker.js');
  private readonly replies = new Replies<Exclude<ImportWorkerAnswer, { type: 'progress' }>>();

  constructor(progress: (progress: ImportProgress) => void) {
    this.worker.onmessage = (event: MessageEvent<ImportWorkerAnswer>) => {
      const answer = event.data;
      if (answer.type === 'progress') progress(answer.progress);
      else if (answer.type === 'crashed') this.replies.fail(new Error(answer.message));
      else this.replies.answer(answer);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.replies.fail(new Error(`the file could not be read (${event.message || 'the reader stopped'})`));
    };
  }

  ask(request: ImportWorkerRequest) {
    return this.replies.next(() => this.worker.postMessage(request));
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** The import port to the background, asked one question at a time, kept awake while it is open. */
class ImportConnection {
  private readonly port: Runtime.Port = browser.runtime.connect({ name: IMPORT_PORT_NAME });
  private readonly replies = new Replies<ImportPortAnswer>();
  private readonly keepAlive = setInterval(() => this.tell({ type: 'keepAlive' }), KEEP_ALIVE_EVERY_MS);

  constructor() {
    // The background's answers are trusted as typed: it is this extension's own code.
    this.port.onMessage.addListener((answer: unknown) => this.replies.answer(answer as ImportPortAnswer));
    this.port.onDisconnect.addListener(() => {
      clearInterval(this.keepAlive);
      this.replies.fail(new Error('the Termlight background stopped before the import finished'));
    });
  }

  ask(request: ImportPortRequest): Promise<ImportPortAnswer> {
    return this.replies.next(() => this.port.postMessage(request));
  }

  private tell(request: ImportPortRequest): void {
    this.port.postMessage(request);
  }

  close(): void {
    clearInterval(this.keepAlive);
    this.port.disconnect();
  }
}

/** An answer other than the one expected, as the reason the import stopped. */
function unexpected(answer: ImportPortAnswer): ImportProblem[] {
  return answer.type === 'failed'
    ? answer.errors
    : [{ path: '$', message: `the background answered "${answer.type}" out of turn` }];
}

/**
 * Moves every term from the worker to the background, a batch at a time, each only once the last
 * has arrived; returns the background's refusal, if any.
 */
async function sendTerms(
  worker: ImportWorker,
  connection: ImportConnection,
  packName: string,
  termCount: number,
  progress: (progress: ImportProgress) => void,
): Promise<ImportPortAnswer | null> {
  let announced = 0;
  for (let sent = 0; sent < termCount; ) {
    const batch = await worker.ask({ type: 'next' });
    if (batch.type !== 'batch' || batch.terms.length === 0) throw new Error('the file reader stopped early');
    // Once posted the batch is the background's: nothing here keeps a reference to it.
    const received = await connection.ask({ type: 'terms', terms: batch.terms });
    if (received.type !== 'received') return received;
    sent = received.termCount;
    if (Date.now() - announced >= PROGRESS_EVERY_MS || sent === termCount) {
      announced = Date.now();
      progress({ step: 'sending', packName, sent, termCount });
    }
  }
  return null;
}

async function stageStreamed(
  file: File,
  progress: (progress: ImportProgress) => void,
): Promise<StagedImport> {
  const worker = new ImportWorker(progress);
  let connection: ImportConnection | null = null;
  const refused = (errors: ImportProblem[]): StagedImport => {
    worker.terminate();
    connection?.close();
    return {
      preview: { ok: false, errors },
      commit: () => Promise.resolve({ ok: false, errors }),
      discard: () => undefined,
    };
  };
  try {
    const parsed = await worker.ask({ type: 'read', file });
    if (parsed.type === 'refused') return refused(parsed.errors);
    if (parsed.type !== 'parsed') throw new Error('the file reader answered out of turn');
    const { header, termCount, warnings } = parsed;
    connection = new ImportConnection();
    const begun = await connection.ask({ type: 'begin', header, termCount });
    if (begun.type !== 'received') return refused(unexpected(begun));

    const refusal = await sendTerms(worker, connection, header.name, termCount, progress);
    if (refusal) return refused(unexpected(refusal));
    // Every term is with the background now: the worker, holding none, can go.
    worker.terminate();

    progress({ step: 'previewing', packName: header.name, termCount });
    const previewed = await connection.ask({ type: 'preview' });
    if (previewed.type !== 'preview') return refused(unexpected(previewed));
    const open = connection;
    return {
      preview: {
        ok: true,
        packId: header.id,
        name: header.name,
        termCount,
        warnings,
        ...(previewed.report && previewed.existing
          ? { existing: { ...previewed.existing, report: previewed.report } }
          : {}),
      },
      async commit(replace) {
        try {
          const done = await open.ask({ type: 'commit', replace });
          if (done.type !== 'committed') return { ok: false, errors: unexpected(done) };
          const { packId, name, replaced } = done;
          return { ok: true, packId, name, termCount: done.termCount, replaced, warnings };
        } finally {
          open.close();
        }
      },
      discard: () => open.close(),
    };
  } catch (error) {
    worker.terminate();
    connection?.close();
    throw error;
  }
}
