export interface TelemetryConfig {
  rawHours: number;
  minuteDays: number;
  /** 0 = hour roll-ups are kept forever */
  hourDays: number;
}
