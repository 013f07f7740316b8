// The mediator's components in one chunk: the kiosk loads it once, when a mediator signs in.
export { MediatorSignInScreen } from './MediatorSignInScreen.tsx';
export { MediatorSetupScreen } from './MediatorSetupScreen.tsx';
export { MediatorBanner } from './MediatorBanner.tsx';
export { HelpMarks } from './HelpMarks.tsx';
export { NotesScreen } from './NotesScreen.tsx';
