/** Bytes as staff read them: "48.2 MB", "1.3 GB". */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
