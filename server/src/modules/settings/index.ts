/** Per-tenant business settings (JSON by key, audited writes) and cache revision tokens, for other modules to reuse. */
export { createSettingsService, seedSetting, type SettingsService, type StoredSetting } from './settings.service.ts';
