/**
 * Saving a text the background made as a file: a Blob behind a clicked `<a download>`, so no `downloads`
 * permission is needed. The object URL is revoked once the browser has started the download.
 */
const REVOKE_AFTER_MS = 30_000;

export function downloadText(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
