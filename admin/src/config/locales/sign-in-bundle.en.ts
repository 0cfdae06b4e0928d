import accountEn from './account.en.json';
import en from './en.json';

/** What the sign-in page says (and every page's common words): loaded before it shows. */
export default { ...en, ...accountEn };
