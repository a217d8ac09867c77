import RemotePage from './RemotePage.vue';
import { mountPage } from './page.ts';

mountPage(RemotePage, (t) => t('access.remote.title'));
