import PairPage from './PairPage.vue';
import { mountPage } from './page.ts';

mountPage(PairPage, (t) => t('access.pair.title'));
