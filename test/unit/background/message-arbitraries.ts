/**
 * fast-check arbitraries for the message protocol, read off its valibot schema: valid requests of
 * every type, and near-valid ones with one field broken.
 */
import fc from 'fast-check';
import { RequestSchema } from '../../../src/shared/message-schema';

/** The parts of a valibot schema object this walker reads. */
interface SchemaNode {
  type: string;
  pipe?: { type: string; requirement?: unknown }[];
  entries?: Record<string, SchemaNode>;
  options?: unknown[];
  wrapped?: SchemaNode;
  item?: SchemaNode;
  literal?: unknown;
}

const requirement = (node: SchemaNode, type: string): unknown =>
  node.pipe?.find((step) => step.type === type)?.requirement;

// Strings that look like what a page would try: ids of the test packs, URLs, markup, CJK.
const LIKELY = [
  'p/mlps',
  'p',
  'u',
  'mlps',
  'c1',
  'https://bank.example/account',
  '<img src=x onerror=1>',
  '等保',
];
const SITES = ['news.example', 'bank.example', '127.0.0.1:8080', '[::1]'];

/** Valid values of one schema node (strings short: size limits are probed by the broken ones). */
export function arbitraryOf(node: SchemaNode): fc.Arbitrary<unknown> {
  switch (node.type) {
    case 'string': {
      if (requirement(node, 'regex')) return fc.constantFrom(...SITES);
      const minLength = Number(requirement(node, 'min_length') ?? 0);
      const maxLength = Math.min(Number(requirement(node, 'max_length') ?? 40), 40);
      return fc.oneof(
        fc.string({ minLength, maxLength }),
        fc.constantFrom(...LIKELY.filter((s) => s.length >= minLength && s.length <= maxLength)),
      );
    }
    case 'number': {
      const integer = node.pipe?.some((step) => step.type === 'integer');
      const min = Number(requirement(node, 'min_value') ?? -1e6);
      const max = Number(requirement(node, 'max_value') ?? 1e6);
      return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constant(node.literal);
    case 'picklist':
      return fc.constantFrom(...(node.options as unknown[]));
    case 'union':
    case 'variant':
      return fc.oneof(...(node.options as SchemaNode[]).map(arbitraryOf));
    case 'unknown':
      return fc.jsonValue();
    case 'optional':
      return fc.option(arbitraryOf(node.wrapped as SchemaNode), { nil: undefined });
    case 'array': {
      const minLength = Number(requirement(node, 'min_length') ?? 0);
      return fc.array(arbitraryOf(node.item as SchemaNode), { minLength, maxLength: Math.max(minLength, 4) });
    }
    case 'strict_object': {
      const entries = Object.entries(node.entries ?? {});
      return fc
        .tuple(...entries.map(([, entry]) => arbitraryOf(entry)))
        .map((values) =>
          Object.fromEntries(
            entries.map(([key], i) => [key, values[i]]).filter(([, value]) => value !== undefined),
          ),
        );
    }
    default:
      throw new Error(`No arbitrary for a valibot "${node.type}" schema: add one`);
  }
}

/** A valid request of any type. */
export const validRequest = arbitraryOf(RequestSchema as unknown as SchemaNode) as fc.Arbitrary<
  Record<string, unknown> & { type: string }
>;

const HUGE = 'A'.repeat(1_000_000);

/** A value that breaks a field: a wrong type, a huge string, a prototype-pollution attempt. */
const breaking: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constant(HUGE),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.constantFrom(null, Number.NaN, -1, 1e308, '', [], {}),
);

/** A valid request with one field broken, removed, or a polluting key added. */
export const brokenRequest: fc.Arbitrary<unknown> = fc
  .tuple(validRequest, fc.nat(), breaking, fc.constantFrom('replace', 'delete', 'add', 'type'))
  .map(([request, n, value, how]) => {
    const broken: Record<string, unknown> = { ...request };
    const keys = Object.keys(broken).filter((key) => key !== 'type');
    const key = keys[n % Math.max(keys.length, 1)];
    if (how === 'type') broken.type = value;
    else if (how === 'add' || key === undefined) {
      Object.defineProperty(broken, ['__proto__', 'constructor', 'prototype', 'url'][n % 4] as string, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else if (how === 'delete') delete broken[key];
    else broken[key] = value;
    return broken;
  });

/** Anything at all: random JSON, or a polluting object parsed from text the way a page would send it. */
export const randomMessage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc
    .constantFrom('getSnapshot', 'saveClipping', 'deletePack', 'importGlossary', 'toString', '__proto__')
    .map((type) => JSON.parse(`{"type":"${type}","__proto__":{"isAdmin":true},"id":"x"}`)),
);
