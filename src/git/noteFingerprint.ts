import { createHash } from 'node:crypto';

/** A note's text as a SHA-256 digest: what a comparison tells an unchanged note by, without keeping the text. */
export function noteFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
