import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';
import consoleZh from './locales/console.zh-CN.json';
import consoleEn from './locales/console.en.json';
import designerZh from './locales/designer.zh-CN.json';
import designerEn from './locales/designer.en.json';
import accountZh from './locales/account.zh-CN.json';
import accountEn from './locales/account.en.json';
import refeditZh from './locales/refedit.zh-CN.json';
import refeditEn from './locales/refedit.en.json';
import inboxZh from './locales/inbox.zh-CN.json';
import inboxEn from './locales/inbox.en.json';
import delegationZh from './locales/delegation.zh-CN.json';
import delegationEn from './locales/delegation.en.json';
import evidenceZh from './locales/evidence.zh-CN.json';
import evidenceEn from './locales/evidence.en.json';
import mergeZh from './locales/merge.zh-CN.json';
import mergeEn from './locales/merge.en.json';
import burdenZh from './locales/burden.zh-CN.json';
import burdenEn from './locales/burden.en.json';
import sortingZh from './locales/sorting.zh-CN.json';
import sortingEn from './locales/sorting.en.json';
import auditActionsZh from './locales/audit-actions.zh-CN.json';
import auditActionsEn from './locales/audit-actions.en.json';
import findingsZh from './locales/findings.zh-CN.json';
import findingsEn from './locales/findings.en.json';
import workdayCalcZh from './locales/workday-calc.zh-CN.json';
import workdayCalcEn from './locales/workday-calc.en.json';
import instanceRefsZh from './locales/instance-refs.zh-CN.json';
import instanceRefsEn from './locales/instance-refs.en.json';
import noticeZh from './locales/notice.zh-CN.json';
import noticeEn from './locales/notice.en.json';
import statutoryZh from './locales/statutory.zh-CN.json';
import statutoryEn from './locales/statutory.en.json';
import fourEyesZh from './locales/four-eyes.zh-CN.json';
import fourEyesEn from './locales/four-eyes.en.json';
import auditArchiveZh from './locales/audit-archive.zh-CN.json';
import auditArchiveEn from './locales/audit-archive.en.json';
import powersZh from './locales/powers.zh-CN.json';
import powersEn from './locales/powers.en.json';
import type { LocaleCode } from '../types/contract';

export const LANGUAGES: LocaleCode[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: LocaleCode = 'zh-CN';
const STORAGE_KEY = 'eduflow.language';

function storedLanguage(): LocaleCode {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? DEFAULT_LANGUAGE;
}

export function currentLanguage(): LocaleCode {
  return LANGUAGES.find((l) => l === i18n.language) ?? DEFAULT_LANGUAGE;
}

function applyDayjs(lng: LocaleCode): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
}

export async function setLanguage(lng: LocaleCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lng);
  applyDayjs(lng);
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}

const initial = storedLanguage();
applyDayjs(initial);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, ...consoleZh, ...designerZh, ...accountZh, ...inboxZh, ...delegationZh, ...evidenceZh, ...mergeZh, ...burdenZh, ...sortingZh, ...refeditZh, ...auditActionsZh, ...findingsZh, ...workdayCalcZh, ...instanceRefsZh, ...noticeZh, ...statutoryZh, ...fourEyesZh, ...auditArchiveZh, ...powersZh } }, en: { translation: { ...en, ...consoleEn, ...designerEn, ...accountEn, ...inboxEn, ...delegationEn, ...evidenceEn, ...mergeEn, ...burdenEn, ...sortingEn, ...refeditEn, ...auditActionsEn, ...findingsEn, ...workdayCalcEn, ...instanceRefsEn, ...noticeEn, ...statutoryEn, ...fourEyesEn, ...auditArchiveEn, ...powersEn } } },
  lng: initial,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
