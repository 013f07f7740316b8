/** What the spoken-answer control needs from the running kiosk session (createKioskSession.ts). */
export interface SpokenCommentSession {
  /** Whether a voice can be kept: not in staff preview, and the tablet has its organisation's sealing key. */
  canRecordSpoken(): Promise<boolean>;
  /** Seals and stores the recording, then records its clip id as the answer; resolves once both are durable. */
  recordSpoken(questionId: string, audio: ArrayBuffer, mime: string, durationMs: number): Promise<string>;
  /** Deletes the sealed recording, then clears the answer. */
  discardSpoken(questionId: string): Promise<void>;
}

/*
 * A module-level holder rather than Solid's context (as src/staff/web/StaffContext.ts): the
 * question screen is not handed the session, and one kiosk session runs per page.
 */
let current: SpokenCommentSession | undefined;

/** Makes `session` the one the spoken-answer control talks to; returns it, for spreading into the session object. */
export function provideSpokenCommentSession<T extends SpokenCommentSession>(session: T): T {
  current = session;
  return session;
}

/** The running session's spoken comments, or undefined when no kiosk session runs (nothing can be kept). */
export function useSpokenCommentSession(): SpokenCommentSession | undefined {
  return current;
}
