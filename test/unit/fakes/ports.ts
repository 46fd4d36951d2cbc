/**
 * `runtime.connect` and `runtime.onConnect` for the fake browser: the two ends of a port joined in
 * memory. Messages are cloned and delivered in order on later tasks, as a browser delivers them,
 * and a disconnect reaches the other end after the messages posted before it.
 */
import browser, { EXTENSION_URL } from './browser';

class PortEvent<L extends (...args: never[]) => void> {
  readonly listeners = new Set<L>();
  addListener(listener: L) {
    this.listeners.add(listener);
  }
  removeListener(listener: L) {
    this.listeners.delete(listener);
  }
  hasListener(listener: L) {
    return this.listeners.has(listener);
  }
  fire(...args: Parameters<L>) {
    for (const listener of this.listeners) listener(...args);
  }
}

/** One end of a port. */
export class FakePort {
  readonly onMessage = new PortEvent<(message: unknown, port: FakePort) => void>();
  readonly onDisconnect = new PortEvent<(port: FakePort) => void>();
  /** Whether this end has been disconnected, by either side. */
  disconnected = false;
  other: FakePort | null = null;

  constructor(
    readonly name: string,
    readonly sender?: { id?: string; url?: string },
  ) {}

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    const copy = structuredClone(message);
    const other = this.other;
    setTimeout(() => {
      if (other && !other.disconnected) other.onMessage.fire(copy, other);
    });
  }

  disconnect(): void {
    if (this.disconnected) return;
    this.disconnected = true;
    const other = this.other;
    setTimeout(() => {
      if (!other || other.disconnected) return;
      other.disconnected = true;
      other.onDisconnect.fire(other);
    });
  }
}

/** The background's `runtime.onConnect`. */
export const onConnect = new PortEvent<(port: FakePort) => void>();

/** The library page's URL, the sender of ports the fake's `runtime.connect` opens. */
export const LIBRARY_URL = `${EXTENSION_URL}library.html`;

/** Opens a port named `name` from a context at `url`; returns that context's end. */
export function connectFrom(url: string, name: string): FakePort {
  const near = new FakePort(name);
  const far = new FakePort(name, { id: browser.runtime.id, url });
  near.other = far;
  far.other = near;
  onConnect.fire(far);
  return near;
}

Object.assign(browser.runtime, {
  onConnect,
  connect: (info: { name: string }) => connectFrom(LIBRARY_URL, info.name),
});

/** Forgets every `onConnect` listener, so each test starts with its own background. */
export function resetPorts(): void {
  onConnect.listeners.clear();
}
