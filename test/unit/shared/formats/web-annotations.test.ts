import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../src/shared/clippings/model';
import { exportWebAnnotations } from '../../../../src/shared/formats/web-annotations';
import { makeClipping } from '../../support/clippings';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ctx = { termNames: {}, exportedAt: new Date(Date.UTC(2026, 11, 6, 8, 0)) };

function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return makeClipping({
    id: '2b1f0c3e-5d6a-4f7b-8c9d-0e1f2a3b4c5d',
    canonicalUrl: 'https://example.com/canonical',
    ...overrides,
  });
}

/** The motivations the Web Annotation vocabulary defines (also the values of a body's purpose). */
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const IRI = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$' };
/** xsd:dateTime in UTC, as the model asks of created, modified and generated. */
const UTC_DATE_TIME = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' };
const oneOrMany = (value: object) => ({ anyOf: [value, { type: 'array', contains: value }] });

const quoteSelector = {
  type: 'object',
  required: ['type', 'exact'],
  properties: {
    type: { const: 'TextQuoteSelector' },
    exact: { type: 'string' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
  },
  additionalProperties: false,
};
const positionSelector = {
  type: 'object',
  required: ['type', 'start', 'end'],
  properties: {
    type: { const: 'TextPositionSelector' },
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
};

/** The Web Annotation Data Model's requirements on the annotations this export writes. */
const annotationSchema = {
  type: 'object',
  required: ['@context', 'id', 'type', 'target'],
  properties: {
    '@context': oneOrMany({ const: ANNO_CONTEXT }),
    id: IRI,
    type: oneOrMany({ const: 'Annotation' }),
    motivation: oneOrMany({ enum: MOTIVATIONS }),
    created: UTC_DATE_TIME,
    modified: UTC_DATE_TIME,
    generated: UTC_DATE_TIME,
    body: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type', 'value'],
        properties: {
          type: { const: 'TextualBody' },
          value: { type: 'string' },
          purpose: { enum: MOTIVATIONS },
          format: { type: 'string' },
        },
      },
    },
    target: {
      type: 'object',
      required: ['source', 'selector'],
      properties: {
        source: IRI,
        selector: {
          type: 'array',
          items: { oneOf: [quoteSelector, positionSelector] },
          allOf: [{ contains: quoteSelector }, { contains: positionSelector }],
        },
      },
    },
  },
};

const validAnnotation = new Ajv2020({ allErrors: true, strict: false }).compile(annotationSchema);

type Annotation = {
  id: string;
  motivation: string;
  created: string;
  modified: string;
  generated: string;
  body?: { type: string; value: string; purpose: string; format: string }[];
  target: { source: string; selector: Record<string, unknown>[] };
};

const exported = (clippings: Clipping[]): Annotation[] => JSON.parse(exportWebAnnotations(clippings, ctx));

describe('exportWebAnnotations', () => {
  it("gives every annotation the model's required fields", () => {
    const annotations = exported([
      clipping(),
      clipping({ id: 'a1b2c3d4-0000-4000-8000-000000000001', note: 'A note', tags: ['read', 'later'] }),
      clipping({ id: 'a1b2c3d4-0000-4000-8000-000000000002', exact: '用語の定義', tags: ['用語'] }),
      clipping({ id: 'a1b2c3d4-0000-4000-8000-000000000003', exact: 'text\nover lines', anchored: false }),
    ]);
    const failing = annotations
      .map((annotation) => ({
        id: annotation.id,
        valid: validAnnotation(annotation),
        errors: validAnnotation.errors,
      }))
      .filter(({ valid }) => !valid);
    expect(annotations).toHaveLength(4);
    expect(failing).toEqual([]);
  });

  it('rejects, in the schema above, an annotation missing what the model requires', () => {
    const [annotation] = exported([clipping()]);
    const broken = [
      { ...annotation, '@context': 'http://example.com/other.jsonld' },
      { ...annotation, id: 'not an IRI' },
      {
        ...annotation,
        target: { ...annotation?.target, selector: [{ type: 'TextPositionSelector', start: 1.5 }] },
      },
    ];
    expect(broken.filter((a) => validAnnotation(a))).toEqual([]);
  });

  it('is a JSON array of annotations, each with the anno.jsonld context', () => {
    const annotations = JSON.parse(exportWebAnnotations([clipping(), clipping({ id: 'c2' })], ctx));
    expect(annotations.map((a: Record<string, unknown>) => [a['@context'], a.type])).toEqual([
      [ANNO_CONTEXT, 'Annotation'],
      [ANNO_CONTEXT, 'Annotation'],
    ]);
  });

  it('writes an empty array when there are no clippings', () => {
    expect(JSON.parse(exportWebAnnotations([], ctx))).toEqual([]);
  });

  it('identifies each annotation by a urn:uuid IRI of the clipping id', () => {
    expect(exported([clipping()])[0]?.id).toBe('urn:uuid:2b1f0c3e-5d6a-4f7b-8c9d-0e1f2a3b4c5d');
  });

  it('is a highlight without a note and a comment with one', () => {
    const annotations = exported([clipping({ tags: ['read'] }), clipping({ note: 'Why it matters' })]);
    expect(annotations.map((a) => a.motivation)).toEqual(['highlighting', 'commenting']);
  });

  it('carries the note as a commenting body and each tag as a tagging body', () => {
    const [annotation] = exported([clipping({ note: '  Why it matters ', tags: ['read', '用語'] })]);
    expect(annotation?.body).toEqual([
      { type: 'TextualBody', value: 'Why it matters', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'read', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: '用語', purpose: 'tagging', format: 'text/plain' },
    ]);
  });

  it('has no body without a note or tags', () => {
    const [annotation] = exported([clipping({ note: ' ' })]);
    expect(annotation && 'body' in annotation).toBe(false);
  });

  it('targets the page URL with a quote and a position selector', () => {
    const [annotation] = exported([clipping()]);
    expect(annotation?.target).toEqual({
      source: 'https://example.com/article',
      selector: [
        { type: 'TextQuoteSelector', exact: 'the saved passage', prefix: 'Before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 100, end: 117 },
      ],
    });
  });

  it('leaves out an empty prefix or suffix, and a missing position selector', () => {
    const exact = 'the saved passage';
    const [annotation] = exported([
      clipping({ selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] }),
    ]);
    expect(annotation?.target.selector).toEqual([{ type: 'TextQuoteSelector', exact }]);
  });

  it('dates the annotation and its serialisation in UTC', () => {
    const [annotation] = exported([clipping()]);
    expect([annotation?.created, annotation?.modified, annotation?.generated]).toEqual([
      '2026-12-01T09:30:00.000Z',
      '2026-12-02T10:45:00.000Z',
      '2026-12-06T08:00:00.000Z',
    ]);
  });
});
