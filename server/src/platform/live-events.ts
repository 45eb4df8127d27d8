import { EventEmitter } from 'node:events';

/**
 * The live-event hub: services publish after commit, SSE connections subscribe. One process by default; with
 * several instances a Redis relay (docs/architecture.md, "Several instances") republishes events from the others through `deliver`.
 */
export interface LiveEvent {
  type: string;
  tenantId: string;
  data: Record<string, unknown>;
  /**
   * An event that is not about one case (an incoming call) names the verb its readers must hold; the stream sends
   * it to those holders only. Case events carry none and follow the case's visibility.
   */
  permission?: string;
}

export class LiveHub {
  private readonly emitter = new EventEmitter();
  private relay: ((event: LiveEvent) => void) | null = null;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Publish locally and to the relay (other instances). */
  publish(event: LiveEvent): void {
    this.deliver(event);
    this.relay?.(event);
  }

  /** Deliver to this process's subscribers only (used by the relay for events from other instances). */
  deliver(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  setRelay(relay: ((event: LiveEvent) => void) | null): void {
    this.relay = relay;
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
