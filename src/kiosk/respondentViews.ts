// The screens after the language choice, one chunk: the attract screen does not need them.
export { ConsentScreen } from './screens/ConsentScreen.tsx';
export { QuestionScreen } from './screens/QuestionScreen.tsx';
