import type { Context } from 'hono';

function firstValue(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.trim().toLowerCase() || undefined;
}

/** True when the request came over HTTPS, directly or through a TLS reverse proxy (X-Forwarded-Proto). */
export function requestIsHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || firstValue(c.req.header('x-forwarded-proto')) === 'https';
}

/** The origins this server answers as: the URL it was asked by, and the one a reverse proxy reports. */
function ownOrigins(c: Context): string[] {
  const url = new URL(c.req.url);
  const proto = firstValue(c.req.header('x-forwarded-proto')) ?? url.protocol.replace(':', '');
  const host = firstValue(c.req.header('x-forwarded-host')) ?? c.req.header('host')?.toLowerCase() ?? url.host;
  return [url.origin.toLowerCase(), `${proto}://${host}`];
}

/**
 * A browser names the page that made the request in Origin; a foreign page (or "null", a
 * sandboxed one) must not act with the staff member's cookie. No Origin: not a browser's
 * cross-site request (every current browser sends Origin on a cross-site POST).
 */
export function originAllowed(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return ownOrigins(c).includes(origin.trim().toLowerCase());
}
