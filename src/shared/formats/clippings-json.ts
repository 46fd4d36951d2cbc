/** Termlight's own JSON export: every stored field, plus term names and a link per clipping. */

import type { Clipping } from '../clippings/model';
import { clippingLink, type ExportContext, termName } from './clippings-export';

/** A clipping as exported: the stored clipping, its terms by name, and its passage link. */
export interface ExportedClipping extends Clipping {
  terms: { id: string; name: string }[];
  link: string;
}

/** The exported file. */
export interface ClippingsFile {
  format: 'termlight-clippings';
  version: 1;
  exported: string;
  clippings: ExportedClipping[];
}

/** The clippings as a pretty-printed `termlight-clippings` version 1 JSON file. */
export function exportClippingsJson(clippings: readonly Clipping[], ctx: ExportContext): string {
  const file: ClippingsFile = {
    format: 'termlight-clippings',
    version: 1,
    exported: ctx.exportedAt.toISOString(),
    clippings: clippings.map((clipping) => ({
      ...clipping,
      terms: clipping.termIds.map((id) => ({ id, name: termName(id, ctx) })),
      link: clippingLink(clipping),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
