/**
 * W3C Web Annotation Data Model export (JSON-LD, anno.jsonld context). The file is a JSON array
 * of annotations, each with its own `@context`, rather than an AnnotationCollection: the model
 * requires a Collection and its Page to each have an IRI, which an exported file does not have,
 * and a Page cannot be empty. Each annotation can be posted as it is to an Annotation Protocol
 * server or loaded by tools that take a list of annotations.
 */

import { type Clipping, positionSelector, quoteSelector } from '../clippings/model';
import type { ExportContext } from './clippings-export';

/** The JSON-LD context of the Web Annotation Data Model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format: 'text/plain';
}

/** One annotation, as exported. */
export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  generated: string;
  body?: TextualBody[];
  target: { source: string; selector: Selector[] };
}

function selectors(clipping: Clipping): Selector[] {
  const quote = quoteSelector(clipping);
  const position = positionSelector(clipping);
  return [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      // Both are optional in the model; an empty one says nothing, so it is left out.
      ...(quote.prefix ? { prefix: quote.prefix } : {}),
      ...(quote.suffix ? { suffix: quote.suffix } : {}),
    },
    ...(position
      ? [{ type: 'TextPositionSelector' as const, start: position.start, end: position.end }]
      : []),
  ];
}

function textualBody(value: string, purpose: TextualBody['purpose']): TextualBody {
  return { type: 'TextualBody', value, purpose, format: 'text/plain' };
}

function annotation(clipping: Clipping, ctx: ExportContext): WebAnnotation {
  const note = clipping.note.trim();
  const body = [
    ...(note ? [textualBody(note, 'commenting')] : []),
    ...clipping.tags.map((tag) => textualBody(tag, 'tagging')),
  ];
  return {
    '@context': ANNO_CONTEXT,
    // Clipping ids are random UUIDs, so a urn:uuid IRI names each annotation for good.
    id: `urn:uuid:${clipping.id}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: new Date(clipping.createdAt).toISOString(),
    modified: new Date(clipping.updatedAt).toISOString(),
    generated: ctx.exportedAt.toISOString(),
    // An annotation with no body is valid: a plain highlight.
    ...(body.length > 0 ? { body } : {}),
    // No `scope`: the model means by it the resource viewed around the target (a page around an
    // image), and the passage's text-fragment link is the same page, not a context for it.
    target: { source: clipping.url, selector: selectors(clipping) },
  };
}

/** The clippings as a JSON array of W3C Web Annotations with quote and position selectors. */
export function exportWebAnnotations(clippings: readonly Clipping[], ctx: ExportContext): string {
  return `${JSON.stringify(
    clippings.map((clipping) => annotation(clipping, ctx)),
    null,
    2,
  )}\n`;
}
