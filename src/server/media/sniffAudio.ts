/** The audio types a prompt clip or spoken comment may have (docs/media-api.md). */
export const AUDIO_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

/**
 * A Content-Type as stored and served again: the base type in lower case, with parameters
 * such as `;codecs=opus` kept (a player needs them), or undefined when it is not one of
 * AUDIO_TYPES or not printable ASCII.
 */
export function audioMime(contentType: string | undefined): { mime: string; type: AudioType } | undefined {
  if (!contentType || contentType.length > 100 || !/^[\x20-\x7e]+$/.test(contentType)) return undefined;
  const [base, ...params] = contentType.split(';');
  const type = base!.trim().toLowerCase();
  if (!(AUDIO_TYPES as readonly string[]).includes(type)) return undefined;
  const rest = params.map((p) => p.trim()).filter((p) => p !== '');
  if (rest.some((p) => !/^[A-Za-z0-9_.+-]+=("[^"]*"|[A-Za-z0-9_.,+-]+)$/.test(p))) return undefined;
  return { mime: [type, ...rest].join(';'), type: type as AudioType };
}

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/**
 * Whether the bytes start as their container does: EBML header for WebM, "OggS" for Ogg,
 * an "ftyp" box for MP4 (ISO/IEC 14496-12 §4.3), an ID3v2 tag or an MPEG frame sync (11 set
 * bits) for MP3, "RIFF….WAVE" for WAV. A renamed or corrupt file is refused before it is stored.
 */
export function looksLike(type: AudioType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'audio/webm':
      return bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
    case 'audio/ogg':
      return ascii(bytes, 0, 'OggS');
    case 'audio/mp4':
      return ascii(bytes, 4, 'ftyp');
    case 'audio/mpeg':
      return ascii(bytes, 0, 'ID3') || (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0);
    case 'audio/wav':
      return ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE');
  }
}
