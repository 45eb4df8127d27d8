/** "Now" comes from an injected clock so tests can freeze it (docs/conventions.md, "Time and calendar"). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Instants are stored as ISO-8601 UTC text (docs/decisions/0002-instants-as-iso-text.md). */
export const iso = (d: Date): string => d.toISOString();
