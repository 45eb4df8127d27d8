import { AppError, invalidField } from '../../platform/errors.ts';

/**
 * The federation's error codes (docs/conventions.md, "Errors"; docs/federation.md, "Receiving"); texts live in the
 * i18n catalogs under errors.<code>. The receiver's refusals each have their own code so the sending instance's
 * outbox and its operator can tell a forged message from a clock problem.
 */
export const FED_ERRORS = {
  invalid: 'FED_INVALID',
  noKey: 'FED_NO_KEY',
  peerTaken: 'FED_PEER_TAKEN',
  badSignature: 'FED_BAD_SIGNATURE',
  unknownPeer: 'FED_UNKNOWN_PEER',
  peerRevoked: 'FED_PEER_REVOKED',
  unknownKey: 'FED_UNKNOWN_KEY',
  keyRevoked: 'FED_KEY_REVOKED',
  keyExpired: 'FED_KEY_EXPIRED',
  staleTime: 'FED_STALE_TIME',
  replay: 'FED_REPLAY',
  notShared: 'FED_NOT_SHARED',
  badState: 'FED_BAD_STATE',
  alreadyTransferred: 'FED_ALREADY_TRANSFERRED',
  photoMismatch: 'FED_PHOTO_MISMATCH',
  photosTooLarge: 'FED_PHOTOS_TOO_LARGE',
} as const;

const state = (code: string, field: string, message: string) =>
  new AppError(code, 409, [{ field, rule: 'state', message }]);

export const fedErrors = {
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message, FED_ERRORS.invalid),
  noKey: () => state(FED_ERRORS.noKey, 'keys', 'generate this city’s federation key first'),
  peerTaken: () =>
    new AppError(FED_ERRORS.peerTaken, 409, [
      { field: 'body.peerCode', rule: 'unique', message: 'a peer with this tenant code exists' },
    ]),
  badSignature: () =>
    new AppError(FED_ERRORS.badSignature, 401, [
      { field: 'body.signature', rule: 'signature', message: 'the signature does not verify' },
    ]),
  unknownPeer: () =>
    new AppError(FED_ERRORS.unknownPeer, 403, [
      { field: 'body.message.sender.tenant', rule: 'peer', message: 'not a peer of the recipient' },
    ]),
  peerRevoked: () =>
    new AppError(FED_ERRORS.peerRevoked, 403, [
      { field: 'body.message.sender.tenant', rule: 'peer', message: 'the peer is revoked' },
    ]),
  unknownKey: () =>
    new AppError(FED_ERRORS.unknownKey, 403, [
      { field: 'body.message.sender.key', rule: 'key', message: 'unknown key' },
    ]),
  keyRevoked: () =>
    new AppError(FED_ERRORS.keyRevoked, 403, [
      { field: 'body.message.sender.key', rule: 'key', message: 'the key is revoked' },
    ]),
  keyExpired: () =>
    new AppError(FED_ERRORS.keyExpired, 403, [
      { field: 'body.message.sender.key', rule: 'key', message: 'the key’s overlap window has ended' },
    ]),
  staleTime: (maxSkewSeconds: number) =>
    new AppError(FED_ERRORS.staleTime, 400, [
      {
        field: 'body.message.time',
        rule: 'window',
        message: `more than ${maxSkewSeconds} s from the receiver’s clock`,
      },
    ]),
  replay: () =>
    new AppError(FED_ERRORS.replay, 409, [
      { field: 'body.message.nonce', rule: 'unique', message: 'this nonce was used before' },
    ]),
  notShared: (what: string) =>
    new AppError(FED_ERRORS.notShared, 403, [
      { field: 'body.message.kind', rule: 'sharing', message: `${what} is not in the sharing agreement` },
    ]),
  badState: (message: string) => state(FED_ERRORS.badState, 'id', message),
  /** a transferred photo whose bytes do not match the signed hash, size or type */
  photoMismatch: (field: string, message: string) =>
    new AppError(FED_ERRORS.photoMismatch, 400, [{ field, rule: 'sha256', message }]),
  photosTooLarge: (field: string, message: string) =>
    new AppError(FED_ERRORS.photosTooLarge, 413, [{ field, rule: 'max', message }]),
  alreadyTransferred: () => state(FED_ERRORS.alreadyTransferred, 'body.caseId', 'the case is already transferred'),
};
