/** How a NoteIndex dates answers and tells its notes' texts apart. */
export interface NoteIndexOptions {
  /** The day ages are evaluated on (`YYYY-MM-DD`); the local day by default. */
  readonly today?: () => string;
  /**
   * A digest of a note's text (SHA-256 where Node gives one), kept instead of the text itself, which would cost more
   * than the rest of the note's analysis: what a comparison tells an unchanged note by. None: no note is told unchanged.
   */
  readonly fingerprint?: (text: string) => string;
}
