import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requestIsHttps } from './requestOrigin.ts';
import { SESSION_ABSOLUTE_MS } from './staffSessions.ts';

export const SESSION_COOKIE = 'sayso_session';

/** The cookie's token, when it looks like one of ours (anything else is treated as absent). */
export function readSessionCookie(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only for the API. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Strict', path: '/api', secure: requestIsHttps(c), maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/api', secure: requestIsHttps(c) });
}
