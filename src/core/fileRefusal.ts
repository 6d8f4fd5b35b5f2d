/**
 * Why a file of the repository is not read, found before any of it is: what its stat says it is, how large, and
 * where its real path leads. Each reader says it in its own words: a note's finding, the scope file's problem.
 */
export type FileRefusal =
  { readonly kind: 'not-a-file' } | { readonly kind: 'too-large'; readonly bytes: number } | { readonly kind: 'outside-folder' };

/** What a file's stat allows: a regular file (reached through links or not) of at most `limit` bytes. */
export function statRefusal(stat: { readonly isFile: boolean; readonly size: number }, limit: number): FileRefusal | undefined {
  if (!stat.isFile) return { kind: 'not-a-file' };
  return stat.size > limit ? { kind: 'too-large', bytes: stat.size } : undefined;
}
