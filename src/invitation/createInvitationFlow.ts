import { createSignal } from 'solid-js';
import type { DeviceStore } from '../device/deviceStore.ts';
import type { InvitationOffer } from '../survey/invitations/invitationResponse.ts';
import type { InvitationRead, InvitationSend } from './invitationApi.ts';
import type { InvitationResponse } from '../survey/invitations/invitationResponse.ts';
import { discardUnfinished, finishedResponse, forgetInvitation, loadOffer, saveOffer, toInvitationResponse } from './invitationStore.ts';

/** Where the invitation stands, apart from the kiosk's own screens while the resident answers. */
export type InvitationStep =
  | { step: 'loading' }
  | { step: 'unreachable' }
  | { step: 'storage' }
  | { step: 'used' }
  | { step: 'unknown' }
  | { step: 'invalid' }
  | { step: 'closed' }
  | { step: 'answering'; offer: InvitationOffer }
  | { step: 'delivering' };

/** The finished response's way to the server. */
export type Delivery = 'none' | 'sending' | 'waiting' | 'sent' | 'lost-used' | 'lost-closed' | 'refused';

export interface InvitationFlowDependencies {
  /** The compact code, or undefined when the link is not a code at all. */
  code: string | undefined;
  openStore: (code: string) => Promise<DeviceStore>;
  fetchInvitation: (code: string) => Promise<InvitationRead>;
  sendResponse: (code: string, response: InvitationResponse) => Promise<InvitationSend>;
  now?: () => Date;
  /** Waits before the next try while the phone is offline (grows to 5 minutes); 'online' events try at once. */
  retryDelayMs?: (attempt: number) => number;
  onlineEvents?: Pick<Window, 'addEventListener'>;
  /** Shows the app's words in a language: a reopened unsent response speaks its resident's language again. */
  useLanguage?: (language: string) => Promise<void>;
}

const defaultDelay = (attempt: number) => Math.min(300_000, 10_000 * 2 ** Math.min(attempt, 5));

/**
 * An invitation from the link to the server: opens the code's own storage, sends a finished
 * response a reload left unsent, else fetches the survey (or uses the one kept from an
 * earlier visit when offline); after the resident finishes, sends and retries until the
 * server has it, then forgets the answers.
 */
export function createInvitationFlow(deps: InvitationFlowDependencies) {
  const now = deps.now ?? (() => new Date());
  const [state, setState] = createSignal<InvitationStep>({ step: 'loading' });
  const [delivery, setDelivery] = createSignal<Delivery>('none');
  let store: DeviceStore | undefined;
  let inFlight: Promise<void> | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const settle = async (outcome: Delivery) => {
    if (store) await forgetInvitation(store).catch(() => undefined);
    store = undefined;
    setDelivery(outcome);
  };

  const sendOnce = async () => {
    const code = deps.code;
    if (!code || !store) return;
    const finished = await finishedResponse(store);
    if (!finished) return;
    setDelivery('sending');
    const outcome = await deps.sendResponse(code, await toInvitationResponse(store, finished, now()));
    clearTimeout(timer);
    if (outcome.kind === 'stored') return settle('sent');
    if (outcome.kind === 'used') return settle('lost-used');
    if (outcome.kind === 'closed') return settle('lost-closed');
    if (outcome.kind === 'refused') return settle('refused');
    waitAndRetry();
  };
  /** Kept on the phone: try again later, or as soon as the network is back. */
  const waitAndRetry = () => {
    setDelivery('waiting');
    clearTimeout(timer);
    timer = setTimeout(() => void send(), (deps.retryDelayMs ?? defaultDelay)(attempt++));
  };
  const send = (): Promise<void> => {
    inFlight ??= sendOnce()
      .catch(waitAndRetry)
      .finally(() => (inFlight = undefined));
    return inFlight;
  };
  deps.onlineEvents?.addEventListener('online', () => {
    if (delivery() === 'waiting') void send();
  });

  return {
    state,
    delivery,
    /** The code's storage (the kiosk session writes its answers there). */
    store: () => store,

    /** Opens the invitation: resumes an unsent response, or fetches the survey. Also the "try again" of an error screen. */
    async open(): Promise<void> {
      const code = deps.code;
      if (!code) return void setState({ step: 'invalid' });
      setState({ step: 'loading' });
      try {
        store ??= await deps.openStore(code);
      } catch {
        return void setState({ step: 'storage' });
      }
      const finished = await finishedResponse(store);
      if (finished) {
        await deps.useLanguage?.(finished.language).catch(() => undefined);
        setState({ step: 'delivering' });
        return send();
      }
      await discardUnfinished(store);
      const read = await deps.fetchInvitation(code);
      if (read.kind === 'offer') {
        await saveOffer(store, read.offer);
        return void setState({ step: 'answering', offer: read.offer });
      }
      if (read.kind === 'unreachable') {
        const kept = await loadOffer(store);
        return void setState(kept ? { step: 'answering', offer: kept } : { step: 'unreachable' });
      }
      // The code can no longer be answered: nothing of it needs keeping.
      await forgetInvitation(store).catch(() => undefined);
      store = undefined;
      setState({ step: read.kind });
    },

    /** The kiosk closed a response (finished, left or withdrawn): a finished one is sent now. */
    responseClosed(): void {
      void send();
    },

    /** The resident left the survey before its end: what they answered is deleted, the code stays usable. */
    async leftUnfinished(): Promise<void> {
      if (store) await discardUnfinished(store);
    },
  };
}

export type InvitationFlow = ReturnType<typeof createInvitationFlow>;
