import LoginPage from './LoginPage.vue';
import { mountPage } from './page.ts';

mountPage(LoginPage, (t) => t('access.login.title'));
