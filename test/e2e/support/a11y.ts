/** Reads what a screen reader meets: the accessibility tree, including closed shadow roots. */
import type { Page, SerializedAXNode } from 'puppeteer-core';

/** The first node with `role`, searching the whole accessibility tree. */
export async function findByRole(page: Page, role: string, name?: string): Promise<SerializedAXNode | null> {
  const tree = await page.accessibility.snapshot({ interestingOnly: false });
  const stack = tree ? [tree] : [];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedAXNode;
    if (node.role === role && (name === undefined || node.name === name)) return node;
    stack.push(...(node.children ?? []));
  }
  return null;
}

/** All the text a node's subtree exposes (names of its descendants), joined by spaces. */
export function accessibleText(node: SerializedAXNode): string {
  const parts: string[] = [];
  const walk = (n: SerializedAXNode) => {
    if (n.name && (n.role === 'StaticText' || n.role === 'text' || n.role === 'heading' || n.role === 'link'))
      parts.push(n.name);
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return parts.join(' ');
}

/** Waits until a node with `role` exists and returns it. */
export async function waitForRole(page: Page, role: string, timeout = 10_000): Promise<SerializedAXNode> {
  const end = Date.now() + timeout;
  for (;;) {
    const node = await findByRole(page, role);
    if (node) return node;
    if (Date.now() > end) throw new Error(`No ${role} in the accessibility tree after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until a node with `role` exposes text matching `pattern`, and returns that text. */
/** A pattern that matches `text` as it is (for {@link waitForRoleText}). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function waitForRoleText(
  page: Page,
  role: string,
  pattern: RegExp,
  timeout = 10_000,
): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    const node = await findByRole(page, role);
    last = node ? accessibleText(node) : '';
    if (pattern.test(last)) return last;
    if (Date.now() > end)
      throw new Error(`No ${role} with text ${pattern} after ${timeout} ms (last: "${last}")`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
