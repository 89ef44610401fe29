import { createHash } from 'node:crypto';

// Where a session lives in the StateStore. Every key holds a SHA-256, never the cookie's id or the
// provider's identifiers themselves, so a leaked store dump holds no usable cookie.

const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

/** 32 random bytes (256 bits), base64url without padding: 43 characters. */
export const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export const hashOfId = (id: string): string => sha256(id);

/** The session record and its last-seen time. */
export const keysOfHash = (hash: string): [record: string, seen: string] => [
  `session:${hash}`,
  `session-seen:${hash}`,
];

/** The sessions of one subject at the provider (one customer), newest last. */
export const subjectIndex = (subject: string): string => `sessions-of:${sha256(subject)}`;

/** The sessions opened under one provider session (`sid`): what back-channel logout ends. */
export const sidIndex = (sid: string): string => `sessions-of-sid:${sha256(sid)}`;

/** Held by the one request (of all replicas) that refreshes this session's tokens. */
export const refreshLock = (hash: string): string => `session-refresh:${hash}`;
