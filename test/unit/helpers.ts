import * as path from 'node:path';

/** The project's root, from out/test/unit. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
