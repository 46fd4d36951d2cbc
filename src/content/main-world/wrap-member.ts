/**
 * How the page-world hooks wrap a built-in: the replacement calls the original, then reports. It
 * keeps the original's name and property attributes, so a page that looks at the member sees the
 * shape it expects.
 */

/** Replaces the method `proto[name]` with one that calls it, then `after` with its receiver, arguments and result. */
export function afterMethod(
  proto: object,
  name: string,
  after: (self: never, args: never[], result: unknown) => void,
): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  const original: unknown = descriptor?.value;
  if (!descriptor || typeof original !== 'function') return;
  // A method in an object literal, so `this` is the receiver and the function has the original's name.
  const replacement = {
    [name](this: unknown, ...args: unknown[]): unknown {
      const result: unknown = original.apply(this, args);
      after(this as never, args as never[], result);
      return result;
    },
  }[name];
  Object.defineProperty(proto, name, { ...descriptor, value: replacement });
}

/** Replaces the setter of the accessor `proto[name]` with one that calls it, then `after` with its receiver. */
export function afterSetter(proto: object, name: string, after: (self: never) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  const original = descriptor?.set;
  if (!descriptor || !original) return;
  // An accessor in an object literal, so the setter has the original's name.
  const replacement = Object.getOwnPropertyDescriptor(
    {
      set [name](value: unknown) {
        original.call(this, value);
        after(this as never);
      },
    },
    name,
  )?.set;
  Object.defineProperty(proto, name, { ...descriptor, set: replacement });
}
