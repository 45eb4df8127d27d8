/**
 * Open311 errors carry the spec's status and one or more descriptions (docs/open311.md, "Errors"): 404 unknown
 * resource, 403 missing/invalid api_key, 400 anything else. 413 (oversized media) and 429 (rate limit) are plain
 * HTTP meanings the spec leaves open; they use the same body.
 */
export class O311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
    /** sent as Retry-After with a 429 */
    readonly retryAfterSeconds?: number,
  ) {
    super(descriptions.join('; '));
    this.name = 'O311Error';
  }

  static badRequest(...descriptions: string[]) {
    return new O311Error(400, descriptions);
  }
  static notFound(description: string) {
    return new O311Error(404, [description]);
  }
  static forbidden(description = 'api_key is missing or invalid') {
    return new O311Error(403, [description]);
  }
  static tooLarge(description: string) {
    return new O311Error(413, [description]);
  }
  static rateLimited(perMinute: number, retryAfterSeconds?: number, who = 'this api_key') {
    return new O311Error(
      429,
      [`rate limit of ${perMinute} requests per minute exceeded for ${who}`],
      retryAfterSeconds,
    );
  }
}
