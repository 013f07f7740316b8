/**
 * The header the app's audio-cache filler sends with each clip it fetches. The service
 * worker leaves those requests to the browser: a worker busy with thousands of cache
 * fetches would never be idle, and a waiting app update activates only when it is.
 */
export const CACHE_FILL_HEADER = 'x-sayso-cache-fill';
