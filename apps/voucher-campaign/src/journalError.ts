/**
 * A problem with the journal file that the user has to act on: it belongs to another campaign, has a
 * corrupt line, is not a journal at all, is in use by another run, or could not be written (disk full).
 * The message names the journal path (and the line, where there is one) and says what to do.
 */
export class JournalError extends Error {
  override readonly name = 'JournalError';
}
