import type { Translate } from '../../survey/prompts.ts';
import { localeText } from '../reports/localeText.ts';

/** The kiosk's own words for the fixed scales (yes/no, faces, expectation, compliance), so an exported XLSForm shows "Yes", not "yes". */
export const kioskWords: Translate = (language, key) => localeText('kiosk', key)?.[language];
