/** How a NoteIndex dates answers and tells its notes' texts apart. */
export interface NoteIndexOptions {
  /** The day ages are evaluated on (`YYYY-MM-DD`); the local day by default. */
  readonly today?: () => string;
  /**
   * A digest of a note's text (SHA-256 where Node gives one), kept instead of the text itself, which would cost more
   * than the rest of the note's analysis: what a comparison tells an unchanged note by. None: no note is told unchanged.
   */
  readonly fingerprint?: (text: string) => string;
  /**
   * A note's text as it is now (path as in setNote), read the way notes are read (bounded, inside the scope's
   * folder); undefined when it cannot be. With it, the index keeps no note's text: what the views show of an answer
   * is read again when asked (see noteLeads), and never from a text other than the one analyzed. Without it, each
   * note's text is kept.
   */
  readonly readText?: (path: string) => string | undefined;
}
