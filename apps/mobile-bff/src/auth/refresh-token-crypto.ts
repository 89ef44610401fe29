import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** 32 bytes, base64url: 43 characters. */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 128 random bits, base64url: 22 characters. */
export const newFamilyId = (): string => randomBytes(16).toString('base64url');

/**
 * The family's id (16 bytes, as in the access token's `fam`) followed by 128 fresh random bits.
 * Carrying the family lets any old token of it be recognised as reuse without keeping a record
 * per spent token; the random half is what makes the token unguessable.
 */
export const newRefreshToken = (familyId: string): string =>
  Buffer.concat([Buffer.from(familyId, 'base64url'), randomBytes(16)]).toString('base64url');

/** The family a refresh token names; undefined unless it is exactly the spelling we issue. */
export function familyOf(token: string): string | undefined {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 32 || bytes.toString('base64url') !== token) return undefined;
  return bytes.subarray(0, 16).toString('base64url');
}

/** The store keeps only this hash of a refresh token, never the token itself. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

const keyFrom = (token: string): Buffer =>
  createHash('sha256').update('mobile-bff successor\0').update(token).digest();

/**
 * Encrypts a successor token under its predecessor, so that only whoever holds the predecessor
 * (the app that just rotated it) can be handed the same successor again during the grace window.
 * The store itself never holds a usable token.
 */
export function sealSuccessor(successor: string, predecessor: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(predecessor), iv);
  const sealed = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

export function openSuccessor(sealed: string, predecessor: string): string | undefined {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(predecessor), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
