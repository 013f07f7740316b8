/**
 * The espeak-ng voice for each launch language it speaks (Debian's espeak-ng 1.51). Pashto,
 * Sorani, Tigrinya and Somali have none: their prompts are recorded in the app.
 */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = {
  en: 'en-gb', fr: 'fr-fr', nl: 'nl', de: 'de', it: 'it', pl: 'pl', es: 'es', ru: 'ru',
  uk: 'uk', tr: 'tr', ar: 'ar', fa: 'fa',
};

/**
 * Where a shipped clip lives (public/audio/…), and its URL. The text hash is in the name:
 * new words make a new file, so a tablet's cache (cache-first) never plays old words.
 */
export const shippedClipPath = (language: string, key: string, textHash: string) => `audio/${language}/${key}.${textHash}.opus`;
export const SHIPPED_CLIP_MIME = 'audio/ogg; codecs=opus';
