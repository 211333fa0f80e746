import type { DownloadedFile } from '../api/api-client.ts';

// Saves a file the API answered (a PDF letter) under its name: a temporary link to the data, clicked once.
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the data after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
