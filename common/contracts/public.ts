import { Type, type Static } from 'typebox';
import { Crs } from './cases.ts';
import { PublicCaseView, Satisfaction } from './case-public.ts';
import { FeatureCollectionOut } from './geo.ts';
import { Nullable } from './common.ts';
import {
  CASE_NO_PATTERN,
  LOOKUP_CODE_PATTERN,
  MAX_PUBLIC_PHOTOS,
  MOBILE_PATTERN,
  PHONE_LAST4_PATTERN,
  TOKEN_MAX,
} from '../domain/citizen-report.ts';

/**
 * Citizen entry points, all under /api/public and all public: nothing here may carry the reporter's
 * identity or a staff name (the response schemas are the allow-list; PublicCaseView is built by the case module).
 */
export { PublicCaseView };

export { CASE_NO_PATTERN, LOOKUP_CODE_PATTERN, MAX_PUBLIC_PHOTOS, MOBILE_PATTERN, PHONE_LAST4_PATTERN, TOKEN_MAX };

export const PublicInfo = Type.Object({
  city: Type.Object({ code: Type.String(), name: Type.String() }),
  /** the city's IANA time zone: the citizen's pages show every date and time in it, wherever the phone is */
  timezone: Type.String(),
  /** days after closing during which the citizen may ask to reopen (setting case.reopenDays) */
  reopenDays: Type.Integer(),
  maxPhotos: Type.Integer(),
  /** where the map starts: the city's centre, or null before its geography is loaded */
  center: Nullable(Type.Object({ lng: Type.Number(), lat: Type.Number() })),
  /** the bounding box of the city's regions (WGS-84 degrees), or null before its geography is loaded */
  extent: Nullable(
    Type.Object({ west: Type.Number(), south: Type.Number(), east: Type.Number(), north: Type.Number() }),
  ),
  /** the online basemap the bureau configured (天地图), or null for the offline map */
  basemap: Nullable(
    Type.Object({
      url: Type.String(),
      attribution: Type.String(),
      subdomains: Type.Array(Type.String()),
      labelsUrl: Nullable(Type.String()),
      maxZoom: Type.Integer(),
    }),
  ),
  /** true when notices go out by SMS (else they are only logged) */
  smsEnabled: Type.Boolean(),
});
export type PublicInfo = Static<typeof PublicInfo>;

/** The city outline and its streets/towns, for the citizen's map (public administrative areas only). */
export const PublicMap = FeatureCollectionOut;

export const PublicMatterQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type PublicMatterQuery = Static<typeof PublicMatterQuery>;

export const PublicMatter = Type.Object({ code: Type.String(), name: Type.String(), majorName: Type.String() });
export type PublicMatter = Static<typeof PublicMatter>;

export const PublicMatterPage = Type.Object({
  items: Type.Array(PublicMatter),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type PublicMatterPage = Static<typeof PublicMatterPage>;

export const PublicPhotoUploaded = Type.Object({ id: Type.String() });
export type PublicPhotoUploaded = Static<typeof PublicPhotoUploaded>;

/** Headers of citizen writes: a retry-safe Idempotency-Key and the app's random per-install device id. */
export const PublicWriteHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ maxLength: 128 })),
  'x-device-id': Type.Optional(Type.String({ maxLength: 64 })),
});

export const PublicReport = Type.Object({
  matterCode: Type.String({ pattern: '^[0-9]{5}$' }),
  description: Type.String({ minLength: 5, maxLength: 1000 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(Crs),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.String({ pattern: MOBILE_PATTERN })),
  photoIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: MAX_PUBLIC_PHOTOS })),
});
export type PublicReport = Static<typeof PublicReport>;

export const PublicReportResult = Type.Object({
  caseNo: Type.String(),
  /** the private tracking token: shown once to the citizen, only its hash is stored */
  token: Type.String(),
});
export type PublicReportResult = Static<typeof PublicReportResult>;

export const TokenParams = Type.Object({ token: Type.String({ maxLength: TOKEN_MAX }) });

/** Lookup by case number and the last 4 digits of the reporter's phone: step 1 asks for an SMS code. */
export const PublicLookup = Type.Object({
  caseNo: Type.String({ pattern: CASE_NO_PATTERN, maxLength: 40 }),
  phoneLast4: Type.String({ pattern: PHONE_LAST4_PATTERN }),
});
export type PublicLookup = Static<typeof PublicLookup>;

/** The same answer whether or not the number and phone matched (docs/security.md). */
export const PublicLookupSent = Type.Object({
  /** minutes a code sent now stays valid */
  expiresInMinutes: Type.Integer(),
});
export type PublicLookupSent = Static<typeof PublicLookupSent>;

/** Step 2: the code from the SMS. */
export const PublicLookupVerify = Type.Object({
  caseNo: Type.String({ pattern: CASE_NO_PATTERN, maxLength: 40 }),
  code: Type.String({ pattern: LOOKUP_CODE_PATTERN }),
});
export type PublicLookupVerify = Static<typeof PublicLookupVerify>;

/** An access token that works like the tracking token on /api/public/track/* until `expiresAt`. */
export const PublicLookupResult = Type.Object({
  caseNo: Type.String(),
  token: Type.String(),
  expiresAt: Type.String(),
});
export type PublicLookupResult = Static<typeof PublicLookupResult>;

export const PublicRating = Type.Object({
  value: Satisfaction,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type PublicRating = Static<typeof PublicRating>;

export const PublicReopen = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500 }) });
export type PublicReopen = Static<typeof PublicReopen>;

/** Staff setting of the citizen channel: how many days after closing a citizen may ask to reopen (case.reopenDays). */
export const CitizenSettings = Type.Object({ reopenDays: Type.Integer({ minimum: 0, maximum: 90 }) });
export type CitizenSettings = Static<typeof CitizenSettings>;
