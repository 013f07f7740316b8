import { t } from '../../i18n/i18n.ts';

export default function WavesScreen() {
  return <h1>{t('results:authoringNav.waves')}</h1>;
}
