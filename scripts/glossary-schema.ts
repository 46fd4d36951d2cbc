// Writes glossary/schema.json from the valibot schemas the importer and the CLI validate with, so
// the published JSON Schema cannot drift from them. Run by `npm run build`; a unit test checks that
// the committed file is what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import { HTTP_URL_PATTERN, LANGUAGE_TAG_PATTERN } from '../src/shared/glossary/validate-rules';
import {
  AliasSchema,
  charLimitOf,
  isExistingDate,
  isLanguageTag,
  isSourceUrl,
  PackHeaderSchema,
  SourceSchema,
  TermSchema,
} from '../src/shared/glossary/validate-schema';

/** Where the generated schema is committed. */
export const SCHEMA_PATH = fileURLToPath(new URL('../glossary/schema.json', import.meta.url));

type Node = { [key: string]: JsonSchema | JsonSchema[] | unknown };

/**
 * What a JSON Schema can say that the valibot schemas do not: titles and descriptions for editors,
 * and the superseded/supersededBy pairing the validator checks as a cross-field rule.
 */
const HEADER_ANNOTATIONS = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://termlight.invalid/schema/termlight-glossary-v1.json',
  title: 'Termlight glossary pack (termlight-glossary, version 1)',
  description:
    'A glossary pack as Termlight imports, exports and ships it. Generated from the valibot schemas of src/shared/glossary/validate-schema.ts by scripts/glossary-schema.ts; cross-references (unique ids, related/supersededBy resolving, no cycles) and the surface-form lint are checked by the validator only.',
};

const PROPERTY_DESCRIPTIONS: Record<string, Record<string, string>> = {
  pack: {
    id: 'Pack id: lower-case ASCII letters, digits and dashes.',
    name: 'Display name of the pack.',
    language: "BCP 47 tag of the pack's main language (and of aliases without lang).",
    updated: 'Date (optionally date-time) of the last change.',
  },
  term: {
    id: 'Unique in the pack; lower-case ASCII letters, digits and dashes.',
    term: 'The preferred name; also a surface form.',
    definition: 'Plain text, never HTML.',
    supersededBy: 'Id of the term that replaces this one; only with status "superseded", which requires it.',
  },
  alias: {
    lang: 'BCP 47 tag such as en, zh-Hans, zh-Hant.',
    caseSensitive:
      'Defaults to true for acronym-like forms (at most 6 capital letters, ignoring digits, spaces, dots and dashes), false otherwise.',
    exact: 'When true, an English form does not also match its plural.',
    notFollowedBy:
      'Texts that void a match of this alias when they come right after it, compared in search form (NFKC, whitespace runs as one space) ignoring case; a text is a prefix, not a word: [" 40"] keeps CAC from matching in "CAC 40", ["门", "队"] keeps 公安部 from matching in 公安部门 where a segmenter holds 公安部 as a word.',
    notPrecededBy:
      'Texts that void a match of this alias when they come right before it, compared in search form (NFKC, whitespace runs as one space) ignoring case; a text is a prefix, not a word: ["TCP "] keeps MSS from matching in "TCP MSS".',
    ignoreSegmenter:
      'When true, the CJK word-edge rule is not applied to this alias: a CJK edge with a CJK character beyond it need not fall on an Intl.Segmenter word boundary. For an alias the segmenters split wrongly; its notFollowedBy / notPrecededBy guards still apply.',
  },
  source: { url: 'Absolute http: or https: URL.' },
};

const SUPERSEDED_RULE = {
  if: { required: ['status'], properties: { status: { const: 'superseded' } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; never awaited.
  then: { required: ['supersededBy'], properties: { supersededBy: true } },
  dependentSchemas: {
    supersededBy: { required: ['status'], properties: { status: { const: 'superseded' } } },
  },
};

function addDescriptions(node: Node, descriptions: Record<string, string> | undefined): void {
  const properties = node.properties as Record<string, Node>;
  for (const [key, text] of Object.entries(descriptions ?? {})) {
    const property = properties[key];
    if (!property) throw new Error(`the valibot schema has no property "${key}" to describe`);
    property.description = text;
  }
}

/** The JSON Schema of the glossary format, from the valibot schemas plus the annotations above. */
export function glossaryJsonSchema(): Node {
  const converted = toJsonSchema(PackHeaderSchema, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    definitions: { term: TermSchema, alias: AliasSchema, source: SourceSchema },
    // The checks written as functions (for their messages) are, as far as a schema can tell, the
    // patterns they test against, and the code-point lengths JSON Schema's maxLength counts.
    overrideAction: ({ valibotAction, jsonSchema }) => {
      if (valibotAction.type !== 'check') return undefined;
      const requirement = (valibotAction as { requirement?: unknown }).requirement;
      const maxLength = charLimitOf(requirement);
      if (maxLength !== undefined) return { ...jsonSchema, maxLength };
      // Which days exist is more than a pattern can say: the schema keeps the pattern only.
      if (requirement === isExistingDate) return jsonSchema;
      if (requirement === isLanguageTag) return { ...jsonSchema, pattern: LANGUAGE_TAG_PATTERN.source };
      if (requirement === isSourceUrl) return { ...jsonSchema, pattern: HTTP_URL_PATTERN.source };
      return undefined;
    },
  }) as Node;
  const { $schema: _, $defs, ...pack } = converted;
  const defs = $defs as Record<string, Node>;
  const properties = pack.properties as Record<string, Node>;
  // The header leaves terms as unknown so it can check them one at a time; the file holds terms.
  (properties.terms as Node).items = { $ref: '#/$defs/term' };
  // Editors find the schema through a $schema property; the validator tolerates any unknown key.
  pack.properties = {
    $schema: {
      description:
        'Tolerated (any value) so editors can find this schema. Other unknown top-level properties are tolerated too; the validator warns about them.',
    },
    ...properties,
  };
  addDescriptions(pack, PROPERTY_DESCRIPTIONS.pack);
  for (const [name, node] of Object.entries(defs)) addDescriptions(node, PROPERTY_DESCRIPTIONS[name]);
  const term = defs.term as Node;
  (term.properties as Record<string, Node>).status = {
    ...((term.properties as Record<string, Node>).status as Node),
    default: 'current',
  };
  ((term.properties as Record<string, Node>).related as Node & { items: Node }).items.description =
    'Id of another term in the same pack.';
  Object.assign(term, SUPERSEDED_RULE);
  return { ...HEADER_ANNOTATIONS, ...pack, $defs: defs };
}

/** The file's text: the schema as JSON, two-space indented, with a final newline. */
export function glossarySchemaText(): string {
  return `${JSON.stringify(glossaryJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, glossarySchemaText());
}
