/**
 * The background end of the import port: a glossary too large for one message arrives in batches
 * of terms, is checked whole by the glossary validator, and is written in one transaction. Until
 * the commit nothing is stored: a refusal or a closed port drops every term received.
 */
import browser from '../shared/browser';
import { GLOSSARY_FORMAT, GLOSSARY_VERSION, type GlossaryPack } from '../shared/glossary/model';
import { validatePack } from '../shared/glossary/validate';
import {
  IMPORT_PORT_NAME,
  type ImportPackHeader,
  type ImportPortAnswer,
  type ImportPortRequest,
} from '../shared/messages';
import type { TermlightDb } from './db';
import { writePack } from './glossaries';
import { parseImportPortRequest } from './import-port-schema';
import { existingPack, unconfirmedReplace } from './import-target';

/** What the import needs of a `runtime.Port` (the fake in unit tests has the same shape). */
export interface ImportPort {
  name: string;
  sender?: { url?: string };
  postMessage(message: ImportPortAnswer): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Where one import stands: waiting for `begin`, receiving terms, checked whole, or over. */
type Stage =
  | { kind: 'waiting' }
  | { kind: 'receiving'; header: ImportPackHeader; expected: number; terms: unknown[] }
  | { kind: 'checked'; pack: GlossaryPack }
  | { kind: 'over' };

/** The database and the callback an import writes through. */
interface ImportTarget {
  db: TermlightDb;
  ready: Promise<unknown>;
  onGlossariesChanged: () => Promise<void>;
}

const refusal = (message: string, path = '$'): ImportPortAnswer => ({
  type: 'failed',
  ok: false,
  errors: [{ path, message }],
});

/**
 * Accepts import ports (named {@link IMPORT_PORT_NAME}) from the extension's own pages, whose URL
 * starts with `extensionUrl`; any other sender's port is closed at once. `onGlossariesChanged` runs
 * after each committed import (it bumps the snapshot version so open tabs update). Imports wait for
 * `seeding` to settle, and go ahead if it failed (as the handlers do, see handlers.ts).
 */
export function acceptImportPorts(
  db: TermlightDb,
  seeding: Promise<unknown>,
  extensionUrl: string,
  onGlossariesChanged: () => Promise<void>,
): void {
  const ready = seeding.then(
    () => undefined,
    () => undefined,
  );
  browser.runtime.onConnect.addListener((port: ImportPort) => {
    if (port.name !== IMPORT_PORT_NAME) return;
    // A content script's port carries its web page's URL: only the library may write packs.
    if (!port.sender?.url?.startsWith(extensionUrl)) {
      port.disconnect();
      return;
    }
    serveImport(port, { db, ready, onGlossariesChanged });
  });
}

/** Answers one port's requests in the order they came, one at a time, until it closes. */
function serveImport(port: ImportPort, target: ImportTarget): void {
  let stage: Stage = { kind: 'waiting' };
  let closed = false;
  let queue = Promise.resolve();

  const post = (answer: ImportPortAnswer) => {
    if (closed) return;
    try {
      port.postMessage(answer);
    } catch {
      // The page went away between its request and this answer: there is no one left to tell.
    }
  };
  /** Ends the import: the terms received so far are dropped, and later requests are refused. */
  const refuse = (answer: ImportPortAnswer): ImportPortAnswer => {
    stage = { kind: 'over' };
    return answer;
  };

  /** The whole pack, validated once (at the preview, or at the commit when there was none). */
  const checkedPack = (): { pack: GlossaryPack } | { refused: ImportPortAnswer } => {
    if (stage.kind === 'checked') return { pack: stage.pack };
    if (stage.kind !== 'receiving') {
      return { refused: refuse(refusal('the import must begin before it is checked')) };
    }
    const { header, expected, terms } = stage;
    if (terms.length !== expected) {
      return { refused: refuse(refusal(`only ${terms.length} of the ${expected} announced terms arrived`)) };
    }
    const result = validatePack({ format: GLOSSARY_FORMAT, version: GLOSSARY_VERSION, ...header, terms });
    if (!result.ok) return { refused: refuse({ type: 'failed', ok: false, errors: result.errors }) };
    // The raw terms are dropped here: from now on the validated copy is the only one.
    stage = { kind: 'checked', pack: result.pack };
    return { pack: result.pack };
  };

  const answer = async (request: ImportPortRequest): Promise<ImportPortAnswer | null> => {
    if (request.type === 'keepAlive') return null;
    if (stage.kind === 'over') return refusal('this import has ended: start it again');
    switch (request.type) {
      case 'begin':
        if (stage.kind !== 'waiting') return refuse(refusal('the import has already begun'));
        stage = { kind: 'receiving', header: request.header, expected: request.termCount, terms: [] };
        return { type: 'received', termCount: 0 };
      case 'terms': {
        if (stage.kind !== 'receiving') return refuse(refusal('terms must come between begin and preview'));
        const { terms, expected } = stage;
        if (terms.length + request.terms.length > expected) {
          return refuse(refusal(`more terms arrived than the ${expected} announced`));
        }
        // One at a time: spreading a large batch into push() could overflow the stack.
        for (const term of request.terms) terms.push(term);
        return { type: 'received', termCount: terms.length };
      }
      case 'preview': {
        await target.ready;
        const checked = checkedPack();
        if ('refused' in checked) return checked.refused;
        const existing = await existingPack(target.db, checked.pack);
        if (!existing) return { type: 'preview' };
        const { report, ...about } = existing;
        return { type: 'preview', report, existing: about };
      }
      case 'commit':
        return commit(request.replace);
    }
  };

  const commit = async (replace: boolean): Promise<ImportPortAnswer | null> => {
    await target.ready;
    const checked = checkedPack();
    if ('refused' in checked) return checked.refused;
    const { pack } = checked;
    const refused = await unconfirmedReplace(target.db, pack, replace);
    if (refused) return refuse(refusal(refused.message, refused.path));
    // The page left while this commit waited its turn: it is discarded like the terms before it.
    if (closed) return null;
    stage = { kind: 'over' };
    const { replaced } = await writePack(target.db, pack, 'imported');
    // The pack is stored whatever happens next, so the answer says so; open tabs catch up at the
    // next change.
    await target.onGlossariesChanged().catch((error: unknown) => {
      console.error('Termlight: the glossaries changed but the snapshot was not updated', error);
    });
    return {
      type: 'committed',
      ok: true,
      packId: pack.id,
      name: pack.name,
      termCount: pack.terms.length,
      replaced,
    };
  };

  port.onMessage.addListener((message: unknown) => {
    queue = queue.then(async () => {
      if (closed) return;
      const parsed = parseImportPortRequest(message);
      try {
        const reply = parsed.ok ? await answer(parsed.request) : refuse(refusal(parsed.error));
        if (reply) post(reply);
      } catch (error) {
        // A database failure: the write is one transaction, so nothing of this import is stored.
        post(
          refuse(
            refusal(`the import could not finish: ${error instanceof Error ? error.message : String(error)}`),
          ),
        );
      }
    });
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    stage = { kind: 'over' };
  });
}
