/** Runtime schema of the message protocol: the background checks every incoming message against it. */
import * as v from 'valibot';
import { MAX_BLOCK_BREAKS, MAX_CLIP_CHARS } from './clippings/model';
import type { Request } from './messages';

const MAX_ID = 300;
/** Imports travel as text; Chromium caps a message at 64 MiB, so stay well under it. */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

const MAX_NOTE_CHARS = 20_000;
const MAX_BATCH = 10_000;

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const SelectorSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLIP_CHARS)),
    prefix: v.pipe(v.string(), v.maxLength(200)),
    suffix: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
]);
const selectors = v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(4));
const note = v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS));
const tags = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(50));
const pageUrl = v.pipe(v.string(), v.minLength(1), v.maxLength(8_000));
const ids = v.pipe(v.array(id), v.minLength(1), v.maxLength(MAX_BATCH));

const blockBreaks = v.optional(v.pipe(v.array(offset), v.maxLength(MAX_BLOCK_BREAKS)));
// Start, end pairs; an odd one out at the end is passed over where they are read.
const hiddenText = v.optional(v.pipe(v.array(offset), v.maxLength(2 * MAX_BLOCK_BREAKS)));

const ClipCaptureSchema = v.strictObject({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLIP_CHARS)),
  selectors,
  blockBreaks,
  hiddenText,
  title: v.pipe(v.string(), v.maxLength(2_000)),
  canonicalUrl: v.optional(pageUrl),
  reattachId: v.optional(id),
});

const ClippingSchema = v.strictObject({
  id,
  url: pageUrl,
  canonicalUrl: v.optional(pageUrl),
  site: v.pipe(v.string(), v.maxLength(300)),
  title: v.pipe(v.string(), v.maxLength(2_000)),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLIP_CHARS)),
  selectors,
  note,
  tags,
  termIds: v.pipe(v.array(id), v.maxLength(MAX_BATCH)),
  createdAt: v.number(),
  updatedAt: v.number(),
  anchored: v.boolean(),
  blockBreaks,
  hiddenText,
});

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('getSnapshot'), knownVersion: v.optional(v.number()) }),
  v.strictObject({ type: v.literal('getDefinition'), id }),
  v.strictObject({ type: v.literal('listGlossaries') }),
  v.strictObject({ type: v.literal('setGlossaryEnabled'), id, enabled: v.boolean() }),
  v.strictObject({
    type: v.literal('importGlossary'),
    fileName: v.pipe(v.string(), v.maxLength(1000)),
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)),
    replace: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('previewImport'),
    fileName: v.pipe(v.string(), v.maxLength(1000)),
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)),
  }),
  v.strictObject({ type: v.literal('getGlossaryPack'), id }),
  v.strictObject({
    type: v.literal('subscribe'),
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(8_000)),
  }),
  v.strictObject({ type: v.literal('refreshSubscription'), id }),
  v.strictObject({ type: v.literal('copyToLocalPack'), id }),
  v.strictObject({
    type: v.literal('search'),
    query: v.pipe(v.string(), v.maxLength(500)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  }),
  v.strictObject({ type: v.literal('getRefreshInterval') }),
  v.strictObject({
    type: v.literal('setRefreshInterval'),
    hours: v.union([v.literal(1), v.literal(6), v.literal(12), v.literal(24), v.literal(168)]),
  }),
  v.strictObject({
    type: v.literal('createPack'),
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    language: v.optional(v.pipe(v.string(), v.maxLength(35))),
    description: v.optional(v.pipe(v.string(), v.maxLength(5_000))),
  }),
  v.strictObject({
    type: v.literal('saveTerm'),
    glossaryId: id,
    term: v.unknown(),
    previousId: v.optional(id),
  }),
  v.strictObject({ type: v.literal('deleteTerm'), glossaryId: id, termId: id }),
  v.strictObject({
    type: v.literal('restoreTerm'),
    glossaryId: id,
    term: v.unknown(),
    order: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.strictObject({ type: v.literal('deletePack'), id }),
  v.strictObject({
    type: v.literal('restorePack'),
    deleted: v.strictObject({
      pack: v.unknown(),
      source: v.picklist(['builtin', 'local', 'imported', 'subscription']),
      enabled: v.boolean(),
      url: v.optional(v.pipe(v.string(), v.maxLength(8_000))),
      etag: v.optional(v.pipe(v.string(), v.maxLength(1_000))),
    }),
  }),
  v.strictObject({ type: v.literal('getSettings') }),
  v.strictObject({
    type: v.literal('updateSettings'),
    changes: v.strictObject({
      firstOccurrenceOnly: v.optional(v.boolean()),
      includeCode: v.optional(v.boolean()),
      showBadge: v.optional(v.boolean()),
      paused: v.optional(v.boolean()),
    }),
  }),
  v.strictObject({
    type: v.literal('setSiteEnabled'),
    site: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[\p{L}\p{N}.:[\]-]+$/u)),
    enabled: v.boolean(),
  }),
  v.strictObject({ type: v.literal('getPageState') }),
  v.strictObject({ type: v.literal('getTermNames'), ids: v.pipe(v.array(id), v.maxLength(1_000)) }),
  v.strictObject({ type: v.literal('listTerms'), glossaryId: id }),
  v.strictObject({
    type: v.literal('openLibrary'),
    termId: v.optional(id),
    newTerm: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1_000))),
  }),
  v.strictObject({ type: v.literal('saveClipping'), clip: ClipCaptureSchema }),
  v.strictObject({
    type: v.literal('updateClipping'),
    id,
    note: v.optional(note),
    tags: v.optional(tags),
  }),
  v.strictObject({ type: v.literal('getPageClippings'), canonicalUrl: v.optional(pageUrl) }),
  v.strictObject({
    type: v.literal('reportAnchoring'),
    anchored: v.pipe(v.array(id), v.maxLength(MAX_BATCH)),
    orphaned: v.pipe(v.array(id), v.maxLength(MAX_BATCH)),
    canonicalUrl: v.optional(pageUrl),
  }),
  v.strictObject({ type: v.literal('listClippings') }),
  v.strictObject({ type: v.literal('deleteClippings'), ids }),
  v.strictObject({
    type: v.literal('restoreClippings'),
    clippings: v.pipe(v.array(ClippingSchema), v.minLength(1), v.maxLength(MAX_BATCH)),
  }),
  v.strictObject({ type: v.literal('reattachClipping'), id }),
  v.strictObject({ type: v.literal('loadContentUi') }),
  v.strictObject({
    type: v.literal('reportPageTerms'),
    ids: v.pipe(v.array(id), v.maxLength(MAX_BATCH)),
  }),
  v.strictObject({ type: v.literal('getStorageHealth') }),
  v.strictObject({ type: v.literal('dismissStorageProblems') }),
]);

// Compile-time proof that the schema and the protocol type describe the same messages.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesProtocol: Same<v.InferOutput<typeof RequestSchema>, Request> = true;
void schemaMatchesProtocol;

/** Parses an unknown message into a request, or says what is wrong with it. */
export function parseRequest(
  message: unknown,
): { ok: true; request: Request } | { ok: false; error: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    error: `Malformed message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}`,
  };
}
