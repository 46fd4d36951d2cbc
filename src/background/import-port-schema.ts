/** Runtime schema of the import port's requests: the background checks each one before acting on it. */
import * as v from 'valibot';
import { GLOSSARY_LIMITS } from '../shared/glossary/validate';
import { type ImportPortRequest, MAX_IMPORT_BATCH_TERMS } from '../shared/messages';

// The header's fields are only typed here: their content (id pattern, lengths, language tag) is the
// glossary validator's business, checked with the terms once all have arrived.
const HeaderSchema = v.strictObject({
  id: v.string('the pack id must be a string'),
  name: v.string('the pack name must be a string'),
  description: v.optional(v.string('the description must be a string')),
  language: v.optional(v.string('the language must be a string')),
  updated: v.optional(v.string('updated must be a string')),
});

const ImportPortRequestSchema = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('begin'),
      header: HeaderSchema,
      termCount: v.pipe(
        v.number('the term count must be a number'),
        v.integer('the term count must be a whole number'),
        v.minValue(0, 'the term count must not be negative'),
        v.maxValue(
          GLOSSARY_LIMITS.terms,
          (issue) =>
            `the pack has ${issue.input} terms, more than the ${GLOSSARY_LIMITS.terms} a pack may hold`,
        ),
      ),
    }),
    v.strictObject({
      type: v.literal('terms'),
      terms: v.pipe(
        v.array(v.unknown(), 'terms must be an array'),
        v.maxLength(
          MAX_IMPORT_BATCH_TERMS,
          (issue) =>
            `a batch of ${issue.received} terms is more than the ${MAX_IMPORT_BATCH_TERMS} one message may carry`,
        ),
      ),
    }),
    v.strictObject({ type: v.literal('preview') }),
    v.strictObject({ type: v.literal('commit'), replace: v.boolean('replace must be true or false') }),
    v.strictObject({ type: v.literal('keepAlive') }),
  ],
  'not an import message',
);

// Compile-time proof that the schema and the protocol type describe the same messages.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesProtocol: Same<v.InferOutput<typeof ImportPortRequestSchema>, ImportPortRequest> = true;
void schemaMatchesProtocol;

/** Parses a message from the import port, or says what is wrong with it (never throws). */
export function parseImportPortRequest(
  message: unknown,
): { ok: true; request: ImportPortRequest } | { ok: false; error: string } {
  const result = v.safeParse(ImportPortRequestSchema, message);
  if (result.success) return { ok: true, request: result.output };
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    error: `Malformed import message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'invalid'}`,
  };
}
