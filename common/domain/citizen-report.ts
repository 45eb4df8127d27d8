/**
 * Limits of a citizen's report that the citizen page checks before sending and the server enforces (the contract in
 * common/contracts/public.ts uses these): plain values, so the page gets them without the schema library.
 */

/** Mainland mobile (11 digits starting 1[3-9]); SMS notices go only to mobiles. */
export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
/** The tracking token as issued (base64url); anything else is answered with the same 404 as an unknown one. */
export const TOKEN_MAX = 128;
export const MAX_PUBLIC_PHOTOS = 3;

/** A case number as issued: city code, day (yyyymmdd), that day's sequence (e.g. 420281-20240312-00017). */
export const CASE_NO_PATTERN = '^[A-Za-z0-9_]{1,20}-[0-9]{8}-[0-9]{5,7}$';
/** The last four digits of the reporter's phone, for the lookup by case number and phone. */
export const PHONE_LAST4_PATTERN = '^[0-9]{4}$';
/** The one-time code sent by SMS for that lookup: six digits. */
export const LOOKUP_CODE_PATTERN = '^[0-9]{6}$';
/** How long a lookup code is valid, in minutes (the SMS text says so too). */
export const LOOKUP_CODE_MINUTES = 10;
