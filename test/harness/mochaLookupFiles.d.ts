// Mocha's own glob expansion, as its command line uses it (the package ships no types for it).
declare module 'mocha/lib/cli/lookup-files.js' {
  export function lookupFiles(pattern: string, extensions?: string[], recursive?: boolean): string[];
}
