import accountZh from './account.zh-CN.json';
import zhCN from './zh-CN.json';

/** What the sign-in page says (and every page's common words): loaded before it shows. */
export default { ...zhCN, ...accountZh };
