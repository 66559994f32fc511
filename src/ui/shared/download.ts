/**
 * Hands `content` (one part or several, joined) to the browser as a download named `fileName`: a Blob behind an object URL and a
 * link with `download`, revoked once the browser has had time to start reading it.
 */
export function downloadFile(content: BlobPart | readonly BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(Array.isArray(content) ? content : [content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  // Attached, so that every browser follows the click; removed at once.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
