/**
 * Glossaries subscribed to by URL: any static host serves a team's pack. The background fetches it
 * with the ETag of the last good copy (a 304 costs the host nothing), validates it as an import is,
 * and keeps the last good version when a refresh fails, with the error and its time.
 */
import { decodeGlossaryFile } from '../shared/formats/decode-text';
import { parseGlossaryFile } from '../shared/formats/glossary-file';
import type { ImportProblem } from '../shared/formats/glossary-import';
import { ProblemError, say } from '../shared/glossary/problem-words';
import type { SubscriptionResult } from '../shared/messages';
import { safeHttpUrl } from '../shared/safe-url';
import type { GlossaryRow, TermlightDb } from './db';
import { writePack } from './glossaries';

/** The part of `fetch` a subscription uses (tests pass their own). */
export type Fetcher = (
  url: string,
  init: { headers: Record<string, string>; cache: RequestCache; signal: AbortSignal },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/**
 * How long a host has to send the whole file. A host that accepts the connection and never
 * answers would otherwise leave the library saying "Subscribing…" for good, and hold back the
 * daily refresh of every subscription after it.
 */
export const SUBSCRIPTION_TIMEOUT_MS = 60_000;

/** Biggest subscribed file read, in bytes (an import through the library allows the same). */
const MAX_SUBSCRIPTION_BYTES = 48 * 1024 * 1024;

/**
 * The file name a URL's pack is parsed as: its last path segment as the reader would name the
 * file (`Team%20Glossary.csv` is `Team Glossary.csv`, the name a downloaded copy would get, so
 * both make the same pack id), or one for its content type.
 */
export function subscriptionFileName(url: string, contentType: string | null): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  let last = segment;
  try {
    last = decodeURIComponent(segment);
  } catch {
    // A stray % in the URL: the segment as it is written.
  }
  if (/\.(json|csv|tbx|xml)$/i.test(last)) return last;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('csv')) return 'subscription.csv';
  if (type.includes('xml') || type.includes('tbx')) return 'subscription.tbx';
  return 'subscription.json';
}

async function download(
  url: string,
  etag: string | undefined,
  fetcher: Fetcher,
  timeoutMs: number,
): Promise<
  | { status: 'unchanged' }
  | { status: 'undecodable'; errors: ImportProblem[] }
  | { status: 'fetched'; text: string; etag?: string; fileName: string }
> {
  const headers: Record<string, string> = {
    accept: 'application/json, text/csv, application/xml;q=0.9, */*;q=0.5',
  };
  if (etag) headers['if-none-match'] = etag;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = (error: unknown): never => {
    if (signal.aborted) throw new ProblemError(say('serverTimedOut', String(timeoutMs / 1000)));
    throw error;
  };
  const response = await fetcher(url, { headers, cache: 'no-cache', signal }).catch(timedOut);
  if (response.status === 304 && etag) return { status: 'unchanged' };
  if (response.status < 200 || response.status > 299)
    throw new ProblemError(say('serverAnswered', String(response.status)));
  const bytes = new Uint8Array(await response.arrayBuffer().catch(timedOut));
  if (bytes.length > MAX_SUBSCRIPTION_BYTES) {
    throw new ProblemError(say('subscriptionTooLong', String(bytes.length), String(MAX_SUBSCRIPTION_BYTES)));
  }
  // The bytes are read as a file is: a server's charset header is often wrong for a static file.
  const fileName = subscriptionFileName(url, response.headers.get('content-type'));
  const decoded = decodeGlossaryFile(bytes, fileName);
  if (!decoded.ok) return { status: 'undecodable', errors: decoded.errors };
  return { status: 'fetched', text: decoded.text, etag: response.headers.get('etag') ?? undefined, fileName };
}

function failure(url: string, error: unknown): SubscriptionResult {
  return {
    ok: false,
    errors: [
      {
        path: url,
        ...(error instanceof ProblemError
          ? error.said
          : { message: error instanceof Error ? error.message : String(error) }),
      },
    ],
  };
}

/**
 * Subscribes to the pack at `url`: fetched and validated before anything is written. A pack with
 * the same id that is not this subscription is left alone (the reader removes or renames it first).
 */
export async function subscribe(
  db: TermlightDb,
  url: string,
  fetcher: Fetcher,
  timeoutMs = SUBSCRIPTION_TIMEOUT_MS,
): Promise<SubscriptionResult> {
  const safe = safeHttpUrl(url);
  if (!safe) return { ok: false, errors: [{ path: url, ...say('subscribeHttpOnly') }] };
  let fetched: Awaited<ReturnType<typeof download>>;
  try {
    fetched = await download(safe, undefined, fetcher, timeoutMs);
  } catch (error) {
    return failure(safe, error);
  }
  if (fetched.status === 'undecodable') return { ok: false, errors: fetched.errors };
  if (fetched.status !== 'fetched') return failure(safe, new ProblemError(say('noContent')));
  const parsed = parseGlossaryFile(fetched.fileName, fetched.text);
  if (!parsed.ok) return parsed;
  const existing = await db.glossaries.get(parsed.pack.id);
  if (existing && (existing.source !== 'subscription' || existing.url !== safe)) {
    return {
      ok: false,
      errors: [
        {
          path: '$.id',
          ...say('subscriptionIdTaken', parsed.pack.id, existing.name),
        },
      ],
    };
  }
  await writePack(db, parsed.pack, 'subscription', {
    url: safe,
    etag: fetched.etag,
    lastRefresh: Date.now(),
  });
  return {
    ok: true,
    packId: parsed.pack.id,
    name: parsed.pack.name,
    termCount: parsed.pack.terms.length,
    changed: true,
  };
}

/** How many problems of a failed refresh a subscription keeps to show (the library shows one line). */
const MAX_KEPT_PROBLEMS = 5;

/**
 * Fetches a subscribed pack again. Unchanged (304) or failed, the stored pack stays as it was; a
 * failure is recorded with its time for the library to show. A fetched pack with another id is
 * refused: a subscription stays the pack it was.
 */
export async function refreshSubscription(
  db: TermlightDb,
  id: string,
  fetcher: Fetcher,
  timeoutMs = SUBSCRIPTION_TIMEOUT_MS,
): Promise<SubscriptionResult> {
  const row = await db.glossaries.get(id);
  if (row?.source !== 'subscription' || !row.url) {
    return { ok: false, errors: [{ path: id, ...say('notSubscribed') }] };
  }
  const recordError = async (result: Extract<SubscriptionResult, { ok: false }>) => {
    const message = result.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    await db.glossaries.update(id, {
      lastError: message.slice(0, 2_000),
      lastProblems: result.errors.slice(0, MAX_KEPT_PROBLEMS),
      lastErrorAt: Date.now(),
    });
    return result;
  };
  let fetched: Awaited<ReturnType<typeof download>>;
  try {
    fetched = await download(row.url, row.etag, fetcher, timeoutMs);
  } catch (error) {
    return recordError(failure(row.url, error) as Extract<SubscriptionResult, { ok: false }>);
  }
  if (fetched.status === 'unchanged') {
    await db.glossaries.update(id, {
      lastRefresh: Date.now(),
      lastError: undefined,
      lastProblems: undefined,
      lastErrorAt: undefined,
    });
    return { ok: true, packId: id, name: row.name, termCount: row.termCount, changed: false };
  }
  if (fetched.status === 'undecodable') return recordError({ ok: false, errors: fetched.errors });
  const parsed = parseGlossaryFile(fetched.fileName, fetched.text);
  if (!parsed.ok) return recordError(parsed);
  if (parsed.pack.id !== id) {
    return recordError({
      ok: false,
      errors: [{ path: '$.id', ...say('subscriptionIdChanged', parsed.pack.id, id) }],
    });
  }
  await writePack(db, parsed.pack, 'subscription', {
    url: row.url,
    etag: fetched.etag,
    lastRefresh: Date.now(),
  });
  return { ok: true, packId: id, name: parsed.pack.name, termCount: parsed.pack.terms.length, changed: true };
}

/** Refreshes every subscription; returns whether any pack changed (the snapshot is then rebuilt). */
export async function refreshAll(db: TermlightDb, fetcher: Fetcher): Promise<boolean> {
  const rows: GlossaryRow[] = await db.glossaries.where('source').equals('subscription').toArray();
  let changed = false;
  for (const row of rows) {
    const result = await refreshSubscription(db, row.id, fetcher);
    if (result.ok && result.changed) changed = true;
  }
  return changed;
}
