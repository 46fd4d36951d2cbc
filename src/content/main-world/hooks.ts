/**
 * How the page-world hooks see a page's calls without ever standing between the page and a
 * built-in. A wrapper that calls the native itself is on the stack while the native runs: a page
 * that makes it throw (or passes an argument whose getter runs page code) reads the extension's
 * URL in the stack, and the wrapper's own `toString()` is not the native's. So:
 *
 * - a method is made an accessor whose getter notes the receiver and returns the native method
 *   itself (what the page calls is the real thing: same identity, `toString()`, `name`, `length`,
 *   errors);
 * - a setter is replaced by a Proxy of the native setter whose `apply` trap *is* the native
 *   `Reflect.apply`: the handler's getter for it notes the call and returns it, before the call.
 *
 * Either way the report is made later, from a microtask. A page that inspects property descriptors
 * can tell that a member was hooked; it cannot learn anything else (see docs/SECURITY.md).
 */
import { apply, defineProperty, getOwnPropertyDescriptor, NativeProxy } from './builtins';

/**
 * Makes every read of the method `proto[name]` call `onRead(receiver)` first (reading a method is
 * what calling it starts with, on the object it is called on). Assignments behave as before: to
 * the prototype it replaces what reads return, to another object it makes an own property there.
 */
export function reportReads(proto: object, name: string, onRead: (receiver: unknown) => void): void {
  const descriptor = getOwnPropertyDescriptor(proto, name);
  if (!descriptor || typeof descriptor.value !== 'function') return;
  let current: unknown = descriptor.value;
  defineProperty(proto, name, {
    configurable: descriptor.configurable ?? true,
    enumerable: descriptor.enumerable ?? false,
    get(this: unknown) {
      onRead(this);
      return current;
    },
    set(this: unknown, value: unknown) {
      if (this === proto) current = value;
      else if ((typeof this === 'object' && this !== null) || typeof this === 'function')
        // No prototype: a descriptor inherits `get`/`set` from a page's Object.prototype otherwise.
        defineProperty(this, name, {
          __proto__: null,
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        } as PropertyDescriptor);
    },
  });
}

/** Makes every call of the setter of the accessor `proto[name]` call `onSet()` just before it runs. */
export function reportSets(proto: object, name: string, onSet: () => void): void {
  const descriptor = getOwnPropertyDescriptor(proto, name);
  const native = descriptor?.set;
  if (!descriptor || !native) return;
  // No prototype: a trap a page puts on Object.prototype (`get`, `has`…) is not one of this proxy's.
  const handler = {
    __proto__: null,
    get apply() {
      onSet();
      return apply;
    },
  } as ProxyHandler<typeof native>;
  defineProperty(proto, name, {
    configurable: descriptor.configurable ?? true,
    enumerable: descriptor.enumerable ?? false,
    get: descriptor.get,
    set: new NativeProxy(native, handler),
  });
}
