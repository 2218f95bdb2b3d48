/**
 * Saves text as a file through the page's own download: the browser host's Chromium and
 * Electron's window both turn an <a download> of a blob into a save (Electron's default
 * download handler asks where). Nothing leaves the machine.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
