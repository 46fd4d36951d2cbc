/** Runtime schema of the message protocol: the background checks every incoming message against it. */
import * as v from 'valibot';
import type { Request } from './messages';

const MAX_ID = 300;
/** Imports travel as text; Chromium caps a message at 64 MiB, so stay well under it. */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

export const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('getSnapshot'), knownVersion: v.optional(v.number()) }),
  v.strictObject({ type: v.literal('getDefinition'), id }),
  v.strictObject({ type: v.literal('listGlossaries') }),
  v.strictObject({ type: v.literal('setGlossaryEnabled'), id, enabled: v.boolean() }),
  v.strictObject({
    type: v.literal('importGlossary'),
    fileName: v.pipe(v.string(), v.maxLength(1000)),
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)),
  }),
  v.strictObject({ type: v.literal('getSettings') }),
  v.strictObject({
    type: v.literal('updateSettings'),
    changes: v.strictObject({
      firstOccurrenceOnly: v.optional(v.boolean()),
      includeCode: v.optional(v.boolean()),
    }),
  }),
  v.strictObject({
    type: v.literal('setSiteEnabled'),
    site: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[\p{L}\p{N}.:[\]-]+$/u)),
    enabled: v.boolean(),
  }),
  v.strictObject({ type: v.literal('listTerms'), glossaryId: id }),
  v.strictObject({ type: v.literal('openLibrary'), termId: v.optional(id) }),
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
