/**
 * The highlight colour of each glossary: a slot in a small palette, so a reader with several packs
 * on can tell them apart. Every colour is a translucent fill (the page's own text colour stays) and
 * a dotted underline, so a term reads as marked on light and dark pages and without colour vision.
 */

export interface HighlightColour {
  /** Shown to people, e.g. next to a glossary in the library. */
  name: string;
  /** Fill and underline on a light page, then on a dark one. */
  light: { fill: string; line: string };
  dark: { fill: string; line: string };
}

export const HIGHLIGHT_COLOURS: readonly HighlightColour[] = [
  {
    name: 'Amber',
    light: { fill: 'rgba(250, 204, 21, 0.4)', line: 'rgba(202, 138, 4, 0.95)' },
    dark: { fill: 'rgba(250, 204, 21, 0.28)', line: 'rgba(253, 224, 71, 0.95)' },
  },
  {
    name: 'Sky',
    light: { fill: 'rgba(56, 189, 248, 0.3)', line: 'rgba(2, 132, 199, 0.95)' },
    dark: { fill: 'rgba(56, 189, 248, 0.25)', line: 'rgba(125, 211, 252, 0.95)' },
  },
  {
    name: 'Green',
    light: { fill: 'rgba(74, 222, 128, 0.35)', line: 'rgba(22, 163, 74, 0.95)' },
    dark: { fill: 'rgba(74, 222, 128, 0.25)', line: 'rgba(134, 239, 172, 0.95)' },
  },
  {
    name: 'Pink',
    light: { fill: 'rgba(244, 114, 182, 0.3)', line: 'rgba(219, 39, 119, 0.95)' },
    dark: { fill: 'rgba(244, 114, 182, 0.25)', line: 'rgba(249, 168, 212, 0.95)' },
  },
  {
    name: 'Violet',
    light: { fill: 'rgba(167, 139, 250, 0.32)', line: 'rgba(124, 58, 237, 0.95)' },
    dark: { fill: 'rgba(167, 139, 250, 0.25)', line: 'rgba(196, 181, 253, 0.95)' },
  },
  {
    name: 'Teal',
    light: { fill: 'rgba(45, 212, 191, 0.32)', line: 'rgba(13, 148, 136, 0.95)' },
    dark: { fill: 'rgba(45, 212, 191, 0.25)', line: 'rgba(94, 234, 212, 0.95)' },
  },
];

/** The `CSS.highlights` name of colour slot `slot`: `termlight-term`, `termlight-term-2`, … */
export function highlightName(slot: number): string {
  return slot === 0 ? 'termlight-term' : `termlight-term-${slot + 1}`;
}

/**
 * Colour slots of the glossaries listed in library order (oldest first): each keeps its colour
 * while others are switched on and off, and only a pack past the sixth shares one.
 */
export function colourSlots(glossaryIds: readonly string[]): Record<string, number> {
  const slots: Record<string, number> = {};
  glossaryIds.forEach((id, index) => {
    slots[id] = index % HIGHLIGHT_COLOURS.length;
  });
  return slots;
}
