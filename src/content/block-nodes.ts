/**
 * The text nodes of a block and where each begins in its text: listed for a block read whole, and
 * looked up by offset to turn a match into a range.
 */
import type { TextBlock } from './block-text';

/**
 * Index of the block node that holds `offset`, given where each node `starts` in the block,
 * searching forward from node `from` (the matches of a block come in order, so each search resumes
 * where the last stopped). At a boundary between two nodes a start (`atEnd` false) lies in the
 * later node and an end in the earlier one.
 */
export function nodeIndexAt(starts: readonly number[], offset: number, atEnd: boolean, from = 0): number {
  const last = starts.length - 1;
  let i = from;
  if (atEnd) while (i < last && (starts[i + 1] ?? 0) < offset) i++;
  else while (i < last && (starts[i + 1] ?? 0) <= offset) i++;
  return i;
}

/**
 * Lists the text nodes of `block` and where each begins (walking them with `lister` when it was
 * read whole).
 */
export function listTextNodes(
  block: TextBlock,
  lister = new TextNodeLister(),
): { nodes: Text[]; starts: number[] } {
  return block.kind === 'whole' ? lister.list(block.element, block.text.length, block.tree) : block;
}

/**
 * Lists the text nodes of blocks read whole, reading each node's `length`, never its text. One
 * walker serves every block of a tree (each would cost an allocation of the browser's): it starts
 * at the block and stops when the nodes cover the block's text, so a block must be listed in the
 * task that read its text, before the page can change it.
 */
export class TextNodeLister {
  private walker: TreeWalker | null = null;
  private root: Node | null = null;

  /**
   * The text nodes of `el`, whose text is `length` units long, and where each begins. `root` is the
   * root of `el`'s tree, which the reader knows: asking `el` for it would cost a DOM call a block.
   */
  list(el: Element, length: number, root: Node): { nodes: Text[]; starts: number[] } {
    let walker = this.walker;
    if (walker === null || this.root !== root) {
      // CDATA sections (XHTML) are text too, in textContent as in ranges.
      walker = el.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
      this.walker = walker;
      this.root = root;
    }
    walker.currentNode = el;
    const nodes: Text[] = [];
    const starts: number[] = [];
    // Empty nodes at the end are left out: they can hold no match.
    for (let covered = 0; covered < length; ) {
      const node = walker.nextNode() as Text | null;
      if (node === null) break;
      starts.push(covered);
      nodes.push(node);
      covered += node.length;
    }
    return { nodes, starts };
  }
}
