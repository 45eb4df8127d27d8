/** Where GPS messages go: like `TelemetryService.ingest`, it throws only when storage fails. */
export interface GpsSink {
  ingest(topic: string, payload: Buffer): Promise<unknown>;
}
