// A stand-in for a socket.io-client Socket in the screen's unit tests: it records what the code
// under test emits and lets the test fire what the server would send (connect, snapshot, delta…).

export interface FakeSocket {
  connected: boolean;
  on(event: string, listener: (...args: any[]) => void): void;
  off(event: string, listener?: (...args: any[]) => void): void;
  emit(event: string, msg?: unknown): void;
  /** Calls the listeners of `event`, as a message from the server would; connect and disconnect also set `connected`. */
  fire(event: string, msg?: unknown): void;
  /** Everything emitted, in order. */
  sent: { event: string; msg: any }[];
  /** How many listeners `event` has. */
  count(event: string): number;
}

export function fakeSocket(connected = false): FakeSocket {
  const handlers = new Map<string, Set<(...args: any[]) => void>>();
  const socket: FakeSocket = {
    connected,
    on(event, listener) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(listener);
    },
    off(event, listener) {
      if (listener) handlers.get(event)?.delete(listener);
      else handlers.delete(event);
    },
    emit(event, msg) {
      socket.sent.push({ event, msg });
    },
    fire(event, msg) {
      if (event === 'connect') socket.connected = true;
      if (event === 'disconnect') socket.connected = false;
      for (const listener of [...(handlers.get(event) ?? [])]) listener(msg);
    },
    sent: [],
    count: (event) => handlers.get(event)?.size ?? 0,
  };
  return socket;
}
