import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * "Save as PDF" in the Electron app: the page as it prints (the reports' print layout, every
 * page), written where the owner chooses. The browser host has no such call: its print
 * dialog offers "Save as PDF" itself.
 */
export async function saveWindowAsPdf(
  window: BrowserWindow,
  suggestedName: string,
  folder: string,
): Promise<{ saved: boolean; path: string | null }> {
  const name = suggestedName.replace(/[\\/:*?"<>|]/g, '-');
  const chosen = await dialog.showSaveDialog(window, {
    defaultPath: join(folder, name.endsWith('.pdf') ? name : `${name}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (chosen.canceled || chosen.filePath === '') return { saved: false, path: null };
  const pdf = await window.webContents.printToPDF({
    printBackground: true,
    pageSize: 'A4',
    preferCSSPageSize: true,
  });
  await writeFile(chosen.filePath, pdf);
  return { saved: true, path: chosen.filePath };
}
