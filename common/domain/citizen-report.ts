/**
 * Limits of a citizen's report that the citizen page checks before sending and the server enforces (the contract in
 * common/contracts/public.ts uses these): plain values, so the page gets them without the schema library.
 */

/** Mainland mobile (11 digits starting 1[3-9]); SMS notices go only to mobiles. */
export const MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
/** The tracking token as issued (base64url); anything else is answered with the same 404 as an unknown one. */
export const TOKEN_MAX = 128;
export const MAX_PUBLIC_PHOTOS = 3;
