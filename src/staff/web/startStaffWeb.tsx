import { render } from 'solid-js/web';
import { createStaffSession } from './createStaffSession.ts';
import { initialStaffLanguage, startStaffLanguage } from './staffLanguage.ts';
import { StaffWebApp } from './StaffWebApp.tsx';

/** Boots the staff web screens at /staff (src/main.tsx imports this chunk instead of starting the kiosk). */
export async function startStaffWeb(root: HTMLElement): Promise<void> {
  const search = new URLSearchParams(location.search);
  const language = initialStaffLanguage(search);
  await startStaffLanguage(language);
  const session = createStaffSession();
  // ?lang= on the print link sets that printout's language without changing the staff member's choice.
  render(() => <StaffWebApp session={session} initialLanguage={language} rememberLanguage={!search.has('lang')} />, root);
}
