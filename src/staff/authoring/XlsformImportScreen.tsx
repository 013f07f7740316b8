import { t } from '../../i18n/i18n.ts';

export default function Screen() {
  return <h1>{t('results:authoringNav.surveys')}</h1>;
}
