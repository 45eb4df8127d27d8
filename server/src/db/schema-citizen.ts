/**
 * Columns added by migration 0009_citizen to the `notifications` outbox (declared in schema-cases.ts), merged into
 * that interface by module augmentation so the typed table map stays one place (docs/architecture.md, "Module anatomy").
 */
export interface NotificationDeliveryColumns {
  /** delivery tries so far (0 = never tried) */
  attempts?: number;
  /** the gateway's last refusal, shortened; never the message or the phone */
  last_error?: string | null;
  /** earliest next try (back-off); null = due now */
  next_attempt_at?: string | null;
  /** set when the dispatcher gave up after the last allowed attempt */
  failed_at?: string | null;
  /** the provider's message id, when it returns one */
  provider_id?: string | null;
}

declare module './schema-cases.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the 0009 columns
  interface NotificationsTable extends NotificationDeliveryColumns {}
}
