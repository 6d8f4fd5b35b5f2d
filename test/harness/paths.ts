import * as path from 'node:path';

/** The project's root, from out/test/harness. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The example workspace that the integration tests and screenshots open (always as a copy). */
export const exampleFolder = path.join(repoRoot, 'example');
