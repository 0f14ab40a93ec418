/**
 * The server sent something the viewer cannot use (wrong JSON shape, missing field). Unlike a programmer mistake,
 * it is shown to the user in the status bar and the viewer carries on without that piece.
 */
export class DataError extends Error {
  /**
   * @param {string} message what is wrong, for the status bar detail and the log
   * @param {string} [source] the URL or document it came from
   */
  constructor(message, source) {
    super(source ? `${message} (${source})` : message);
    this.name = 'DataError';
    this.source = source;
  }
}
