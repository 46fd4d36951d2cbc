import { afterEach, describe, expect, it } from 'vitest';
import { fire } from '../../../../src/content/main-world/builtins';
import { reportReads, reportSets } from '../../../../src/content/main-world/hooks';

/** Frames of the page-world code, as a page would find them in a stack it captures. */
const OURS = /main-world[\\/](hooks|builtins)\.ts/;

/** A built-in stand-in: a method and an accessor that throw on bad input, like natives do. */
function makeProto() {
  class Widget {
    value = 0;
    attach(init: { mode?: string }, _extra?: unknown): string {
      if (init.mode !== 'open') throw new TypeError('bad mode');
      return 'attached';
    }
    get level(): number {
      return this.value;
    }
    set level(v: number) {
      if (v < 0) throw new RangeError('negative');
      this.value = v;
    }
  }
  return Widget;
}

const stackOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return String((error as Error).stack);
  }
  throw new Error('did not throw');
};

describe('reportReads', () => {
  it('gives the page the native method itself, and notes who read it', () => {
    const Widget = makeProto();
    const native = Widget.prototype.attach;
    const readers: unknown[] = [];
    reportReads(Widget.prototype, 'attach', (receiver) => readers.push(receiver));
    const widget = new Widget();
    expect(widget.attach).toBe(native);
    expect(Function.prototype.toString.call(widget.attach)).toBe(Function.prototype.toString.call(native));
    expect([widget.attach.name, widget.attach.length]).toEqual(['attach', 2]);
    expect(widget.attach({ mode: 'open' })).toBe('attached');
    expect(readers).toEqual([widget, widget, widget, widget, widget]);
  });

  it('lets a native error reach the page without a frame of ours in its stack', () => {
    const Widget = makeProto();
    reportReads(Widget.prototype, 'attach', () => undefined);
    const widget = new Widget();
    const stack = stackOf(() => widget.attach({ mode: 'bad' }));
    expect(stack).toMatch(/bad mode/);
    expect(stack).not.toMatch(OURS);
    // And page code run by the native (an argument's getter) sees no frame of ours either.
    let seen = '';
    widget.attach({
      get mode() {
        seen = String(new Error().stack);
        return 'open';
      },
    });
    expect(seen).toMatch(/hooks\.test\.ts/);
    expect(seen).not.toMatch(OURS);
  });

  it('keeps assignment working: on the prototype it replaces the method, elsewhere it is an own property', () => {
    const Widget = makeProto();
    const readers: unknown[] = [];
    reportReads(Widget.prototype, 'attach', (receiver) => readers.push(receiver));
    const replacement = () => 'page wrapper';
    const widget = new Widget();
    (widget as { attach: unknown }).attach = () => 'own';
    expect(Object.getOwnPropertyDescriptor(widget, 'attach')?.writable).toBe(true);
    expect(widget.attach({})).toBe('own');
    Widget.prototype.attach = replacement;
    const other = new Widget();
    expect(other.attach({})).toBe('page wrapper');
    // Reads are still noted after the page wrapped the method.
    expect(readers).toContain(other);
  });
});

describe('reportSets', () => {
  it('calls the native setter with no frame of ours on the stack, and keeps its name and length', () => {
    const Widget = makeProto();
    const native = Object.getOwnPropertyDescriptor(Widget.prototype, 'level')?.set as (v: number) => void;
    let sets = 0;
    reportSets(Widget.prototype, 'level', () => sets++);
    const setter = Object.getOwnPropertyDescriptor(Widget.prototype, 'level')?.set as (v: number) => void;
    expect([setter.name, setter.length]).toEqual([native.name, native.length]);
    const widget = new Widget();
    widget.level = 3;
    expect([widget.level, sets]).toEqual([3, 1]);
    const stack = stackOf(() => {
      widget.level = -1;
    });
    expect(stack).toMatch(/negative/);
    expect(stack).not.toMatch(OURS);
    expect(sets).toBe(2);
  });

  it('is not steered by traps a page puts on Object.prototype', () => {
    const Widget = makeProto();
    reportSets(Widget.prototype, 'level', () => undefined);
    const proto = Object.prototype as Record<string, unknown>;
    let trapped = 0;
    proto.get = () => {
      trapped++;
      return 'hijacked';
    };
    let name = '';
    const widget = new Widget();
    try {
      const setter = Object.getOwnPropertyDescriptor(Widget.prototype, 'level')?.set as { name: string };
      name = setter.name;
      widget.level = 5;
    } finally {
      delete proto.get;
    }
    expect([name, widget.level, trapped]).toEqual(['set level', 5, 0]);
  });
});

describe('fire', () => {
  const saved = {
    Event: globalThis.Event,
    dispatch: EventTarget.prototype.dispatchEvent,
    apply: Function.prototype.apply,
    call: Function.prototype.call,
    bind: Function.prototype.bind,
    reflectApply: Reflect.apply,
    queueMicrotask: globalThis.queueMicrotask,
  };
  const restore = () => {
    globalThis.Event = saved.Event;
    EventTarget.prototype.dispatchEvent = saved.dispatch;
    Function.prototype.apply = saved.apply;
    Function.prototype.call = saved.call;
    Function.prototype.bind = saved.bind;
    Reflect.apply = saved.reflectApply;
    globalThis.queueMicrotask = saved.queueMicrotask;
  };
  afterEach(restore);

  it('dispatches from a microtask, with no frame of ours in a listener stack', async () => {
    const target = new EventTarget();
    const stacks: string[] = [];
    target.addEventListener('termlight-test', () => stacks.push(String(new Error().stack)));
    fire(target, 'termlight-test', false);
    expect(stacks).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(stacks).toHaveLength(1);
    expect(stacks[0]).not.toMatch(OURS);
  });

  it('still dispatches after the page replaced Event, dispatchEvent, apply, call, bind and queueMicrotask', async () => {
    const target = new EventTarget();
    let heard = 0;
    target.addEventListener('termlight-test', () => heard++);
    const broken = () => {
      throw new Error('replaced by the page');
    };
    globalThis.Event = broken as unknown as typeof Event;
    EventTarget.prototype.dispatchEvent = broken;
    Function.prototype.apply = broken;
    Function.prototype.call = broken;
    Function.prototype.bind = broken;
    Reflect.apply = broken;
    globalThis.queueMicrotask = broken;
    fire(target, 'termlight-test', false);
    await Promise.resolve();
    await Promise.resolve();
    restore();
    expect(heard).toBe(1);
  });
});
