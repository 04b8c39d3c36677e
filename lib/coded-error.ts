/**
 * The shape of every error Sekimori's layers throw: a stable string `code` (the UI maps it to a translated
 * sentence; messages crossing to pages carry only the code) and a fixed message that never contains secrets,
 * URIs, codes or other user data. Each layer has its own subclass and code union.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}
