/**
 * The built-ins the page-world hooks use, taken once when the script installs (at document_start,
 * before any page script): a page that later replaces `Event`, `dispatchEvent`, `queueMicrotask`,
 * `Function.prototype.apply` / `call` / `bind`, `Reflect.apply` or a `Set` method changes nothing
 * here. Nothing in this folder calls a built-in through a property lookup after install.
 */

const { apply, defineProperty, getOwnPropertyDescriptor } = Reflect;
const NativeEvent = Event;
const NativeSet = Set;
const NativeWeakSet = WeakSet;
const NativeProxy = Proxy;
const bind = Function.prototype.bind;
const dispatchEvent = EventTarget.prototype.dispatchEvent;
const setAdd = Set.prototype.add;
const setClear = Set.prototype.clear;
const setForEach = Set.prototype.forEach;
const weakSetAdd = WeakSet.prototype.add;
const weakSetHas = WeakSet.prototype.has;
const queue = queueMicrotask;

export { apply, defineProperty, getOwnPropertyDescriptor, NativeProxy };

/** Calls `run` in a microtask of its own. */
export function later(run: () => void): void {
  queue(run);
}

/**
 * Dispatches a new event `type` at `target` from a microtask whose callback is the native
 * `dispatchEvent` itself (bound): a page listener that captures a stack finds no frame of ours.
 */
export function fire(target: EventTarget, type: string, composed: boolean): void {
  // Every member of the event's init dictionary is an own property, so reading the dictionary never
  // reaches a getter a page put on Object.prototype.
  const event = new NativeEvent(type, { bubbles: composed, cancelable: false, composed });
  queue(apply(bind, dispatchEvent, [target, event]) as () => void);
}

/** A set whose methods are the ones taken at install. */
/**
 * A report of `type` at the document, at most one per turn of the page's script and after it: a
 * page that empties the registry or resets its sheets in a loop finishes its loop before the
 * content script puts anything back.
 */
export function coalescedReport(doc: Document, type: string): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    later(() => {
      queued = false;
      fire(doc, type, false);
    });
  };
}

export class SafeSet<T> {
  private readonly items = new NativeSet<T>();

  add(item: T): void {
    apply(setAdd, this.items, [item]);
  }

  /** Calls `each` with every item, then empties the set. */
  drain(each: (item: T) => void): void {
    apply(setForEach, this.items, [each]);
    apply(setClear, this.items, []);
  }
}

/** A weak set whose methods are the ones taken at install. */
export class SafeWeakSet<T extends object> {
  private readonly items = new NativeWeakSet<T>();

  /** Adds `item`; false when it was there already. */
  addNew(item: T): boolean {
    if (apply(weakSetHas, this.items, [item])) return false;
    apply(weakSetAdd, this.items, [item]);
    return true;
  }
}
